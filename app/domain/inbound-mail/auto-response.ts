// Mail that no person wrote: out-of-office replies, bounces, delivery reports and list or bulk mail. We
// acknowledge a citizen's e-mail, and an auto-responder answering that acknowledgement would answer it
// again, for ever (RFC 3834 §2 asks responders not to answer such mail; we hold ourselves to the same).
// Header evidence first, the sender next, the subject last: a subject is the weakest sign, so it must
// lead the subject as responders write it, where a citizen's "Re: …" can never put it.
import { firstHeader, parseAddress, type HeaderMap } from "./headers";

export type AutoResponseReason =
  /** A delivery status or other report (RFC 6522 `multipart/report`). */
  | "dsn"
  /** `Auto-Submitted` with any value but `no` (RFC 3834 §5). */
  | "auto_submitted"
  /** `X-Autoreply` / `X-Autorespond`, set by responders that predate RFC 3834. */
  | "autoreply_header"
  /** `Precedence: bulk | junk | list | auto_reply`. */
  | "precedence"
  /** `List-Id` (RFC 2919) or `List-Unsubscribe` (RFC 2369): mailing lists and bulk senders. */
  | "list"
  /** The null envelope sender, or a MAILER-DAEMON / postmaster sender. */
  | "bounce"
  /** An out-of-office subject (`OOO_SUBJECT_PHRASES`). */
  | "ooo_subject";

/**
 * Subject openings of out-of-office and other automatic replies, matched case-insensitively at the start
 * of the subject (after any `[TAG]` a gateway put in front) and followed by a non-letter. Only with
 * `X-Auto-Response-Suppress` present may they appear anywhere in the subject: Exchange stamps that header
 * on much ordinary mail, so it proves nothing alone, and a phrase alone inside a subject may be the
 * citizen's own words ("Re: lampu di luar kantor lurah").
 */
export const OOO_SUBJECT_PHRASES: readonly string[] = [
  // Outlook / Exchange / Microsoft 365 automatic replies, English interface: "Automatic reply: <subject>".
  "automatic reply",
  // The same in the Indonesian interface: "Balasan Otomatis: <subjek>".
  "balasan otomatis",
  // HCL (formerly IBM Lotus) Notes out-of-office agent: "AUTO: <name> is out of the office (returning …)".
  "auto:",
  // Hosting-panel and helpdesk responders (cPanel, Roundcube/Sieve vacation, ticket systems) and the
  // subjects people type into them; the issue names "Autoreply".
  "autoreply",
  "auto-reply",
  "auto reply",
  "auto response",
  "auto-response",
  // Exchange 2003-era "Out of Office AutoReply: <subject>", and what people type into the Gmail and Yahoo
  // vacation responders.
  "out of office",
  "out of the office",
  // Indonesian subjects people type into the Gmail / Yahoo vacation responders ("Sedang cuti sampai …",
  // "Di luar kantor"); "Di Luar Kantor" is also the Indonesian Outlook's name for the feature.
  "sedang cuti",
  "di luar kantor",
];

// Precedence values that mark mail not to be answered (RFC 3834 §3.1.8 names bulk, junk and list).
const NO_REPLY_PRECEDENCE = new Set(["bulk", "junk", "list", "auto_reply", "auto-reply"]);
// Local parts of the addresses that send bounces (RFC 5321 §4.5.1 postmaster; sendmail's MAILER-DAEMON).
const BOUNCE_LOCAL_PARTS = new Set(["mailer-daemon", "postmaster"]);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const phraseSource = (phrase: string) => escapeRegExp(phrase).replace(/ /g, "\\s+");
// A phrase must end where a word ends: "Out of officers" is not "out of office".
const AFTER = "(?![\\p{L}\\p{N}])";
const LEADING_PHRASE = new RegExp(`^(?:${OOO_SUBJECT_PHRASES.map(phraseSource).join("|")})${AFTER}`, "iu");
const ANY_PHRASE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${OOO_SUBJECT_PHRASES.map(phraseSource).join("|")})${AFTER}`, "iu");
const LEADING_TAGS = /^(?:\s*\[[^\]]{0,60}\])*\s*/;

/** The keyword of a structured header value: what comes before parameters or a comment, lower-cased. */
const keywordOf = (value: string) => (value.split(/[;(]/)[0] ?? "").trim().toLowerCase();

const all = (headers: HeaderMap, name: string) => (headers instanceof Map ? (headers.get(name) ?? []) : []);
const has = (headers: HeaderMap, name: string) => all(headers, name).length > 0;

function isBounceSender(address: string | null): boolean {
  if (address === null) return false;
  return BOUNCE_LOCAL_PARTS.has(address.slice(0, address.lastIndexOf("@")));
}

/**
 * Why this mail must not be answered automatically, as a short code, or null for mail a person wrote.
 * `envelopeFrom` is the SMTP sender (`parseEnvelope(...).from`); null, `""` or `<>` is the null sender,
 * which only bounces and auto-replies use (a missing envelope is treated the same way: no answer is safer).
 */
export function autoResponseReason(input: { headers: HeaderMap; subject: string; envelopeFrom: string | null }): AutoResponseReason | null {
  const headers = input?.headers instanceof Map ? input.headers : new Map<string, string[]>();
  const subject = typeof input?.subject === "string" ? input.subject : "";
  const envelopeFrom = typeof input?.envelopeFrom === "string" ? input.envelopeFrom.trim() : null;

  if (keywordOf(firstHeader(headers, "content-type") ?? "") === "multipart/report") return "dsn";
  if (all(headers, "auto-submitted").some((value) => keywordOf(value) !== "no")) return "auto_submitted";
  if (has(headers, "x-autoreply") || has(headers, "x-autorespond")) return "autoreply_header";
  if (all(headers, "precedence").some((value) => NO_REPLY_PRECEDENCE.has(keywordOf(value)))) return "precedence";
  if (has(headers, "list-id") || has(headers, "list-unsubscribe")) return "list";

  if (envelopeFrom === null || envelopeFrom === "" || envelopeFrom === "<>") return "bounce";
  if (all(headers, "return-path").some((value) => value.trim() === "<>")) return "bounce";
  if (isBounceSender(parseAddress(envelopeFrom)) || isBounceSender(parseAddress(firstHeader(headers, "from") ?? ""))) return "bounce";

  const untagged = subject.replace(LEADING_TAGS, "");
  if (LEADING_PHRASE.test(untagged)) return "ooo_subject";
  if (has(headers, "x-auto-response-suppress") && ANY_PHRASE.test(subject)) return "ooo_subject";
  return null;
}
