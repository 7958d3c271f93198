// The Reply-To address on citizen mail (issue #15, ADR 039): `balas+<token>@<inbound domain>`.
// The token names the complaint and the day the mail was written, under an HMAC of the app
// secret, so an address cannot be guessed or altered, and it lapses. It never carries the PIN: a
// forwarded mail must not open the tracking page.
//
// Lower-case base32 (RFC 4648 alphabet): mail systems may change the case of a local part, and
// nothing in it needs quoting. 16 bytes of complaint id + 2 bytes of day + 10 bytes of MAC = 28
// bytes = 45 characters; with "balas+" the local part stays under RFC 5321's 64.
import { getEnv } from "~/services/env.server";
import { keyedHash } from "~/services/secrets.server";
import { escapeRegExp } from "~/services/regexp";
import { timingSafeEqual } from "node:crypto";

export const REPLY_LOCAL_PART_PREFIX = "balas";

/**
 * How long a reply address is honoured after the mail that carried it was written. A city choice
 * [U] (no rule sets it): long enough for a resolution window, an appeal and a slow reader; a mail
 * found in an inbox a year later goes to the tracking page instead (the refusal says so nowhere:
 * it is recorded for staff, never answered, since an old address is what spam lists carry).
 */
export const REPLY_ADDRESS_VALID_DAYS = 180;

const MAC_BYTES = 10;
const DAY_MS = 86_400_000;
/** Day 0 of the two-byte day counter; it lasts until 2203. */
const EPOCH_MS = Date.UTC(2024, 0, 1);
const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const TOKEN_LENGTH = Math.ceil(((16 + 2 + MAC_BYTES) * 8) / 5);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The inbound domain: INBOUND_EMAIL_DOMAIN, or `balas.` + the public site's host. */
export function inboundEmailDomain(env = getEnv()): string {
  return (env.INBOUND_EMAIL_DOMAIN ?? `balas.${new URL(env.PUBLIC_BASE_URL).hostname}`).toLowerCase();
}

export function replyAddressFor(complaintId: string, now: Date, domain = inboundEmailDomain()): string {
  return `${REPLY_LOCAL_PART_PREFIX}+${replyToken(complaintId, now)}@${domain}`;
}

export function replyToken(complaintId: string, now: Date): string {
  if (!UUID.test(complaintId)) throw new Error("replyToken: a complaint id is a UUID");
  const day = Math.floor((now.getTime() - EPOCH_MS) / DAY_MS);
  if (day < 0 || day > 0xffff) throw new Error("replyToken: date outside the token's range");
  const body = Buffer.alloc(18);
  Buffer.from(complaintId.replace(/-/g, ""), "hex").copy(body, 0);
  body.writeUInt16BE(day, 16);
  return base32(Buffer.concat([body, mac(body)]));
}

export type ReplyTokenCheck =
  | { ok: true; complaintId: string; writtenOn: Date }
  | { ok: false; reason: "no_token" | "forged_token" | "expired_token" };

/**
 * Finds our reply address among the mail's recipients (To, Cc, the envelope) and checks its token.
 * The first address with our prefix at our domain decides; a token that does not verify is
 * "forged" whatever the reason (typo, tampering, another server's secret).
 */
export function checkReplyRecipients(recipients: readonly string[], now: Date, domain = inboundEmailDomain()): ReplyTokenCheck {
  const pattern = new RegExp(`^${REPLY_LOCAL_PART_PREFIX}\\+([a-z2-7]+)@${escapeRegExp(domain)}$`, "i");
  for (const recipient of recipients) {
    const match = pattern.exec(recipient.trim());
    if (match) return checkReplyToken(match[1]!, now);
  }
  return { ok: false, reason: "no_token" };
}

export function checkReplyToken(token: string, now: Date): ReplyTokenCheck {
  const canonical = token.toLowerCase();
  const bytes = token.length === TOKEN_LENGTH ? unbase32(canonical) : null;
  // The last character carries a spare bit: only the one spelling we write is accepted.
  if (!bytes || bytes.length < 18 + MAC_BYTES || base32(bytes) !== canonical) return { ok: false, reason: "forged_token" };
  const body = bytes.subarray(0, 18);
  if (!timingSafeEqual(bytes.subarray(18, 18 + MAC_BYTES), mac(body))) return { ok: false, reason: "forged_token" };
  const writtenOn = new Date(EPOCH_MS + body.readUInt16BE(16) * DAY_MS);
  // A day's grace on the far side: the day is that of the writer's clock, in UTC.
  if (now.getTime() - writtenOn.getTime() > (REPLY_ADDRESS_VALID_DAYS + 1) * DAY_MS) return { ok: false, reason: "expired_token" };
  const hex = body.subarray(0, 16).toString("hex");
  const complaintId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { ok: true, complaintId, writtenOn };
}

function mac(body: Buffer): Buffer {
  return keyedHash("reply-address", body.toString("hex")).subarray(0, MAC_BYTES);
}

function base32(bytes: Buffer): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

function unbase32(text: string): Buffer | null {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) return null;
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}
