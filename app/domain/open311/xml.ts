// A small XML writer for the GeoReport v2 responses: elements only (no attributes), text escaped,
// characters XML 1.0 cannot carry dropped. Hand-written on purpose: the documents are flat and a
// dependency for them would be more code to trust than this.

export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [key: string]: XmlValue };

// XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates (paired ones are fine),
// U+FFFE and U+FFFF. A control character in a complaint text would otherwise make the document
// unparseable for every client.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function assertName(name: string): string {
  if (!NAME.test(name) || /^xml/i.test(name)) throw new Error(`invalid XML element name: ${name}`);
  return name;
}

/**
 * Writes `value` as the element `name`. Arrays become a container whose children are named by
 * `itemNames[name]` (e.g. `formats` → `format`); an array without an item name repeats `name`.
 * null and undefined become an empty element, as most GeoReport servers write blank fields.
 */
function element(name: string, value: XmlValue, itemNames: Readonly<Record<string, string>>, out: string[]): void {
  const tag = assertName(name);
  if (value === null || value === undefined) {
    out.push(`<${tag}/>`);
  } else if (Array.isArray(value)) {
    const item = itemNames[name];
    if (!item) throw new Error(`no item element name for array ${name}`);
    out.push(`<${tag}>`);
    for (const entry of value) element(item, entry, itemNames, out);
    out.push(`</${tag}>`);
  } else if (typeof value === "object") {
    out.push(`<${tag}>`);
    for (const [key, child] of Object.entries(value)) element(key, child, itemNames, out);
    out.push(`</${tag}>`);
  } else {
    out.push(`<${tag}>${escapeXml(String(value))}</${tag}>`);
  }
}

/** A whole document: the declaration the spec asks for, then the root element. */
export function toXmlDocument(root: string, value: XmlValue, itemNames: Readonly<Record<string, string>> = {}): string {
  const out: string[] = [];
  element(root, value, itemNames, out);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${out.join("")}\n`;
}
