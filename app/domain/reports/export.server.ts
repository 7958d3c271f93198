// CSV and PDF exports of the reports for liaisons. Nothing personal leaves: unit figures are
// aggregates, complaint rows carry the public tracking code, codes and outcomes only (no name,
// contact, address or complaint text, which may name people). Every export is audited.
import type { Db } from "~/services/db.server";
import { reportUnitIds, type ReportAccess, type Role } from "~/domain/auth/permissions";
import type { OmbudsmanScope } from "~/domain/compliance/ombudsman";
import { translate, type Locale } from "~/services/i18n.server";
import { listFactsForExport } from "~/models/report-queries.server";
import { listOmbudsmanDeadlines } from "~/domain/compliance/ombudsman-lists.server";
import { loadReportLabels } from "~/models/report-labels.server";
import { loadDashboard, type Dashboard, type ReportPeriod } from "./dashboard.server";
import { renderReportPdf } from "./report-pdf.server";
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
  /** The PDF says who made it: the staff member's own name and roles, never anyone else's. */
  actor: { name: string; roles: readonly Role[] };
  /** What the page's Ombudsman section reads with (null: the section is not shown). */
  ombudsmanScope: OmbudsmanScope | null;
  now: Date;
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
    const names = new Map(request.units.map((u) => [u.id, u]));
    file =
      format === "pdf"
        ? { filename: `laporan_${stamp}.pdf`, contentType: "application/pdf", body: await reportPdf(db, request, names) }
        : { filename: `unit_${stamp}.csv`, contentType: "text/csv; charset=utf-8", body: unitsCsv(await loadDashboard(db, { access, period, unitId }), names) };
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

/** The PDF reads what /staf/laporan reads, through the same functions, so the two never disagree. */
async function reportPdf(db: Db, request: ExportRequest, names: Map<string, { code: string; name: string }>): Promise<Uint8Array> {
  const { access, period, unitId, locale, ombudsmanScope, now } = request;
  const [dashboard, labels, ombudsmanDeadlines] = await Promise.all([
    loadDashboard(db, { access, period, unitId, risk: { now, ombudsmanScope } }),
    loadReportLabels(db, locale),
    ombudsmanScope ? listOmbudsmanDeadlines(db, { now, scope: ombudsmanScope }) : null,
  ]);
  return renderReportPdf({
    dashboard,
    labels,
    ombudsmanDeadlines,
    units: names,
    filter: { unitId },
    scope: { cityWide: access.cityWide, unitIds: access.unitIds ?? [] },
    locale,
    generatedAt: now,
    generatedBy: request.actor,
  });
}
