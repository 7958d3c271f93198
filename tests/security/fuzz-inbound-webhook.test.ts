// Issue #15: the Inbound Parse webhook under fuzzing (fast-check), through real HTTP requests to the
// built app. Whatever arrives (raw bytes, the wrong content type, cut-off multipart, SendGrid's fields
// with hostile values, hostile files, a real reply address with hostile headers and text), the answer
// is never a 500 (setup.ts also fails a test that logs an error); and nothing the mail carried (its
// sender, its recipients, its words) reaches a log line or a job payload bound for Redis (ADR 006).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { replyAddressFor } from "~/domain/inbound-mail/reply-address.server";
import { inboundParseForm } from "~/services/inbound-parse.server";
import { useTestServer } from "../e2e/support/browser";
import { fileComplaintAt } from "../support/complaint-form";

const CREDENTIALS = "sendgrid:inbound-fuzz-credentials-0123456789";
process.env.SENDGRID_INBOUND_AUTH = CREDENTIALS;
// Everything the webhook logs, info lines included, is read below.
process.env.LOG_LEVEL = "debug";
const server = useTestServer();
const db = () => server.database.db;
const RUNS = Number(process.env.SECURITY_FUZZ_RUNS ?? 40);
vi.setConfig({ testTimeout: 60_000 });
const AUTH = { Authorization: `Basic ${Buffer.from(CREDENTIALS).toString("base64")}` };
const CITIZEN = "rahasia.warga@example.test";

const logged: string[] = [];
const originalStdout = process.stdout.write.bind(process.stdout);
const originalStderr = process.stderr.write.bind(process.stderr);
let complaintId: string;

beforeAll(async () => {
  const capture = (original: typeof originalStdout) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      logged.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
  process.stdout.write = capture(originalStdout);
  process.stderr.write = capture(originalStderr);
  const product = await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } });
  const kelurahan = await db().region.findFirstOrThrow({ where: { kind: "KELURAHAN" } });
  complaintId = await fileComplaintAt(db(), new Date(), { productId: product.id, kecamatanCode: kelurahan.parentCode!, kelurahanCode: kelurahan.code, email: CITIZEN });
  for (const [action, actor] of [["VERIFY", "COORDINATOR"], ["ASSIGN", "SYSTEM"], ["ACKNOWLEDGE", "OFFICER"], ["REQUEST_INFO", "OFFICER"]] as const) {
    expect((await applyTransition(db(), { complaintId, action, actor, now: new Date() })).ok).toBe(true);
  }
});

afterAll(() => {
  process.stdout.write = originalStdout;
  process.stderr.write = originalStderr;
});

const HOSTILE = [
  "' OR '1'='1' --",
  "<script>alert(1)</script>",
  "\u202Egpj.exe",
  "a\u0000b",
  "\r\nBcc: victim@example.test",
  "\uD800",
  "%00%ff%c0%af",
  "__proto__",
  "{\"to\":[1,2,{}],\"from\":null}",
  "=?UTF-8?B?PHNjcmlwdD4=?= <x@y>",
  "x".repeat(70_000),
] as const;
const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 300 }) },
);
const FIELDS = ["headers", "dkim", "content-ids", "to", "from", "cc", "text", "html", "sender_ip", "spam_report", "envelope", "attachments", "subject", "spam_score", "attachment-info", "charsets", "SPF", "attachment1", "__proto__"] as const;

async function postWebhook(body: BodyInit, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.baseUrl}/webhooks/sendgrid/inbound`, { method: "POST", body, headers: { ...AUTH, ...headers } });
  await response.arrayBuffer();
  return response.status;
}

describe("the Inbound Parse webhook under fuzzing", () => {
  it("answers raw bytes and wrong content types with a 4xx (or, for an empty form, a recorded refusal), never a 500", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.constantFrom("multipart/form-data", "multipart/form-data; boundary=----x", "multipart/form-data; boundary=", "application/json", "text/plain", "application/x-www-form-urlencoded"),
        async (bytes, type) => {
          const status = await postWebhook(Buffer.from(bytes), { "Content-Type": type });
          expect([200, 400, 413]).toContain(status);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("answers SendGrid's fields with hostile values, and hostile files, with a 2xx or 4xx, never a 500", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...FIELDS), hostileString), { maxLength: 12 }),
        fc.array(fc.tuple(hostileString, fc.uint8Array({ maxLength: 4000 })), { maxLength: 3 }),
        async (fields, files) => {
          const form = new FormData();
          for (const [name, value] of fields) form.append(name, value);
          files.forEach(([name, bytes], i) => form.append(`attachment${i + 1}`, new Blob([new Uint8Array(bytes)]), name));
          const status = await postWebhook(form);
          expect([200, 400, 413]).toContain(status);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("takes a real reply with hostile headers, subject, text and files without a 500, and logs none of it", async () => {
    const to = replyAddressFor(complaintId, new Date());
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, hostileString, fc.uint8Array({ maxLength: 3000 }), async (subject, text, header, bytes) => {
        const form = inboundParseForm({
          from: `Warga <${CITIZEN}>`,
          to,
          subject,
          text: `${text} RAHASIA-ISI`,
          extraHeaders: { "X-Fuzz": header },
          files: [{ name: `${subject.slice(0, 20)}.jpg`, type: "image/jpeg", bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...bytes]) }],
        });
        const status = await postWebhook(form);
        expect([200, 503]).toContain(status);
      }),
      { numRuns: RUNS },
    );
    const lines = logged.join("");
    expect(lines).toContain('"component":"inbound-mail"');
    expect(lines).not.toContain(CITIZEN);
    expect(lines).not.toContain("RAHASIA-ISI");
    expect(lines).not.toMatch(/balas\+[a-z2-7]{20,}/);
    // Jobs bound for Redis carry ids only.
    const outbox = await db().outboxMessage.findMany({ select: { payload: true } });
    for (const row of outbox) expect(JSON.stringify(row.payload)).not.toMatch(/@|RAHASIA-ISI/);
  });
});
