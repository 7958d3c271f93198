// "Valid enough" for the HTML part of an e-mail (there is no HTML parser among the dependencies):
// a doctype, the reader's language on <html>, a title, a viewport, every tag closed in order, no
// script, no event handler, no remote resource, and every link's address printed as its text.
const VOID = new Set(["meta", "br", "hr", "img", "link", "input"]);

export function emailHtmlProblems(html: string, locale: "id" | "en"): string[] {
  const problems: string[] = [];
  if (!html.startsWith("<!DOCTYPE html>")) problems.push("no doctype");
  if (!new RegExp(`<html lang="${locale}">`).test(html)) problems.push(`no <html lang="${locale}">`);
  if (!/<title>[^<]+<\/title>/.test(html)) problems.push("no title");
  if (!/<meta name="viewport" content="width=device-width, initial-scale=1">/.test(html)) problems.push("no viewport");
  if (/<script|<iframe|<img|<link|<object|<embed|<form/i.test(html)) problems.push("script, frame, image, form or remote resource");
  if (/\son[a-z]+\s*=/i.test(html)) problems.push("event handler attribute");
  if (/javascript:/i.test(html)) problems.push("javascript: URL");
  if (/\ssrc=|url\(/i.test(html)) problems.push("remote resource");
  const stack: string[] = [];
  for (const [, closing, name] of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
    const tag = name!.toLowerCase();
    if (VOID.has(tag)) continue;
    if (!closing) stack.push(tag);
    else if (stack.pop() !== tag) problems.push(`</${tag}> closes the wrong element`);
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(", ")}`);
  for (const [, href, text] of html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)) {
    if (href !== text) problems.push(`link text is not its address: ${text}`);
  }
  return problems;
}

/** The text of an HTML part, as a reader would see it: tags out, entities decoded. */
export function emailHtmlText(html: string): string {
  return html
    .replace(/<title>[\s\S]*?<\/title>/, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}
