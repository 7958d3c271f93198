// The report PDF as a reader gets it: exported through the same function the route calls, over
// complaints with known outcomes, then rendered page by page with Poppler (pdftoppm) and read back
// as text (pdftotext -layout). It must carry every section of /staf/laporan, page numbers on every
// page, whole words in its tables (no cut at a fixed width), characters beyond Latin-1 intact, a
// footnote where the totals count what the unit table leaves out, and no complainant's identity.
// Poppler comes with `npm test` (scripts/lib/poppler.mjs).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import type { Actor, WorkflowAction } from "~/domain/complaints/workflow";
import { periodMonthOf } from "~/domain/reports/complaint-fact";
import { shiftMonth } from "~/domain/reports/dashboard.server";
import { exportReport, type ExportRequest } from "~/domain/reports/export.server";
import { refreshComplaintReport } from "~/domain/reports/refresh-complaint-report.server";
import { loadUnits } from "~/models/inbox.server";
import { loadReportLabels } from "~/models/report-labels.server";
import en from "~/locales/en.json";
import id from "~/locales/id.json";
import { formatMonth, formatWib } from "~/services/format";
import { translate, type Locale } from "~/services/i18n.server";
import { fileComplaintAt } from "./support/complaint-form";
import { useTestDatabase } from "./support/isolation";

const database = useTestDatabase({ seed: true });
const db = () => database.db;

/** A unit name beyond Latin-1 (em dash, en dash, a macron), short enough for one line of the particulars. */
const SPECIAL_UNIT = "Dinas PUPR — Bidang Jalan Ākar–Bukit";
const STAFF_NAME = "Rina Penghubung Ombudsman";
const IDENTITY = { name: "Saksi Qorvantis Wirabumi", email: "qorvantis.rahasia@example.test", phone: "081377700123" };
const COMPLAINT_TEXT = "Teks pengaduan rahasia Zephyrinus: petugas meminta uang tambahan di loket.";
const OMBUDSMAN_REFERENCE = "0042/KLA/0091.2026/PKP-07";

const now = new Date();
const DAY = 86_400_000;
const period = { from: shiftMonth(periodMonthOf(now), -2), to: periodMonthOf(now) };
const work = mkdtempSync(join(tmpdir(), "lapor-pdf-"));
let staffId: string;
let specialUnitId: string;
const trackingCodes: string[] = [];
let unitsWithComplaints = 0;
let totalComplaints = 0;

interface Rendered {
  bytes: Uint8Array;
  pages: string[];
  pageCount: number;
  pageSizes: string[];
  fonts: string;
  pngs: string[];
}
const rendered = new Map<string, Rendered>();

function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error(`${tool} is missing: install Debian's poppler-utils (npm test does, scripts/lib/poppler.mjs)`);
    }
    throw error;
  }
}

/** Exports the PDF as the route does for a liaison, then renders and reads every page. */
async function exportAndRender(name: string, locale: Locale, unitId: string | null = null): Promise<Rendered> {
  const request: ExportRequest = {
    access: { cityWide: true, unitIds: null },
    period,
    unitId,
    kind: "unit",
    format: "pdf",
    locale,
    actorUserId: staffId,
    actor: { name: STAFF_NAME, roles: ["LIAISON"] },
    ombudsmanScope: { kind: "any" },
    now,
    units: await loadUnits(db()),
  };
  const file = await exportReport(db(), request);
  expect(file.contentType).toBe("application/pdf");
  const bytes = file.body as Uint8Array;
  const path = join(work, `${name}.pdf`);
  writeFileSync(path, bytes);
  const info = poppler("pdfinfo", ["-f", "1", "-l", "999", path]);
  const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
  const pageSizes = [...info.matchAll(/^Page\s+\d+ size:\s+(.+)$/gm)].map((m) => m[1]!);
  poppler("pdftoppm", ["-r", "40", "-png", path, join(work, name)]);
  const pngs = readdirSync(work)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"))
    .sort()
    .map((f) => join(work, f));
  const text = poppler("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"]);
  // pdftotext ends every page with a form feed.
  const pages = text.split("\f").slice(0, pageCount);
  const result = { bytes, pages, pageCount, pageSizes, fonts: poppler("pdffonts", [path]), pngs };
  rendered.set(name, result);
  return result;
}

async function act(complaintId: string, action: WorkflowAction, actor: Actor, at: Date) {
  const outcome = await applyTransition(db(), { complaintId, action, actor, now: at, message: "langkah uji laporan" });
  expect(outcome.ok, action).toBe(true);
}

const file = (at: Date, overrides: Parameters<typeof fileComplaintAt>[2]) =>
  fileComplaintAt(db(), at, { ...IDENTITY, description: COMPLAINT_TEXT, incidentDate: new Date(at.getTime() - 2 * DAY).toISOString().slice(0, 10), ...overrides });

beforeAll(async () => {
  staffId = (await db().user.create({ data: { email: "penghubung.pdf@uji.invalid", name: STAFF_NAME } })).id;
  const parent = await db().serviceUnit.findFirstOrThrow({ where: { kind: "OPD" }, select: { id: true } });
  const special = await db().serviceUnit.create({
    data: { code: "PUPR-AKAR", kind: "OPD", name: SPECIAL_UNIT, shortName: "PUPR Ākar–Bukit", parentId: parent.id, contactEmails: ["pupr@uji.invalid"] },
  });
  specialUnitId = special.id;
  const specialProduct = await db().serviceProduct.create({ data: { code: "PUPR-AKAR-JALAN", unitId: special.id, name: "Perbaikan jalan — Ākar", nameEn: "Road repair — Ākar" } });
  // Its last assessment was an A: six complaints whose first response is long overdue put its
  // handling index far below that, so it is on the early-warning list with its reasons.
  await db().complianceAssessment.create({
    data: { year: 2025, method: "DIMENSI_2022", scope: "UNIT", subjectKey: "UNIT:PUPR-AKAR", unitId: special.id, totalScore: 92.5, grade: "A", source: "uji" },
  });

  const ids: string[] = [];
  const past = new Date(now.getTime() - 40 * DAY);
  for (let i = 0; i < 6; i++) {
    const complaintId = await file(past, { productId: specialProduct.id, chooser: "asked_to_pay" });
    await act(complaintId, "VERIFY", "COORDINATOR", new Date(past.getTime() + 3_600_000));
    await act(complaintId, "ASSIGN", "SYSTEM", new Date(past.getTime() + 7_200_000));
    ids.push(complaintId);
  }
  // Enough units for the unit table to run over more than one page.
  const products = await db().serviceProduct.findMany({ where: { isActive: true, unitId: { not: special.id } }, distinct: ["unitId"], orderBy: { code: "asc" }, take: 34, select: { id: true } });
  const choosers = ["slow", "rude", "procedure", "not_served"] as const;
  for (const [i, product] of products.entries()) ids.push(await file(now, { productId: product.id, chooser: choosers[i % choosers.length] }));
  unitsWithComplaints = products.length + 1;
  totalComplaints = 6 + products.length + 1;
  // Filed without a unit, still at the coordinator's desk: counted in the totals, in no unit's row.
  ids.push(await file(now, { productId: undefined, unitUnknown: true }));
  for (const complaintId of ids) await refreshComplaintReport(db(), complaintId, { now });

  // The widest letters the code alphabet has: a code column too narrow for it would let the code
  // run into the unit's name, and the two would read as one word.
  const escalated = await db().complaint.update({ where: { id: ids[0]! }, data: { trackingCode: "LPK-WMWMW-MWMWMW" }, select: { trackingCode: true } });
  trackingCodes.push(escalated.trackingCode);
  await db().escalation.create({
    data: {
      complaintId: ids[0]!,
      stage: "FIRST_RESPONSE",
      level: 1,
      cycleStartedAt: past,
      breachedDueAt: new Date(past.getTime() + 7 * DAY),
      targetUnitId: special.id,
      targetRole: "UNIT_HEAD",
      escalatedAt: new Date(past.getTime() + 8 * DAY),
      dueAt: new Date(now.getTime() + 2 * DAY),
    },
  });
  await db().ombudsmanMatter.create({
    data: {
      kind: "CLARIFICATION_REQUEST",
      reference: OMBUDSMAN_REFERENCE,
      unitId: special.id,
      receivedOn: new Date(now.getTime() - 10 * DAY),
      dueOn: new Date(now.getTime() + 3 * DAY),
      recordedById: staffId,
    },
  });

  await exportAndRender("city-id", "id");
  await exportAndRender("city-en", "en");
  await exportAndRender("unit-id", "id", special.id);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const headings = (locale: Locale) => {
  const t = (key: keyof typeof id, vars?: Record<string, string | number>) => translate(locale, key, vars);
  const summary = t("report.summary", { from: formatMonth(period.from, locale), to: formatMonth(period.to, locale) });
  return [summary, "report.warnings.title", "report.ombudsman.title", "report.escalations.title", "report.trend.title", "report.mix.title", "report.units.title", "report.tie.title"].map(
    (key, i) => `${i + 1}. ${key === summary ? summary : t(key as keyof typeof id)}`,
  );
};
const collapse = (text: string) => text.replace(/\s+/g, " ");
const words = (text: string) => text.split(/[^\p{L}]+/u).filter(Boolean);

describe("the report PDF", () => {
  it("renders every page to PNG, on A4, with its fonts embedded and subset", () => {
    for (const [name, pdf] of rendered) {
      expect(pdf.pngs, name).toHaveLength(pdf.pageCount);
      for (const png of pdf.pngs) expect(statSync(png).size, png).toBeGreaterThan(2_000);
      expect(pdf.pageSizes, name).toHaveLength(pdf.pageCount);
      for (const size of pdf.pageSizes) expect(size, name).toMatch(/^(595\.2\d x 841\.8\d|841\.8\d x 595\.2\d) pts/);
      const fonts = pdf.fonts.split("\n").slice(2).filter((line) => line.trim());
      expect(fonts.length, name).toBeGreaterThan(0);
      // name, type, encoding, then "emb sub uni": every font embedded, subset, with a ToUnicode map.
      for (const line of fonts) expect(line, name).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
      // Subsetting keeps the file small: the full Noto Sans alone is over 600 KB.
      expect(pdf.bytes.length, name).toBeLessThan(300_000);
    }
    const city = rendered.get("city-id")!;
    expect(city.pageCount).toBeGreaterThanOrEqual(4);
    // The ten-column unit table is on landscape pages.
    expect(city.pageSizes.some((size) => size.startsWith("841"))).toBe(true);
  });

  it("has the letterhead, the particulars and every section of /staf/laporan, in the reader's language", () => {
    for (const [name, locale] of [["city-id", "id"], ["city-en", "en"]] as const) {
      const text = collapse(rendered.get(name)!.pages.join("\n"));
      const t = (key: keyof typeof id, vars?: Record<string, string | number>) => translate(locale, key, vars);
      for (const heading of headings(locale)) expect(text, `${name}: ${heading}`).toContain(heading);
      for (const key of ["report.pdf.government", "app.name", "report.title", "report.sla.title", "report.kpi.volume", "report.kpi.index", "report.tie.rTotal"] as const) {
        expect(text, `${name}: ${key}`).toContain(t(key));
      }
      expect(text).toContain(t("report.pdf.meta.periodValue", { from: formatMonth(period.from, locale), to: formatMonth(period.to, locale) }));
      expect(text).toContain(`${t("report.pdf.meta.generatedBy")} ${STAFF_NAME} (${t("staff.role.LIAISON")})`);
      expect(text).toContain(formatWib(now.toISOString(), locale));
      // The early warning with its reasons, the escalation's public code, the Ombudsman letter.
      expect(text).toContain(t("report.reason.belowLast").split("{")[0]!.trim());
      expect(text).toContain(trackingCodes[0]!);
      expect(text).toContain(OMBUDSMAN_REFERENCE.split("/")[0]!);
    }
    expect(collapse(rendered.get("city-id")!.pages[0]!)).toMatch(/\d{1,2} \p{L}+ \d{4} pukul \d{2}\.\d{2} WIB/u);
    expect(collapse(rendered.get("city-en")!.pages[0]!)).toMatch(/\d{1,2} \p{L}+ \d{4} at \d{2}:\d{2} WIB/u);
  });

  it("numbers every page: Halaman n dari N", () => {
    for (const [name, locale] of [["city-id", "id"], ["city-en", "en"], ["unit-id", "id"]] as const) {
      const pdf = rendered.get(name)!;
      pdf.pages.forEach((page, i) => expect(page, `${name} page ${i + 1}`).toContain(translate(locale, "report.pdf.page", { page: i + 1, pages: pdf.pageCount })));
    }
  });

  it("prints whole words: every word on every page is one the report meant to print, none cut at a fixed width", async () => {
    for (const [name, locale] of [["city-id", "id"], ["city-en", "en"]] as const) {
      const catalogue = locale === "id" ? id : en;
      const labels = await loadReportLabels(db(), locale);
      const units = await loadUnits(db());
      const intl = locale === "id" ? "id-ID" : "en-GB";
      const monthNames = Array.from({ length: 12 }, (_, m) => [
        new Intl.DateTimeFormat(intl, { month: "long", timeZone: "UTC" }).format(Date.UTC(2026, m, 1)),
        formatMonth(`2026-${String(m + 1).padStart(2, "0")}-01`, locale),
      ]).flat();
      const vocabulary = new Set(
        words(
          [
            ...Object.values(catalogue),
            ...units.flatMap((u) => [u.name, u.shortName]),
            ...Object.values(labels.forms),
            ...Object.values(labels.components),
            ...monthNames,
            formatWib(now.toISOString(), locale),
            STAFF_NAME,
            OMBUDSMAN_REFERENCE,
            ...trackingCodes,
          ].join(" "),
        ),
      );
      const pdf = rendered.get(name)!;
      pdf.pages.forEach((page, i) => {
        const unknown = [...new Set(words(page))].filter((word) => !vocabulary.has(word));
        expect(unknown, `${name} page ${i + 1}: words the report never meant to print (cut?)`).toEqual([]);
      });
    }
  });

  it("repeats the table header on every page a table runs over", () => {
    const pdf = rendered.get("city-id")!;
    const unitPages = pdf.pages.filter((page) => page.includes(translate("id", "report.col.reopen").split(" ")[0]!));
    expect(unitPages.length, "the unit table runs over several pages").toBeGreaterThanOrEqual(2);
    for (const page of unitPages) {
      for (const word of ["Unit", "Pengaduan", "Dieskalasi", "Penilaian"]) expect(words(page), word).toContain(word);
    }
    expect(unitsWithComplaints).toBeGreaterThan(30);
  });

  it("prints characters beyond Latin-1 as they are", () => {
    // The filtered report names the unit on one line of its particulars.
    const unit = rendered.get("unit-id")!;
    expect(unit.pages[0]).toContain(SPECIAL_UNIT);
    // In the city report the name may wrap in a table cell, but never inside "Ākar–Bukit".
    const city = rendered.get("city-id")!.pages.join("\n");
    expect(city).toContain("Ākar–Bukit");
    expect(city).toContain("PUPR —");
    // A reason's arrow is not in Noto Sans: it comes from the fallback font, not as a blank box.
    expect(city).toContain("→ komponen");
  });

  it("reconciles the totals with the unit table in a footnote", () => {
    const units = rendered.get("city-id")!;
    const text = collapse(units.pages.join("\n"));
    const total = totalComplaints;
    const footnote = translate("id", "report.pdf.footnote.unassigned", { n: 1, sum: total - 1, total });
    expect(text).toContain(`¹ ${footnote}`);
    expect(text).toContain(`${total}¹`);
    // The row of complaints without a unit: its label may wrap around its count, never lose a word.
    expect(words(text).join(" ")).toContain(words(translate("id", "report.pdf.units.unassigned")).join(" "));
    expect(text).toMatch(/jawab ¹/);
    expect(collapse(rendered.get("city-en")!.pages.join("\n"))).toContain(translate("en", "report.pdf.footnote.unassigned", { n: 1, sum: total - 1, total }));
    // A report of one unit has nothing unassigned in it: no footnote.
    expect(collapse(rendered.get("unit-id")!.pages.join("\n"))).not.toContain("¹");
  });

  it("carries no complainant identity and no complaint text", async () => {
    for (const [name, pdf] of rendered) {
      const text = pdf.pages.join("\n");
      for (const needle of [IDENTITY.name, IDENTITY.name.split(" ")[1]!, IDENTITY.email, IDENTITY.phone, "Zephyrinus"]) {
        expect(text.includes(needle), `${needle} in ${name}`).toBe(false);
      }
    }
    expect(await db().auditLog.count({ where: { action: "report.export", actorUserId: staffId } })).toBe(rendered.size);
  });
});
