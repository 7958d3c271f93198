// Since ADR 018 every document carries its page's words in the loader data (a <script>): the public
// catalogue on every page, the staff one on staff pages. A check that a page *shows* some catalogue
// text must read the rendered markup, or it passes whether or not the text is on screen. Checks that
// something is *absent* (an identity, another unit's data) keep reading the whole document, loader
// data included.

/** The document without its <script> elements: what the page renders. */
export function renderedHtml(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
}

/** A response's document both ways: `raw` for absence checks, `html` (rendered) for what it shows. */
export async function readPage(response: Response): Promise<{ raw: string; html: string }> {
  const raw = await response.text();
  return { raw, html: renderedHtml(raw) };
}
