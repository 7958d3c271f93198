// Gathers what the risk rule (risk.ts) reads for every unit in the report's scope: the period's
// metrics and index-based warnings (already computed by the dashboard), the index of the previous
// period, the Ombudsman letters the reader may see, and the latest component findings.
import type { Db } from "~/services/db.server";
import type { OmbudsmanScope } from "~/domain/compliance/ombudsman";
import { listOmbudsmanDeadlines } from "~/domain/compliance/ombudsman-lists.server";
import { componentsForForm, COMPLAINT_HANDLING_COMPONENT } from "~/domain/compliance/component-mapping";
import { sumRollups } from "~/models/report-queries.server";
import { findUnitComponentFindings } from "~/models/report-risk.server";
import type { UnitAssessment } from "~/models/compliance.server";
import { metricsFromCounts, WARNING_COMPONENT_THRESHOLD, type ComplaintMetrics, type EarlyWarning } from "./metrics";
import { rankUnitRisks, RISK_RULE, type UnitRisk, type UnitRiskInput } from "./risk";

export interface RiskContext {
  now: Date;
  /** The reader's view of Ombudsman letters; null: their roles show none, and letters are left out of the rule. */
  ombudsmanScope: OmbudsmanScope | null;
}

export interface RiskSources {
  /** Report scope: null = the whole city. */
  unitIds: readonly string[] | null;
  previousPeriod: { from: string; to: string };
  units: { unitId: string; metrics: ComplaintMetrics; last: UnitAssessment | null }[];
  latest: ReadonlyMap<string, UnitAssessment>;
  warnings: readonly EarlyWarning[];
  formMixByUnit: ReadonlyMap<string, { code: string; count: number }[]>;
}

/** What the period's complaints point at: the components of their forms, and complaint handling when it is weak. */
export function componentsComplaintsPointAt(metrics: ComplaintMetrics | null, formMix: readonly { code: string; count: number }[]): number[] {
  const weak = metrics?.indexComponents.some((c) => c.score !== null && c.score < WARNING_COMPONENT_THRESHOLD) ?? false;
  return [...new Set([...(weak ? [COMPLAINT_HANDLING_COMPONENT] : []), ...formMix.filter((f) => f.count > 0).flatMap((f) => componentsForForm(f.code))])];
}

export async function loadUnitRisks(db: Db, sources: RiskSources, context: RiskContext, name?: (unitId: string) => string): Promise<{ risks: UnitRisk[]; lettersCounted: boolean }> {
  const { unitIds } = sources;
  const inScope = (id: string) => unitIds === null || unitIds.includes(id);
  const [previous, findingRows, letters] = await Promise.all([
    unitIds && unitIds.length === 0 ? [] : sumRollups(db, { ...sources.previousPeriod, unitIds }, "unit"),
    unitIds && unitIds.length === 0 ? [] : findUnitComponentFindings(db, unitIds),
    context.ombudsmanScope ? listOmbudsmanDeadlines(db, { now: context.now, scope: context.ombudsmanScope, withinDays: RISK_RULE.letterDueSoonDays, limit: null }) : null,
  ]);
  const previousIndex = new Map(previous.filter((row) => row.key !== null).map((row) => [row.key!, metricsFromCounts(row.counts).handlingIndex]));

  // The latest year with findings per unit; a unit's own assessment and its products' count together.
  const findings = new Map<string, { year: number; unmet: Set<number> }>();
  for (const row of findingRows) {
    const seen = findings.get(row.unitId);
    if (seen && seen.year > row.year) continue;
    const entry = seen ?? { year: row.year, unmet: new Set<number>() };
    for (const n of row.unmet) entry.unmet.add(n);
    findings.set(row.unitId, entry);
  }

  const lettersByUnit = new Map<string, { overdue: number; mostDaysOverdue: number; dueSoon: number; soonestDaysLeft: number | null }>();
  for (const letter of letters ?? []) {
    const entry = lettersByUnit.get(letter.unitId) ?? { overdue: 0, mostDaysOverdue: 0, dueSoon: 0, soonestDaysLeft: null };
    if (letter.overdue) {
      entry.overdue += 1;
      entry.mostDaysOverdue = Math.max(entry.mostDaysOverdue, -letter.daysLeft);
    } else {
      entry.dueSoon += 1;
      entry.soonestDaysLeft = entry.soonestDaysLeft === null ? letter.daysLeft : Math.min(entry.soonestDaysLeft, letter.daysLeft);
    }
    lettersByUnit.set(letter.unitId, entry);
  }

  const metricsByUnit = new Map(sources.units.map((u) => [u.unitId, u.metrics]));
  const warningByUnit = new Map(sources.warnings.map((w) => [w.unitId, w]));
  const ids = new Set([...metricsByUnit.keys(), ...sources.latest.keys(), ...findings.keys(), ...lettersByUnit.keys()].filter(inScope));
  const inputs: UnitRiskInput[] = [...ids].map((id) => {
    const metrics = metricsByUnit.get(id) ?? null;
    const last = sources.latest.get(id) ?? null;
    const found = findings.get(id);
    const pointedAt = componentsComplaintsPointAt(metrics, sources.formMixByUnit.get(id) ?? []);
    const unmet = found ? [...found.unmet].sort((a, b) => a - b) : [];
    return {
      unitId: id,
      last: last ? { year: last.year, method: last.method, totalScore: last.totalScore, zone: last.zone, grade: last.grade } : null,
      index: metrics?.handlingIndex ?? null,
      previousIndex: previousIndex.get(id) ?? null,
      handled: metrics?.handled ?? 0,
      sla: { firstResponse: metrics?.sla.firstResponse ?? { value: null, part: 0, whole: 0 }, resolution: metrics?.sla.resolution ?? { value: null, part: 0, whole: 0 } },
      warning: warningByUnit.get(id) ?? null,
      letters: letters === null ? null : (lettersByUnit.get(id) ?? { overdue: 0, mostDaysOverdue: 0, dueSoon: 0, soonestDaysLeft: null }),
      findings: found ? { year: found.year, unmet, shared: unmet.filter((n) => pointedAt.includes(n)) } : null,
    };
  });
  return { risks: rankUnitRisks(inputs, name), lettersCounted: letters !== null };
}
