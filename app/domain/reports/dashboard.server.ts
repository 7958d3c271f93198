// The liaison dashboard and the unit report card: complaint metrics for a period and scope, set
// beside the Ombudsman assessments. Reads roll-ups only (plus one percentile query over the facts),
// so it stays fast at a million complaints (npm run bench).
import { z } from "zod";
import { schemaNameOf, type Db } from "~/services/db.server";
import { TtlCache } from "~/services/ttl-cache.server";
import { reportUnitIds, type ReportAccess } from "~/domain/auth/permissions";
import { componentsForForm } from "~/domain/compliance/component-mapping";
import { durationStatsCityAndUnits, sumRollupBreakdown, sumRollups, type ReportScope } from "~/models/report-queries.server";
import { latestPerUnit, listOpenEscalations, listUnitAssessments, type UnitAssessment } from "~/models/compliance.server";
import { periodMonthOf } from "./complaint-fact";
import { loadUnitRisks, type RiskContext } from "./risk.server";
import type { UnitRisk } from "./risk";
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
  type RollupCounts,
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

/**
 * Median and p90 sort every duration of the period (about 300 ms at a million complaints on two
 * cores); they may lag a minute, the counts beside them never do (ADR 014).
 */
export const DURATION_CACHE_TTL_MS = 60_000;
const durationCache = new TtlCache<Awaited<ReturnType<typeof durationStatsCityAndUnits>>>(DURATION_CACHE_TTL_MS);

export function cachedDurationStats(db: Db, scope: ReportScope) {
  const key = JSON.stringify([schemaNameOf(db), scope.from, scope.to, scope.unitIds ?? null, scope.productId ?? null]);
  return durationCache.get(key, () => durationStatsCityAndUnits(db, scope));
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
  /** Every unit assessment in scope, newest year first (the report card lists them). */
  assessments: UnitAssessment[];
  /**
   * Every unit in scope ranked by risk (risk.ts; ADR 011 addendum): empty unless asked for with a
   * risk context. `lettersCounted` is false when the reader's roles show no Ombudsman letters.
   */
  risk: { units: UnitRisk[]; lettersCounted: boolean; previousPeriod: ReportPeriod } | null;
}

/** The period of the same length just before `period`: what the index's trend compares with. */
export function previousPeriodOf(period: ReportPeriod): ReportPeriod {
  const length = monthsBetween(period.from, period.to).length;
  return { from: shiftMonth(period.from, -length), to: shiftMonth(period.from, -1) };
}

export async function loadDashboard(
  db: Db,
  { access, period, unitId, productId, risk }: { access: ReportAccess; period: ReportPeriod; unitId?: string | null; productId?: string | null; risk?: RiskContext },
): Promise<Dashboard> {
  const unitIds = reportUnitIds(access, unitId ?? null);
  const scope: ReportScope = { ...period, unitIds, productId };
  const assessmentsLoaded = listUnitAssessments(db, unitIds);
  // The across-years pairs need only the assessments: they run beside the period's queries.
  const yearPairsLoaded = assessmentsLoaded.then((assessments) => yearPairs(db, assessments, scope));
  const [breakdown, durations, assessments, escalations, acrossYears] = await Promise.all([
    sumRollupBreakdown(db, scope),
    cachedDurationStats(db, scope),
    assessmentsLoaded,
    listOpenEscalations(db, { unitIds }),
    yearPairsLoaded,
  ]);
  const latest = latestPerUnit(assessments);
  const units: UnitRow[] = [...breakdown.byUnit]
    .filter((entry): entry is [string, RollupCounts] => entry[0] !== null)
    .map(([id, counts]) => ({ unitId: id, metrics: metricsFromCounts(counts, durations.byUnit.get(id) ?? EMPTY_DURATIONS), last: latest.get(id) ?? null }));
  const trend = monthsBetween(period.from, period.to).map((m) => {
    const counts = breakdown.byMonth.get(m) ?? EMPTY_COUNTS;
    return {
      month: m,
      volume: counts.complaints,
      firstResponse: rate(counts.firstResponseMet, counts.firstResponseDecided).value,
      resolution: rate(counts.resolutionMet, counts.resolutionDecided).value,
    };
  });
  const mix = [...breakdown.byForm]
    .map(([code, counts]) => ({ code, count: counts.complaints, components: componentsForForm(code) }))
    .sort((a, b) => b.count - a.count);
  const formMixByUnit = new Map<string, { code: string; count: number }[]>();
  for (const { unitId, form, complaints } of breakdown.byUnitForm) {
    const list = formMixByUnit.get(unitId) ?? [];
    list.push({ code: form, count: complaints });
    formMixByUnit.set(unitId, list);
  }

  const indexed = units.filter((u) => u.metrics.handlingIndex !== null && u.last?.totalScore != null);
  const points = indexed.map((u) => ({ unitId: u.unitId, x: u.metrics.handlingIndex!, y: u.last!.totalScore! }));
  const dimensionPairs = units
    .filter((u) => u.metrics.handlingIndex !== null && u.last?.complaintDimension != null)
    .map((u) => ({ x: u.metrics.handlingIndex!, y: u.last!.complaintDimension! }));

  const warnings = earlyWarnings(units.map((u) => ({ unitId: u.unitId, metrics: u.metrics, last: u.last, formMix: formMixByUnit.get(u.unitId) ?? [] })));
  const previousPeriod = previousPeriodOf(period);
  const ranked = risk ? await loadUnitRisks(db, { unitIds, previousPeriod, units, latest, warnings, formMixByUnit }, risk) : null;

  return {
    period,
    totals: metricsFromCounts(breakdown.total, durations.city),
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
    assessments,
    risk: ranked ? { units: ranked.risks, lettersCounted: ranked.lettersCounted, previousPeriod } : null,
  };
}

async function yearPairs(db: Db, assessments: readonly UnitAssessment[], scope: ReportScope): Promise<{ x: number; y: number }[]> {
  const scored = assessments.filter((a) => a.totalScore !== null);
  if (scored.length === 0) return [];
  const years = scored.map((a) => a.year);
  // One pass over the assessed years, keyed "<unit>|<year>".
  const rows = await sumRollups(db, { from: `${Math.min(...years)}-01-01`, to: `${Math.max(...years)}-12-01`, unitIds: scope.unitIds }, "unitYear");
  const byUnitYear = new Map(rows.map((row) => [row.key, row.counts]));
  const pairs: { x: number; y: number }[] = [];
  for (const assessment of scored) {
    const counts = byUnitYear.get(`${assessment.unitId}|${assessment.year}`);
    const index = counts ? metricsFromCounts(counts).handlingIndex : null;
    if (index !== null) pairs.push({ x: index, y: assessment.totalScore! });
  }
  return pairs;
}
