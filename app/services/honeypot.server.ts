import { createHmac } from "node:crypto";

// Spam filter for public forms that needs no JavaScript and no third-party captcha (a captcha
// would send citizens' requests to a foreign service). Two signals:
//   - a text field named like one bots fill in, hidden from people (HONEYPOT_INPUT_ATTRIBUTES);
//   - the render time, signed so it cannot be forged: people take more than two seconds to
//     write a complaint, and a form left open over a day is refused so a harvested token cannot be
//     replayed forever.
// A token may be replayed within its 24 h; the rate limits are what bound a determined sender.

import { FORM_STARTED_AT_FIELD, HONEYPOT_FIELD } from "./honeypot";
import { sameSecret } from "./secrets.server";

export { FORM_STARTED_AT_FIELD, HONEYPOT_FIELD, HONEYPOT_INPUT_ATTRIBUTES, HONEYPOT_WRAPPER_ATTRIBUTES } from "./honeypot";
export const HONEYPOT_MIN_AGE_MS = 2_000;
export const HONEYPOT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export type HoneypotFields = { [HONEYPOT_FIELD]: ""; [FORM_STARTED_AT_FIELD]: string };
export type HoneypotResult = { ok: true } | { ok: false; reason: "filled" | "too_fast" | "expired" | "tampered" | "missing" };

// Sessions may share this secret; the label keeps these signatures from being valid anywhere else.
const SIGNATURE_LABEL = "lapor-honeypot-v1";
const TOKEN = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/;

function sign(secret: string, timestamp: string): Buffer {
  if (secret.length === 0) throw new Error("honeypot secret must not be empty");
  return createHmac("sha256", secret).update(`${SIGNATURE_LABEL}.${timestamp}`).digest();
}

export function createHoneypotFields(secret: string, now: number = Date.now()): HoneypotFields {
  const timestamp = String(Math.floor(now));
  return { [HONEYPOT_FIELD]: "", [FORM_STARTED_AT_FIELD]: `${timestamp}.${sign(secret, timestamp).toString("base64url")}` };
}

function read(form: FormData | Record<string, unknown>, name: string): unknown {
  return form instanceof FormData ? form.get(name) : form[name];
}

export function checkHoneypot(form: FormData | Record<string, unknown>, secret: string, now: number = Date.now()): HoneypotResult {
  const trap = read(form, HONEYPOT_FIELD);
  const token = read(form, FORM_STARTED_AT_FIELD);
  // Our form always sends both; a submission without them did not come from it.
  if (trap === null || trap === undefined || token === null || token === undefined) return { ok: false, reason: "missing" };
  if (typeof trap !== "string" || trap.trim() !== "") return { ok: false, reason: "filled" };
  const match = typeof token === "string" ? TOKEN.exec(token) : null;
  if (!match) return { ok: false, reason: "tampered" };
  const [, timestamp = "", signature = ""] = match;
  // Compared as text: base64url decoding ignores the spare bits of the last character, so several
  // strings would decode to the same signature.
  if (!sameSecret(signature, sign(secret, timestamp).toString("base64url"))) return { ok: false, reason: "tampered" };
  // A negative age (another web process's clock ahead of ours) counts as too fast, not as tampering.
  const age = now - Number(timestamp);
  if (age < HONEYPOT_MIN_AGE_MS) return { ok: false, reason: "too_fast" };
  if (age > HONEYPOT_MAX_AGE_MS) return { ok: false, reason: "expired" };
  return { ok: true };
}
