// Staff mail people can act on (issue #20 item 4, ADR 009 session 6): one digest per address and
// sweep, most urgent first, each complaint with its deep link into the staff workspace (which the
// sign-in page returns to), a retried sweep that mails nothing twice, no ANONIM identity, HTML and
// text parts; and the inbox's search by tracking code. Through the built app over HTTP.
import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { sweepDueComplaints } from "~/domain/sla/evaluate-sla.server";
import { createEmailTransport } from "~/services/email.server";
import { createLogger } from "~/services/logger.server";
import { hashPassword } from "~/services/password.server";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import { createNotifyProcessor } from "../workers/processors/notify";
import { useTestServer } from "./e2e/support/browser";
import { fileComplaintAt } from "./support/complaint-form";
import { emailHtmlProblems, emailHtmlText } from "./support/email-html";
import { readPage } from "./support/html";
import { createSendGridCapture } from "./support/sendgrid-capture";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;
const capture = createSendGridCapture();
const PASSWORD = "kata-sandi-surat-staf-2027";
const email = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!.email;
const ENGLISH_HEAD = "kepala.english@example.test";
const ANONIM = { name: "Pelapor Anonim Qv5", phone: "081377778888", email: "anonim.qv5@example.test" };
const wib = (local: string) => new Date(`${local}+07:00`);
const SWEEP_AT = wib("2027-01-22T17:00:00");

let clientCounter = 0;
const nextClientIp = () => `10.77.${Math.floor(clientCounter / 250)}.${(clientCounter++ % 250) + 1}`;

async function login(address: string, redirectTo?: string): Promise<{ cookie: string; location: string | null }> {
  const response = await fetch(`${server.baseUrl}/staf/masuk`, {
    method: "POST",
    body: new URLSearchParams({ email: address, password: PASSWORD, ...(redirectTo === undefined ? {} : { redirectTo }) }),
    redirect: "manual",
    headers: { "x-forwarded-for": nextClientIp() },
  });
  expect(response.status).toBe(302);
  return { cookie: (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "", location: response.headers.get("location") };
}

const get = (path: string, cookie?: string) => fetch(`${server.baseUrl}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });

let productId: string;
let dinkesProductId: string;
/** A: missed Wed 20 Jan (levels 1 and 2 by now), B: Thu 21 Jan, C (ANONIM) and D: Fri 22 Jan; R: 75 % reminder. */
const ids: Record<"A" | "B" | "C" | "D" | "R", string> = { A: "", B: "", C: "", D: "", R: "" };
const codes: Record<string, string> = {};

async function assignedAt(at: Date, overrides: Parameters<typeof fileComplaintAt>[2] = {}) {
  const id = await fileComplaintAt(db(), new Date(at.getTime() - 60 * 60_000), { productId, ...overrides });
  for (const [action, actor] of [["VERIFY", "COORDINATOR"], ["ASSIGN", "SYSTEM"]] as const) {
    expect((await applyTransition(db(), { complaintId: id, action, actor, now: at })).ok).toBe(true);
  }
  return id;
}

beforeAll(async () => {
  await capture.start();
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  const dukcapil = await db().serviceUnit.findUniqueOrThrow({ where: { code: "DISDUKCAPIL" } });
  productId = (await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } })).id;
  dinkesProductId = (await db().serviceProduct.findFirstOrThrow({ where: { unit: { code: "DINKES" } } })).id;
  // A second head of the unit who reads English.
  const english = await db().user.create({ data: { email: ENGLISH_HEAD, name: "English-reading head", locale: "en", passwordHash: await hashPassword(PASSWORD) } });
  await db().membership.create({ data: { userId: english.id, unitId: dukcapil.id, role: "UNIT_HEAD" } });

  ids.A = await assignedAt(wib("2027-01-13T09:00:00"));
  ids.B = await assignedAt(wib("2027-01-14T09:00:00"));
  ids.C = await assignedAt(wib("2027-01-15T09:00:00"), { visibility: "ANONIM", ...ANONIM });
  ids.D = await assignedAt(wib("2027-01-15T09:05:00"));
  ids.R = await assignedAt(wib("2027-01-18T09:00:00"));
  for (const [key, id] of Object.entries(ids)) codes[key] = (await db().complaint.findUniqueOrThrow({ where: { id } })).trackingCode;
});
afterAll(() => capture.stop());

const digestsTo = (address: string) => db().emailMessage.findMany({ where: { template: "sla.digest", toAddress: address }, orderBy: { createdAt: "asc" } });
const links = (text: string) => [...text.matchAll(/https?:\/\/\S+\/staf\/pengaduan\/([0-9a-f-]{36})/g)].map((m) => ({ url: m[0], id: m[1]! }));

describe("staff digests", () => {
  it("a sweep whose digest transaction dies mails nothing; retried, it mails each address once, listing everything", async () => {
    const first = await db().complaint.findUniqueOrThrow({ where: { id: ids.A } });
    expect(first.firstResponseDueAt).toEqual(wib("2027-01-20T16:00:00"));
    // A crash between writing the digests and committing them: a trigger refuses the marks.
    const schema = `"${server.database.schema}"`;
    await db().$executeRawUnsafe(`CREATE FUNCTION ${schema}.refuse_digest() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'digest refused for the test'; END $$`);
    await db().$executeRawUnsafe(`CREATE TRIGGER refuse_digest BEFORE UPDATE ON ${schema}.staff_alert FOR EACH ROW EXECUTE FUNCTION ${schema}.refuse_digest()`);
    try {
      await expect(sweepDueComplaints(db(), SWEEP_AT, 500, { publicBaseUrl: server.baseUrl })).rejects.toThrow(/digest refused/);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER refuse_digest ON ${schema}.staff_alert`);
    }
    // The escalations and the alerts are in; no digest is, and nothing was queued for sending.
    expect(await db().escalation.count({ where: { complaintId: { in: Object.values(ids) } } })).toBe(5);
    expect(await db().staffAlert.count({ where: { emailMessageId: null } })).toBeGreaterThan(0);
    expect(await db().emailMessage.count({ where: { template: "sla.digest" } })).toBe(0);

    const retried = await sweepDueComplaints(db(), SWEEP_AT, 500, { publicBaseUrl: server.baseUrl });
    expect(retried).toMatchObject({ escalations: 0, digests: 5 });
    expect(await db().staffAlert.count({ where: { emailMessageId: null } })).toBe(0);
    expect(await sweepDueComplaints(db(), new Date(SWEEP_AT.getTime() + 60_000), 500, { publicBaseUrl: server.baseUrl })).toMatchObject({ digests: 0 });
    for (const address of [email("UNIT_HEAD"), ENGLISH_HEAD, "disdukcapil@demo.lapor-pangkalpinang.invalid", email("OFFICER"), email("INSPECTORATE")]) {
      expect(await digestsTo(address), address).toHaveLength(1);
    }
    const outbox = await db().outboxMessage.count({ where: { jobName: "email.send", jobId: { in: (await db().emailMessage.findMany({ where: { template: "sla.digest" } })).map((m) => `email-${m.id}`) } } });
    expect(outbox).toBe(5);
  });

  it("lists escalations before reminders, oldest missed deadline first, speaking to its reader with the next level's time", async () => {
    const [head] = await digestsTo(email("UNIT_HEAD"));
    expect(head!.subject).toBe("Pengaduan yang memerlukan tindakan Anda, 22 Januari 2027: 4 eskalasi dan 1 pengingat");
    expect(head!.complaintId).toBeNull();
    const text = head!.bodyText;
    const order = ["A", "B", "C", "D", "R"].map((key) => text.indexOf(codes[key]!));
    expect(order.every((at) => at > 0)).toBe(true);
    // C and D share a deadline; either may come first.
    expect(order[0]! < order[1]! && order[1]! < Math.min(order[2]!, order[3]!) && Math.max(order[2]!, order[3]!) < order[4]!).toBe(true);
    expect(text.indexOf("ESKALASI (4)")).toBeLessThan(text.indexOf("PENGINGAT (1)"));
    expect(text).toContain("Eskalasi tingkat 1 kepada Anda (kepala unit): batas tanggapan pertama terlewati sejak 21 Januari 2027 pukul 16.00 WIB.");
    expect(text).toContain("Mohon tindak lanjuti sebelum 25 Januari 2027 pukul 16.00 WIB; setelah itu eskalasi naik ke Inspektorat.");
    expect(text).toContain("Mohon segera tindak lanjuti; eskalasi sudah naik ke Inspektorat pada 22 Januari 2027 pukul 16.30 WIB.");
    expect(text).toContain("Batas tanggapan pertama jatuh pada 25 Januari 2027 pukul 16.00 WIB.");
    expect(text).not.toContain("diteruskan kepada kepala unit");
    expect(links(text).map((l) => l.id)).toEqual(expect.arrayContaining(Object.values(ids)));

    const [inspectorate] = await digestsTo(email("INSPECTORATE"));
    expect(inspectorate!.subject).toBe(`Eskalasi tingkat 2: pengaduan ${codes.A} melewati batas tanggapan pertama (20 Januari 2027)`);
    expect(inspectorate!.complaintId).toBe(ids.A);
    expect(inspectorate!.bodyText).toContain("Mohon pastikan pengaduan ini ditindaklanjuti sebelum 26 Januari 2027 pukul 16.00 WIB; setelah itu eskalasi naik ke penghubung Ombudsman.");

    const [english] = await digestsTo(ENGLISH_HEAD);
    expect(english!.locale).toBe("en");
    expect(english!.subject).toBe("Complaints that need you, 22 January 2027: 4 escalations and 1 reminder");
    expect(english!.bodyText).toContain("Escalation level 1 to you (unit head): the first response deadline passed on 22 January 2027 at 16:30 WIB.");
    expect(english!.bodyText).not.toMatch(/Januari|Eskalasi|\d{4}-\d{2}-\d{2}/);

    const [officer] = await digestsTo(email("OFFICER"));
    expect(officer!.subject).toBe(`Pengingat: batas tanggapan pertama pengaduan ${codes.R} pada 25 Januari 2027 pukul 16.00 WIB`);
  });

  it("carries no identity of an ANONIM complainant, a valid HTML part and the plain text, and goes out so through SendGrid", async () => {
    const digests = await db().emailMessage.findMany({ where: { template: "sla.digest" } });
    for (const digest of digests) {
      for (const part of [digest.subject, digest.bodyText, digest.bodyHtml ?? ""]) {
        for (const secret of [ANONIM.name, ANONIM.phone, ANONIM.email, "Pelapor", "081377778888"]) expect(part).not.toContain(secret);
        expect(part).not.toContain("KTP-el belum jadi");
      }
      expect(emailHtmlProblems(digest.bodyHtml!, digest.locale as "id" | "en")).toEqual([]);
      for (const { url } of links(digest.bodyText)) expect(emailHtmlText(digest.bodyHtml!)).toContain(url);
    }
    const [head] = await digestsTo(email("UNIT_HEAD"));
    const notify = createNotifyProcessor(createEmailTransport({ apiKey: "SG.staff-mail", baseUrl: capture.url, from: "lapor@pangkalpinangkota.go.id" }));
    const job = { id: "staff-mail-test", name: "email.send", data: { emailMessageId: head!.id }, queueName: "notify" } as unknown as Job;
    await expect(notify.handle(job, { db: db(), log: createLogger("test"), now: () => new Date() })).resolves.toMatchObject({ sent: true });
    const [request] = await capture.waitForRequests(1);
    const body = request!.body as { from: unknown; content: { type: string; value: string }[]; personalizations: { to: { email: string }[] }[] };
    expect(body.from).toEqual({ email: "lapor@pangkalpinangkota.go.id", name: "Lapor Pangkalpinang" });
    expect(body.personalizations[0]!.to).toEqual([{ email: email("UNIT_HEAD") }]);
    expect(body.content).toEqual([
      { type: "text/plain", value: head!.bodyText },
      { type: "text/html", value: head!.bodyHtml },
    ]);
    expect(body.content[1]!.value).toContain('<html lang="id">');
    expect(body.content[1]!.value).not.toMatch(/<script/i);
  });

  it("links each complaint straight into the workspace for its reader, and through the sign-in page when signed out", async () => {
    const [head] = await digestsTo(email("UNIT_HEAD"));
    const { cookie } = await login(email("UNIT_HEAD"));
    for (const { url, id } of links(head!.bodyText)) {
      const page = await get(new URL(url).pathname, cookie);
      expect(page.status, url).toBe(200);
      expect((await readPage(page)).html).toContain(codes[Object.entries(ids).find(([, v]) => v === id)![0]]!);
    }
    const [inspectorate] = await digestsTo(email("INSPECTORATE"));
    const { cookie: auditor } = await login(email("INSPECTORATE"));
    for (const { url } of links(inspectorate!.bodyText)) {
      const page = await get(new URL(url).pathname, auditor);
      expect(page.status).toBe(200);
      expect((await readPage(page)).html).toContain(codes.A);
    }

    // Signed out: to the sign-in page, and after signing in back to the complaint.
    const path = new URL(links(head!.bodyText)[0]!.url).pathname;
    const out = await get(path);
    expect(out.status).toBe(302);
    const signIn = out.headers.get("location")!;
    expect(signIn).toBe(`/staf/masuk?redirectTo=${encodeURIComponent(path)}`);
    const form = await readPage(await get(signIn));
    expect(form.html).toContain(`name="redirectTo" value="${path}"`);
    const back = await login(email("UNIT_HEAD"), path);
    expect(back.location).toBe(path);
    const page = await get(path, back.cookie);
    expect(page.status).toBe(200);
    expect((await readPage(page)).html).toContain(codes.A);

    // Only paths of this site: anything else lands on the staff home.
    for (const hostile of ["https://evil.example/staf", "//evil.example/staf", "/\\evil.example", "javascript:alert(1)"]) {
      expect((await login(email("UNIT_HEAD"), hostile)).location, hostile).toBe("/staf");
    }
  });

  it("links the coordinators' late verification to the triage desk, where they verify", async () => {
    const filed = await fileComplaintAt(db(), wib("2027-01-25T09:00:00"), { productId });
    const code = (await db().complaint.findUniqueOrThrow({ where: { id: filed } })).trackingCode;
    await sweepDueComplaints(db(), wib("2027-01-28T17:00:00"), 500, { publicBaseUrl: server.baseUrl });
    const [digest, ...more] = await db().emailMessage.findMany({ where: { template: "sla.digest", toAddress: email("COORDINATOR"), bodyText: { contains: code } } });
    expect(more).toEqual([]);
    const path = `/staf/triase/${filed}`;
    expect(digest!.bodyText).toContain(`${server.baseUrl}${path}`);
    expect(digest!.bodyText).not.toContain(`/staf/pengaduan/${filed}`);
    const { cookie } = await login(email("COORDINATOR"));
    const page = await get(path, cookie);
    expect(page.status).toBe(200);
    expect((await readPage(page)).html).toContain(code);
    const out = await get(path);
    expect(out.headers.get("location")).toBe(`/staf/masuk?redirectTo=${encodeURIComponent(path)}`);
    expect((await login(email("COORDINATOR"), path)).location).toBe(path);
  });
});

describe("the inbox's search by tracking code", () => {
  it("finds the complaint of a code typed any way within the reader's scope, and nothing outside it", async () => {
    const { cookie } = await login(email("UNIT_HEAD"));
    const messy = ` ${codes.C!.toLowerCase().replace(/-/g, " ").replace(/0/g, "o")} `;
    const found = await readPage(await get(`/staf/kotak-masuk?kode=${encodeURIComponent(messy)}`, cookie));
    expect(found.html).toContain(`Pengaduan dengan kode ${codes.C}.`);
    expect([...found.html.matchAll(/data-testid="inbox-row" data-id="([^"]+)"/g)].map((m) => m[1])).toEqual([ids.C]);
    expect(found.html).toContain(`href="/staf/pengaduan/${ids.C}"`);

    // A Dinkes complaint exists but is not this head's: the same answer as an unknown code.
    const dinkes = await fileComplaintAt(db(), wib("2027-01-18T09:00:00"), { productId: dinkesProductId });
    const dinkesCode = (await db().complaint.findUniqueOrThrow({ where: { id: dinkes } })).trackingCode;
    const outside = await readPage(await get(`/staf/kotak-masuk?kode=${dinkesCode}`, cookie));
    expect(outside.html).toContain(`Tidak ada pengaduan dengan kode ${dinkesCode} yang dapat Anda buka.`);
    expect(outside.html).not.toContain('data-testid="inbox-row"');

    const invalid = await readPage(await get(`/staf/kotak-masuk?kode=${encodeURIComponent("LPK-12345")}`, cookie));
    expect(invalid.html).toContain("bukan kode lacak yang sah");

    // City-wide readers find it, closed or not.
    expect((await applyTransition(db(), { complaintId: dinkes, action: "REJECT", actor: "COORDINATOR", now: wib("2027-01-18T10:00:00") })).ok).toBe(true);
    const { cookie: coordinator } = await login(email("COORDINATOR"));
    const closed = await readPage(await get(`/staf/kotak-masuk?kode=${dinkesCode}`, coordinator));
    expect([...closed.html.matchAll(/data-testid="inbox-row" data-id="([^"]+)"/g)].map((m) => m[1])).toEqual([dinkes]);
  });
});
