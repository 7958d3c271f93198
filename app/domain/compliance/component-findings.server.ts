// The Ombudsman's findings on the 14 service-standard components (UU 25/2009 Pasal 21; DOMAIN.md
// §1.7, §3.5 item 5), recorded against an assessment from its report card (rapor): which
// components the assessor found met and which not. The unit report card sets the latest unmet ones
// beside the components its complaints point at (component-mapping.ts): where both meet, the next
// assessment is likely to find the same gap.
import { z } from "zod";
import type { Db } from "~/services/db.server";
import type { DbClient } from "~/services/db-types.server";
import { assessmentSubjectName } from "~/models/compliance.server";
import { COMPONENT_COUNT, noteField, statusField } from "./component-findings";

const componentNumbers = Array.from({ length: COMPONENT_COUNT }, (_, i) => i + 1);

export interface ComponentFindingInput {
  componentNumber: number;
  compliant: boolean;
  note: string | null;
}

/** The form: per component "MET", "NOT_MET" or "" (not assessed), and an optional note. Messages are i18n keys. */
export function parseComponentFindings(values: Record<string, string>):
  | { ok: true; findings: ComponentFindingInput[] }
  | { ok: false; errors: Record<string, string> } {
  const status = z.enum(["", "MET", "NOT_MET"], { message: "form.error.choice" });
  const note = z.string().trim().max(500, { message: "form.error.tooLong" });
  const errors: Record<string, string> = {};
  const findings: ComponentFindingInput[] = [];
  for (const n of componentNumbers) {
    const s = status.safeParse(values[statusField(n)] ?? "");
    const t = note.safeParse(values[noteField(n)] ?? "");
    if (!s.success) errors[statusField(n)] = s.error.issues[0]!.message;
    if (!t.success) errors[noteField(n)] = t.error.issues[0]!.message;
    if (s.success && t.success && s.data !== "") findings.push({ componentNumber: n, compliant: s.data === "MET", note: t.data || null });
    // A note without a status would be lost: ask for the status.
    if (s.success && t.success && s.data === "" && t.data) errors[statusField(n)] = "assessment.findings.error.statusForNote";
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, findings };
}

/** Replaces the assessment's findings in one transaction, with an audit row. */
export async function saveComponentFindings(
  db: Db,
  assessmentId: string,
  findings: readonly ComponentFindingInput[],
  { actorUserId }: { actorUserId: string },
): Promise<{ ok: true } | { ok: false; reason: "not_found" }> {
  return db.$transaction(async (tx) => {
    const assessment = await tx.complianceAssessment.findUnique({ where: { id: assessmentId }, select: { id: true, productId: true } });
    if (!assessment) return { ok: false, reason: "not_found" } as const;
    await tx.componentFinding.deleteMany({ where: { assessmentId } });
    if (findings.length > 0) {
      await tx.componentFinding.createMany({
        data: findings.map((f) => ({ assessmentId, productId: assessment.productId, componentNumber: f.componentNumber, compliant: f.compliant, note: f.note })),
      });
    }
    await tx.auditLog.create({
      data: {
        actorUserId,
        action: "component_finding.save",
        entity: "compliance_assessment",
        entityId: assessmentId,
        data: { met: findings.filter((f) => f.compliant).map((f) => f.componentNumber), notMet: findings.filter((f) => !f.compliant).map((f) => f.componentNumber) },
      },
    });
    return { ok: true } as const;
  });
}

export interface AssessmentFindingsView {
  id: string;
  year: number;
  method: string;
  scope: string;
  subjectName: string | null;
  totalScore: number | null;
  grade: string | null;
  zone: string | null;
  findings: { componentNumber: number; compliant: boolean; note: string | null }[];
  components: { number: number; nameId: string; nameEn: string }[];
}

export async function getAssessmentFindings(db: DbClient, id: string): Promise<AssessmentFindingsView | null> {
  const [row, components] = await Promise.all([
    db.complianceAssessment.findUnique({
      where: { id },
      select: {
        id: true,
        year: true,
        method: true,
        scope: true,
        totalScore: true,
        grade: true,
        zone: true,
        unit: { select: { name: true } },
        product: { select: { name: true } },
        findings: { orderBy: { componentNumber: "asc" }, select: { componentNumber: true, compliant: true, note: true } },
      },
    }),
    db.serviceStandardComponent.findMany({ orderBy: { number: "asc" }, select: { number: true, nameId: true, nameEn: true } }),
  ]);
  if (!row) return null;
  return {
    id: row.id,
    year: row.year,
    method: row.method,
    scope: row.scope,
    subjectName: assessmentSubjectName(row),
    totalScore: row.totalScore === null ? null : Number(row.totalScore),
    grade: row.grade,
    zone: row.zone,
    findings: row.findings.map((f) => ({ componentNumber: f.componentNumber, compliant: f.compliant ?? false, note: f.note })),
    components,
  };
}

/**
 * The components found not met in the unit's latest assessment year that has findings (the unit's
 * own assessment and its products', together), or null when none has any.
 */
export async function latestUnmetComponents(db: DbClient, unitId: string): Promise<{ year: number; components: number[] } | null> {
  const rows = await db.complianceAssessment.findMany({
    where: { OR: [{ unitId }, { product: { unitId } }], findings: { some: {} } },
    orderBy: { year: "desc" },
    select: { year: true, findings: { where: { compliant: false }, select: { componentNumber: true } } },
  });
  const year = rows[0]?.year;
  if (year === undefined) return null;
  const components = new Set(rows.filter((row) => row.year === year).flatMap((row) => row.findings.map((f) => f.componentNumber)));
  return { year, components: [...components].sort((a, b) => a - b) };
}
