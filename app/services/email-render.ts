// Every e-mail goes out as plain text and as HTML made from the same content (ADR 009, session 6
// addendum), so the two parts cannot say different things. The HTML is deliberately plain: one
// column that a 360 px phone shows without scrolling sideways, real text (no images), the language
// declared for screen readers, dark text on white, and every link printed as its own visible URL
// (mail clients hide or rewrite link targets, and a reader should see where a link goes). No script,
// no external resource, no tracking pixel.
import type { Locale } from "./i18n";

/** One entry of a digest: what it is about, a few lines, and where to act on it. */
export interface EmailItem {
  title: string;
  lines: string[];
  link?: string;
}

export type EmailBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "items"; items: EmailItem[] };

export interface EmailContent {
  locale: Locale;
  subject: string;
  blocks: EmailBlock[];
}

/** The sender's name as shown in the reader's mailbox; the address is MAIL_FROM. */
export const MAIL_FROM_NAME = "Lapor Pangkalpinang";

/**
 * The blocks of a message written as plain text: paragraphs separated by blank lines, and
 * paragraphs whose every line starts with "- " read as a list.
 */
export function blocksFromText(text: string): EmailBlock[] {
  const blocks: EmailBlock[] = [];
  for (const paragraph of text.replace(/\r\n?/g, "\n").split(/\n{2,}/)) {
    const trimmed = paragraph.trim();
    if (trimmed === "") continue;
    const lines = trimmed.split("\n");
    if (lines.every((line) => line.startsWith("- "))) blocks.push({ kind: "list", items: lines.map((line) => line.slice(2).trim()) });
    else blocks.push({ kind: "paragraph", text: trimmed });
  }
  return blocks;
}

export function renderEmailText(content: EmailContent): string {
  const parts: string[] = [];
  for (const block of content.blocks) {
    if (block.kind === "paragraph") parts.push(block.text);
    else if (block.kind === "heading") parts.push(block.text.toUpperCase());
    else if (block.kind === "list") parts.push(block.items.map((item) => `- ${item}`).join("\n"));
    else {
      parts.push(
        block.items
          .map((item, index) => [`${index + 1}. ${item.title}`, ...item.lines.map((line) => `   ${line}`), ...(item.link ? [`   ${item.link}`] : [])].join("\n"))
          .join("\n\n"),
      );
    }
  }
  return parts.join("\n\n");
}

const COLORS = { text: "#1f2328", link: "#0b57a4", rule: "#d0d7de", brand: "#0b3d6e" };
const FONT = "font-family:Arial,Helvetica,sans-serif;";
const LINK_STYLE = `color:${COLORS.link};text-decoration:underline;word-break:break-all;overflow-wrap:anywhere;`;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

/** Escaped text with its http(s) addresses as links whose text is the address itself. */
function inline(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    // A sentence's full stop or closing bracket after an address is not part of it.
    const url = match[0].replace(/[.,;:!?)\]]+$/, "");
    const at = match.index ?? 0;
    out += escapeHtml(text.slice(last, at)) + link(url);
    last = at + url.length;
  }
  return (out + escapeHtml(text.slice(last))).replace(/\n/g, "<br>\n");
}

function link(url: string): string {
  return `<a href="${escapeHtml(url)}" style="${LINK_STYLE}">${escapeHtml(url)}</a>`;
}

function renderBlock(block: EmailBlock): string {
  const paragraph = `margin:0 0 16px 0;${FONT}font-size:16px;line-height:1.5;color:${COLORS.text};`;
  switch (block.kind) {
    case "paragraph":
      return `<p style="${paragraph}">${inline(block.text)}</p>`;
    case "heading":
      return `<h2 style="margin:24px 0 8px 0;${FONT}font-size:18px;line-height:1.3;color:${COLORS.text};">${escapeHtml(block.text)}</h2>`;
    case "list":
      return `<ul style="margin:0 0 16px 0;padding-left:24px;${FONT}font-size:16px;line-height:1.5;color:${COLORS.text};">${block.items
        .map((item) => `<li style="margin:0 0 4px 0;">${inline(item)}</li>`)
        .join("")}</ul>`;
    case "items":
      return `<ol style="margin:0 0 16px 0;padding-left:24px;${FONT}font-size:16px;line-height:1.5;color:${COLORS.text};">${block.items
        .map(
          (item) =>
            `<li style="margin:0 0 16px 0;padding:0 0 12px 0;border-bottom:1px solid ${COLORS.rule};">` +
            `<strong>${escapeHtml(item.title)}</strong>` +
            item.lines.map((line) => `<br>\n${inline(line)}`).join("") +
            (item.link ? `<br>\n${link(item.link)}` : "") +
            `</li>`,
        )
        .join("")}</ol>`;
  }
}

export function renderEmailHtml(content: EmailContent): string {
  return [
    "<!DOCTYPE html>",
    `<html lang="${content.locale}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${escapeHtml(content.subject)}</title>`,
    "</head>",
    `<body style="margin:0;padding:0;background-color:#ffffff;color:${COLORS.text};">`,
    `<div style="max-width:600px;margin:0 auto;padding:16px;${FONT}">`,
    `<p style="margin:0 0 16px 0;padding:0 0 8px 0;border-bottom:2px solid ${COLORS.brand};${FONT}font-size:18px;font-weight:bold;color:${COLORS.brand};">${escapeHtml(MAIL_FROM_NAME)}</p>`,
    ...content.blocks.map(renderBlock),
    "</div>",
    "</body>",
    "</html>",
  ].join("\n");
}

/** Both parts of a message written as plain text (see blocksFromText). */
export function renderTextMessage(locale: Locale, subject: string, text: string): { text: string; html: string } {
  return { text, html: renderEmailHtml({ locale, subject, blocks: blocksFromText(text) }) };
}
