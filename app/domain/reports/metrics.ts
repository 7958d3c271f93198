// Complaint metrics from summed roll-up counts, and the tie to the Ombudsman's assessment:
// correlation across units and the early-warning list. Pure and client-safe; every definition is
// in docs/decisions/014-reporting-roll-ups.md.
import { classifyScore, type AssessmentMethod, type Zone } from "~/domain/compliance/methods";
import { handlingIndex, type IndexComponent } from "~/domain/compliance/handling-index";
import { componentsForForm, COMPLAINT_HANDLING_COMPONENT } from "~/domain/compliance/component-mapping";
import { COUNT_KEYS, EMPTY_DURATIONS, type DurationStats, type RollupCounts } from "~/models/report-types";

// The row shapes are the roll-up table's (ADR 032: shared types live in the lowest layer).
export { COUNT_KEYS, EMPTY_COUNTS, EMPTY_DURATIONS, type DurationStats, type RollupCounts } from "~/models/report-types";

export function addCounts(a: RollupCounts, b: RollupCounts): RollupCounts {
  return Object.fromEntries(COUNT_KEYS.map((key) => [key, a[key] + b[key]])) as RollupCounts;
}

/** A share 0–1, or null when there is nothing to divide by. */
export interface Rate {
  value: number | null;
  part: number;
  whole: number;
}

export function rate(part: number, whole: number): Rate {
  return { value: whole > 0 ? part / whole : null, part, whole };
}

export interface ComplaintMetrics {
  volume: number;
  rejected: number;
  open: number;
  closed: number;
  handled: number;
  sla: { verification: Rate; firstResponse: Rate; resolution: Rate };
  reopenRate: Rate;
  appealRate: Rate;
  escalationRate: Rate;
  /** Mean rating 1–5, or null with no rating. */
  satisfaction: number | null;
  ratingCount: number;
  durations: DurationStats;
  handlingIndex: number | null;
  indexComponents: IndexComponent[];
}

export function metricsFromCounts(counts: RollupCounts, durations: DurationStats = EMPTY_DURATIONS): ComplaintMetrics {
  const index = handlingIndex(counts);
  return {
    volume: counts.complaints,
    rejected: counts.rejected,
    open: counts.open,
    closed: counts.closed,
    handled: counts.handled,
    sla: {
      verification: rate(counts.verificationMet, counts.verificationDecided),
      firstResponse: rate(counts.firstResponseMet, counts.firstResponseDecided),
      resolution: rate(counts.resolutionMet, counts.resolutionDecided),
    },
    reopenRate: rate(counts.reopened, counts.handled),
    appealRate: rate(counts.appealed, counts.handled),
    escalationRate: rate(counts.escalated, counts.handled),
    satisfaction: counts.ratingCount > 0 ? counts.ratingSum / counts.ratingCount : null,
    ratingCount: counts.ratingCount,
    durations,
    handlingIndex: index.index,
    indexComponents: index.components,
  };
}

/** Pearson's r over pairs with both values; null below three pairs or without variance. */
export function pearson(pairs: readonly { x: number; y: number }[]): number | null {
  if (pairs.length < 3) return null;
  const n = pairs.length;
  const meanX = pairs.reduce((s, p) => s + p.x, 0) / n;
  const meanY = pairs.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const { x, y } of pairs) {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
    syy += (y - meanY) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

const ZONE_RANK: Record<Zone, number> = { MERAH: 0, KUNING: 1, HIJAU: 2 };
const GRADE_RANK: Record<string, number> = { E: 0, D: 1, C: 2, B: 3, A: 4 };

/** Below this share (percent) an index component is named as a reason in the early warning. */
export const WARNING_COMPONENT_THRESHOLD = 80;
/** Without an assessment on record, a unit is flagged when its index would fall in this method's red zone. */
export const UNASSESSED_REFERENCE_METHOD: AssessmentMethod = "DIMENSI_2022";

export interface LastAssessment {
  year: number;
  method: AssessmentMethod;
  totalScore: number | null;
  zone: Zone | null;
  grade: string | null;
}

export interface WarningInput {
  unitId: string;
  metrics: ComplaintMetrics;
  last: LastAssessment | null;
  /** Complaints per maladministration form code in the period. */
  formMix: { code: string; count: number }[];
}

export type WarningReason =
  | { kind: "indexBelowLast"; indexBand: string; lastBand: string }
  | { kind: "indexInRedZone"; indexBand: string }
  | { kind: "component"; key: IndexComponent["key"]; score: number }
  | { kind: "form"; code: string; count: number; components: number[] };

export interface EarlyWarning {
  unitId: string;
  index: number;
  projected: { zone: Zone; grade: string | null; label: string };
  last: LastAssessment | null;
  reasons: WarningReason[];
  /** Standard components (1–14) the unit should look at first, most pressing first. */
  components: number[];
}

/**
 * Units whose current handling index, read on the scale of their last assessment's method, points
 * below the grade (or zone) they last got; unassessed units when it points to the red zone. The
 * index is the city's proxy, not the Ombudsman's score: the warning says where to look, not a forecast.
 */
export function earlyWarnings(units: readonly WarningInput[]): EarlyWarning[] {
  const warnings: EarlyWarning[] = [];
  for (const unit of units) {
    const index = unit.metrics.handlingIndex;
    if (index === null) continue;
    const method = unit.last?.method ?? UNASSESSED_REFERENCE_METHOD;
    const projected = classifyScore(method, index);
    const reasons: WarningReason[] = [];
    if (unit.last) {
      const below =
        unit.last.grade && projected.grade
          ? GRADE_RANK[projected.grade]! < (GRADE_RANK[unit.last.grade] ?? -1)
          : unit.last.zone !== null && ZONE_RANK[projected.zone] < ZONE_RANK[unit.last.zone];
      if (!below) continue;
      reasons.push({ kind: "indexBelowLast", indexBand: projected.grade ?? projected.zone, lastBand: unit.last.grade ?? unit.last.zone ?? "" });
    } else {
      if (projected.zone !== "MERAH") continue;
      reasons.push({ kind: "indexInRedZone", indexBand: projected.grade ?? projected.zone });
    }
    const weak = unit.metrics.indexComponents
      .filter((c) => c.score !== null && c.score < WARNING_COMPONENT_THRESHOLD)
      .sort((a, b) => a.score! - b.score!);
    for (const c of weak) reasons.push({ kind: "component", key: c.key, score: Math.round(c.score! * 100) / 100 });
    const topForms = [...unit.formMix].filter((f) => f.count > 0).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)).slice(0, 3);
    for (const form of topForms) reasons.push({ kind: "form", code: form.code, count: form.count, components: componentsForForm(form.code) });
    const components = [...new Set([...(weak.length > 0 ? [COMPLAINT_HANDLING_COMPONENT] : []), ...topForms.flatMap((f) => componentsForForm(f.code))])];
    warnings.push({ unitId: unit.unitId, index, projected: { zone: projected.zone, grade: projected.grade, label: projected.label }, last: unit.last, reasons, components });
  }
  return warnings.sort((a, b) => a.index - b.index);
}

/** "YYYY-MM-01" months from `from` to `to` inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split("-").map(Number) as [number, number];
  const [toYear, toMonth] = to.split("-").map(Number) as [number, number];
  while (year < toYear || (year === toYear && month <= toMonth)) {
    months.push(`${year}-${String(month).padStart(2, "0")}-01`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}
