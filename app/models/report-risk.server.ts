// What the liaison's risk ranking reads beyond the roll-ups: the Ombudsman's component findings per
// unit (the unit's own assessments and its products'). Rows out; which year counts is the domain's call.
import type { DbClient } from "~/services/db-types.server";

export interface UnitFindingRow {
  unitId: string;
  year: number;
  /** Components the assessor found not met in this assessment. */
  unmet: number[];
}

/** One row per assessment that has findings, for the given units (null: every unit), newest year first. */
export async function findUnitComponentFindings(db: DbClient, unitIds: readonly string[] | null): Promise<UnitFindingRow[]> {
  const inUnits = unitIds ? { in: [...unitIds] } : undefined;
  const rows = await db.complianceAssessment.findMany({
    where: {
      findings: { some: {} },
      ...(inUnits ? { OR: [{ unitId: inUnits }, { product: { unitId: inUnits } }] } : { OR: [{ unitId: { not: null } }, { productId: { not: null } }] }),
    },
    orderBy: { year: "desc" },
    select: { year: true, unitId: true, product: { select: { unitId: true } }, findings: { where: { compliant: false }, select: { componentNumber: true } } },
  });
  return rows
    .map((row) => ({ unitId: row.unitId ?? row.product?.unitId ?? "", year: row.year, unmet: row.findings.map((f) => f.componentNumber) }))
    .filter((row) => row.unitId !== "");
}
