// The report pages, exports and the public statistics through the real server (HTTP, signed-in
// cookies, no JavaScript), over complaints filed with identities that must never show up.
import { randomBytes } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { submitComplaint } from "~/domain/complaints/submit-complaint.server";
import { refreshComplaintReport } from "~/domain/reports/refresh-complaint-report.server";
import { periodMonthOf } from "~/domain/reports/complaint-fact";
import { useTestServer } from "./e2e/support/browser";
import { renderedHtml } from "./support/html";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;
const PASSWORD = "kata-sandi-laporan-uji-2026";
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const cookies: Record<string, string> = {};
let ipCounter = 0;

let dukcapil: { id: string; name: string };
let dinkes: { id: string; name: string };
const codes: string[] = [];
const identities: string[] = [];
const month = (offset = 0) => {
  const [y, m] = periodMonthOf(new Date()).split("-").map(Number) as [number, number];
  const index = y * 12 + m - 1 + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
};

async function file(productId: string, n: number, visibility: "PUBLIC" | "RAHASIA" | "ANONIM") {
  const identity = { name: `Pengadu Laporan${n}Z`, email: `pengadu.laporan${n}@example.test`, phone: `08139${String(n).padStart(4, "0")}77` };
  identities.push(identity.name, identity.email, identity.phone);
  const outcome = await submitComplaint(
    db(),
    {
      productId,
      unitUnknown: false,
      chooser: "asked_to_pay",
      description: `Rahasia isi pengaduan nomor ${n}: petugas meminta uang di luar tarif resmi.`,
      incidentDate: "2026-11-02",
      ...identity,
      visibility,
      consent: true,
      idempotencyKey: randomBytes(18).toString("base64url"),
    },
    { now: new Date(), locale: "id", publicBaseUrl: "http://localhost" },
  );
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.fieldErrors));
  const complaint = await db().complaint.findUniqueOrThrow({ where: { id: outcome.complaintId } });
  codes.push(complaint.trackingCode);
  return complaint.id;
}

async function get(path: string, cookie = "") {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie, "x-forwarded-for": `10.88.0.${++ipCounter % 250}` }, redirect: "manual" });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: new TextDecoder().decode(bytes) };
}

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  const units = await db().serviceUnit.findMany({ where: { code: { in: ["DISDUKCAPIL", "DINKES"] } }, select: { id: true, code: true, name: true } });
  dukcapil = units.find((u) => u.code === "DISDUKCAPIL")!;
  dinkes = units.find((u) => u.code === "DINKES")!;
  const dukcapilProduct = await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } });
  const dinkesProduct = await db().serviceProduct.findFirstOrThrow({ where: { unitId: dinkes.id, isActive: true } });
  // Six complaints for Disdukcapil, all answered late (the clock is moved by the test: the
  // first-response deadline is judged a month on); one for Dinkes (a small count to suppress).
  const ids: string[] = [];
  for (let n = 1; n <= 6; n++) ids.push(await file(dukcapilProduct.id, n, (["PUBLIC", "RAHASIA", "ANONIM"] as const)[n % 3]!));
  ids.push(await file(dinkesProduct.id, 7, "ANONIM"));
  for (const id of ids.slice(0, 6)) {
    for (const [action, actor] of [["VERIFY", "COORDINATOR"], ["ASSIGN", "SYSTEM"]] as const) {
      expect((await applyTransition(db(), { complaintId: id, action, actor, now: new Date() })).ok).toBe(true);
    }
  }
  const later = new Date(Date.now() + 20 * 86_400_000);
  for (const id of ids) await refreshComplaintReport(db(), id, { now: later });
  // Disdukcapil was graded A last year; its complaint handling now reads far lower.
  await db().complianceAssessment.create({
    data: { year: 2025, method: "DIMENSI_2022", scope: "UNIT", subjectKey: "UNIT:DISDUKCAPIL", unitId: dukcapil.id, totalScore: 91.7, zone: "HIJAU", grade: "A", source: "uji" },
  });
  // A recommendation received 55 days ago: its 60-day reporting clock ends in 5 days.
  const liaison = await db().user.findFirstOrThrow({ where: { email: account("LIAISON").email } });
  const day = (offset: number) => new Date(`${new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`);
  await db().ombudsmanMatter.create({
    data: { kind: "RECOMMENDATION", reference: "REK-UJI-0042", unitId: dukcapil.id, receivedOn: day(-55), dueOn: day(5), recordedById: liaison.id },
  });
  for (const role of ["LIAISON", "UNIT_HEAD", "OFFICER", "INSPECTORATE"]) {
    const response = await fetch(`${server.baseUrl}/staf/masuk`, {
      method: "POST",
      body: new URLSearchParams({ email: account(role).email, password: PASSWORD }),
      redirect: "manual",
      headers: { "x-forwarded-for": `10.89.0.${++ipCounter}` },
    });
    expect(response.status).toBe(302);
    cookies[role] = (response.headers.get("set-cookie") ?? "").split(";")[0]!;
  }
}, 60_000);

const expectNoIdentity = (label: string, text: string) => {
  for (const value of identities) expect(text.includes(value), `${label} shows ${value}`).toBe(false);
  expect(text, label).not.toMatch(/Rahasia isi pengaduan/);
};

describe("liaison dashboard", () => {
  it("shows the period's figures, the unit table and the early warning for a unit graded A", async () => {
    const page = await get("/staf/laporan", cookies.LIAISON);
    expect(page.status).toBe(200);
    expect(renderedHtml(page.text)).toContain("Laporan pengaduan dan kepatuhan");
    expect(page.text).toContain(dukcapil.name.split(" ")[0]);
    // The warning names the last grade and the reason.
    expect(renderedHtml(page.text)).toMatch(/di bawah penilaian terakhir A/);
    expect(page.text).toMatch(/role="img"/);
    // The Ombudsman's recommendation falling due sits on the same page.
    expect(page.text).toContain("REK-UJI-0042");
    expect(renderedHtml(page.text)).toMatch(/Tenggat dari Ombudsman/);
    // Risk first (issue #21): Disdukcapil's row, red, with the letter due within the week among its reasons.
    expect(page.text).toMatch(new RegExp(`data-testid="risk-row" data-unit="${dukcapil.id}" data-level="red"`));
    expect(page.text.indexOf('id="warnings"')).toBeLessThan(page.text.indexOf("report-kpis"));
    expect(renderedHtml(page.text)).toMatch(/1 surat Ombudsman jatuh tempo dalam 5 hari/);
    // Every on-time rate carries its n.
    expect(renderedHtml(page.text)).toMatch(/n = 6/);
    expectNoIdentity("dashboard", page.text);
  });

  it("refuses roles without report access and keeps a unit head to their own units", async () => {
    expect((await get("/staf/laporan", cookies.OFFICER)).status).toBe(403);
    expect((await get(`/staf/laporan/unit/${dukcapil.id}`, cookies.UNIT_HEAD)).status).toBe(200);
    expect((await get(`/staf/laporan/unit/${dinkes.id}`, cookies.UNIT_HEAD)).status).toBe(403);
    expect((await get(`/staf/laporan/ekspor?jenis=unit&unit=${dinkes.id}`, cookies.UNIT_HEAD)).status).toBe(403);
    expect((await get("/staf/laporan", "")).status).toBe(302);
    const headView = await get("/staf/laporan", cookies.UNIT_HEAD);
    expect(headView.status).toBe(200);
    expect(headView.text).not.toContain(dinkes.name);
  });

  it("shows a unit's report card with the index component by component and its assessment history", async () => {
    const page = await get(`/staf/laporan/unit/${dukcapil.id}`, cookies.INSPECTORATE);
    expect(page.status).toBe(200);
    expect(renderedHtml(page.text)).toContain("Tanggapan pertama tepat waktu");
    expect(page.text).toContain("91,70");
    expectNoIdentity("report card", page.text);
  });

  it("drills down from a late figure to the complaints, by code only", async () => {
    const page = await get(`/staf/laporan/pengaduan?unit=${dukcapil.id}&tahap=firstResponse&hasil=missed`, cookies.LIAISON);
    expect(page.status).toBe(200);
    const shown = codes.slice(0, 6).filter((code) => page.text.includes(code));
    expect(shown).toHaveLength(6);
    expectNoIdentity("drill-down", page.text);
  });

  it("survives a hostile or impossible period with a notice, never a 500", async () => {
    for (const query of ["dari=%3Cscript%3E&sampai=2026-13", "dari=1900-01&sampai=2999-12", "dari=2026-05&sampai=2026-01"]) {
      const page = await get(`/staf/laporan?${query}`, cookies.LIAISON);
      expect(page.status, query).toBe(200);
      expect(renderedHtml(page.text)).toContain("periode telah disesuaikan");
      expect(page.text).not.toContain("<script>");
    }
  });
});

describe("exports", () => {
  it("exports complaint rows as CSV with codes and outcomes, no identity or text, and audits it", async () => {
    const before = await db().auditLog.count({ where: { action: "report.export" } });
    const csv = await get(`/staf/laporan/ekspor?jenis=pengaduan&format=csv&dari=${month(-1)}&sampai=${month(0)}`, cookies.LIAISON);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="pengaduan_/);
    const lines = csv.text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe(
      "tracking_code,unit_code,product_code,maladministration_form,channel,status,submitted_at,verification,first_response,resolution,first_response_minutes,resolution_minutes,reopened,appealed,escalated,rating",
    );
    expect(lines).toHaveLength(8);
    for (const code of codes) expect(csv.text).toContain(code);
    expectNoIdentity("complaints CSV", csv.text);
    expect(await db().auditLog.count({ where: { action: "report.export" } })).toBe(before + 1);
  });

  it("exports the unit table as CSV and the report as a PDF", async () => {
    const csv = await get("/staf/laporan/ekspor?jenis=unit&format=csv", cookies.LIAISON);
    expect(csv.status).toBe(200);
    const row = csv.text.split("\r\n").find((line) => line.startsWith("DISDUKCAPIL,"));
    expect(row).toBeDefined();
    expect(row!.split(",")[2]).toBe("6");
    const pdf = await get("/staf/laporan/ekspor?jenis=unit&format=pdf", cookies.LIAISON);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const document = await PDFDocument.load(pdf.bytes);
    expect(document.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(document.getTitle()).toBe("Laporan pengaduan dan kepatuhan");
  });
});

describe("public statistics", () => {
  it("shows volumes per unit to anyone, suppresses small counts, and holds no personal data", async () => {
    const page = await get("/statistik");
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("public, max-age=300");
    const row = (name: string) => page.text.slice(page.text.indexOf(`>${name}<`), page.text.indexOf("</tr>", page.text.indexOf(`>${name}<`)));
    expect(row(dukcapil.name)).toMatch(/>6</);
    expect(row(dinkes.name)).toContain("kurang dari 5");
    // No rate for a suppressed unit: every cell after the name is a dash.
    expect(row(dinkes.name).match(/>–</g)?.length).toBe(4);
    expectNoIdentity("public statistics", page.text);
    for (const code of codes) expect(page.text).not.toContain(code);
  });

  it("is in English on request", async () => {
    const page = await get("/statistik?lang=en");
    expect(renderedHtml(page.text)).toContain("Complaint statistics");
    expect(renderedHtml(page.text)).toContain("fewer than 5");
  });
});
