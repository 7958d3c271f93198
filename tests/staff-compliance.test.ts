// Ombudsman assessment entry through the real routes (HTTP, no JavaScript): the list by year, one
// result entered with its computed total and grade (a "Hitung" preview first), the published
// total kept with a note when it differs, refusals with values kept, the CSV upload (all or
// nothing, problems listed by line and column in the user's language), the template, and access.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshComplaintReport } from "~/domain/reports/refresh-complaint-report.server";
import { fileComplaintAt } from "./support/complaint-form";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import { ASSESSMENT_CSV_COLUMNS } from "~/domain/compliance/assessment-csv";
import { useTestServer } from "./e2e/support/browser";
import { readPage, renderedHtml } from "./support/html";
import { clientAddresses, staffLogin } from "./support/staff-http";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;
const PASSWORD = "kata-sandi-kepatuhan-uji-2026";
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const cookies: Record<string, string> = {};
let dinsosId: string;
const nextClientIp = clientAddresses("10.79");

const login = (email: string) => staffLogin(server.baseUrl, { email, password: PASSWORD, clientIp: nextClientIp() });
async function get(path: string, role = "LIAISON") {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie: cookies[role]! }, redirect: "manual" });
  return { status: response.status, ...(await readPage(response)), location: response.headers.get("location"), headers: response.headers };
}
async function post(path: string, fields: Record<string, string>, role = "LIAISON") {
  const response = await fetch(`${server.baseUrl}${path}`, { method: "POST", body: new URLSearchParams(fields), headers: { cookie: cookies[role]!, "x-forwarded-for": nextClientIp() }, redirect: "manual" });
  return { status: response.status, ...(await readPage(response)), location: response.headers.get("location") };
}
async function upload(csv: string, role = "LIAISON", name = "hasil.csv") {
  const form = new FormData();
  form.set("file", new Blob([csv], { type: "text/csv" }), name);
  const response = await fetch(`${server.baseUrl}/staf/kepatuhan/impor`, { method: "POST", body: form, headers: { cookie: cookies[role]!, "x-forwarded-for": nextClientIp() }, redirect: "manual" });
  return { status: response.status, ...(await readPage(response)), location: response.headers.get("location") };
}
const header = ASSESSMENT_CSV_COLUMNS.join(",");
const csvRow = (cells: Partial<Record<(typeof ASSESSMENT_CSV_COLUMNS)[number], string>>) => ASSESSMENT_CSV_COLUMNS.map((c) => cells[c] ?? "").join(",");

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  for (const role of ["OFFICER", "UNIT_HEAD", "COORDINATOR", "INSPECTORATE", "LIAISON", "ADMIN"]) cookies[role] = await login(account(role).email);
  dinsosId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "DINSOS" } })).id;
});
afterAll(() => {
  delete process.env.TRUST_PROXY;
});

const unitEntry = { year: "2024", method: "DIMENSI_2022", scope: "UNIT", unitId: "", productId: "", source: "Rapor Ombudsman Babel 2024" };

describe("the list", () => {
  it("shows the seeded city history with method, total, grade/zone/opinion, confirmed flag and source, filterable by year", async () => {
    const all = await get("/staf/kepatuhan");
    expect(all.status).toBe(200);
    expect(all.html).toContain("91,70");
    expect(all.html).toContain("Kualitas Tertinggi");
    expect(all.html).toContain("Warta Online, 4 Jan 2024");
    const year = await get("/staf/kepatuhan?tahun=2025");
    expect(year.html).toContain("85,04");
    expect(year.raw).not.toContain("91,70");
  });

  it("is read-only for the Inspectorate and the coordinator, closed to officers and unit heads", async () => {
    for (const role of ["INSPECTORATE", "COORDINATOR"]) {
      const page = await get("/staf/kepatuhan", role);
      expect(page.status).toBe(200);
      expect(page.html).not.toContain('name="intent" value="save"');
      expect((await post("/staf/kepatuhan", { ...unitEntry, unitId: dinsosId, totalScore: "70", intent: "save" }, role)).status).toBe(403);
      expect((await get("/staf/kepatuhan/impor", role)).status).toBe(403);
      expect((await upload(header, role)).status).toBe(403);
    }
    for (const role of ["OFFICER", "UNIT_HEAD"]) expect((await get("/staf/kepatuhan", role)).status).toBe(403);
    expect(await db().complianceAssessment.count({ where: { subjectKey: "UNIT:DINSOS" } })).toBe(0);
  });
});

describe("entering one result", () => {
  const scores = { scoreINPUT: "90", scorePROSES: "95", scoreOUTPUT: "85", scorePENGADUAN: "80" };

  it("'Hitung' shows the computed total and grade without saving", async () => {
    const preview = await post("/staf/kepatuhan", { ...unitEntry, unitId: dinsosId, ...scores, intent: "preview" });
    expect(preview.status).toBe(200);
    expect(preview.html).toContain("Nilai 88,25: Zona hijau, A (Kualitas Tertinggi).");
    expect(preview.html).toContain('value="95"');
    expect(await db().complianceAssessment.count({ where: { subjectKey: "UNIT:DINSOS" } })).toBe(0);
  });

  it("saves with the published total kept, notes that it differs, and writes an audit row", async () => {
    const saved = await post("/staf/kepatuhan", { ...unitEntry, unitId: dinsosId, ...scores, totalScore: "87,90", intent: "save" }, "ADMIN");
    expect(saved.status).toBe(302);
    expect(saved.location).toBe("/staf/kepatuhan?tahun=2024&selesai=simpan&beda=1");
    const row = await db().complianceAssessment.findFirstOrThrow({ where: { subjectKey: "UNIT:DINSOS", year: 2024 } });
    expect(row.totalScore?.toString()).toBe("87.9");
    expect(row.grade).toBe("B");
    expect(await db().auditLog.count({ where: { entity: "compliance_assessment", entityId: row.id, action: "compliance_assessment.enter" } })).toBe(1);
    const page = await get(saved.location!);
    expect(page.html).toContain("Nilai total terbitan berbeda dari hasil hitung bobot dimensi");
    expect(page.html).toContain("Hitung bobot dimensi: 88,25 (berbeda dari nilai terbitan)");
  });

  it("refuses with messages beside the fields and keeps the values; a duplicate needs 'replace'", async () => {
    const invalid = await post("/staf/kepatuhan", { ...unitEntry, scoreINPUT: "90", scorePROSES: "120", source: "", intent: "save" });
    expect(invalid.status).toBe(400);
    expect(invalid.html).toContain("Pilih unit yang dinilai.");
    expect(invalid.html).toContain("Nilai harus angka 0–100.");
    expect(invalid.html).toContain("Sumber wajib diisi");
    expect(invalid.html).toContain('value="120"');
    const duplicate = await post("/staf/kepatuhan", { ...unitEntry, unitId: dinsosId, totalScore: "70", intent: "save" });
    expect(duplicate.status).toBe(400);
    expect(duplicate.html).toContain("sudah ada. Centang");
    const replaced = await post("/staf/kepatuhan", { ...unitEntry, unitId: dinsosId, totalScore: "70", replace: "on", intent: "save" });
    expect(replaced.location).toBe("/staf/kepatuhan?tahun=2024&selesai=ganti");
    expect((await db().complianceAssessment.findFirstOrThrow({ where: { subjectKey: "UNIT:DINSOS", year: 2024 } })).grade).toBe("C");
  });

  it("offers units and products in selects, not id boxes", async () => {
    const page = await get("/staf/kepatuhan");
    expect(page.html).toMatch(/<select[^>]*name="unitId"/);
    expect(page.html).toMatch(/<select[^>]*name="productId"/);
    expect(page.html).toContain("<optgroup");
    expect(page.html).toContain("Penerbitan KTP Elektronik");
  });
});

describe("CSV upload", () => {
  it("imports a clean file and says how many rows", async () => {
    const csv = [header, csvRow({ year: "2024", method: "DIMENSI_2022", scope: "PRODUCT", subject_code: "DUKCAPIL-KTP-EL", total_score: "83.06", source: "Rapor 2024" })].join("\n");
    const result = await upload(csv);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/staf/kepatuhan?selesai=impor&jumlah=1");
    expect((await get(result.location!)).html).toContain("1 baris hasil penilaian diimpor.");
    expect(await db().complianceAssessment.count({ where: { subjectKey: "PRODUCT:DUKCAPIL-KTP-EL" } })).toBe(1);
  });

  it("lists every problem by line and column, in Indonesian or English, and writes nothing", async () => {
    const before = await db().complianceAssessment.count();
    const csv = [
      header,
      csvRow({ year: "2024", method: "DIMENSI_2022", scope: "UNIT", subject_code: "DINKES", total_score: "80", source: "Rapor 2024" }),
      csvRow({ year: "2024", method: "DIMENSI_2025", scope: "UNIT", subject_code: "DINSOS", total_score: "101", source: "Rapor 2024" }),
    ].join("\n");
    const result = await upload(csv);
    expect(result.status).toBe(400);
    expect(result.html).toContain("Berkas tidak diimpor: tidak ada baris yang disimpan.");
    expect(result.html).toContain("Baris 3, kolom method: Metode harus ZONA_2013, DIMENSI_2022 atau OPINI_2025.");
    expect(result.html).toContain("Baris 3, kolom total_score: Nilai harus angka 0–100.");
    expect(await db().complianceAssessment.count()).toBe(before);
    const english = await fetch(`${server.baseUrl}/staf/kepatuhan/impor?lang=en`, {
      method: "POST",
      body: (() => {
        const form = new FormData();
        form.set("file", new Blob([csv], { type: "text/csv" }), "results.csv");
        return form;
      })(),
      headers: { cookie: cookies.LIAISON!, "x-forwarded-for": nextClientIp() },
    });
    expect(renderedHtml(await english.text())).toContain("Line 3, column method:");
  });

  it("refuses a missing file and a file that is not UTF-8", async () => {
    const none = await fetch(`${server.baseUrl}/staf/kepatuhan/impor`, { method: "POST", body: new FormData(), headers: { cookie: cookies.LIAISON!, "x-forwarded-for": nextClientIp() } });
    expect(none.status).toBe(400);
    expect(renderedHtml(await none.text())).toContain("Pilih berkas CSV untuk diunggah.");
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array([0x79, 0x65, 0x61, 0x72, 0xff, 0xfe])]), "latin1.csv");
    const latin = await fetch(`${server.baseUrl}/staf/kepatuhan/impor`, { method: "POST", body: form, headers: { cookie: cookies.LIAISON!, "x-forwarded-for": nextClientIp() } });
    expect(renderedHtml(await latin.text())).toContain("Berkas bukan teks UTF-8");
  });

  it("the template downloads as CSV with the import's columns and imports cleanly as it is", async () => {
    const template = await get("/staf/kepatuhan/templat.csv", "INSPECTORATE");
    expect(template.status).toBe(200);
    expect(template.headers.get("content-type")).toContain("text/csv");
    expect(template.headers.get("content-disposition")).toContain("attachment");
    expect(template.html.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(header);
    expect((await upload(template.html)).status).toBe(302);
    expect((await get("/staf/kepatuhan/templat.csv", "OFFICER")).status).toBe(403);
  });
});

describe("component findings", () => {
  it("records the assessor's findings per component, read-only for the Inspectorate, and the unit report card sets the unmet ones beside its complaints", async () => {
    const db_ = db();
    const assessment = await db_.complianceAssessment.create({
      data: { year: 2025, method: "DIMENSI_2022", scope: "UNIT", subjectKey: "UNIT:DINSOS", unitId: dinsosId, totalScore: 70.5, grade: "C", zone: "KUNING", source: "Rapor uji" },
    });
    const path = `/staf/kepatuhan/${assessment.id}`;
    const list = await get("/staf/kepatuhan?tahun=2025");
    expect(list.html).toContain(`href="${path}"`);
    const reportCard = `/staf/laporan/unit/${dinsosId}`;
    expect((await get(reportCard)).html).toContain("Belum ada temuan komponen yang dicatat");

    // A note without a finding would be lost: refused beside its row, everything typed kept.
    const refused = await post(path, { status_5: "NOT_MET", note_5: "Tarif tidak dipajang", note_7: "Ada ramp" });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("Pilih temuannya juga");
    expect(refused.html).toContain('value="Tarif tidak dipajang"');
    expect(await db_.componentFinding.count({ where: { assessmentId: assessment.id } })).toBe(0);
    expect((await post(path, { status_5: "bukan" })).status).toBe(400);

    const saved = await post(path, { status_5: "NOT_MET", note_5: "Tarif tidak dipajang", status_7: "MET", status_9: "NOT_MET" });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`${path}?selesai=simpan`);
    const findings = await db_.componentFinding.findMany({ where: { assessmentId: assessment.id }, orderBy: { componentNumber: "asc" } });
    expect(findings.map((f) => [f.componentNumber, f.compliant, f.note])).toEqual([[5, false, "Tarif tidak dipajang"], [7, true, null], [9, false, null]]);
    expect(await db_.auditLog.findFirst({ where: { action: "component_finding.save", entityId: assessment.id } })).toMatchObject({ data: { met: [7], notMet: [5, 9] } });
    const page = await get(path);
    expect(page.html).toContain("3 komponen dinilai, 2 tidak terpenuhi.");
    expect((await get("/staf/kepatuhan?tahun=2025")).html).toContain("2 komponen tidak terpenuhi");

    // Saving again replaces the set (component 9 now not assessed).
    expect((await post(path, { status_5: "NOT_MET", status_7: "MET" })).status).toBe(302);
    expect(await db_.componentFinding.count({ where: { assessmentId: assessment.id } })).toBe(2);

    // The Inspectorate reads, does not write; officers do not read.
    const readOnly = await get(path, "INSPECTORATE");
    expect(readOnly.status).toBe(200);
    expect(readOnly.html).not.toContain('name="status_5"');
    expect((await post(path, { status_5: "MET" }, "INSPECTORATE")).status).toBe(403);
    expect((await get(path, "OFFICER")).status).toBe(403);
    expect((await get("/staf/kepatuhan/00000000-0000-4000-8000-000000000000")).status).toBe(404);

    // A complaint of the period about an illegal fee points at component 5 (fee) and 12: the card marks 5.
    const product = await db_.serviceProduct.findFirstOrThrow({ where: { unitId: dinsosId } });
    const now = new Date();
    const complaintId = await fileComplaintAt(db_, now, { productId: product.id, unitUnknown: false, chooser: "asked_to_pay" });
    await refreshComplaintReport(db_, complaintId, { now });
    const card = await get(reportCard);
    expect(card.html).toContain("Temuan Ombudsman per komponen (penilaian 2025)");
    expect(card.html).toMatch(/data-testid="unmet-component" data-component="5" data-complained="yes"/);
  });
});

