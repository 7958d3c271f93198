// Issue #15: a citizen answers by pressing Reply. Real-shaped SendGrid Inbound Parse posts
// (multipart, the fields SendGrid sends) against the built app and a schema of its own: the answer
// resumes the clock and returns the complaint to the unit; a second delivery of the same mail adds
// nothing; a forged or lapsed token, another sender, an auto-reply, an oversize mail are refused and
// recorded with nothing changed; outside a question the mail is a message for staff and the citizen
// hears what happens next, once a day at most.
import { beforeAll, describe, expect, it } from "vitest";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { replyAddressFor, REPLY_ADDRESS_VALID_DAYS } from "~/domain/inbound-mail/reply-address.server";
import { inboundParseForm, type InboundMailDraft } from "~/services/inbound-parse.server";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import { useTestServer } from "./e2e/support/browser";
import { fileComplaintAt } from "./support/complaint-form";
import { renderedHtml } from "./support/html";
import { staffLogin } from "./support/staff-http";

const CREDENTIALS = "sendgrid:inbound-test-credentials-0123456789";
process.env.SENDGRID_INBOUND_AUTH = CREDENTIALS;
process.env.TRUST_PROXY = "1";
const PASSWORD = "kata-sandi-balasan-surel-2026";
const server = useTestServer();
const db = () => server.database.db;
const CITIZEN = "siti.aminah@example.test";
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(2048).fill(7)]);

let productId: string;
let kecamatanCode: string;
let kelurahanCode: string;

beforeAll(async () => {
  productId = (await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } })).id;
  const kelurahan = await db().region.findFirstOrThrow({ where: { kind: "KELURAHAN" } });
  kelurahanCode = kelurahan.code;
  kecamatanCode = kelurahan.parentCode!;
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
});

/** A complaint with the citizen's address, with the unit, asked a question by the officer. */
async function complaintAwaitingCitizen(): Promise<string> {
  const id = await fileComplaintAt(db(), new Date(), { productId, kecamatanCode, kelurahanCode, email: CITIZEN });
  for (const [action, actor] of [["VERIFY", "COORDINATOR"], ["ASSIGN", "SYSTEM"], ["ACKNOWLEDGE", "OFFICER"], ["REQUEST_INFO", "OFFICER"]] as const) {
    const moved = await applyTransition(db(), { complaintId: id, action, actor, message: action === "REQUEST_INFO" ? "Mohon kirim foto tanda terima." : null, now: new Date() });
    expect(moved.ok, action).toBe(true);
  }
  return id;
}

function gmailReply(complaintId: string, overrides: Partial<InboundMailDraft> = {}): InboundMailDraft {
  return {
    from: `Siti Aminah <${CITIZEN}>`,
    to: replyAddressFor(complaintId, new Date()),
    subject: "Re: Pertanyaan petugas tentang pengaduan Anda",
    text: [
      "Baik Pak, foto tanda terima saya lampirkan.",
      "Saya mengambil nomor antrean tanggal 3.",
      "",
      "Pada tanggal Sen, 7 Des 2026 pukul 10.15 Lapor Pangkalpinang <no-reply@lapor.example>",
      "menulis:",
      "",
      "> Petugas yang menangani pengaduan Anda mengajukan pertanyaan.",
      "> Jangan berikan PIN Anda kepada siapa pun.",
    ].join("\n"),
    ...overrides,
  };
}

async function post(form: FormData, credentials: string | null = CREDENTIALS) {
  const headers: Record<string, string> = credentials ? { Authorization: `Basic ${Buffer.from(credentials).toString("base64")}` } : {};
  const response = await fetch(`${server.baseUrl}/webhooks/sendgrid/inbound`, { method: "POST", body: form, headers });
  const text = await response.text();
  return { status: response.status, body: response.headers.get("content-type")?.includes("json") ? (JSON.parse(text) as { outcome: string; reason?: string }) : text };
}

async function stateOf(complaintId: string) {
  const complaint = await db().complaint.findUniqueOrThrow({ where: { id: complaintId }, select: { status: true, citizenReplyDueAt: true, nextDueStage: true } });
  const events = await db().complaintEvent.findMany({ where: { complaintId }, orderBy: { id: "asc" }, select: { type: true, actorKind: true, message: true, payload: true, visibility: true } });
  const mails = await db().emailMessage.findMany({ where: { complaintId }, orderBy: { createdAt: "asc" }, select: { template: true, subject: true, bodyText: true, replyTo: true } });
  const attachments = await db().attachment.count({ where: { complaintId } });
  return { ...complaint, events, mails, attachments };
}

describe("replying to a question by e-mail", () => {
  it("becomes the citizen's answer: the quote and signature gone, the photo kept, the complaint back with the unit, the clock stopped", async () => {
    const id = await complaintAwaitingCitizen();
    const before = await stateOf(id);
    expect(before.status).toBe("AWAITING_CITIZEN");
    // The question mail itself carried the reply address.
    expect(before.mails.find((m) => m.template === "complaint.question")?.replyTo).toMatch(/^balas\+[a-z2-7]+@balas\.localhost$/);

    const answer = await post(inboundParseForm(gmailReply(id, { files: [{ name: "tanda-terima.jpg", type: "image/jpeg", bytes: JPEG }] })));
    expect(answer).toEqual({ status: 200, body: { outcome: "answered" } });

    const after = await stateOf(id);
    expect(after.status).toBe("IN_PROGRESS");
    expect(after.nextDueStage).not.toBe("CITIZEN_REPLY");
    const reply = after.events.at(-1)!;
    expect(reply).toMatchObject({ type: "CITIZEN_REPLIED", actorKind: "CITIZEN", visibility: "PUBLIC", message: "Baik Pak, foto tanda terima saya lampirkan.\nSaya mengambil nomor antrean tanggal 3." });
    expect(reply.payload).toMatchObject({ channel: "email" });
    expect(after.attachments).toBe(before.attachments + 1);
    const record = await db().inboundEmail.findFirstOrThrow({ where: { complaintId: id } });
    expect(record).toMatchObject({ outcome: "ANSWERED", attachmentsKept: 1, attachmentsRefused: 0 });
  });

  it("adds nothing when SendGrid delivers the same mail again (same Message-ID)", async () => {
    const id = await complaintAwaitingCitizen();
    const mail = inboundParseForm(gmailReply(id, { messageId: "<CAF=abc123@mail.gmail.com>" }));
    expect((await post(mail)).body).toEqual({ outcome: "answered" });
    const once = await stateOf(id);
    const again = await post(inboundParseForm(gmailReply(id, { messageId: "<CAF=abc123@mail.gmail.com>" })));
    expect(again).toEqual({ status: 200, body: { outcome: "duplicate" } });
    expect(await stateOf(id)).toEqual(once);
    expect(await db().inboundEmail.count({ where: { messageKey: "CAF=abc123@mail.gmail.com" } })).toBe(1);
  });

  it("answers once when two deliveries of the same mail arrive at the same moment: the other is a duplicate or asked to come back", async () => {
    const id = await complaintAwaitingCitizen();
    const messageId = "<twice-at-once@mail.gmail.com>";
    const answers = await Promise.all([post(inboundParseForm(gmailReply(id, { messageId }))), post(inboundParseForm(gmailReply(id, { messageId })))]);
    const outcomes = answers.map((a) => (a.status === 503 ? "retry" : (a.body as { outcome: string }).outcome)).sort();
    expect(outcomes[0]).toBe("answered");
    expect(["duplicate", "retry"]).toContain(outcomes[1]);
    const replies = (await stateOf(id)).events.filter((e) => e.type === "CITIZEN_REPLIED");
    expect(replies).toHaveLength(1);
  });

  it("refuses and records, changing nothing: a forged token, a lapsed one, another sender, an auto-reply, an oversize mail, an empty one", async () => {
    const id = await complaintAwaitingCitizen();
    const before = await stateOf(id);
    const real = replyAddressFor(id, new Date());
    const forged = real.replace(/\+([a-z2-7])/, (_, c: string) => `+${c === "a" ? "b" : "a"}`);
    const lapsed = replyAddressFor(id, new Date(Date.now() - (REPLY_ADDRESS_VALID_DAYS + 5) * 86_400_000));
    const cases: [string, InboundMailDraft][] = [
      ["forged_token", gmailReply(id, { to: forged })],
      ["expired_token", gmailReply(id, { to: lapsed })],
      ["no_token", gmailReply(id, { to: "pengaduan@balas.localhost" })],
      ["sender_mismatch", gmailReply(id, { from: "Orang Lain <orang.lain@example.test>" })],
      ["auto_reply:auto_submitted", gmailReply(id, { subject: "Balasan otomatis: Pertanyaan petugas", extraHeaders: { "Auto-Submitted": "auto-replied" } })],
      ["auto_reply:ooo_subject", gmailReply(id, { subject: "Out of Office: Pertanyaan petugas" })],
      ["oversize", gmailReply(id, { files: [{ name: "besar.jpg", type: "image/jpeg", bytes: new Uint8Array(10 * 1024 * 1024 + 10).fill(0xff) }] })],
      ["empty", gmailReply(id, { text: "\n> Petugas yang menangani pengaduan Anda mengajukan pertanyaan.\n" })],
    ];
    for (const [reason, draft] of cases) {
      const answer = await post(inboundParseForm(draft));
      expect(answer, reason).toEqual({ status: 200, body: { outcome: "refused", reason } });
    }
    const after = await stateOf(id);
    expect(after.status).toBe("AWAITING_CITIZEN");
    expect(after.events).toEqual(before.events);
    expect(after.attachments).toBe(before.attachments);
    // The one refusal the real citizen hears about is the oversize mail: how to send it instead.
    expect(after.mails.slice(before.mails.length).map((m) => m.template)).toEqual(["inbound.oversize"]);
    const recorded = await db().inboundEmail.findMany({ where: { outcome: "REFUSED", refusalReason: { in: cases.map(([reason]) => reason) } }, select: { refusalReason: true } });
    expect(recorded.map((r) => r.refusalReason).sort()).toEqual(cases.map(([reason]) => reason).sort());

    // The officer reads on the complaint that replies came and why they were not taken, never from whom.
    const officer = DEMO_ACCOUNTS.find((a) => a.role === "OFFICER")!;
    const cookie = await staffLogin(server.baseUrl, { email: officer.email, password: PASSWORD, clientIp: "10.91.0.1" });
    const page = await fetch(`${server.baseUrl}/staf/pengaduan/${id}`, { headers: { cookie } });
    const html = renderedHtml(await page.text());
    expect(page.status).toBe(200);
    expect(html).toContain('data-testid="refused-replies"');
    expect(html).toContain("dikirim dari alamat lain, bukan alamat yang tercatat");
    expect(html).toContain("terlalu besar (pengadu sudah diberi tahu caranya)");
    expect(html).not.toContain("orang.lain@example.test");
  });

  it("answers a post without the credentials, or with a wrong pair, with 401, recording and changing nothing", async () => {
    const id = await complaintAwaitingCitizen();
    const count = await db().inboundEmail.count();
    expect((await post(inboundParseForm(gmailReply(id)), null)).status).toBe(401);
    expect((await post(inboundParseForm(gmailReply(id)), "sendgrid:wrong-password-0123456789")).status).toBe(401);
    expect(await db().inboundEmail.count()).toBe(count);
    expect((await stateOf(id)).status).toBe("AWAITING_CITIZEN");
  });
});

describe("writing by e-mail when no answer was asked", () => {
  it("is a message for staff with no change of status, and the citizen is told what happens next, once a day", async () => {
    const id = await complaintAwaitingCitizen();
    await post(inboundParseForm(gmailReply(id))); // the answer: back with the unit
    const before = await stateOf(id);
    expect(before.status).toBe("IN_PROGRESS");

    const first = await post(inboundParseForm(gmailReply(id, { text: "Pak, apakah sudah ada kabar?\n\nDikirim dari iPhone saya" })));
    expect(first).toEqual({ status: 200, body: { outcome: "message_added" } });
    const second = await post(inboundParseForm(gmailReply(id, { text: "Mohon dibantu, terima kasih." })));
    expect(second).toEqual({ status: 200, body: { outcome: "message_added" } });

    const after = await stateOf(id);
    expect(after.status).toBe("IN_PROGRESS");
    expect(after.events.slice(before.events.length).map((e) => [e.type, e.visibility, e.message])).toEqual([
      ["CITIZEN_MESSAGE", "INTERNAL", "Pak, apakah sudah ada kabar?"],
      ["CITIZEN_MESSAGE", "INTERNAL", "Mohon dibantu, terima kasih."],
    ]);
    const acknowledgements = after.mails.slice(before.mails.length);
    expect(acknowledgements.map((m) => m.template)).toEqual(["inbound.acknowledgement"]);
    expect(acknowledgements[0]!.bodyText).toContain("Status pengaduan tidak berubah");
    expect(acknowledgements[0]!.bodyText).not.toContain("apakah sudah ada kabar");
    expect(acknowledgements[0]!.replyTo).toMatch(/^balas\+/);
  });
});
