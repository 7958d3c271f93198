// Reading Ombudsman assessment results for the liaison's page, and the subjects (units, products)
// an assessment can be about.
import type { AssessmentDimension, AssessmentMethod, ComplianceZone } from "~/generated/prisma/client";
import type { DbClient } from "~/services/db-types.server";

export interface AssessmentRow {
  id: string;
  year: number;
  method: AssessmentMethod;
  scope: "CITY" | "UNIT" | "PRODUCT";
  subjectName: string | null;
  unitName: string | null;
  totalScore: number | null;
  zone: ComplianceZone | null;
  grade: string | null;
  opinionLabel: string | null;
  confirmed: boolean;
  source: string;
  sourceUrl: string | null;
  dimensions: { dimension: AssessmentDimension; score: number }[];
  /** Component findings recorded (component-findings.server.ts), and how many of them are "not met". */
  findingCount: number;
  unmetCount: number;
}

/** What an assessment is of, by name: its product or unit; null for the city as a whole. */
export function assessmentSubjectName(row: { scope: string; unit: { name: string } | null; product: { name: string } | null }): string | null {
  return row.scope === "PRODUCT" ? (row.product?.name ?? null) : row.scope === "UNIT" ? (row.unit?.name ?? null) : null;
}

export async function listAssessmentYears(db: DbClient): Promise<number[]> {
  const rows = await db.complianceAssessment.findMany({ distinct: ["year"], select: { year: true }, orderBy: { year: "desc" } });
  return rows.map((r) => r.year);
}

/** Results of one year (or all years), newest first; city, then units, then products. */
export async function listAssessments(db: DbClient, { year }: { year: number | null }): Promise<AssessmentRow[]> {
  const rows = await db.complianceAssessment.findMany({
    where: year ? { year } : {},
    select: {
      id: true,
      year: true,
      method: true,
      scope: true,
      totalScore: true,
      zone: true,
      grade: true,
      opinionLabel: true,
      confirmed: true,
      source: true,
      sourceUrl: true,
      unit: { select: { name: true } },
      product: { select: { name: true } },
      dimensions: { select: { dimension: true, score: true } },
      findings: { select: { compliant: true } },
    },
    orderBy: [{ year: "desc" }, { scope: "asc" }, { subjectKey: "asc" }],
    take: 500,
  });
  return rows.map((row) => {
    const dimensions = row.dimensions.map((d) => ({ dimension: d.dimension, score: Number(d.score) }));
    const total = row.totalScore === null ? null : Number(row.totalScore);
    return {
      id: row.id,
      year: row.year,
      method: row.method,
      scope: row.scope,
      subjectName: assessmentSubjectName(row),
      unitName: row.unit?.name ?? null,
      totalScore: total,
      zone: row.zone,
      grade: row.grade,
      opinionLabel: row.opinionLabel,
      confirmed: row.confirmed,
      source: row.source,
      sourceUrl: row.sourceUrl,
      dimensions,
      findingCount: row.findings.length,
      unmetCount: row.findings.filter((f) => f.compliant === false).length,
    };
  });
}

export interface SubjectOptions {
  units: { id: string; name: string }[];
  /** Products grouped by their unit, for an <optgroup> per unit. */
  productGroups: { unitName: string; products: { id: string; name: string }[] }[];
}

export async function listAssessmentSubjects(db: DbClient): Promise<SubjectOptions> {
  const [units, products] = await Promise.all([
    db.serviceUnit.findMany({ where: { isActive: true, kind: { not: "CITY" } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.serviceProduct.findMany({ where: { isActive: true }, select: { id: true, name: true, unit: { select: { name: true } } }, orderBy: [{ unit: { name: "asc" } }, { name: "asc" }] }),
  ]);
  const groups = new Map<string, { id: string; name: string }[]>();
  for (const product of products) {
    const list = groups.get(product.unit.name) ?? [];
    list.push({ id: product.id, name: product.name });
    groups.set(product.unit.name, list);
  }
  return { units, productGroups: [...groups].map(([unitName, list]) => ({ unitName, products: list })) };
}

// ── For the reports: unit assessments beside complaint metrics ──
export interface UnitAssessment {
  unitId: string;
  year: number;
  method: AssessmentMethod;
  totalScore: number | null;
  zone: ComplianceZone | null;
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
