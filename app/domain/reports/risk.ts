// The liaison's risk ranking: one row per unit, red / amber / green, from everything the city knows
// that points at the next Ombudsman assessment — the unit's last zone or grade, its complaint-handling
// index and trend, Ombudsman letters past (or near) their legal due date, standard components found
// not met that complaints also point at, and deadlines missed on complaints. It extends the early
// warning of ADR 011 (addendum, issue #21): the index alone missed a Zona Kuning unit with a
// recommendation overdue because one complaint is too few to compute an index.
//
// Pure and client-safe. Every threshold is in RISK_RULE with its source; the rule says where to look,
// it is not a forecast of the Ombudsman's score.
import { classifyScore, type AssessmentMethod, type Zone } from "~/domain/compliance/methods";
import { MIN_SAMPLE } from "~/domain/compliance/handling-index";
import type { EarlyWarning, Rate } from "./metrics";

export type RiskLevel = "red" | "amber" | "green";
/** How much one reason weighs: red and amber set the level; info is shown but changes nothing. */
export type Severity = "red" | "amber" | "info";

export const RISK_RULE = {
  /**
   * The last assessment's zone: Merah 0–50.99 → red, Kuning 51–80.99 → amber (DOMAIN.md §1.2); for the
   * 2022–2024 grades, D/E (Merah) → red and C (Kuning) → amber (DOMAIN.md §1.4, cut-offs [U] in methods.ts).
   */
  zoneSeverity: { MERAH: "red", KUNING: "amber", HIJAU: null } as Record<Zone, Severity | null>,
  zoneSource: "DOMAIN.md §1.2 (zones, [C]) and §1.4 (grades A–E; numeric cut-offs [U]), as configured in app/domain/compliance/methods.ts",
  /**
   * An OPEN Ombudsman letter past its due date → red: the dates are legal (30 working days for corrective
   * action, PO 58/2023 Pasal 54; 60 days for a recommendation, UU 37/2008 Pasal 38(2); DOMAIN.md §3.4),
   * and from 2025 following up the Ombudsman's products is part of the opinion (§1.5).
   */
  overdueLetter: "red" as Severity,
  /**
   * Due within the first reminder window → amber: 7 calendar days, OMBUDSMAN_REMINDER_RULE in
   * ombudsman-deadlines.ts (not imported: it pulls the calendar and zod into the browser; risk.test.ts
   * keeps the two equal).
   */
  letterDueSoonDays: 7,
  letterSource: "DOMAIN.md §3.4 (legal due dates) and §1.5 (follow-up counts in the 2025 opinion); the 7-day window is the city's reminder rule",
  /**
   * A share of deadlines missed, judged only on at least MIN_SAMPLE decided deadlines (ADR 011: one late
   * answer should not sink a small unit): ≥ 20 % missed → amber (the early warning's 80 % component
   * threshold), ≥ 50 % → red. City working choices [U], no regulation sets them.
   */
  lateShareAmber: 0.2,
  lateShareRed: 0.5,
  minSample: MIN_SAMPLE,
  /** The index fell this many points or more against the previous period of the same length → amber [U]. */
  indexDropAmber: 10,
  /** Components found not met that the period's complaints also point at: one is enough → amber. */
  sharedGapAmber: 1,
  /** Components found not met in the last findings, whatever the complaints say: four or more of 14 → amber [U]. */
  unmetComponentsAmber: 4,
  /** Three amber reasons from different inputs together read as red [U]. */
  amberReasonsForRed: 3,
  /** Ranking weights: a red reason outweighs any two amber ones. */
  weight: { red: 3, amber: 1, info: 0 } as Record<Severity, number>,
} as const;

export interface LastBand {
  year: number;
  method: AssessmentMethod;
  totalScore: number | null;
  zone: Zone | null;
  grade: string | null;
}

export interface UnitRiskInput {
  unitId: string;
  last: LastBand | null;
  /** The handling index this period and in the previous one of the same length (null: too few cases). */
  index: number | null;
  previousIndex: number | null;
  /** Complaints of the period that reached the unit (the index's n). */
  handled: number;
  sla: { firstResponse: Rate; resolution: Rate };
  /** The index-based early warning of ADR 011 for this unit, if it fired. */
  warning: EarlyWarning | null;
  /** Open Ombudsman letters the reader may see: null when their roles show no Ombudsman letters. */
  letters: { overdue: number; mostDaysOverdue: number; dueSoon: number; soonestDaysLeft: number | null } | null;
  /** The latest component findings: all components found not met, and those the complaints point at too. */
  findings: { year: number; unmet: number[]; shared: number[] } | null;
}

export type RiskReason =
  | { kind: "lastBand"; severity: Severity; year: number; zone: Zone; grade: string | null; score: number | null }
  | { kind: "indexBelowLast"; severity: Severity; index: number; band: string; lastBand: string; n: number }
  | { kind: "indexRed"; severity: Severity; index: number; band: string; n: number }
  | { kind: "indexDrop"; severity: Severity; index: number; previous: number; n: number }
  | { kind: "lettersOverdue"; severity: Severity; count: number; days: number }
  | { kind: "lettersDueSoon"; severity: Severity; count: number; days: number }
  | { kind: "sharedGaps"; severity: Severity; year: number; components: number[] }
  | { kind: "unmetComponents"; severity: Severity; year: number; components: number[] }
  | { kind: "late"; severity: Severity; stage: "firstResponse" | "resolution"; missed: number; n: number; share: number };

export interface UnitRisk {
  unitId: string;
  level: RiskLevel;
  score: number;
  /** Most severe first. */
  reasons: RiskReason[];
  index: number | null;
  handled: number;
  last: LastBand | null;
}

const SEVERITY_ORDER: Record<Severity, number> = { red: 0, amber: 1, info: 2 };
const LEVEL_ORDER: Record<RiskLevel, number> = { red: 0, amber: 1, green: 2 };

/** The zone of the last assessment: as stored, or classified from its total when only that was kept. */
function lastZone(last: LastBand): Zone | null {
  if (last.zone) return last.zone;
  return last.totalScore === null ? null : classifyScore(last.method, last.totalScore).zone;
}

export function unitRiskReasons(input: UnitRiskInput, rule = RISK_RULE): RiskReason[] {
  const reasons: RiskReason[] = [];
  if (input.last) {
    const zone = lastZone(input.last);
    const severity = zone ? rule.zoneSeverity[zone] : null;
    if (zone && severity) reasons.push({ kind: "lastBand", severity, year: input.last.year, zone, grade: input.last.grade, score: input.last.totalScore });
  }
  const warning = input.warning;
  if (warning && input.index !== null) {
    const first = warning.reasons[0];
    const red = warning.projected.zone === "MERAH";
    if (first?.kind === "indexBelowLast")
      reasons.push({ kind: "indexBelowLast", severity: red ? "red" : "amber", index: input.index, band: first.indexBand, lastBand: first.lastBand, n: input.handled });
    else if (first?.kind === "indexInRedZone") reasons.push({ kind: "indexRed", severity: "red", index: input.index, band: first.indexBand, n: input.handled });
  }
  if (input.index !== null && input.previousIndex !== null && input.previousIndex - input.index >= rule.indexDropAmber) {
    reasons.push({ kind: "indexDrop", severity: "amber", index: input.index, previous: input.previousIndex, n: input.handled });
  }
  if (input.letters) {
    if (input.letters.overdue > 0) reasons.push({ kind: "lettersOverdue", severity: rule.overdueLetter, count: input.letters.overdue, days: input.letters.mostDaysOverdue });
    if (input.letters.dueSoon > 0 && input.letters.soonestDaysLeft !== null && input.letters.soonestDaysLeft <= rule.letterDueSoonDays) {
      reasons.push({ kind: "lettersDueSoon", severity: "amber", count: input.letters.dueSoon, days: input.letters.soonestDaysLeft });
    }
  }
  if (input.findings) {
    const { year, unmet, shared } = input.findings;
    if (shared.length >= rule.sharedGapAmber) reasons.push({ kind: "sharedGaps", severity: "amber", year, components: shared });
    if (unmet.length > 0) reasons.push({ kind: "unmetComponents", severity: unmet.length >= rule.unmetComponentsAmber ? "amber" : "info", year, components: unmet });
  }
  for (const stage of ["firstResponse", "resolution"] as const) {
    const { part, whole } = input.sla[stage];
    const missed = whole - part;
    if (missed <= 0) continue;
    const share = missed / whole;
    // Below the minimum sample the count is shown with its n but decides nothing.
    const severity: Severity = whole < rule.minSample ? "info" : share >= rule.lateShareRed ? "red" : share >= rule.lateShareAmber ? "amber" : "info";
    reasons.push({ kind: "late", severity, stage, missed, n: whole, share });
  }
  return reasons.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export function riskLevel(reasons: readonly RiskReason[], rule = RISK_RULE): RiskLevel {
  if (reasons.some((r) => r.severity === "red")) return "red";
  // Different inputs, not the same one counted twice: the index's two readings are one input.
  const inputs = new Set(reasons.filter((r) => r.severity === "amber").map((r) => (r.kind.startsWith("index") ? "index" : r.kind === "late" ? "late" : r.kind)));
  if (inputs.size >= rule.amberReasonsForRed) return "red";
  return inputs.size > 0 ? "amber" : "green";
}

export function assessUnitRisk(input: UnitRiskInput, rule = RISK_RULE): UnitRisk {
  const reasons = unitRiskReasons(input, rule);
  return {
    unitId: input.unitId,
    level: riskLevel(reasons, rule),
    score: reasons.reduce((sum, r) => sum + rule.weight[r.severity], 0),
    reasons,
    index: input.index,
    handled: input.handled,
    last: input.last,
  };
}

/**
 * Riskiest first: by level, then by weight of reasons, then the longest-overdue letter, then the lowest
 * last score; `name` breaks the remaining ties so the order is stable.
 */
export function rankUnitRisks(inputs: readonly UnitRiskInput[], name: (unitId: string) => string = (id) => id, rule = RISK_RULE): UnitRisk[] {
  const overdueDays = (r: UnitRisk) => r.reasons.reduce((most, reason) => (reason.kind === "lettersOverdue" ? Math.max(most, reason.days) : most), 0);
  return inputs
    .map((input) => assessUnitRisk(input, rule))
    .sort(
      (a, b) =>
        LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
        b.score - a.score ||
        overdueDays(b) - overdueDays(a) ||
        (a.last?.totalScore ?? 101) - (b.last?.totalScore ?? 101) ||
        name(a.unitId).localeCompare(name(b.unitId)),
    );
}
