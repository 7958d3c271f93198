// CSV and PDF exports of the reports for liaisons. Nothing personal leaves: unit figures are
// aggregates, complaint rows carry the public tracking code, codes and outcomes only (no name,
// contact, address or complaint text, which may name people). Every export is audited.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { Db } from "~/services/db.server";
import { reportUnitIds, type ReportAccess } from "~/domain/auth/permissions";
import { translate, type Locale, type MessageKey } from "~/services/i18n.server";
import { formatMonth, formatNumber, formatShare, formatWorkingHours } from "~/services/format";
import { listFactsForExport } from "~/models/report-queries.server";
import { loadDashboard, type Dashboard, type ReportPeriod } from "./dashboard.server";
import { toCsv } from "./csv";

/** More rows than this are cut, and the file says so in its last line. */
export const EXPORT_ROW_LIMIT = 50_000;

export type ExportKind = "unit" | "pengaduan";
export type ExportFormat = "csv" | "pdf";

export interface ExportRequest {
  access: ReportAccess;
  period: ReportPeriod;
  unitId: string | null;
  kind: ExportKind;
  format: ExportFormat;
  locale: Locale;
  actorUserId: string;
  units: readonly { id: string; code: string; name: string }[];
}

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Uint8Array;
}

export async function exportReport(db: Db, request: ExportRequest): Promise<ExportFile> {
  const { access, period, unitId, kind, format, locale } = request;
  const stamp = `${period.from.slice(0, 7)}_${period.to.slice(0, 7)}`;
  let file: ExportFile;
  if (kind === "pengaduan") {
    const unitIds = reportUnitIds(access, unitId);
    const rows = await listFactsForExport(db, { ...period, unitIds }, EXPORT_ROW_LIMIT + 1);
    file = { filename: `pengaduan_${stamp}.csv`, contentType: "text/csv; charset=utf-8", body: complaintsCsv(rows, locale) };
  } else {
    const dashboard = await loadDashboard(db, { access, period, unitId });
    const names = new Map(request.units.map((u) => [u.id, u]));
    file =
      format === "pdf"
        ? { filename: `laporan_${stamp}.pdf`, contentType: "application/pdf", body: await dashboardPdf(dashboard, names, locale) }
        : { filename: `unit_${stamp}.csv`, contentType: "text/csv; charset=utf-8", body: unitsCsv(dashboard, names) };
  }
  await db.auditLog.create({
    data: { actorUserId: request.actorUserId, action: "report.export", entity: "report", entityId: null, data: { kind, format, from: period.from, to: period.to, unitId } },
  });
  return file;
}

function unitsCsv(dashboard: Dashboard, names: Map<string, { code: string; name: string }>): string {
  const header = [
    "unit_code", "unit_name", "complaints", "rejected", "handled", "open", "closed",
    "verification_met_rate", "first_response_met_rate", "resolution_met_rate",
    "first_response_median_minutes", "first_response_p90_minutes", "resolution_median_minutes", "resolution_p90_minutes",
    "reopen_rate", "appeal_rate", "escalation_rate", "satisfaction_mean", "rating_count", "handling_index",
    "last_assessment_year", "last_assessment_method", "last_total_score", "last_grade", "last_zone", "last_complaint_dimension",
  ];
  const share = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 10_000);
  const rows = dashboard.units.map(({ unitId, metrics: m, last }) => [
    names.get(unitId)?.code ?? unitId, names.get(unitId)?.name ?? "",
    m.volume, m.rejected, m.handled, m.open, m.closed,
    share(m.sla.verification.value), share(m.sla.firstResponse.value), share(m.sla.resolution.value),
    m.durations.firstResponseMedian, m.durations.firstResponseP90, m.durations.resolutionMedian, m.durations.resolutionP90,
    share(m.reopenRate.value), share(m.appealRate.value), share(m.escalationRate.value),
    m.satisfaction === null ? null : Math.round(m.satisfaction * 100) / 100, m.ratingCount, m.handlingIndex,
    last?.year, last?.method, last?.totalScore, last?.grade, last?.zone, last?.complaintDimension,
  ]);
  return toCsv(header, rows);
}

function complaintsCsv(rows: Awaited<ReturnType<typeof listFactsForExport>>, locale: Locale): string {
  const header = [
    "tracking_code", "unit_code", "product_code", "maladministration_form", "channel", "status", "submitted_at",
    "verification", "first_response", "resolution", "first_response_minutes", "resolution_minutes",
    "reopened", "appealed", "escalated", "rating",
  ];
  const body: (string | number | boolean | null)[][] = rows.slice(0, EXPORT_ROW_LIMIT).map((r) => [
    r.trackingCode, r.unitCode, r.productCode, r.maladministrationCode, r.channel, r.status, new Date(r.submittedAt).toISOString(),
    r.verificationOutcome, r.firstResponseOutcome, r.resolutionOutcome, r.firstResponseMinutes, r.resolutionMinutes,
    r.reopened, r.appealed, r.escalated, r.rating,
  ]);
  if (rows.length > EXPORT_ROW_LIMIT) body.push([translate(locale, "report.export.truncated", { n: EXPORT_ROW_LIMIT })]);
  return toCsv(header, body);
}

// The standard PDF fonts encode WinAnsi only; anything else would throw inside pdf-lib.
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
function pdfText(text: string): string {
  return [...text].map((ch) => (ch.charCodeAt(0) < 256 || WIN_ANSI_EXTRA.has(ch) ? ch : "?")).join("").replace(/[\u0000-\u001f\u007f-\u009f]/g, " ");
}

async function dashboardPdf(dashboard: Dashboard, names: Map<string, { code: string; name: string }>, locale: Locale): Promise<Uint8Array> {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => pdfText(translate(locale, key, vars));
  const doc = await PDFDocument.create();
  doc.setTitle(t("report.title"));
  doc.setCreator("Lapor Pangkalpinang");
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const margin = 40;
  let page: PDFPage = doc.addPage([595, 842]);
  let y = 842 - margin;
  const line = (text: string, { size = 10, f = font, indent = 0 }: { size?: number; f?: PDFFont; indent?: number } = {}) => {
    if (y < margin + size) {
      page = doc.addPage([595, 842]);
      y = 842 - margin;
    }
    page.drawText(pdfText(text).slice(0, 110), { x: margin + indent, y, size, font: f, color: rgb(0.12, 0.16, 0.2) });
    y -= size + 5;
  };
  const { totals: m, period } = dashboard;
  line(t("report.title"), { size: 16, f: bold });
  line(t("report.summary", { from: formatMonth(period.from, locale), to: formatMonth(period.to, locale) }), { size: 11 });
  y -= 6;
  line(`${t("report.kpi.volume")}: ${formatNumber(m.volume, locale)}`);
  line(`${t("report.kpi.firstResponse")}: ${formatShare(m.sla.firstResponse.value, locale)}`);
  line(`${t("report.kpi.resolution")}: ${formatShare(m.sla.resolution.value, locale)}`);
  line(`${t("report.col.medianResolution")}: ${formatWorkingHours(m.durations.resolutionMedian, locale)} ${t("report.unit.workingHours")}`);
  line(`${t("report.kpi.satisfaction")}: ${m.satisfaction === null ? "-" : formatNumber(m.satisfaction, locale, 2)}`);
  line(`${t("report.kpi.index")}: ${m.handlingIndex === null ? "-" : formatNumber(m.handlingIndex, locale, 1)}`);
  y -= 8;
  line(t("report.warnings.title"), { size: 12, f: bold });
  if (dashboard.warnings.length === 0) line(t("report.warnings.none"));
  for (const w of dashboard.warnings) {
    line(`${names.get(w.unitId)?.name ?? w.unitId}: ${t("report.warnings.index", { index: formatNumber(w.index, locale, 1), band: w.projected.grade ?? w.projected.zone })}`, { indent: 8 });
  }
  y -= 8;
  line(t("report.units.title"), { size: 12, f: bold });
  line(`${t("report.col.unit")} | ${t("report.kpi.volume")} | ${t("report.kpi.firstResponse")} | ${t("report.kpi.resolution")} | ${t("report.kpi.index")} | ${t("report.col.lastScore")}`, { f: bold, size: 9 });
  for (const u of dashboard.units) {
    const last = u.last ? `${u.last.year} ${u.last.totalScore ?? "-"} ${u.last.grade ?? u.last.zone ?? ""}` : "-";
    line(
      `${names.get(u.unitId)?.name ?? u.unitId} | ${u.metrics.volume} | ${formatShare(u.metrics.sla.firstResponse.value, locale)} | ${formatShare(u.metrics.sla.resolution.value, locale)} | ${u.metrics.handlingIndex === null ? "-" : formatNumber(u.metrics.handlingIndex, locale, 1)} | ${last}`,
      { size: 9 },
    );
  }
  y -= 8;
  line(t("report.export.pdfFooter"), { size: 8 });
  return doc.save();
}
