// Read side of the Ombudsman assessments for the reports.
import type { DbClient } from "~/services/db-types.server";
import type { AssessmentMethod, Zone } from "~/domain/compliance/methods";

export interface UnitAssessment {
  unitId: string;
  year: number;
  method: AssessmentMethod;
  totalScore: number | null;
  zone: Zone | null;
  grade: string | null;
  opinionLabel: string | null;
  /** The *Pengaduan* (complaint-handling) dimension, when the method has it and it was published. */
  complaintDimension: number | null;
  confirmed: boolean;
  source: string;
}

/** Unit-level assessments (not product ones), newest year first, optionally for some units. */
export async function listUnitAssessments(db: DbClient, unitIds?: readonly string[] | null): Promise<UnitAssessment[]> {
  const rows = await db.complianceAssessment.findMany({
    where: { scope: "UNIT", unitId: unitIds ? { in: [...unitIds] } : { not: null } },
    orderBy: [{ year: "desc" }, { method: "desc" }],
    select: {
      unitId: true, year: true, method: true, totalScore: true, zone: true, grade: true, opinionLabel: true, confirmed: true, source: true,
      dimensions: { where: { dimension: "PENGADUAN" }, select: { score: true } },
    },
  });
  return rows.map((row) => ({
    unitId: row.unitId!,
    year: row.year,
    method: row.method,
    totalScore: row.totalScore === null ? null : Number(row.totalScore),
    zone: row.zone,
    grade: row.grade,
    opinionLabel: row.opinionLabel,
    complaintDimension: row.dimensions[0] ? Number(row.dimensions[0].score) : null,
    confirmed: row.confirmed,
    source: row.source,
  }));
}

/** The newest assessment per unit (the list is newest first). */
export function latestPerUnit(assessments: readonly UnitAssessment[]): Map<string, UnitAssessment> {
  const latest = new Map<string, UnitAssessment>();
  for (const assessment of assessments) if (!latest.has(assessment.unitId)) latest.set(assessment.unitId, assessment);
  return latest;
}

/** Escalations still waiting for their level's owner, oldest first. */
export async function listOpenEscalations(db: DbClient, { unitIds, limit = 50 }: { unitIds: readonly string[] | null; limit?: number }) {
  return db.escalation.findMany({
    where: { settledAt: null, ...(unitIds ? { complaint: { unitId: { in: [...unitIds] } } } : {}) },
    orderBy: { escalatedAt: "asc" },
    take: limit,
    select: {
      id: true, stage: true, level: true, targetRole: true, escalatedAt: true, dueAt: true, breachedDueAt: true,
      complaint: { select: { id: true, trackingCode: true, status: true, unit: { select: { id: true, shortName: true } } } },
    },
  });
}
