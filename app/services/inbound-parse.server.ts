// Reads the body SendGrid Inbound Parse posts (multipart/form-data, "default" mode, not raw MIME):
// the header block, from/to/cc/subject, the text and HTML parts, envelope and charsets as JSON, and
// the attachments as files attachment1..N. ADR 039 says why this is our own reader
// (multipart-buffer.server.ts) and not @sendgrid/inbound-mail-parser, which wants Express + multer
// with the files already on disk, nor Remix's streaming parser, which refuses a file name with ";"
// or "=" in it. SendGrid caps a parsed mail at 30 MB, so the body is read into memory, capped.
//
// Text parts arrive in the sender's charset, named per field in `charsets` ({"text":"iso-8859-1"}),
// which may come after the field itself: every part is kept as bytes and decoded at the end.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ATTACHMENT_LIMITS } from "./attachments.server";
import { getEnv, type Env } from "./env.server";
import { readCappedBody } from "./form-body.server";
import { boundaryOf, MalformedMultipartError, parseMultipartBuffer } from "./multipart-buffer.server";
import { UnreadableFormError, type ReceivedFile } from "./multipart.server";

export const INBOUND_LIMITS = {
  /** Largest body read at all; SendGrid's own limit on a parsed mail is 30 MB. */
  maxRequestBytes: 32 * 1024 * 1024,
  /** A text part (headers, the text or HTML body) longer than this makes the mail "oversize". */
  maxFieldBytes: 2 * 1024 * 1024,
  /** Each attachment, as on the tracking page. */
  maxFileBytes: ATTACHMENT_LIMITS.maxBytes,
  /** Attachments kept to look at; the rest are counted as refused. */
  maxFiles: ATTACHMENT_LIMITS.maxFiles,
} as const;

export interface InboundParsePost {
  headers: string;
  from: string;
  to: string;
  cc: string;
  subject: string;
  text: string;
  html: string;
  envelope: string;
  files: ReceivedFile[];
  /** Attachments beyond maxFiles, not kept. */
  extraFiles: number;
  /** A text part or an attachment was over its limit. */
  oversize: boolean;
}

const TEXT_FIELDS = ["headers", "from", "to", "cc", "subject", "text", "html", "envelope", "charsets"] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const Charsets = z.record(z.string(), z.string().max(40));

export async function readInboundParse(request: Request): Promise<InboundParsePost> {
  const boundary = boundaryOf(request.headers.get("Content-Type"));
  if (!boundary) throw new UnreadableFormError("malformed");
  const body = await readCappedBody(request, INBOUND_LIMITS.maxRequestBytes);
  if (!body) throw new UnreadableFormError("too_large");
  let parts;
  try {
    parts = parseMultipartBuffer(Buffer.from(body.buffer, body.byteOffset, body.byteLength), boundary);
  } catch (error) {
    if (error instanceof MalformedMultipartError) throw new UnreadableFormError("malformed");
    throw error;
  }

  const raw = new Map<TextField, Uint8Array>();
  const files: ReceivedFile[] = [];
  let extraFiles = 0;
  let oversize = false;
  for (const part of parts) {
    if (part.filename !== undefined) {
      if (part.bytes.length === 0) continue;
      const over = part.bytes.length > INBOUND_LIMITS.maxFileBytes;
      if (over) oversize = true;
      if (files.length >= INBOUND_LIMITS.maxFiles) extraFiles += 1;
      else files.push({ field: part.name, fileName: part.filename, bytes: over ? new Uint8Array(0) : new Uint8Array(part.bytes), oversize: over });
      continue;
    }
    if (!(TEXT_FIELDS as readonly string[]).includes(part.name)) continue;
    if (part.bytes.length > INBOUND_LIMITS.maxFieldBytes) {
      oversize = true;
      continue;
    }
    raw.set(part.name as TextField, part.bytes);
  }

  const charsets = Charsets.safeParse(safeJson(decode(raw.get("charsets"), "utf-8")));
  const field = (name: Exclude<TextField, "charsets">) => decode(raw.get(name), charsets.success ? charsets.data[name] : undefined).replace(/\u0000/g, "");
  return {
    headers: field("headers"),
    from: field("from"),
    to: field("to"),
    cc: field("cc"),
    subject: field("subject"),
    text: field("text"),
    html: field("html"),
    envelope: field("envelope"),
    files,
    extraFiles,
    oversize,
  };
}

function decode(bytes: Uint8Array | undefined, charset: string | undefined): string {
  if (!bytes || bytes.length === 0) return "";
  try {
    return new TextDecoder(charset || "utf-8").decode(bytes);
  } catch {
    // An unknown charset label: UTF-8 is what almost every phone sends anyway.
    return new TextDecoder("utf-8").decode(bytes);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * The basic-auth pair the webhook asks for: SENDGRID_INBOUND_AUTH, or outside production a fixed
 * development pair, so the dev mailbox's "reply as the citizen" works with no setup. Production
 * without the setting has no inbound webhook at all.
 */
export function inboundWebhookCredentials(env: Env = getEnv()): string | null {
  if (env.SENDGRID_INBOUND_AUTH) return env.SENDGRID_INBOUND_AUTH;
  return env.NODE_ENV === "production" ? null : "dev-mailbox:lapor-pangkalpinang-development-inbound";
}

export interface InboundMailDraft {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** The message being answered, as a mail program sets In-Reply-To. */
  inReplyTo?: string;
  messageId?: string;
  files?: { name: string; type: string; bytes: Uint8Array<ArrayBuffer> }[];
  extraHeaders?: Record<string, string>;
}

/**
 * The body SendGrid Inbound Parse would post for a plain-text mail, field for field (its "default"
 * mode): used by the dev mailbox's "reply as the citizen" and by the tests.
 */
export function inboundParseForm(draft: InboundMailDraft): FormData {
  const messageId = draft.messageId ?? `<${randomUUID()}@mail.dev.invalid>`;
  const header = (name: string, value: string) => `${name}: ${value.replace(/[\r\n]+/g, " ")}`;
  const headerLines = [
    header("Received", "by mx.sendgrid.net with SMTP id dev; " + new Date().toUTCString()),
    header("MIME-Version", "1.0"),
    header("From", draft.from),
    header("Date", new Date().toUTCString()),
    ...(draft.inReplyTo ? [header("In-Reply-To", draft.inReplyTo), header("References", draft.inReplyTo)] : []),
    header("Message-ID", messageId),
    header("Subject", draft.subject),
    header("To", draft.to),
    ...Object.entries(draft.extraHeaders ?? {}).map(([name, value]) => header(name, value)),
    header("Content-Type", draft.files?.length ? 'multipart/mixed; boundary="000000000000dev"' : 'text/plain; charset="UTF-8"'),
  ];
  const form = new FormData();
  form.set("headers", headerLines.join("\n") + "\n");
  form.set("dkim", "{@mail.dev.invalid : pass}");
  form.set("content-ids", "{}");
  form.set("to", draft.to);
  form.set("from", draft.from);
  form.set("text", draft.text);
  form.set("sender_ip", "127.0.0.1");
  form.set("spam_report", "");
  form.set("envelope", JSON.stringify({ to: [draft.to.replace(/^.*<([^>]+)>.*$/, "$1")], from: draft.from.replace(/^.*<([^>]+)>.*$/, "$1") }));
  form.set("attachments", String(draft.files?.length ?? 0));
  form.set("subject", draft.subject);
  form.set("spam_score", "0.0");
  const files = draft.files ?? [];
  if (files.length > 0) {
    form.set("attachment-info", JSON.stringify(Object.fromEntries(files.map((file, i) => [`attachment${i + 1}`, { filename: file.name, name: file.name, type: file.type }]))));
  }
  form.set("charsets", JSON.stringify({ to: "UTF-8", from: "UTF-8", subject: "UTF-8", text: "UTF-8" }));
  form.set("SPF", "pass");
  files.forEach((file, i) => form.set(`attachment${i + 1}`, new Blob([file.bytes], { type: file.type }), file.name));
  return form;
}
