// POST /webhooks/sendgrid/events: SendGrid's signed Event Webhook (issue #15). The signature is
// checked over the raw body before anything reads it as JSON; only then are the events parsed
// (each on its own, events.ts) and applied (apply-events.server.ts).
//
// Answers: 404 while no verification key is configured (the webhook does not exist), 413 for a body
// over 1 MiB (SendGrid posts at most about 768 KB), 403 for a missing, wrong or stale signature,
// 400 for a signed body that is not a JSON array, 503 when the configured key cannot be read (an
// operator's mistake; SendGrid retries meanwhile), 200 with counts otherwise. Logs carry counts and
// reasons, never an address or anything SendGrid quoted (ADR 006).
import type { Db } from "~/services/db.server";
import { readCappedBody } from "~/services/form-body.server";
import { createLogger, errorFields } from "~/services/logger.server";
import { applyDeliveryEvents } from "./apply-events.server";
import { readDeliveryEvents } from "./events";
import { checkEventSignature, loadPublicKey, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./signature.server";

export const MAX_EVENT_BATCH_BYTES = 1024 * 1024;

const log = createLogger("sendgrid-events");
const text = (status: number, body: string) => new Response(`${body}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

let keyErrorLogged = false;

export async function receiveEventWebhook(
  db: Db,
  request: Request,
  {
    publicKey,
    maxAgeSeconds,
    now,
    receivedAt = new Date(),
  }: {
    publicKey: string | undefined;
    maxAgeSeconds: number;
    /** The app's clock: when marks and timeline events are written. */
    now: Date;
    /** The real clock, which SendGrid's timestamps are on (the app's may be shifted in demos). */
    receivedAt?: Date;
  },
): Promise<Response> {
  if (!publicKey) return text(404, "not found");
  let key;
  try {
    key = loadPublicKey(publicKey);
  } catch (error) {
    if (!keyErrorLogged) log.error("SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY is not a readable public key; event batches are refused", errorFields(error));
    keyErrorLogged = true;
    return text(503, "webhook not usable");
  }
  const bytes = await readCappedBody(request, MAX_EVENT_BATCH_BYTES);
  if (!bytes) return text(413, "too large");
  // The signed text is the body as sent: a byte-order mark is kept, invalid UTF-8 simply fails the check.
  const body = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const check = checkEventSignature(key, { body, signature: request.headers.get(SIGNATURE_HEADER), timestamp: request.headers.get(TIMESTAMP_HEADER) }, { now: receivedAt, maxAgeSeconds });
  if (check !== "ok") {
    log.warn("event batch refused", { reason: check, bytes: bytes.byteLength });
    return text(403, "forbidden");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    log.warn("signed event batch is not JSON", { bytes: bytes.byteLength });
    return text(400, "not JSON");
  }
  const read = readDeliveryEvents(parsed);
  if (!read) {
    log.warn("signed event batch is not an array", { bytes: bytes.byteLength });
    return text(400, "not an array of events");
  }
  const applied = await applyDeliveryEvents(db, read.events, now);
  const counts = { ...applied, skipped: read.skipped };
  log.info("event batch applied", counts);
  return Response.json(counts, { headers: { "Cache-Control": "no-store" } });
}
