// SendGrid's Signed Event Webhook (issue #15): every batch carries an ECDSA P-256 signature over
// `<timestamp><raw body>` in X-Twilio-Email-Event-Webhook-Signature (DER, base64) and the timestamp
// in X-Twilio-Email-Event-Webhook-Timestamp. The check is SendGrid's own library's, not ours; we
// only refuse what it should never see (a missing or oversized header, a stale timestamp) first.
import { EventWebhook, EventWebhookHeader } from "@sendgrid/eventwebhook";

export const SIGNATURE_HEADER = EventWebhookHeader.SIGNATURE();
export const TIMESTAMP_HEADER = EventWebhookHeader.TIMESTAMP();

/** A DER P-256 signature is at most 72 bytes, 96 characters of base64: anything much longer is not one. */
const MAX_SIGNATURE_LENGTH = 200;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const TIMESTAMP = /^\d{1,12}$/;

type PublicKey = ReturnType<EventWebhook["convertPublicKeyToECDSA"]>;

/**
 * The verification key as SendGrid shows it (Mail Settings → Signed Event Webhook): bare base64 of
 * the key's SubjectPublicKeyInfo. A PEM block is accepted too. Both become PEM for the library.
 */
export function publicKeyPem(configured: string): string {
  const text = configured.trim();
  if (text.startsWith("-----BEGIN")) return text;
  const body = text.replace(/\s+/g, "");
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join("\n")}\n-----END PUBLIC KEY-----\n`;
}

const webhook = new EventWebhook();
const keys = new Map<string, PublicKey>();

/** The configured key, read once per process; throws when it is not a key at all (a configuration error). */
export function loadPublicKey(configured: string): PublicKey {
  let key = keys.get(configured);
  if (!key) {
    key = webhook.convertPublicKeyToECDSA(publicKeyPem(configured));
    keys.set(configured, key);
  }
  return key;
}

export type SignatureCheck = "ok" | "missing" | "stale" | "invalid";

/**
 * Whether a batch comes from SendGrid, and recently: the timestamp within `maxAgeSeconds` of our
 * clock (either side: clocks drift), so a captured batch cannot be replayed later. The timestamp
 * is part of what is signed, so it cannot be moved without breaking the signature.
 */
export function checkEventSignature(
  key: PublicKey,
  { body, signature, timestamp }: { body: string; signature: string | null; timestamp: string | null },
  { now, maxAgeSeconds }: { now: Date; maxAgeSeconds: number },
): SignatureCheck {
  if (!signature || !timestamp) return "missing";
  const sig = signature.trim();
  const ts = timestamp.trim();
  if (!TIMESTAMP.test(ts) || sig.length > MAX_SIGNATURE_LENGTH || !BASE64.test(sig)) return "invalid";
  if (Math.abs(now.getTime() / 1000 - Number(ts)) > maxAgeSeconds) return "stale";
  try {
    return webhook.verifySignature(key, body, sig, ts) ? "ok" : "invalid";
  } catch {
    // The library throws on a signature that is not DER (wrong tags, trailing bytes): not SendGrid's.
    return "invalid";
  }
}
