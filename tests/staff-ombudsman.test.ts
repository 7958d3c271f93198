// Ombudsman matters through the real routes (HTTP form posts, no JavaScript): recording with the
// computed due dates (working days on the seeded city calendar, 60 days, the letter's date), the
// refusals with the typed values kept, answering and closing with a note, the audit trail, who may
// read and change what, the filters, and the dashboard's listOmbudsmanDeadlines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import { generateTrackingCode } from "~/domain/complaints/tracking-code";
import { listOmbudsmanDeadlines } from "~/domain/compliance/ombudsman-lists.server";
import { useTestServer } from "./e2e/support/browser";
import { readPage } from "./support/html";
import { clientAddresses, staffLogin } from "./support/staff-http";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;
const PASSWORD = "kata-sandi-ombudsman-uji-2026";
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const cookies: Record<string, string> = {};
let dukcapilId: string;
let dinkesId: string;
const nextClientIp = clientAddresses("10.78");

const login = (email: string) => staffLogin(server.baseUrl, { email, password: PASSWORD, clientIp: nextClientIp() });

async function get(path: string, role = "LIAISON") {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie: cookies[role]! }, redirect: "manual" });
  return { status: response.status, ...(await readPage(response)), location: response.headers.get("location") };
}

async function post(path: string, fields: Record<string, string>, role = "LIAISON") {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { cookie: cookies[role]!, "x-forwarded-for": nextClientIp() },
    redirect: "manual",
  });
  return { status: response.status, ...(await readPage(response)), location: response.headers.get("location") };
}

const idFrom = (location: string | null) => {
  const match = location?.match(/^\/staf\/ombudsman\/([0-9a-f-]{36})\?selesai=/);
  if (!match) throw new Error(`unexpected redirect: ${location}`);
  return match[1]!;
};

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  for (const role of ["OFFICER", "UNIT_HEAD", "COORDINATOR", "INSPECTORATE", "LIAISON", "ADMIN"]) cookies[role] = await login(account(role).email);
  dukcapilId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "DISDUKCAPIL" } })).id;
  dinkesId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "DINKES" } })).id;
});

afterAll(() => {
  delete process.env.TRUST_PROXY;
});

describe("recording an Ombudsman matter", () => {
  it("a corrective action falls due 30 working days after receipt on the seeded calendar (Nyepi, Idulfitri and cuti bersama skipped)", async () => {
    const result = await post("/staf/ombudsman", { kind: "CORRECTIVE_ACTION", reference: "LAHP-0012/LM/III/2026/PKP", unitId: dukcapilId, receivedOn: "2026-03-13", summary: "Pungutan di loket KTP-el" });
    expect(result.status).toBe(302);
    const id = idFrom(result.location);
    const row = await db().ombudsmanMatter.findUniqueOrThrow({ where: { id } });
    expect(row.dueOn.toISOString().slice(0, 10)).toBe("2026-05-05");
    expect(row.status).toBe("OPEN");
    const audit = await db().auditLog.findMany({ where: { entity: "ombudsman_matter", entityId: id } });
    expect(audit.map((a) => a.action)).toEqual(["ombudsman_matter.create"]);
    expect(audit[0]!.actorUserId).toBe(row.recordedById);

    const page = await get(`/staf/ombudsman/${id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain("LAHP-0012/LM/III/2026/PKP");
    expect(page.html).toContain("2026-05-05");
    // Long past in the test clock's November 2026: overdue, in words.
    expect(page.html).toMatch(/Terlambat \d+ hari/);
  });

  it("a recommendation falls due 60 days after receipt; a clarification on the letter's date", async () => {
    const recommendation = await post("/staf/ombudsman", { kind: "RECOMMENDATION", reference: "REK-0003/ORI/2026", unitId: dinkesId, receivedOn: "2026-03-13" });
    expect(recommendation.status).toBe(302);
    expect((await db().ombudsmanMatter.findUniqueOrThrow({ where: { id: idFrom(recommendation.location) } })).dueOn.toISOString().slice(0, 10)).toBe("2026-05-12");
    const clarification = await post("/staf/ombudsman", { kind: "CLARIFICATION_REQUEST", reference: "B/0456/LM.01/IX/2026", unitId: dukcapilId, receivedOn: "2026-09-01", statedDueOn: "2026-09-15" }, "ADMIN");
    expect(clarification.status).toBe(302);
    expect((await db().ombudsmanMatter.findUniqueOrThrow({ where: { id: idFrom(clarification.location) } })).dueOn.toISOString().slice(0, 10)).toBe("2026-09-15");
  });

  it("links a complaint by its tracking code, typed loosely", async () => {
    const code = generateTrackingCode();
    const complaint = await db().complaint.create({ data: { trackingCode: code, pinHash: "x", description: "uji", unitId: dukcapilId } });
    // A code that fails its check character is refused before the database is asked.
    const bad = await post("/staf/ombudsman", { kind: "RECOMMENDATION", reference: "REK-0009/ORI/2026", unitId: dukcapilId, receivedOn: "2026-10-01", trackingCode: "LPK-XXXX" });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("Kode lacak tidak valid");
    let other = generateTrackingCode();
    while (other === code) other = generateTrackingCode();
    const unknownCode = await post("/staf/ombudsman", { kind: "RECOMMENDATION", reference: "REK-0009/ORI/2026", unitId: dukcapilId, receivedOn: "2026-10-01", trackingCode: other });
    expect(unknownCode.status).toBe(400);
    expect(unknownCode.html).toContain("Tidak ada pengaduan dengan kode lacak ini.");
    expect(await db().ombudsmanMatter.count({ where: { reference: "REK-0009/ORI/2026" } })).toBe(0);
    const typed = code.toLowerCase().replace(/-/g, " ");
    const linked = await post("/staf/ombudsman", { kind: "RECOMMENDATION", reference: "REK-0009/ORI/2026", unitId: dukcapilId, receivedOn: "2026-10-01", trackingCode: typed });
    expect(linked.status).toBe(302);
    expect((await db().ombudsmanMatter.findUniqueOrThrow({ where: { id: idFrom(linked.location) } })).complaintId).toBe(complaint.id);
    expect((await get(`/staf/ombudsman/${idFrom(linked.location)}`)).html).toContain(code);
  });

  it("refuses an invalid form with Indonesian messages beside the fields and keeps what was typed; writes nothing", async () => {
    const before = await db().ombudsmanMatter.count();
    const result = await post("/staf/ombudsman", { kind: "CLARIFICATION_REQUEST", reference: "B/0777/LM.01/X/2026", unitId: "", receivedOn: "2026-10-05", summary: "Keterlambatan akta kelahiran" });
    expect(result.status).toBe(400);
    expect(result.html).toContain("Pilih unit penanggung jawab yang aktif.");
    expect(result.html).toContain("Untuk permintaan klarifikasi, isi tenggat yang tertulis di surat Ombudsman.");
    expect(result.html).toContain('value="B/0777/LM.01/X/2026"');
    expect(result.html).toContain("Keterlambatan akta kelahiran");
    expect(result.html).toMatch(/aria-invalid="true"[^>]*name="unitId"|name="unitId"[^>]*aria-invalid="true"/);

    const future = await post("/staf/ombudsman", { kind: "RECOMMENDATION", reference: "REK-2099", unitId: dukcapilId, receivedOn: "2099-01-01" });
    expect(future.status).toBe(400);
    expect(future.html).toContain("Tanggal terima tidak boleh setelah hari ini.");
    const early = await post("/staf/ombudsman", { kind: "CLARIFICATION_REQUEST", reference: "B/0778/LM.01/X/2026", unitId: dukcapilId, receivedOn: "2026-10-05", statedDueOn: "2026-10-01" });
    expect(early.html).toContain("Tenggat tidak boleh sebelum tanggal surat diterima.");
    const duplicate = await post("/staf/ombudsman", { kind: "RECOMMENDATION", reference: "REK-0003/ORI/2026", unitId: dinkesId, receivedOn: "2026-03-13" });
    expect(duplicate.status).toBe(400);
    expect(duplicate.html).toContain("sudah dicatat untuk unit tersebut");
    expect(await db().ombudsmanMatter.count()).toBe(before);
  });

  it("is refused to roles that may only read, or not even that", async () => {
    const form = { kind: "RECOMMENDATION", reference: "REK-0100/ORI/2026", unitId: dukcapilId, receivedOn: "2026-10-01" };
    expect((await post("/staf/ombudsman", form, "INSPECTORATE")).status).toBe(403);
    expect((await post("/staf/ombudsman", form, "UNIT_HEAD")).status).toBe(403);
    expect((await post("/staf/ombudsman", form, "OFFICER")).status).toBe(403);
    expect(await db().ombudsmanMatter.count({ where: { reference: "REK-0100/ORI/2026" } })).toBe(0);
  });
});

describe("answering and closing", () => {
  it("answer then close, each with a note and an audit row; a second answer is refused", async () => {
    const created = await post("/staf/ombudsman", { kind: "RECOMMENDATION", reference: "REK-0200/ORI/2026", unitId: dukcapilId, receivedOn: "2026-11-02" });
    const id = idFrom(created.location);
    const tooShort = await post(`/staf/ombudsman/${id}`, { intent: "answer", note: "ok" });
    expect(tooShort.status).toBe(400);
    expect(tooShort.html).toContain("Isi catatan (paling sedikit 5 karakter).");

    const answered = await post(`/staf/ombudsman/${id}`, { intent: "answer", note: "Surat Wali Kota No. 100/321/2026 tanggal 20 November 2026" });
    expect(answered.status).toBe(302);
    expect(answered.location).toBe(`/staf/ombudsman/${id}?selesai=answer`);
    const again = await post(`/staf/ombudsman/${id}`, { intent: "answer", note: "Surat kedua yang tidak perlu" });
    expect(again.status).toBe(409);
    expect(again.html).toContain("Status urusan ini sudah berubah");

    const closed = await post(`/staf/ombudsman/${id}`, { intent: "close", note: "Ombudsman menyatakan rekomendasi dilaksanakan" }, "ADMIN");
    expect(closed.status).toBe(302);
    const row = await db().ombudsmanMatter.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "CLOSED", evidenceNote: "Surat Wali Kota No. 100/321/2026 tanggal 20 November 2026", closingNote: "Ombudsman menyatakan rekomendasi dilaksanakan" });
    expect(row.answeredAt).not.toBeNull();
    expect(row.closedAt).not.toBeNull();
    const audit = await db().auditLog.findMany({ where: { entity: "ombudsman_matter", entityId: id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["ombudsman_matter.create", "ombudsman_matter.answer", "ombudsman_matter.close"]);
    const page = await get(`/staf/ombudsman/${id}`);
    expect(page.html).toContain("Selesai");
    expect(page.html).not.toContain('name="intent" value="close"');
  });

  it("read-only roles see the matter but cannot change it", async () => {
    const created = await post("/staf/ombudsman", { kind: "RECOMMENDATION", reference: "REK-0300/ORI/2026", unitId: dukcapilId, receivedOn: "2026-11-02" });
    const id = idFrom(created.location);
    const inspectorate = await get(`/staf/ombudsman/${id}`, "INSPECTORATE");
    expect(inspectorate.status).toBe(200);
    expect(inspectorate.html).not.toContain('name="intent"');
    expect((await post(`/staf/ombudsman/${id}`, { intent: "answer", note: "Jawaban oleh Inspektorat" }, "INSPECTORATE")).status).toBe(403);
    expect((await post(`/staf/ombudsman/${id}`, { intent: "close", note: "Ditutup oleh kepala unit" }, "UNIT_HEAD")).status).toBe(403);
    expect((await db().ombudsmanMatter.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");
  });
});

describe("who reads what, and the filters", () => {
  it("the Disdukcapil head sees Disdukcapil's matters only; an officer and the coordinator see none", async () => {
    const head = await get("/staf/ombudsman", "UNIT_HEAD");
    expect(head.status).toBe(200);
    expect(head.html).toContain("LAHP-0012/LM/III/2026/PKP");
    expect(head.raw).not.toContain("REK-0003/ORI/2026"); // Dinkes
    expect(head.html).not.toContain('data-testid="ombudsman-new"');
    const dinkesMatter = await db().ombudsmanMatter.findFirstOrThrow({ where: { reference: "REK-0003/ORI/2026" } });
    expect((await get(`/staf/ombudsman/${dinkesMatter.id}`, "UNIT_HEAD")).status).toBe(404);
    expect((await get("/staf/ombudsman", "OFFICER")).status).toBe(403);
    expect((await get("/staf/ombudsman", "COORDINATOR")).status).toBe(403);
  });

  it("filters by kind, status, unit and overdue, sorted by due date", async () => {
    const all = await get("/staf/ombudsman");
    const order = [...all.html.matchAll(/data-testid="ombudsman-row" data-id="([^"]+)"/g)].map((m) => m[1]!);
    const dues = await Promise.all(order.map(async (id) => (await db().ombudsmanMatter.findUniqueOrThrow({ where: { id } })).dueOn.getTime()));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));

    const byKind = await get("/staf/ombudsman?jenis=CLARIFICATION_REQUEST");
    expect(byKind.html).toContain("B/0456/LM.01/IX/2026");
    expect(byKind.raw).not.toContain("REK-0003/ORI/2026");
    const byUnit = await get(`/staf/ombudsman?unit=${dinkesId}`);
    expect(byUnit.html).toContain("REK-0003/ORI/2026");
    expect(byUnit.raw).not.toContain("LAHP-0012/LM/III/2026/PKP");
    const closed = await get("/staf/ombudsman?status=CLOSED");
    expect(closed.html).toContain("REK-0200/ORI/2026");
    expect(closed.raw).not.toContain("REK-0300/ORI/2026");
    const overdue = await get("/staf/ombudsman?terlambat=1");
    expect(overdue.html).toContain("LAHP-0012/LM/III/2026/PKP");
    expect(overdue.raw).not.toContain("REK-0200/ORI/2026");
    expect(overdue.raw).not.toContain("REK-0300/ORI/2026"); // due January 2027
    // Nonsense filters are ignored rather than failing the page.
    expect((await get("/staf/ombudsman?jenis=NOPE&unit=zzz")).status).toBe(200);
  });
});

describe("listOmbudsmanDeadlines (for the liaison dashboard)", () => {
  it("lists open matters overdue or due within the window, soonest first, within the reader's scope", async () => {
    const now = new Date("2026-04-28T03:00:00Z"); // 10:00 WIB, Tue 28 April 2026
    const soon = await listOmbudsmanDeadlines(db(), { now, scope: { kind: "any" }, withinDays: 14 });
    const refs = soon.map((d) => d.reference);
    // Due 5 May (7 days) and 12 May (14 days) are in; 15 September and later are not; answered ones never.
    expect(refs).toEqual(["LAHP-0012/LM/III/2026/PKP", "REK-0003/ORI/2026"]);
    expect(soon[0]).toMatchObject({ kind: "CORRECTIVE_ACTION", dueOn: "2026-05-05", daysLeft: 7, overdue: false, unitId: dukcapilId });
    const later = await listOmbudsmanDeadlines(db(), { now: new Date("2026-05-20T03:00:00Z"), scope: { kind: "units", unitIds: [dukcapilId] }, withinDays: 7 });
    expect(later.map((d) => [d.reference, d.overdue, d.daysLeft])).toEqual([["LAHP-0012/LM/III/2026/PKP", true, -15]]);
  });
});
