// Reading the parts of a SendGrid Inbound Parse post that describe a mail rather than carry it: the raw
// header block (the `headers` field), a From value and the SMTP envelope (the `envelope` field). Pure and
// total: what a stranger posts is never trusted to be well formed, so every function answers null or an
// empty result instead of throwing. No I/O; nothing here logs, because every input holds addresses (ADR 006).
import { z } from "zod";

/** Header name (lower case) → its values in the order they appeared. */
export type HeaderMap = Map<string, string[]>;

// RFC 5322 §2.2: a field name is printable US-ASCII except the colon.
const FIELD_NAME = /^[!-9;-~]+$/;
// RFC 5322 §2.1.1: a line may be at most 998 characters; a Message-ID longer than that is not one we keep.
const MAX_LINE_LENGTH = 998;
// RFC 5321 §4.5.3.1: 64 for the local part, 254 for a whole path's address.
const MAX_LOCAL_PART = 64;
const MAX_ADDRESS = 254;

/**
 * Splits a raw header block into fields. Continuation lines (starting with space or tab) are unfolded into
 * the field above them (RFC 5322 §2.2.3: the line break is removed, the white space kept). The block ends at
 * the first empty line, so a whole message may be passed. Lines that are not fields are skipped.
 */
export function parseHeaderBlock(raw: string): HeaderMap {
  const headers: HeaderMap = new Map();
  if (typeof raw !== "string") return headers;
  let name: string | null = null;
  let value = "";
  const flush = (fieldName: string | null) => {
    if (fieldName === null) return;
    const values = headers.get(fieldName);
    if (values) values.push(value.trim());
    else headers.set(fieldName, [value.trim()]);
  };
  let started = false;
  for (const line of raw.split(/\r\n|\r|\n/)) {
    if (line.trim() === "") {
      // Leading blank lines are noise; the first blank line after a field ends the header section.
      if (started) break;
      continue;
    }
    started = true;
    if (line.startsWith(" ") || line.startsWith("\t")) {
      // A continuation with no field above it (or above a skipped line) belongs to nothing.
      if (name !== null) value += line;
      continue;
    }
    flush(name);
    name = null;
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const fieldName = line.slice(0, colon).trimEnd();
    if (!FIELD_NAME.test(fieldName)) continue;
    name = fieldName.toLowerCase();
    value = line.slice(colon + 1);
  }
  flush(name);
  return headers;
}

/** The first value of a header (name in any case), or null when the mail has none. */
export function firstHeader(headers: HeaderMap, name: string): string | null {
  if (!(headers instanceof Map) || typeof name !== "string") return null;
  return headers.get(name.toLowerCase())?.[0] ?? null;
}

type Mailbox = { outside: string; angles: string[] };

// Splits an address list at top-level commas and semicolons, dropping quoted strings and comments from the
// display names and collecting `<…>` contents. A colon outside brackets ends a group's display name
// ("Tim Dinas: a@x, b@y;"), so what came before it in the mailbox is discarded.
function scanMailboxes(field: string): Mailbox[] {
  const mailboxes: Mailbox[] = [{ outside: "", angles: [] }];
  let box = mailboxes[0] as Mailbox;
  let inQuote = false;
  let commentDepth = 0;
  let angle: string | null = null;
  for (let i = 0; i < field.length; i++) {
    const c = field[i] as string;
    if (angle !== null) {
      if (c === ">") {
        box.angles.push(angle);
        angle = null;
      } else angle += c;
      continue;
    }
    if (inQuote) {
      if (c === "\\") i++;
      else if (c === '"') {
        inQuote = false;
        box.outside += " ";
      }
      continue;
    }
    if (commentDepth > 0) {
      if (c === "\\") i++;
      else if (c === "(") commentDepth++;
      else if (c === ")" && --commentDepth === 0) box.outside += " ";
      continue;
    }
    if (c === '"') inQuote = true;
    else if (c === "(") commentDepth = 1;
    else if (c === "<") angle = "";
    else if (c === "," || c === ";") {
      box = { outside: "", angles: [] };
      mailboxes.push(box);
    } else if (c === ":") box.outside = "";
    else box.outside += c;
  }
  return mailboxes;
}

const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

function validAddress(candidate: string): string | null {
  const at = candidate.lastIndexOf("@");
  if (at <= 0 || candidate.length > MAX_ADDRESS) return null;
  const local = candidate.slice(0, at);
  const domain = candidate.slice(at + 1);
  if (local.length > MAX_LOCAL_PART || !LOCAL_PART.test(local)) return null;
  // A dot-less domain is accepted: it cannot match a stored complainant address anyway, and refusing it
  // here would only turn a readable answer into null for the caller.
  if (domain === "" || !domain.split(".").every((label) => DOMAIN_LABEL.test(label))) return null;
  return candidate.toLowerCase();
}

/**
 * The bare address of the first mailbox in a From (or To, Reply-To, envelope) value, lower-cased:
 * `"Budi Santoso" <Budi@Example.co.id>`, `budi@example.co.id`, `=?UTF-8?B?…?= <x@y>`,
 * `budi@example.co.id (Budi)`. Null when there is none, it is `<>`, or it is not an address (including a
 * quoted local part, which no citizen's provider hands out).
 */
export function parseAddress(fromField: string): string | null {
  if (typeof fromField !== "string") return null;
  for (const { outside, angles } of scanMailboxes(fromField)) {
    let candidate: string | undefined;
    if (angles.length > 0) {
      // An obsolete source route (<@relay:user@host>) names the mailbox after its last colon.
      const inner = (angles[0] as string).trim();
      candidate = inner.slice(inner.lastIndexOf(":") + 1).trim();
    } else {
      candidate = outside.split(/\s+/).find((token) => token.includes("@"));
    }
    const address = candidate ? validAddress(candidate) : null;
    if (address) return address;
  }
  return null;
}

/**
 * The Message-ID without its angle brackets, or null when absent, empty, not one token, or longer than a
 * header line may be (the caller then keys the mail some other way).
 */
export function messageIdOf(headers: HeaderMap): string | null {
  const value = firstHeader(headers, "message-id");
  if (value === null) return null;
  const bracketed = /<([^<>\s]+)>/.exec(value);
  const id = bracketed ? (bracketed[1] as string) : value.trim();
  if (id === "" || /[\s<>]/.test(id) || id.length > MAX_LINE_LENGTH) return null;
  return id;
}

export type Envelope = { to: string[]; from: string | null };

// Built on first use rather than at module load (ADR 022's habit: a schema is never evaluated by importing).
const buildEnvelopeSchema = () =>
  z.object({
    to: z.union([z.array(z.unknown()), z.string()]).optional(),
    from: z.string().nullable().optional(),
  });
let envelopeSchema: ReturnType<typeof buildEnvelopeSchema> | undefined;
const getEnvelopeSchema = () => (envelopeSchema ??= buildEnvelopeSchema());

/**
 * SendGrid's `envelope` field, `{"to":["…"],"from":"…"}`: the SMTP recipients and sender, each reduced to a
 * bare lower-cased address (entries that are not addresses are dropped, duplicates kept once). `from` is
 * null for the null sender (`""` or `<>`) that bounces and most auto-replies use. Null when the field is not
 * JSON or not that shape.
 */
export function parseEnvelope(json: string): Envelope | null {
  if (typeof json !== "string") return null;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = getEnvelopeSchema().safeParse(data);
  if (!parsed.success) return null;
  const rawTo = parsed.data.to === undefined ? [] : typeof parsed.data.to === "string" ? [parsed.data.to] : parsed.data.to;
  const to: string[] = [];
  for (const entry of rawTo) {
    const address = typeof entry === "string" ? parseAddress(entry) : null;
    if (address && !to.includes(address)) to.push(address);
  }
  const from = typeof parsed.data.from === "string" ? parseAddress(parsed.data.from) : null;
  return { to, from };
}
