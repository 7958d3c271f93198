// Property-based fuzzing (fast-check) of SendGrid's Event Webhook (issue #15) through real HTTP
// requests to the built app. Unsigned or wrongly signed requests, whatever their body and headers,
// are a 403 (or a 413 past the size cap) and change nothing; correctly signed batches of hostile
// events are a 200 (or a 400 when the body is not a JSON array), never a 500 (setup.ts also fails a
// test that logs an error), and what they store is our own short codes, never their text.
import { generateKeyPairSync, randomBytes, sign } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestServer } from "../e2e/support/browser";
import { fileComplaint, loadCatalogue, nextIp } from "./support";

const keys = generateKeyPairSync("ec", { namedCurve: "P-256" });
process.env.SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY = keys.publicKey.export({ type: "spki", format: "pem" }).toString();
process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;
const RUNS = Number(process.env.SECURITY_FUZZ_RUNS ?? 40);
vi.setConfig({ testTimeout: 60_000 });
const WEBHOOK = "/webhooks/sendgrid/events";
const SIGNATURE = "X-Twilio-Email-Event-Webhook-Signature";
const TIMESTAMP = "X-Twilio-Email-Event-Webhook-Timestamp";

const messages: { id: string; providerMessageId: string; address: string }[] = [];

beforeAll(async () => {
  const catalogue = await loadCatalogue(db());
  // Two complaints with receipts that SendGrid "accepted", so signed events can name real messages.
  for (let i = 0; i < 2; i += 1) {
    const address = `fuzz.${i}.${randomBytes(3).toString("hex")}@example.test`;
    const filed = await fileComplaint(server.baseUrl, db(), catalogue, { email: address });
    const receipt = await db().emailMessage.findFirstOrThrow({ where: { complaintId: filed.id }, select: { id: true } });
    const providerMessageId = randomBytes(16).toString("base64url");
    await db().emailMessage.update({ where: { id: receipt.id }, data: { status: "SENT", providerMessageId, sentAt: new Date() } });
    messages.push({ id: receipt.id, providerMessageId, address });
  }
});

const HOSTILE = [
  "' OR '1'='1' --",
  "<script>alert(1)</script>",
  "a\u0000b",
  "\u0000",
  "\uD800",
  "\r\nSet-Cookie: x=y",
  "😀👩‍👩‍👧‍👦",
  "__proto__",
  "constructor",
  "x".repeat(5_000),
  "warga@example.test",
  "550 5.1.1 <warga@example.test>: User unknown",
] as const;
const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 200 }) },
);
const hostileValue = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }));

/** An event that is SendGrid-shaped or not, naming one of our messages or anything else. */
const eventLike = fc.record(
  {
    event: fc.oneof(fc.constantFrom("processed", "delivered", "deferred", "bounce", "dropped", "spamreport", "unsubscribe", "open", "click", "group_unsubscribe"), hostileValue),
    email: fc.oneof(fc.constantFrom(0, 1).map((i) => messages[i]!.address), fc.constant("fuzz@example.test"), hostileValue),
    timestamp: fc.oneof(fc.integer({ min: 1_600_000_000, max: 2_000_000_000 }), hostileValue, fc.constant(-1), fc.constant(1e300)),
    type: fc.oneof(fc.constantFrom("bounce", "blocked"), hostileValue),
    reason: fc.oneof(fc.constantFrom("Bounced Address", "Invalid", "Spam Content"), hostileValue),
    status: fc.oneof(fc.constantFrom("5.1.1", "4.2.2"), hostileValue),
    bounce_classification: fc.oneof(fc.constantFrom("Invalid Address", "Technical"), hostileValue),
    email_message_id: fc.oneof(fc.constantFrom(0, 1).map((i) => messages[i]!.id), fc.uuid(), hostileValue),
    sg_message_id: fc.oneof(fc.constantFrom(0, 1).map((i) => `${messages[i]!.providerMessageId}.filterdrecv-1.0`), hostileValue),
    sg_event_id: hostileValue,
  },
  { requiredKeys: [] },
);

/** A well-formed event about one of our messages, with hostile values where SendGrid writes free text. */
const plausibleEvent = fc.record({
  event: fc.constantFrom("delivered", "deferred", "bounce", "dropped", "spamreport", "unsubscribe"),
  email: fc.constantFrom(0, 1).map((i) => messages[i]!.address),
  timestamp: fc.integer({ min: 1_600_000_000, max: 2_000_000_000 }),
  type: fc.oneof(fc.constantFrom("bounce", "blocked"), hostileString),
  reason: fc.oneof(fc.constantFrom("Bounced Address", "Invalid", "Spam Content"), hostileString),
  status: fc.oneof(fc.constantFrom("5.1.1", "4.2.2"), hostileString),
  bounce_classification: fc.oneof(fc.constantFrom("Invalid Address", "Technical"), hostileString),
  email_message_id: fc.constantFrom(0, 1).map((i) => messages[i]!.id),
  sg_message_id: hostileString,
});

const nowSeconds = () => String(Math.floor(Date.now() / 1000));

function signedHeaders(body: Buffer | string, timestamp = nowSeconds()): Record<string, string> {
  const bytes = Buffer.concat([Buffer.from(timestamp), Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8")]);
  return { [TIMESTAMP]: timestamp, [SIGNATURE]: sign("sha256", bytes, keys.privateKey).toString("base64") };
}

async function post(body: BodyInit, headers: Record<string, string>) {
  const response = await fetch(`${server.baseUrl}${WEBHOOK}`, { method: "POST", body, headers: { "x-forwarded-for": nextIp(63), ...headers } });
  return { status: response.status, text: await response.text() };
}

async function state() {
  const [messages, complainants, events, alerts] = await Promise.all([
    db().emailMessage.findMany({ orderBy: { id: "asc" }, select: { id: true, deliveryStatus: true, deliveryUpdatedAt: true, deliveryReason: true } }),
    db().complainant.findMany({ orderBy: { id: "asc" }, select: { id: true, emailUndeliverableAt: true } }),
    db().complaintEvent.count(),
    db().staffAlert.count(),
  ]);
  return { messages, complainants, events, alerts };
}

const rawBody = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)),
  hostileString.map((s) => Buffer.from(s)),
  fc.array(eventLike, { maxLength: 20 }).map((events) => Buffer.from(JSON.stringify(events))),
  fc.constantFrom(Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from("\uFEFF[]"), Buffer.from("[".repeat(50_000)), Buffer.alloc(0)),
);

describe("the Event Webhook under fuzz", () => {
  it("unsigned, wrongly signed or stale: 403 (413 past the cap), nothing changes", async () => {
    const headerValue = fc.oneof(hostileString.map((s) => s.replace(/[\r\n\u0000-\u001f\u007f-\uffff]/g, "")), fc.base64String({ maxLength: 120 }), fc.constant(""));
    const headers = fc.oneof(
      fc.constant({}),
      fc.record({ [SIGNATURE]: headerValue, [TIMESTAMP]: fc.oneof(fc.constant(nowSeconds()), headerValue) }, { requiredKeys: [] }),
      // Signed by us, but over other bytes, or long ago.
      fc.constant("other" as const),
      fc.constant("stale" as const),
    );
    const before = await state();
    await fc.assert(
      fc.asyncProperty(rawBody, headers, fc.constantFrom("application/json", "text/plain", "multipart/form-data; boundary=x"), async (body, chosen, type) => {
        const sent =
          chosen === "other" ? signedHeaders(Buffer.concat([body, Buffer.from(" ")])) : chosen === "stale" ? signedHeaders(body, String(Number(nowSeconds()) - 3_600)) : (chosen as Record<string, string>);
        const answer = await post(body, { "content-type": type, ...sent });
        expect([403], `${answer.status}: ${answer.text.slice(0, 200)}`).toContain(answer.status);
        expect(answer.text).not.toContain("<script>");
      }),
      { numRuns: RUNS },
    );
    expect(await state()).toEqual(before);
  });

  it("signed: hostile events are a 200 (or a 400 when the body is not an array), never a 500, and store only our codes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 4, arbitrary: fc.array(fc.oneof(eventLike, plausibleEvent, hostileValue), { maxLength: 30 }).map((events) => Buffer.from(JSON.stringify(events))) }, { weight: 1, arbitrary: rawBody }),
        async (body) => {
          const answer = await post(body, { "content-type": "application/json", ...signedHeaders(body) });
          // Invalid UTF-8 cannot be the text SendGrid signed: refused as unsigned.
          expect([200, 400, 403], `${answer.status}: ${answer.text.slice(0, 200)}`).toContain(answer.status);
          if (answer.status === 403) expect(Buffer.from(body.toString("utf8"), "utf8").equals(body)).toBe(false);
        },
      ),
      { numRuns: RUNS },
    );
    for (const message of await db().emailMessage.findMany({ where: { deliveryReason: { not: null } }, select: { deliveryReason: true } })) {
      expect(message.deliveryReason).toMatch(/^[a-z]+( [a-z0-9.-]+)*$/);
    }
  });

  it("over 1 MiB, with or without a length: 413", async () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 0x20);
    expect((await post(big, { "content-type": "application/json", ...signedHeaders(big) })).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i += 1) controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
        controller.close();
      },
    });
    const response = await fetch(`${server.baseUrl}${WEBHOOK}`, { method: "POST", body: stream, headers: { "content-type": "application/json", ...signedHeaders("x") }, duplex: "half" } as RequestInit);
    expect(response.status).toBe(413);
  });
});
