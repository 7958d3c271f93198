// The citizen's own words in an e-mailed reply: what they typed, without the notification they answered
// (quoted with ">" or pasted under an Outlook header block), without the attribution line above it and
// without their signature or their phone's "Sent from …" line. Staff read the result on the complaint's
// timeline, so a little of the citizen's text lost to a rule is worse than a line of history kept: each
// rule below names a shape that mail clients produce and is anchored to a whole line.
//
// Quoted history marked with ">" is dropped line by line, so an answer written below or between the quoted
// lines survives. History that is not marked (Outlook's header block, "-----Original Message-----", a
// forwarded message, an attribution followed by unmarked text) cannot be told apart from what follows it,
// so everything from there on is dropped; a signature likewise ends the citizen's text.
//
// Pure and total: any string (or none) gives a string, never an exception.
import { CITIZEN_REPLY_MAX_LENGTH } from "~/domain/complaints/citizen-actions";

/**
 * At most this many characters are kept: the tracking page's reply limit, so a reply by mail and a reply
 * on the page fit the same column and the same screen.
 */
export const REPLY_TEXT_MAX_LENGTH = CITIZEN_REPLY_MAX_LENGTH;

// A bound on the work done for one mail; the new words come first in all but bottom-posted replies, and no
// bottom-posted answer sits a megabyte below its quote.
const MAX_INPUT_LENGTH = 1_000_000;

// ---------------------------------------------------------------------------------------------------------
// HTML to text

// Elements whose content is never text for a reader.
const RAW_TEXT_ELEMENTS = new Set(["head", "style", "script", "title", "template", "noscript", "textarea", "xmp", "svg", "object"]);
const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);
const BLOCK_ELEMENTS = new Set([
  "address", "article", "aside", "blockquote", "body", "center", "dd", "div", "dl", "dt", "fieldset", "figcaption",
  "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol",
  "p", "pre", "section", "table", "tbody", "tfoot", "thead", "tr", "ul",
]);
// Quoted history and signatures as the web and mobile clients mark them up: Gmail (`gmail_quote`, with its
// attribution in `gmail_attr`, and `gmail_signature`), Yahoo (`yahoo_quoted`, with a per-message prefix),
// Thunderbird (`moz-cite-prefix`, `moz-signature`). Apple Mail and most others quote in <blockquote>.
const QUOTE_CLASS = /(?:^|\s)(?:gmail_quote|gmail_attr|gmail_signature|moz-cite-prefix|moz-signature|[\w-]*yahoo_quoted)(?:\s|$)/i;
const QUOTE_ID = /yahoo_quoted/i;
// Outlook on the web and Outlook for mobile put the original after `divRplyFwdMsg` (preceded by an empty
// `appendonsend`), as siblings rather than inside it; Hotmail marked the same place with `stopSpelling`.
// Nothing after them is the citizen's.
const HISTORY_STARTS_ID = /^(?:divRplyFwdMsg|appendonsend|stopSpelling)$/i;

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", ensp: " ", emsp: " ", thinsp: " ",
  ndash: "–", mdash: "—", hellip: "…", lsquo: "‘", rsquo: "’", sbquo: "‚", ldquo: "“", rdquo: "”", bdquo: "„",
  laquo: "«", raquo: "»", lsaquo: "‹", rsaquo: "›", bull: "•", middot: "·", copy: "©", reg: "®", trade: "™",
  euro: "€", pound: "£", yen: "¥", cent: "¢", deg: "°", plusmn: "±", times: "×", divide: "÷", frac12: "½",
  frac14: "¼", frac34: "¾", sup2: "²", sup3: "³", micro: "µ", para: "¶", sect: "§", iexcl: "¡", iquest: "¿",
  shy: "", zwj: "\u200d", zwnj: "\u200c", lrm: "", rlm: "", agrave: "à", aacute: "á", acirc: "â", auml: "ä",
  ccedil: "ç", egrave: "è", eacute: "é", ecirc: "ê", euml: "ë", iacute: "í", ntilde: "ñ", oacute: "ó", ouml: "ö",
  uacute: "ú", uuml: "ü", szlig: "ß", Eacute: "É", Agrave: "À", Ouml: "Ö", Uuml: "Ü", Auml: "Ä",
};
// HTML's reading of numeric references to C1 controls as Windows-1252 (what Word pastes produce).
const WINDOWS_1252: Record<number, string> = {
  0x80: "€", 0x82: "‚", 0x84: "„", 0x85: "…", 0x8b: "‹", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•",
  0x96: "–", 0x97: "—", 0x99: "™", 0x9b: "›",
};

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));?/g, (match, dec, hex, name) => {
    if (name !== undefined) {
      // Named references only with their semicolon ("AT&T;" aside, bare names are ordinary text).
      return match.endsWith(";") && Object.hasOwn(NAMED_ENTITIES, name) ? (NAMED_ENTITIES[name] as string) : match;
    }
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex as string, 16);
    if (WINDOWS_1252[code] !== undefined) return WINDOWS_1252[code] as string;
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
    return String.fromCodePoint(code);
  });
}

function attributeOf(attributes: string, name: string): string | null {
  const pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, "i");
  const match = pattern.exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3] ?? "") : null;
}

type Tag = { name: string; closing: boolean; selfClosing: boolean; attributes: string; end: number };

// Reads the tag at `start` (html[start] === "<"), or null when what follows is not a tag. Quoted attribute
// values may hold ">". `end` is the index after the tag, or html.length when the tag never closes.
function readTag(html: string, start: number): Tag | null {
  let i = start + 1;
  const closing = html[i] === "/";
  if (closing) i++;
  const nameMatch = /^[A-Za-z][A-Za-z0-9:-]*/.exec(html.slice(i, i + 64));
  if (!nameMatch) return null;
  const name = nameMatch[0].toLowerCase();
  i += nameMatch[0].length;
  const attributesStart = i;
  let quote: string | null = null;
  for (; i < html.length; i++) {
    const c = html[i];
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") {
      const attributes = html.slice(attributesStart, i);
      return { name, closing, selfClosing: attributes.trimEnd().endsWith("/"), attributes, end: i + 1 };
    }
  }
  return { name, closing, selfClosing: false, attributes: html.slice(attributesStart), end: html.length };
}

/**
 * Plain text of an HTML body, for mail that came without a text part: scripts, styles and the head are
 * dropped, so are quoted history and signatures in the markup the big clients use; block ends become line
 * breaks and character references are decoded. The result is text (never markup) and still goes through
 * the line rules of `extractReplyText`.
 */
export function htmlToText(html: string): string {
  if (typeof html !== "string") return "";
  const source = html.length > MAX_INPUT_LENGTH ? html.slice(0, MAX_INPUT_LENGTH) : html;
  // Outlook writes every line as <p class=MsoNormal> with no margin and blank lines as &nbsp; paragraphs,
  // so there a paragraph is a line; elsewhere a paragraph is set off by a blank line.
  const outlookParagraphs = /class=["']?MsoNormal/i.test(source);
  const out: string[] = [];
  let tail = "\n\n"; // the last two characters written; "\n\n" at the start swallows leading breaks
  const write = (text: string) => {
    if (text === "") return;
    out.push(text);
    tail = (tail + text).slice(-2);
  };
  const lineBreak = () => {
    if (!tail.endsWith("\n")) write("\n");
  };
  const paragraphBreak = () => {
    lineBreak();
    if (tail !== "\n\n") write("\n");
  };
  let dropping: { name: string; depth: number } | null = null;
  let preDepth = 0;
  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf("<", i);
    const textEnd = lt === -1 ? source.length : lt;
    if (textEnd > i && dropping === null) {
      const raw = decodeEntities(source.slice(i, textEnd));
      write(preDepth > 0 ? raw : raw.replace(/[ \t\n\r\f]+/g, " "));
    }
    if (lt === -1) break;
    if (source.startsWith("<!--", lt)) {
      const close = source.indexOf("-->", lt + 4);
      i = close === -1 ? source.length : close + 3;
      continue;
    }
    const next = source[lt + 1];
    if (next === "!" || next === "?") {
      const close = source.indexOf(">", lt);
      i = close === -1 ? source.length : close + 1;
      continue;
    }
    const tag = readTag(source, lt);
    if (tag === null) {
      if (dropping === null) write("<");
      i = lt + 1;
      continue;
    }
    i = tag.end;
    const { name } = tag;
    if (dropping !== null) {
      if (name === dropping.name && !VOID_ELEMENTS.has(name)) {
        if (tag.closing) dropping.depth--;
        else if (!tag.selfClosing) dropping.depth++;
        if (dropping.depth === 0) {
          dropping = null;
          lineBreak();
        }
      }
      continue;
    }
    if (!tag.closing && RAW_TEXT_ELEMENTS.has(name)) {
      // Content is not markup: skip straight to the closing tag (or to the end when there is none).
      const closing = new RegExp(`</${name}`, "ig");
      closing.lastIndex = i;
      const close = closing.exec(source)?.index;
      if (close === undefined) break;
      const closeTag = readTag(source, close);
      i = closeTag ? closeTag.end : source.length;
      continue;
    }
    if (!tag.closing) {
      const id = tag.attributes.includes("id") ? attributeOf(tag.attributes, "id") : null;
      if (id !== null && HISTORY_STARTS_ID.test(id.trim())) break;
      const className = tag.attributes.includes("class") ? attributeOf(tag.attributes, "class") : null;
      const quoted = name === "blockquote" || (className !== null && QUOTE_CLASS.test(className)) || (id !== null && QUOTE_ID.test(id));
      if (quoted) {
        if (!tag.selfClosing && !VOID_ELEMENTS.has(name)) dropping = { name, depth: 1 };
        lineBreak();
        continue;
      }
    }
    if (name === "br") write("\n");
    else if (name === "p") {
      if (outlookParagraphs) lineBreak();
      else paragraphBreak();
    }
    else if (name === "li" && !tag.closing) {
      lineBreak();
      write("- ");
    } else if (name === "td" || name === "th") {
      if (tag.closing) write(" ");
    } else if (BLOCK_ELEMENTS.has(name)) lineBreak();
    if (name === "pre") preDepth = Math.max(0, preDepth + (tag.closing ? -1 : 1));
  }
  return out
    .join("")
    .split("\n")
    .map((line) => line.trim())
    .join("\n");
}

// ---------------------------------------------------------------------------------------------------------
// Line rules

// "On Mon, 7 Dec 2026 at 10.15, Lapor Pangkalpinang <no-reply@…> wrote:" (Gmail, Apple Mail, Yahoo,
// Thunderbird) and "Pada tanggal Sen, 7 Des 2026 pukul 10.15 … menulis:" / "Pada 7 Des 2026, pukul 10.15, …
// menulis:" (Gmail and iOS in Indonesian). Gmail wraps a long one over two or three lines.
const ATTRIBUTION_START = /^(?:on|pada)\s/i;
const ATTRIBUTION_END = /(?:wrote|menulis)\s*:$/i;
const ATTRIBUTION_VERB = /\b(?:wrote|menulis)\s*:/i;
const MAX_ATTRIBUTION_LINES = 3;
const MAX_ATTRIBUTION_LENGTH = 500;

// Outlook's header block (desktop, web and mobile; English and Indonesian), also the block under a
// forwarded-message line: "From: … / Sent: … / To: … / Subject: …", "Dari: … / Dikirim: … / Kepada: … /
// Subjek: …". Gmail's plain text may star the bold names ("*From:*").
const FROM_FIELD = /^\*?(?:from|dari)\s*:\*?\s*\S/i;
const DATE_FIELD = /^\*?(?:sent|date|dikirim|terkirim|tanggal)\s*:\*?\s*\S/i;
const OTHER_FIELD = /^\*?(?:to|cc|subject|kepada|ke|tembusan|subjek|perihal)\s*:/i;
const ONE_LINE_HEADER_BLOCK = /^\*?(?:from|dari)\s*:.{1,300}?\b(?:sent|date|dikirim|tanggal)\s*:.{1,100}?\b(?:to|kepada|subject|subjek)\s*:/i;
// Outlook (web, mobile) draws this line above the header block.
const OUTLOOK_SEPARATOR = /^_{10,}$/;
// "-----Original Message-----" (older Outlook), "-----Pesan Asli-----" (same, Indonesian),
// "-------- Original message --------" / "-------- Pesan asli --------" (Samsung Email, Android mail apps),
// "---------- Forwarded message ---------" (Gmail) and its Indonesian forms.
const ORIGINAL_MESSAGE = /^-{2,}\s*(?:original message|pesan asli|forwarded message|pesan (?:yang )?diteruskan|pesan terusan)\s*-{2,}$/i;
// Apple Mail's forward: "Begin forwarded message:" / "Awal pesan yang diteruskan:".
const FORWARD_INTRO = /^(?:begin forwarded message|awal pesan (?:yang )?diteruskan)\s*:$/i;

// The "Sent from …" lines phones and mail apps append, each as a whole line: iOS ("Sent from my iPhone",
// "Dikirim dari iPhone saya"), Samsung ("Sent from my Samsung Galaxy smartphone.", "Dikirim dari perangkat
// Samsung Galaxy saya", older "Kirim dari Samsung Mobile"), Yahoo ("Sent from Yahoo Mail on Android",
// "Dikirim dari Yahoo Mail di Android"), Windows Mail ("Sent from Mail for Windows"), Outlook for mobile
// ("Get Outlook for Android<https://aka.ms/…>", "Dapatkan Outlook untuk Android"). The Indonesian forms
// name a device or app right after "dari", because "Dikirim dari kelurahan …" is an ordinary sentence.
const DEVICE_OR_APP = "(?:iphone|ipad|yahoo|mail untuk windows|outlook|gmail|perangkat|ponsel|smartphone|tablet|samsung|galaxy|android|huawei|xiaomi|redmi|oppo|vivo|realme|infinix)";
const SENT_FROM_LINES: readonly RegExp[] = [
  /^sent from my\s.{1,60}$/i,
  /^sent from (?:yahoo mail|mail for windows|outlook|aol|proton ?mail|gmail|samsung)\b.{0,60}$/i,
  /^(?:get|dapatkan) outlook (?:for|untuk) (?:android|ios)\b.{0,80}$/i,
  new RegExp(`^(?:dikirim|terkirim|kirim) dari\\s${DEVICE_OR_APP}\\b.{0,60}$`, "i"),
];

const isQuoted = (line: string) => /^\s*>/.test(line);
const isBlank = (line: string) => line.trim() === "";

function nextNonBlank(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (!isBlank(lines[i] as string)) return i;
  return -1;
}

function startsHeaderBlock(lines: readonly string[], at: number): boolean {
  const first = (lines[at] as string).trim();
  if (ONE_LINE_HEADER_BLOCK.test(first)) return true;
  if (!FROM_FIELD.test(first)) return false;
  // A letter the citizen writes may open "Dari: … / Kepada: … / Perihal: …"; Outlook's block also has a
  // sending time, so a dated field is required besides one more field.
  let dated = false;
  let other = false;
  let seen = 0;
  for (let i = at + 1; i < lines.length && seen < 5; i++) {
    const line = (lines[i] as string).trim();
    if (line === "") continue;
    seen++;
    if (DATE_FIELD.test(line) && /\d/.test(line)) dated = true;
    else if (OTHER_FIELD.test(line)) other = true;
    else if (!FROM_FIELD.test(line)) break;
  }
  return dated && other;
}

/** True when the line at `at` opens history or a signature: nothing from there on is the citizen's. */
function startsHistory(lines: readonly string[], at: number): boolean {
  const line = lines[at] as string;
  const trimmed = line.trim();
  // RFC 3676 §4.3's "-- " delimiter, and "--" as editors that trim trailing spaces leave it.
  if (line.trimEnd() === "--") return true;
  if (SENT_FROM_LINES.some((pattern) => pattern.test(trimmed))) return true;
  if (ORIGINAL_MESSAGE.test(trimmed) || FORWARD_INTRO.test(trimmed)) return true;
  if (OUTLOOK_SEPARATOR.test(trimmed)) {
    const next = nextNonBlank(lines, at + 1);
    return next !== -1 && FROM_FIELD.test((lines[next] as string).trim());
  }
  return startsHeaderBlock(lines, at);
}

type Attribution = { lastLine: number; textAfter: boolean };

/** An attribution line (possibly wrapped) starting at `at`, or null. */
function attributionAt(lines: readonly string[], at: number): Attribution | null {
  const first = (lines[at] as string).trim();
  if (ATTRIBUTION_START.test(first)) {
    let joined = first;
    for (let k = 0; k < MAX_ATTRIBUTION_LINES && joined.length <= MAX_ATTRIBUTION_LENGTH; k++) {
      if (k > 0) {
        const line = lines[at + k];
        if (line === undefined || isBlank(line) || isQuoted(line)) break;
        joined += ` ${line.trim()}`;
      }
      // A date or time makes it an attribution; "Pada hari itu saya menulis:" alone is a sentence.
      if (ATTRIBUTION_END.test(joined) && /\d/.test(joined)) return { lastLine: at + k, textAfter: false };
    }
    // Yahoo's plain text may run the quoted message on after "wrote:" on the same line.
    const verb = ATTRIBUTION_VERB.exec(first.slice(0, MAX_ATTRIBUTION_LENGTH));
    if (verb) {
      const before = first.slice(0, verb.index);
      if (/\d/.test(before) && before.includes("@")) return { lastLine: at, textAfter: true };
    }
    return null;
  }
  // "Lapor Pangkalpinang <…> wrote:" and other short forms count only right above a quote.
  if (ATTRIBUTION_END.test(first) && first.length <= MAX_ATTRIBUTION_LENGTH) {
    const next = nextNonBlank(lines, at + 1);
    if (next !== -1 && isQuoted(lines[next] as string)) return { lastLine: at, textAfter: false };
  }
  return null;
}

function keepOwnLines(lines: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (isQuoted(line)) continue;
    if (startsHistory(lines, i)) break;
    const attribution = attributionAt(lines, i);
    if (attribution) {
      if (attribution.textAfter) break;
      const next = nextNonBlank(lines, attribution.lastLine + 1);
      // Quoted with ">": skip the attribution, the loop drops the quote, and an answer below it is kept.
      // Unmarked (or nothing at all): the rest is the message answered.
      if (next === -1 || !isQuoted(lines[next] as string)) break;
      i = attribution.lastLine;
      continue;
    }
    kept.push(line);
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------------------

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function normalise(text: string): string {
  return (
    (text.length > MAX_INPUT_LENGTH ? text.slice(0, MAX_INPUT_LENGTH) : text)
      .replace(/\r\n?|[\u000b\u000c\u0085\u2028\u2029]/g, "\n")
      // Postgres text refuses NUL; the other controls are never meant to be seen.
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f\ufeff]/g, "")
      .replace(/\u00a0/g, " ")
      .replace(LONE_SURROGATE, "\ufffd")
  );
}

function capLength(text: string): string {
  if (text.length <= REPLY_TEXT_MAX_LENGTH) return text;
  let cut = text.slice(0, REPLY_TEXT_MAX_LENGTH);
  // Never end on half of a surrogate pair.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trimEnd();
}

/**
 * The citizen's new words in an inbound mail: the text part, or when it is empty the HTML part made text;
 * quoted history, attribution lines, signatures and "Sent from …" lines removed; line ends normalised,
 * trailing spaces trimmed, runs of blank lines reduced to one, the whole trimmed and cut to
 * `REPLY_TEXT_MAX_LENGTH`. An empty string when nothing of the citizen's is left.
 */
export function extractReplyText(input: { text?: string | null; html?: string | null }): string {
  const text = input?.text;
  const html = input?.html;
  const source = typeof text === "string" && text.trim() !== "" ? text : typeof html === "string" ? htmlToText(html) : "";
  const own = keepOwnLines(normalise(source).split("\n"));
  const tidy = own
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return capLength(tidy);
}
