// The real @sendgrid/mail client against a local capture server (tests/support/sendgrid-capture.ts).
import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSendGridCapture } from "../../tests/support/sendgrid-capture";
import { createEmailTransport, isDevMailboxEnabled, type OutgoingEmail } from "./email.server";

const capture = createSendGridCapture();
const API_KEY = "SG.test-key-email-server";
const FROM = "no-reply@lapor.test";

const message: OutgoingEmail = {
  to: "warga@example.com",
  subject: "Pengaduan LPK-ABCDE-FGHIJK diterima",
  text: "Kode lacak Anda LPK-ABCDE-FGHIJK. Tautan: http://localhost:3000/lacak/LPK-ABCDE-FGHIJK?t=token",
  customId: "6f1c2a52-2f4f-4d0e-9d6c-2b1f3f2f0a11",
};

beforeAll(async () => {
  await capture.start();
});
afterAll(async () => {
  await capture.stop();
});
beforeEach(() => capture.reset());

const transport = () => createEmailTransport({ apiKey: API_KEY, baseUrl: capture.url, from: FROM });

/** A port nothing listens on: bound once to get it, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("SendGrid transport", () => {
  it("posts the message to /v3/mail/send with the API key and our message id, and returns SendGrid's message id", async () => {
    const sender = transport();
    expect(sender.kind).toBe("sendgrid");
    const result = await sender.send(message);

    expect(capture.requests).toHaveLength(1);
    const [request] = capture.requests;
    expect(request).toMatchObject({ method: "POST", path: "/v3/mail/send" });
    expect(request!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request!.body).toMatchObject({
      from: { email: FROM },
      subject: message.subject,
      personalizations: [{ to: [{ email: message.to }] }],
      content: [{ type: "text/plain", value: message.text }],
      custom_args: { email_message_id: message.customId },
    });
    expect(result).toEqual({ ok: true, providerMessageId: request!.messageId });
    expect(request!.messageId).toMatch(/^capture-/);
  });

  it("sends the HTML part too when there is one", async () => {
    await transport().send({ ...message, html: "<p>Kode lacak</p>" });
    expect((capture.requests[0]!.body as { content: unknown }).content).toEqual([
      { type: "text/plain", value: message.text },
      { type: "text/html", value: "<p>Kode lacak</p>" },
    ]);
  });

  it("treats a 400 as permanent and takes the reason from SendGrid's error body, without the address or the body", async () => {
    capture.respondWith({
      status: 400,
      body: {
        errors: [
          { message: "The from address does not match a verified Sender Identity.", field: "from", help: "https://sendgrid.example/help" },
          { message: `Invalid recipient ${message.to} for: ${message.text}`, field: "personalizations.0.to", help: null },
        ],
      },
    });
    const result = await transport().send(message);
    expect(result).toMatchObject({ ok: false, permanent: true, status: 400 });
    if (result.ok) throw new Error("unreachable");
    expect(result.error).toContain("SendGrid 400: The from address does not match a verified Sender Identity. (field from)");
    expect(result.error).toContain("(field personalizations.0.to)");
    expect(result.error).not.toContain(message.to);
    expect(result.error).not.toContain("warga");
    expect(result.error).not.toContain(message.text);
    expect(result.error).not.toContain("LPK-ABCDE");
  });

  it("treats other 4xx answers as permanent even without a parsable body", async () => {
    capture.respondWith({ status: 403, body: "forbidden" });
    expect(await transport().send(message)).toMatchObject({ ok: false, permanent: true, status: 403 });
  });

  it("treats 500 and 429 as transient", async () => {
    capture.respondWith(500, 429);
    const sender = transport();
    const first = await sender.send(message);
    expect(first).toMatchObject({ ok: false, permanent: false, status: 500, error: "SendGrid 500: scripted failure 500" });
    expect(await sender.send(message)).toMatchObject({ ok: false, permanent: false, status: 429 });
    expect(capture.requests.map((r) => r.status)).toEqual([500, 429]);
  });

  it("treats a refused connection as transient", async () => {
    const port = await closedPort();
    const result = await createEmailTransport({ apiKey: API_KEY, baseUrl: `http://127.0.0.1:${port}`, from: FROM }).send(message);
    expect(result).toMatchObject({ ok: false, permanent: false, status: null });
    if (result.ok) throw new Error("unreachable");
    expect(result.error).toContain("ECONNREFUSED");
  });

  it("treats an answer that never comes in time as transient", async () => {
    capture.respondWith({ status: 202, delayMs: 1_000 });
    const result = await createEmailTransport({ apiKey: API_KEY, baseUrl: capture.url, from: FROM, timeoutMs: 100 }).send(message);
    expect(result).toMatchObject({ ok: false, permanent: false, status: null });
  });

  it("keeps two transports apart: each uses its own key and base URL", async () => {
    const other = createSendGridCapture();
    await other.start();
    try {
      const a = createEmailTransport({ apiKey: "SG.key-a", baseUrl: capture.url, from: FROM });
      const b = createEmailTransport({ apiKey: "SG.key-b", baseUrl: other.url, from: FROM });
      await Promise.all([a.send(message), b.send(message), a.send(message)]);
      expect(capture.requests.map((r) => r.headers.authorization)).toEqual(["Bearer SG.key-a", "Bearer SG.key-a"]);
      expect(other.requests.map((r) => r.headers.authorization)).toEqual(["Bearer SG.key-b"]);
    } finally {
      await other.stop();
    }
  });

  it("is a dev mailbox without an API key: nothing is sent", async () => {
    const sender = createEmailTransport({ from: FROM, baseUrl: capture.url });
    expect(sender.kind).toBe("dev-mailbox");
    expect(await sender.send(message)).toEqual({ ok: true, providerMessageId: null, devMailbox: true });
    expect(capture.requests).toHaveLength(0);
  });
});

describe("dev mailbox switch", () => {
  it("is on outside production, and in production only with DEV_MAILBOX=on", () => {
    expect(isDevMailboxEnabled({ NODE_ENV: "development" })).toBe(true);
    expect(isDevMailboxEnabled({ NODE_ENV: "test" })).toBe(true);
    expect(isDevMailboxEnabled({})).toBe(true);
    expect(isDevMailboxEnabled({ NODE_ENV: "production" })).toBe(false);
    expect(isDevMailboxEnabled({ NODE_ENV: "production", DEV_MAILBOX: "1" })).toBe(false);
    expect(isDevMailboxEnabled({ NODE_ENV: "production", DEV_MAILBOX: "on" })).toBe(true);
  });
});
