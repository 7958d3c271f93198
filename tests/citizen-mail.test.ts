// What the complainant is mailed (issue #20 item 5, ADR 009): what happens next and by when, who
// answered and whether they must do anything, what an auto-close means; dates as people read them;
// an HTML part beside the text; never the PIN and never text anyone typed. Checked on the stored
// messages and on what SendGrid (the capture server) receives.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import type { Actor, WorkflowAction } from "~/domain/complaints/workflow";
import { submitComplaint } from "~/domain/complaints/submit-complaint.server";
import { evaluateComplaintSla } from "~/domain/sla/evaluate-sla.server";
import { createEmailTransport } from "~/services/email.server";
import { formatWib } from "~/services/format";
import { createLogger } from "~/services/logger.server";
import { randomBytes } from "node:crypto";
import type { Job } from "bullmq";
import { createNotifyProcessor } from "../workers/processors/notify";
import { emailHtmlProblems, emailHtmlText } from "./support/email-html";
import { useTestDatabase } from "./support/isolation";
import { createSendGridCapture } from "./support/sendgrid-capture";
import { checkReplyRecipients } from "~/domain/inbound-mail/reply-address.server";

const database = useTestDatabase({ seed: true });
const db = () => database.db;
const capture = createSendGridCapture();
const wib = (local: string) => new Date(`${local}+07:00`);
const minutesAfter = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);
const STAFF_TEXT = "Jawaban petugas Xq7 yang hanya untuk halaman";
const CITIZEN_TEXT = "KTP-el Zr9 saya belum jadi padahal sudah lewat waktu yang dijanjikan.";

let product: { id: string; name: string; nameEn: string; unit: { name: string } };
beforeAll(async () => {
  await capture.start();
  product = await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" }, select: { id: true, name: true, nameEn: true, unit: { select: { name: true } } } });
});
afterAll(() => capture.stop());

async function file(now: Date, { locale = "id" as "id" | "en", email = "warga.surat@example.test" } = {}) {
  const outcome = await submitComplaint(
    db(),
    {
      productId: product.id,
      unitUnknown: false,
      description: CITIZEN_TEXT,
      incidentDate: "2027-01-04",
      name: "Warga Surat",
      email,
      phone: "081211112222",
      visibility: "PUBLIC",
      consent: true,
      idempotencyKey: randomBytes(18).toString("base64url"),
    },
    { now, locale, publicBaseUrl: "https://lapor.example" },
  );
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.fieldErrors));
  return outcome;
}

async function act(complaintId: string, action: WorkflowAction, actor: Actor, now: Date, message?: string) {
  expect((await applyTransition(db(), { complaintId, action, actor, now, message })).ok, action).toBe(true);
}

const mailsOf = (complaintId: string) => db().emailMessage.findMany({ where: { complaintId }, orderBy: { createdAt: "asc" } });

/** Everything a citizen mail must never carry, and everything it must. */
function expectCitizenMail(mail: { subject: string; bodyText: string; bodyHtml: string | null; locale: string }, pin: string) {
  const locale = mail.locale as "id" | "en";
  expect(mail.bodyHtml, "an HTML part").toBeTruthy();
  expect(emailHtmlProblems(mail.bodyHtml!, locale)).toEqual([]);
  for (const part of [mail.subject, mail.bodyText, mail.bodyHtml!]) {
    expect(part).not.toContain(pin);
    expect(part).not.toContain(STAFF_TEXT);
    expect(part).not.toContain("Zr9");
    expect(part).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
  }
  // The HTML says what the text says (the same words, the link shown as itself).
  for (const line of mail.bodyText.split("\n").filter((l) => l.trim() !== "")) expect(emailHtmlText(mail.bodyHtml!)).toContain(line.trim());
}

const job = (data: Record<string, unknown>) => ({ id: "citizen-mail-test", name: "email.send", data, queueName: "notify" }) as unknown as Job;

describe("citizen mail", () => {
  it("the receipt names the service and says what happens next and by when, in HTML and text, and SendGrid gets both parts from Lapor Pangkalpinang", async () => {
    const filed = await file(wib("2027-01-18T09:00:00"));
    const complaint = await db().complaint.findUniqueOrThrow({ where: { id: filed.complaintId } });
    const [receipt] = await mailsOf(filed.complaintId);
    expect(receipt).toMatchObject({ template: "complaint.receipt", locale: "id" });
    expect(receipt!.bodyText).toContain(filed.trackingCode);
    expect(receipt!.bodyText).toContain(`Layanan: ${product.name}`);
    // Verification by the coordinators, three working days: Thursday 21 January 2027 at close.
    expect(complaint.verificationDueAt).toEqual(wib("2027-01-21T16:00:00"));
    expect(receipt!.bodyText).toContain("memeriksa pengaduan Anda paling lambat 21 Januari 2027 pukul 16.00 WIB");
    expect(receipt!.bodyText).toContain("Anda tidak perlu melakukan apa pun sekarang");
    expectCitizenMail(receipt!, filed.pin);

    const notify = createNotifyProcessor(createEmailTransport({ apiKey: "SG.citizen-mail", baseUrl: capture.url, from: "lapor@pangkalpinangkota.go.id" }));
    await expect(notify.handle(job({ emailMessageId: receipt!.id }), { db: db(), log: createLogger("test"), now: () => new Date() })).resolves.toMatchObject({ sent: true });
    const [request] = await capture.waitForRequests(1);
    const body = request!.body as { from: unknown; content: { type: string; value: string }[] };
    expect(body.from).toEqual({ email: "lapor@pangkalpinangkota.go.id", name: "Lapor Pangkalpinang" });
    expect(body.content.map((c) => c.type)).toEqual(["text/plain", "text/html"]);
    expect(body.content[0]!.value).toBe(receipt!.bodyText);
    expect(body.content[1]!.value).toContain('<html lang="id">');
    expect(JSON.stringify(body)).not.toContain(filed.pin);
    // Pressing Reply reaches this complaint (issue #15): a signed address naming it, never the PIN;
    // and out-of-office robots are told not to answer a system message.
    const replyTo = (request!.body as { reply_to?: { email: string } }).reply_to?.email ?? "";
    expect(replyTo).toMatch(/^balas\+[a-z2-7]{45}@balas\.localhost$/);
    expect(checkReplyRecipients([replyTo], new Date(), "balas.localhost")).toMatchObject({ ok: true, complaintId: filed.complaintId });
    expect((request!.body as { headers?: Record<string, string> }).headers).toEqual({ "Auto-Submitted": "auto-generated" });
  });

  it("writes English dates and the service's English name for a complaint filed in English", async () => {
    const filed = await file(wib("2027-01-18T09:00:00"), { locale: "en" });
    const [receipt] = await mailsOf(filed.complaintId);
    expect(receipt!.locale).toBe("en");
    expect(receipt!.bodyText).toContain(`Service: ${product.nameEn}`);
    expect(receipt!.bodyText).toContain("check your complaint by 21 January 2027 at 16:00 WIB");
    expectCitizenMail(receipt!, filed.pin);
  });

  it("a response names the unit that answered and says the citizen need do nothing, with the resolution deadline", async () => {
    const t0 = wib("2027-01-18T09:00:00");
    const filed = await file(t0);
    await act(filed.complaintId, "VERIFY", "COORDINATOR", minutesAfter(t0, 30));
    await act(filed.complaintId, "ASSIGN", "SYSTEM", minutesAfter(t0, 31));
    await act(filed.complaintId, "ACKNOWLEDGE", "OFFICER", minutesAfter(t0, 60));
    await act(filed.complaintId, "RESPOND", "OFFICER", minutesAfter(t0, 90), STAFF_TEXT);
    const complaint = await db().complaint.findUniqueOrThrow({ where: { id: filed.complaintId } });
    const response = (await mailsOf(filed.complaintId)).find((m) => m.template === "complaint.response")!;
    expect(response.subject).toBe(`Tanggapan ${product.unit.name} atas pengaduan ${filed.trackingCode}`);
    expect(response.bodyText).toContain(`${product.unit.name} memberi tanggapan atas pengaduan Anda (${filed.trackingCode})`);
    expect(response.bodyText).toContain("Anda tidak perlu melakukan apa pun sekarang");
    expect(response.bodyText).toContain(`paling lambat ${formatWib(complaint.resolutionDueAt!.toISOString(), "id")}`);
    expectCitizenMail(response, filed.pin);
  });

  it("an auto-close after a lapsed confirmation says the complaint is considered resolved and how an appeal stays possible", async () => {
    const t0 = wib("2027-01-18T09:00:00");
    const filed = await file(t0);
    for (const [action, actor, minutes] of [["VERIFY", "COORDINATOR", 10], ["ASSIGN", "SYSTEM", 11], ["ACKNOWLEDGE", "OFFICER", 12]] as const) {
      await act(filed.complaintId, action, actor, minutesAfter(t0, minutes));
    }
    await act(filed.complaintId, "PROPOSE_RESOLUTION", "OFFICER", minutesAfter(t0, 60), STAFF_TEXT);
    const confirmationDue = (await db().complaint.findUniqueOrThrow({ where: { id: filed.complaintId } })).confirmationDueAt!;
    const closedAt = wib("2027-02-22T09:00:00");
    expect((await evaluateComplaintSla(db(), filed.complaintId, { now: closedAt })).autoClosed).toBe(true);
    const closed = (await mailsOf(filed.complaintId)).find((m) => m.template === "complaint.autoClosed")!;
    expect(closed.subject).toBe(`Pengaduan ${filed.trackingCode} dianggap selesai dan ditutup`);
    expect(closed.bodyText).toContain(`meminta konfirmasi Anda sampai ${formatWib(confirmationDue.toISOString(), "id")}`);
    expect(closed.bodyText).toContain("pengaduan dianggap selesai dan ditutup pada 22 Februari 2027 pukul 09.00 WIB");
    expect(closed.bodyText).toContain("Anda dapat mengajukan banding dari halaman tersebut; Lapor Pangkalpinang tidak membatasi waktu pengajuan banding");
    expectCitizenMail(closed, filed.pin);
  });

  it("an auto-close after an unanswered question says so, with the deadline that passed", async () => {
    const t0 = wib("2027-01-18T09:00:00");
    const filed = await file(t0);
    for (const [action, actor, minutes] of [["VERIFY", "COORDINATOR", 10], ["ASSIGN", "SYSTEM", 11], ["ACKNOWLEDGE", "OFFICER", 12]] as const) {
      await act(filed.complaintId, action, actor, minutesAfter(t0, minutes));
    }
    await act(filed.complaintId, "REQUEST_INFO", "OFFICER", minutesAfter(t0, 60), STAFF_TEXT);
    const replyDue = (await db().complaint.findUniqueOrThrow({ where: { id: filed.complaintId } })).citizenReplyDueAt!;
    expect((await evaluateComplaintSla(db(), filed.complaintId, { now: wib("2027-03-01T09:00:00") })).autoClosed).toBe(true);
    const closed = (await mailsOf(filed.complaintId)).find((m) => m.template === "complaint.autoClosed")!;
    expect(closed.subject).toBe(`Pengaduan ${filed.trackingCode} ditutup`);
    expect(closed.bodyText).toContain(`pertanyaan petugas tidak dijawab sampai batasnya, ${formatWib(replyDue.toISOString(), "id")}`);
    expectCitizenMail(closed, filed.pin);
  });
});
