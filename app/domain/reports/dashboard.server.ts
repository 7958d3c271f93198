// The liaison dashboard and the unit report card: complaint metrics for a period and scope, set
// beside the Ombudsman assessments. Reads roll-ups only (plus one percentile query over the facts),
// so it stays fast at a million complaints (npm run bench).
import { z } from "zod";
import type { Db } from "~/services/db.server";
import type { ReportAccess } from "~/domain/auth/permissions";
import { componentsForForm } from "~/domain/compliance/component-mapping";
import { durationStats, sumRollups, sumRollupsByUnitAndForm, type ReportScope } from "~/models/report-queries.server";
import { latestPerUnit, listOpenEscalations, listUnitAssessments, type UnitAssessment } from "~/models/compliance.server";
import { periodMonthOf } from "./complaint-fact";
import {
  EMPTY_COUNTS,
  EMPTY_DURATIONS,
  earlyWarnings,
  metricsFromCounts,
  monthsBetween,
  pearson,
  rate,
  type ComplaintMetrics,
  type EarlyWarning,
} from "./metrics";

/** The longest period one request may ask for. */
export const MAX_PERIOD_MONTHS = 60;
/** The default period: the last twelve months, this one included. */
export const DEFAULT_PERIOD_MONTHS = 12;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export interface ReportPeriod {
  from: string;
  to: string;
}

/** `?dari=YYYY-MM&sampai=YYYY-MM`; anything missing or malformed falls back to the default period. */
export function parseReportPeriod(params: URLSearchParams, now: Date): ReportPeriod & { adjusted: boolean } {
  const current = periodMonthOf(now);
  const defaultFrom = shiftMonth(current, -(DEFAULT_PERIOD_MONTHS - 1));
  const from = month.safeParse(params.get("dari"));
  const to = month.safeParse(params.get("sampai"));
  let period = { from: from.success ? `${from.data}-01` : defaultFrom, to: to.success ? `${to.data}-01` : current };
  let adjusted = (params.has("dari") && !from.success) || (params.has("sampai") && !to.success);
  if (period.from > period.to) {
    period = { from: period.to, to: period.from };
    adjusted = true;
  }
  if (monthsBetween(period.from, period.to).length > MAX_PERIOD_MONTHS) {
    period = { from: shiftMonth(period.to, -(MAX_PERIOD_MONTHS - 1)), to: period.to };
    adjusted = true;
  }
  return { ...period, adjusted };
}

export function shiftMonth(periodMonth: string, by: number): string {
  const [year, m] = periodMonth.split("-").map(Number) as [number, number];
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

export interface UnitRow {
  unitId: string;
  metrics: ComplaintMetrics;
  last: UnitAssessment | null;
}

export interface Dashboard {
  period: ReportPeriod;
  totals: ComplaintMetrics;
  trend: { month: string; volume: number; firstResponse: number | null; resolution: number | null }[];
  mix: { code: string | null; count: number; components: number[] }[];
  units: UnitRow[];
  correlation: {
    /** Current index vs each unit's latest total score. */
    indexVsTotal: { r: number | null; n: number; points: { unitId: string; x: number; y: number }[] };
    indexVsComplaintDimension: { r: number | null; n: number };
    /** (unit, year) pairs: the index of that calendar year's complaints vs that year's total. */
    acrossYears: { r: number | null; n: number };
  };
  warnings: EarlyWarning[];
  escalations: Awaited<ReturnType<typeof listOpenEscalations>>;
}

export async function loadDashboard(db: Db, { access, period, unitId, productId }: { access: ReportAccess; period: ReportPeriod; unitId?: string | null; productId?: string | null }): Promise<Dashboard> {
  const unitIds = unitId ? (access.cityWide || access.unitIds.includes(unitId) ? [unitId] : []) : access.unitIds;
  const scope: ReportScope = { ...period, unitIds, productId };
  const [total, byUnit, byMonth, byForm, durations, unitDurations, assessments, escalations] = await Promise.all([
    sumRollups(db, scope, "none"),
    sumRollups(db, scope, "unit"),
    sumRollups(db, scope, "month"),
    sumRollups(db, scope, "form"),
    durationStats(db, scope, "none"),
    durationStats(db, scope, "unit"),
    listUnitAssessments(db, unitIds),
    listOpenEscalations(db, { unitIds }),
  ]);
  const latest = latestPerUnit(assessments);
  const units: UnitRow[] = byUnit
    .filter((row): row is typeof row & { key: string } => row.key !== null)
    .map((row) => ({ unitId: row.key, metrics: metricsFromCounts(row.counts, unitDurations.get(row.key) ?? EMPTY_DURATIONS), last: latest.get(row.key) ?? null }));
  const monthly = new Map(byMonth.map((row) => [row.key, row.counts]));
  const trend = monthsBetween(period.from, period.to).map((m) => {
    const counts = monthly.get(m) ?? EMPTY_COUNTS;
    return {
      month: m,
      volume: counts.complaints,
      firstResponse: rate(counts.firstResponseMet, counts.firstResponseDecided).value,
      resolution: rate(counts.resolutionMet, counts.resolutionDecided).value,
    };
  });
  const mix = byForm
    .map((row) => ({ code: row.key, count: row.counts.complaints, components: componentsForForm(row.key) }))
    .sort((a, b) => b.count - a.count);

  const indexed = units.filter((u) => u.metrics.handlingIndex !== null && u.last?.totalScore != null);
  const points = indexed.map((u) => ({ unitId: u.unitId, x: u.metrics.handlingIndex!, y: u.last!.totalScore! }));
  const dimensionPairs = units
    .filter((u) => u.metrics.handlingIndex !== null && u.last?.complaintDimension != null)
    .map((u) => ({ x: u.metrics.handlingIndex!, y: u.last!.complaintDimension! }));
  const acrossYears = await yearPairs(db, assessments, scope);

  const formMixByUnit = await sumFormsByUnit(db, scope);
  const warnings = earlyWarnings(units.map((u) => ({ unitId: u.unitId, metrics: u.metrics, last: u.last, formMix: formMixByUnit.get(u.unitId) ?? [] })));

  return {
    period,
    totals: metricsFromCounts(total[0]?.counts ?? EMPTY_COUNTS, durations.get(null) ?? EMPTY_DURATIONS),
    trend,
    mix,
    units,
    correlation: {
      indexVsTotal: { r: pearson(points), n: points.length, points },
      indexVsComplaintDimension: { r: pearson(dimensionPairs), n: dimensionPairs.length },
      acrossYears: { r: pearson(acrossYears), n: acrossYears.length },
    },
    warnings,
    escalations,
  };
}

async function sumFormsByUnit(db: Db, scope: ReportScope): Promise<Map<string, { code: string; count: number }[]>> {
  const rows = await sumRollupsByUnitAndForm(db, scope);
  const byUnit = new Map<string, { code: string; count: number }[]>();
  for (const row of rows) {
    const list = byUnit.get(row.unitId) ?? [];
    list.push({ code: row.code, count: row.count });
    byUnit.set(row.unitId, list);
  }
  return byUnit;
}

async function yearPairs(db: Db, assessments: readonly UnitAssessment[], scope: ReportScope): Promise<{ x: number; y: number }[]> {
  const years = [...new Set(assessments.filter((a) => a.totalScore !== null).map((a) => a.year))];
  const pairs: { x: number; y: number }[] = [];
  for (const year of years) {
    const rows = await sumRollups(db, { from: `${year}-01-01`, to: `${year}-12-01`, unitIds: scope.unitIds }, "unit");
    const byUnit = new Map(rows.map((row) => [row.key, row.counts]));
    for (const assessment of assessments.filter((a) => a.year === year && a.totalScore !== null)) {
      const counts = byUnit.get(assessment.unitId);
      const index = counts ? metricsFromCounts(counts).handlingIndex : null;
      if (index !== null) pairs.push({ x: index, y: assessment.totalScore! });
    }
  }
  return pairs;
}
