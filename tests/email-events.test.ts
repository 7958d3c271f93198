// SendGrid's signed Event Webhook against the built app (issue #15 item 3): batches shaped as
// SendGrid posts them, signed here with a P-256 key made for the test the way SendGrid signs
// (ECDSA over `<timestamp><body>`, DER in base64; the public key configured as bare base64 SPKI).
// A hard bounce marks the complainant: staff see it on the complaint and in the inbox, the unit is
// told in its digest while the complaint waits on the citizen, no more mail goes out, and the
// citizen gives an address again on the tracking page. Wrong, missing or stale signatures: 403 and
// nothing changes. Nothing of an address or a message reaches the logs.
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import type { Actor, WorkflowAction } from "~/domain/complaints/workflow";
import { submitComplaint } from "~/domain/complaints/submit-complaint.server";
import { receiveEventWebhook } from "~/domain/email-delivery/webhook.server";
import { sendStaffDigests } from "~/domain/sla/staff-digest.server";
import { createEmailTransport } from "~/services/email.server";
import { createLogger } from "~/services/logger.server";
import { createNotifyProcessor, UNDELIVERABLE_ERROR } from "../workers/processors/notify";
import { useTestServer } from "./e2e/support/browser";
import { nextIp, openTracking } from "./security/support";
import { createSendGridCapture } from "./support/sendgrid-capture";
import { renderedHtml } from "./support/html";

const keys = generateKeyPairSync("ec", { namedCurve: "P-256" });
const stranger = generateKeyPairSync("ec", { namedCurve: "P-256" });
// Read by the server's environment when it starts (once per process): set before it does.
process.env.SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY = keys.publicKey.export({ type: "spki", format: "der" }).toString("base64");
process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;
const capture = createSendGridCapture();
const PASSWORD = "kata-sandi-uji-bounce-2026";
const WEBHOOK = "/webhooks/sendgrid/events";
const CITIZEN_TEXT = "Permohonan KTP-el Qw8 saya belum selesai sejak bulan lalu, mohon ditindaklanjuti.";
const STAFF_QUESTION = "Mohon kirim nomor registrasi Zk4 permohonan Anda.";

beforeAll(async () => {
  await capture.start();
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
});
afterAll(() => capture.stop());

// ---------------------------------------------------------------------------------------------
// Signing and posting, as SendGrid does

const nowSeconds = () => String(Math.floor(Date.now() / 1000));

function signedHeaders(body: string, { key = keys.privateKey, timestamp = nowSeconds() }: { key?: KeyObject; timestamp?: string } = {}) {
  return {
    "Content-Type": "application/json",
    "X-Twilio-Email-Event-Webhook-Timestamp": timestamp,
    "X-Twilio-Email-Event-Webhook-Signature": sign("sha256", Buffer.from(timestamp + body, "utf8"), key).toString("base64"),
  };
}

async function postBatch(body: string, headers: Record<string, string> = signedHeaders(body)) {
  const response = await fetch(`${server.baseUrl}${WEBHOOK}`, { method: "POST", body, headers: { "x-forwarded-for": nextIp(61), ...headers } });
  return { status: response.status, text: await response.text() };
}

/** One event as SendGrid writes it: our custom argument a top-level key, SendGrid's id with its filter suffix. */
function sgEvent(event: string, message: { id: string; providerMessageId: string | null; toAddress: string } | null, extra: Record<string, unknown> = {}) {
  return {
    email: message?.toAddress ?? "someone@elsewhere.test",
    timestamp: Number(nowSeconds()),
    "smtp-id": `<${randomBytes(6).toString("hex")}@ismtpd-555>`,
    event,
    category: [],
    sg_event_id: randomBytes(16).toString("base64"),
    sg_message_id: `${message?.providerMessageId ?? randomBytes(11).toString("base64url")}.filterdrecv-p3iad2-5f8f9c6b6b-xk2lb-18-5A0C0F1B-6.0`,
    ...(message ? { email_message_id: message.id } : {}),
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------------
// A complaint waiting on its citizen, with a receipt SendGrid accepted

const job = (emailMessageId: string) => ({ id: `events-${emailMessageId}`, name: "email.send", data: { emailMessageId }, queueName: "notify" }) as unknown as Job;
const sendgrid = () => createNotifyProcessor(createEmailTransport({ apiKey: "SG.events-test", baseUrl: capture.url, from: "lapor@pangkalpinangkota.go.id" }));
const send = (emailMessageId: string) => sendgrid().handle(job(emailMessageId), { db: db(), log: createLogger("test"), now: () => new Date() });

async function act(complaintId: string, action: WorkflowAction, actor: Actor, message?: string) {
  expect((await applyTransition(db(), { complaintId, action, actor, now: new Date(), message })).ok, action).toBe(true);
}

async function fileWaitingComplaint(email: string) {
  const product = await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" }, select: { id: true } });
  const outcome = await submitComplaint(
    db(),
    { productId: product.id, unitUnknown: false, description: CITIZEN_TEXT, incidentDate: new Date().toISOString().slice(0, 10), name: "Warga Pantul", email, phone: "081233334444", visibility: "PUBLIC", consent: true, idempotencyKey: randomBytes(18).toString("base64url") },
    { now: new Date(), locale: "id", publicBaseUrl: "https://lapor.example" },
  );
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.fieldErrors));
  const receipt = await db().emailMessage.findFirstOrThrow({ where: { complaintId: outcome.complaintId, template: "complaint.receipt" } });
  await send(receipt.id);
  for (const [action, actor] of [["VERIFY", "COORDINATOR"], ["ASSIGN", "SYSTEM"], ["ACKNOWLEDGE", "OFFICER"]] as const) await act(outcome.complaintId, action, actor);
  await act(outcome.complaintId, "REQUEST_INFO", "OFFICER", STAFF_QUESTION);
  const question = await db().emailMessage.findFirstOrThrow({ where: { complaintId: outcome.complaintId, template: "complaint.question" } });
  return { ...outcome, receipt: await db().emailMessage.findUniqueOrThrow({ where: { id: receipt.id } }), question };
}

/** Everything a batch may change, to compare before and after. */
async function snapshot() {
  const [messages, complainants, events, alerts] = await Promise.all([
    db().emailMessage.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, deliveryStatus: true, deliveryUpdatedAt: true, deliveryReason: true } }),
    db().complainant.findMany({ orderBy: { id: "asc" }, select: { id: true, email: true, emailUndeliverableAt: true, emailUndeliverableReason: true } }),
    db().complaintEvent.count(),
    db().staffAlert.count(),
  ]);
  return { messages, complainants, events, alerts };
}

/** Everything the server prints while `work` runs (it runs in this process). */
async function printedDuring(work: () => Promise<void>): Promise<string> {
  const printed: string[] = [];
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  const stderrWrite = process.stderr.write.bind(process.stderr);
  const collect = (chunk: unknown) => (printed.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8")), true);
  process.stdout.write = collect as typeof process.stdout.write;
  process.stderr.write = collect as typeof process.stderr.write;
  try {
    createLogger("test").warn("printed-check");
    await work();
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
  const text = printed.join("");
  expect(text, "the collection saw the logger").toContain("printed-check");
  return text;
}

async function staffCookie(email: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}/staf/masuk`, { method: "POST", body: new URLSearchParams({ email, password: PASSWORD }), redirect: "manual", headers: { "x-forwarded-for": nextIp(62) } });
  expect(response.status).toBe(302);
  return (response.headers.get("set-cookie") ?? "").split(";")[0]!;
}

const officer = DEMO_ACCOUNTS.find((a) => a.role === "OFFICER")!;

// ---------------------------------------------------------------------------------------------

describe("a hard bounce", () => {
  it("marks the message and the complainant, tells staff on the complaint, the inbox and the digest, and holds back the next mail", async () => {
    const address = `warga.pantul.${randomBytes(3).toString("hex")}@example.test`;
    const filed = await fileWaitingComplaint(address);
    expect(filed.receipt.status).toBe("SENT");
    expect(filed.receipt.providerMessageId).toMatch(/^capture-/);
    // A second complaint of the same citizen, in another case, is marked too.
    const sibling = await fileWaitingComplaint(address.toUpperCase());

    // SendGrid's batch: a processed (ignored), the receipt delivered, then bounced; the bounce
    // matched by SendGrid's id alone (no custom argument), as for mail sent before we had one.
    const receipt = filed.receipt;
    const batch = [
      sgEvent("processed", receipt),
      sgEvent("delivered", receipt, { response: `250 OK ${address}` }),
      { ...sgEvent("bounce", { ...receipt, id: "" }, { type: "bounce", status: "5.1.1", reason: `550 5.1.1 <${address}>: Recipient address rejected: User unknown`, bounce_classification: "Invalid Address" }), email_message_id: undefined },
      sgEvent("open", receipt, { useragent: "Mozilla/5.0", ip: "203.0.113.7" }),
      sgEvent("delivered", null),
    ];
    const body = JSON.stringify(batch);
    let answer: Awaited<ReturnType<typeof postBatch>> | undefined;
    const printed = await printedDuring(async () => {
      answer = await postBatch(body);
    });
    expect(answer!.status, answer!.text).toBe(200);
    expect(JSON.parse(answer!.text)).toMatchObject({ events: 5, kept: 3, unmatched: 1, updated: 1, marked: 2, complaintsTold: 2, skipped: 0 });
    // ADR 006: nothing of the address or of SendGrid's words in what the server printed.
    expect(printed.toLowerCase()).not.toContain(address.toLowerCase());
    expect(printed).not.toContain("Recipient address rejected");

    const stored = await db().emailMessage.findUniqueOrThrow({ where: { id: receipt.id } });
    expect(stored).toMatchObject({ status: "SENT", deliveryStatus: "BOUNCED", deliveryReason: "bounce 5.1.1 invalid-address" });
    expect(stored.deliveryReason).not.toContain("@");
    const complainant = await db().complainant.findFirstOrThrow({ where: { complaint: { is: { id: filed.complaintId } } } });
    expect(complainant.emailUndeliverableReason).toBe("BOUNCED");
    expect(complainant.emailUndeliverableAt).not.toBeNull();
    const siblingComplainant = await db().complainant.findFirstOrThrow({ where: { complaint: { is: { id: sibling.complaintId } } } });
    expect(siblingComplainant.emailUndeliverableAt).not.toBeNull();

    // The timeline: one INTERNAL event by the system with the reason code only.
    const events = await db().complaintEvent.findMany({ where: { complaintId: filed.complaintId, type: "EMAIL_UNDELIVERABLE" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ visibility: "INTERNAL", actorKind: "SYSTEM", payload: { reason: "BOUNCED" }, message: null });

    // The unit is told in its next digest that the question's window runs on someone who cannot hear of it.
    const alerts = await db().staffAlert.findMany({ where: { complaintId: filed.complaintId, kind: "CITIZEN_UNREACHABLE" } });
    expect(alerts.map((a) => a.toAddress).sort()).toEqual(DEMO_ACCOUNTS.filter((a) => a.unitCode === "DISDUKCAPIL").map((a) => a.email).sort());
    const complaint = await db().complaint.findUniqueOrThrow({ where: { id: filed.complaintId } });
    expect(alerts[0]).toMatchObject({ stage: "CITIZEN_REPLY", dueAt: complaint.citizenReplyDueAt });
    await sendStaffDigests(db(), new Date(), { publicBaseUrl: "https://lapor.example" });
    const digest = await db().emailMessage.findFirstOrThrow({ where: { template: "sla.digest", toAddress: officer.email } });
    expect(digest.bodyText).toContain(filed.trackingCode);
    expect(digest.bodyText).toContain("jawabannya ditunggu sampai");
    expect(digest.bodyText).not.toContain(address);

    // Staff see it on the complaint page (with what it means for the running window) and in the inbox.
    const cookie = await staffCookie(officer.email);
    const page = await fetch(`${server.baseUrl}/staf/pengaduan/${filed.complaintId}`, { headers: { cookie } });
    const html = renderedHtml(await page.text());
    expect(page.status).toBe(200);
    expect(html).toContain('data-testid="email-status"');
    expect(html).toContain("E-mail tidak terkirim");
    expect(html).toContain('data-testid="email-undeliverable-waiting"');
    expect(html).toContain("Pengadu tidak tahu bahwa jawabannya ditunggu");
    expect(html).toContain("E-mail pengadu tidak terkirim"); // the timeline event
    expect(html).toContain("Alasan: server penerima menolak alamatnya.");
    expect(html).not.toContain(address);
    const inbox = renderedHtml(await (await fetch(`${server.baseUrl}/staf/kotak-masuk?kode=${filed.trackingCode}`, { headers: { cookie } })).text());
    expect(inbox).toContain('data-testid="inbox-email-undeliverable"');

    // The question written before the bounce is still waiting: the worker fails it instead of sending it.
    const requestsBefore = capture.requests.length;
    await expect(send(filed.question.id)).resolves.toMatchObject({ status: "FAILED", sent: false });
    expect(capture.requests.length).toBe(requestsBefore);
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: filed.question.id } })).toMatchObject({ status: "FAILED", lastError: UNDELIVERABLE_ERROR });
    // And no further notice is written: the citizen's reply window lapsing closes the complaint without a mail.
    const mailsBefore = await db().emailMessage.count({ where: { complaintId: filed.complaintId } });
    await act(filed.complaintId, "CITIZEN_REPLY", "CITIZEN", "Nomor registrasi saya 12345.");
    await act(filed.complaintId, "REQUEST_INFO", "OFFICER", STAFF_QUESTION);
    expect(await db().emailMessage.count({ where: { complaintId: filed.complaintId } })).toBe(mailsBefore);
    // The second question, unmailed, is another alert for the unit.
    expect(await db().staffAlert.count({ where: { complaintId: filed.complaintId, kind: "CITIZEN_UNREACHABLE" } })).toBe(alerts.length * 2);

    // Staff mail is never held back by a complainant's mark; Redis job payloads carry ids only.
    const outbox = await db().outboxMessage.findMany({ select: { payload: true } });
    expect(JSON.stringify(outbox)).not.toContain("@");

    // The same batch again (SendGrid retries), and a late `delivered`: nothing more changes.
    const before = await snapshot();
    expect((await postBatch(body)).status).toBe(200);
    const late = JSON.stringify([sgEvent("delivered", receipt), sgEvent("deferred", receipt, { status: "4.2.2" })]);
    expect((await postBatch(late)).status).toBe(200);
    expect(await snapshot()).toEqual(before);
  });

  it("a soft bounce (blocked) and a drop for the message's content are recorded, and mark nobody", async () => {
    const address = `warga.lunak.${randomBytes(3).toString("hex")}@example.test`;
    const filed = await fileWaitingComplaint(address);
    const batch = JSON.stringify([
      sgEvent("bounce", filed.receipt, { type: "blocked", status: "4.7.1", bounce_classification: "Reputation", reason: "try later" }),
      sgEvent("dropped", filed.question, { reason: "Spam Content (if spam checker app enabled)" }),
    ]);
    expect((await postBatch(batch)).status).toBe(200);
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: filed.receipt.id } })).toMatchObject({ deliveryStatus: "BLOCKED", deliveryReason: "blocked 4.7.1 reputation" });
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: filed.question.id } })).toMatchObject({ deliveryStatus: "DROPPED", deliveryReason: "dropped other" });
    expect((await db().complainant.findFirstOrThrow({ where: { complaint: { is: { id: filed.complaintId } } } })).emailUndeliverableAt).toBeNull();
    expect(await db().complaintEvent.count({ where: { complaintId: filed.complaintId, type: "EMAIL_UNDELIVERABLE" } })).toBe(0);
  });

  it("a spam report marks the address; the citizen gives one again on the tracking page (the same one too), and an old report does not mark it again", async () => {
    const address = `warga.spam.${randomBytes(3).toString("hex")}@example.test`;
    const filed = await fileWaitingComplaint(address);
    const report = JSON.stringify([sgEvent("delivered", filed.receipt), sgEvent("spamreport", filed.receipt)]);
    expect((await postBatch(report)).status).toBe(200);
    expect((await db().complainant.findFirstOrThrow({ where: { complaint: { is: { id: filed.complaintId } } } })).emailUndeliverableReason).toBe("SPAM_REPORT");

    const { cookie } = await openTracking(server.baseUrl, filed.trackingCode, filed.pin);
    const page = await (await fetch(`${server.baseUrl}/lacak/${filed.trackingCode}`, { headers: { cookie } })).text();
    expect(renderedHtml(page)).toContain('data-testid="email-undeliverable"');
    expect(page).not.toContain(address);

    // A mistake comes back with what was typed and the reason; nothing is saved.
    const typo = "warga.spam@example";
    const refused = await fetch(`${server.baseUrl}/lacak/${filed.trackingCode}`, { method: "POST", body: new URLSearchParams({ intent: "email", email: typo }), headers: { cookie }, redirect: "manual" });
    const refusedHtml = renderedHtml(await refused.text());
    expect(refused.status).toBe(400);
    expect(refusedHtml).toContain("Alamat email tidak valid.");
    expect(refusedHtml).toContain(`value="${typo}"`);
    expect((await db().complainant.findFirstOrThrow({ where: { complaint: { is: { id: filed.complaintId } } } })).emailUndeliverableAt).not.toBeNull();

    // The same address again: the citizen says it works now.
    const saved = await fetch(`${server.baseUrl}/lacak/${filed.trackingCode}`, { method: "POST", body: new URLSearchParams({ intent: "email", email: address.toUpperCase() }), headers: { cookie }, redirect: "manual" });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`/lacak/${filed.trackingCode}?selesai=email`);
    const complainant = await db().complainant.findFirstOrThrow({ where: { complaint: { is: { id: filed.complaintId } } } });
    expect(complainant).toMatchObject({ email: address, emailUndeliverableAt: null, emailUndeliverableReason: null });
    const after = renderedHtml(await (await fetch(`${server.baseUrl}/lacak/${filed.trackingCode}?selesai=email`, { headers: { cookie } })).text());
    expect(after).toContain("Alamat e-mail Anda tersimpan.");
    expect(after).not.toContain('data-testid="email-undeliverable"');

    // SendGrid retries the old report (fresh signature): it is about mail written before the change.
    expect((await postBatch(report)).status).toBe(200);
    expect((await db().complainant.findFirstOrThrow({ where: { complaint: { is: { id: filed.complaintId } } } })).emailUndeliverableAt).toBeNull();
    // With nothing to fix, the form is refused.
    const again = await fetch(`${server.baseUrl}/lacak/${filed.trackingCode}`, { method: "POST", body: new URLSearchParams({ intent: "email", email: address }), headers: { cookie }, redirect: "manual" });
    expect(again.status).toBe(409);
  });
});

describe("refused batches change nothing", () => {
  it("wrong key, tampered body, missing headers, stale or future timestamp: 403", async () => {
    const filed = await fileWaitingComplaint(`warga.palsu.${randomBytes(3).toString("hex")}@example.test`);
    const body = JSON.stringify([sgEvent("bounce", filed.receipt, { type: "bounce" }), sgEvent("spamreport", filed.receipt)]);
    const good = signedHeaders(body);
    const old = String(Number(nowSeconds()) - 601);
    const future = String(Number(nowSeconds()) + 3_600);
    const cases: [string, string, Record<string, string>][] = [
      ["another key", body, signedHeaders(body, { key: stranger.privateKey })],
      ["tampered body", body.replace("spamreport", "delivered"), good],
      ["no signature", body, { "Content-Type": "application/json", "X-Twilio-Email-Event-Webhook-Timestamp": good["X-Twilio-Email-Event-Webhook-Timestamp"] }],
      ["no timestamp", body, { "Content-Type": "application/json", "X-Twilio-Email-Event-Webhook-Signature": good["X-Twilio-Email-Event-Webhook-Signature"] }],
      ["no headers", body, { "Content-Type": "application/json" }],
      ["stale", body, signedHeaders(body, { timestamp: old })],
      ["future", body, signedHeaders(body, { timestamp: future })],
      ["timestamp moved", body, { ...good, "X-Twilio-Email-Event-Webhook-Timestamp": String(Number(good["X-Twilio-Email-Event-Webhook-Timestamp"]) - 1) }],
      ["garbage signature", body, { ...good, "X-Twilio-Email-Event-Webhook-Signature": "MEUCIQ" }],
    ];
    const before = await snapshot();
    for (const [label, text, headers] of cases) {
      const answer = await postBatch(text, headers);
      expect(answer.status, label).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("a signed body that is not a JSON array: 400; over 1 MiB: 413; a GET: 405", async () => {
    for (const body of ["{not json", '{"event":"bounce"}', "", "null"]) {
      expect((await postBatch(body)).status, body).toBe(400);
    }
    const huge = JSON.stringify([{ event: "delivered", pad: "x".repeat(1024 * 1024) }]);
    expect((await postBatch(huge)).status).toBe(413);
    const get = await fetch(`${server.baseUrl}${WEBHOOK}`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });

  it("without a configured key the webhook does not exist: 404", async () => {
    const body = "[]";
    const request = new Request(`http://local${WEBHOOK}`, { method: "POST", body, headers: signedHeaders(body) });
    const response = await receiveEventWebhook(db(), request, { publicKey: undefined, maxAgeSeconds: 600, now: new Date() });
    expect(response.status).toBe(404);
  });

  it("a configured key that is not a key: 503 and one error in the log, never a 500", async () => {
    const spy = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const body = "[]";
    const request = () => new Request(`http://local${WEBHOOK}`, { method: "POST", body, headers: signedHeaders(body) });
    const options = { publicKey: "this is not a public key, nor base64 of one!!", maxAgeSeconds: 600, now: new Date() };
    expect((await receiveEventWebhook(db(), request(), options)).status).toBe(503);
    expect((await receiveEventWebhook(db(), request(), options)).status).toBe(503);
    expect(spy.mock.calls.filter(([line]) => String(line).includes("SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY"))).toHaveLength(1);
  });
});
