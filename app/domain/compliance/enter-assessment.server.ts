// Entering (or, when asked, replacing) one assessment result: the subject must exist, an existing
// result for the same year, method and subject is only overwritten on explicit request, and the
// row, its dimension scores and an AuditLog row are written in one transaction.
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/services/db.server";
import { computeAssessmentResult, dimensionsOf, type AssessmentResult } from "./assessment-entry";
import type { AssessmentFormInput } from "./assessment-form.server";
import { METHODS, type Dimension } from "./methods";

export type EnterAssessmentOutcome =
  | { ok: true; id: string; replaced: boolean; result: AssessmentResult }
  | { ok: false; errors: Partial<Record<keyof AssessmentFormInput | "form", string>> };

export async function enterAssessment(db: Db, input: AssessmentFormInput, { actorUserId }: { actorUserId: string }): Promise<EnterAssessmentOutcome> {
  let unitId: string | null;
  let productId: string | null = null;
  let subjectKey: string;
  if (input.scope === "CITY") {
    const city = await db.serviceUnit.findFirst({ where: { kind: "CITY" }, select: { id: true } });
    unitId = city?.id ?? null;
    subjectKey = "CITY";
  } else if (input.scope === "UNIT") {
    const unit = await db.serviceUnit.findUnique({ where: { id: input.unitId! }, select: { id: true, code: true } });
    if (!unit) return { ok: false, errors: { unitId: "assessment.error.unit" } };
    unitId = unit.id;
    subjectKey = `UNIT:${unit.code}`;
  } else {
    const product = await db.serviceProduct.findUnique({ where: { id: input.productId! }, select: { id: true, code: true, unitId: true } });
    if (!product) return { ok: false, errors: { productId: "assessment.error.product" } };
    // Same convention as the CSV import: a product's result also belongs to its unit.
    unitId = product.unitId;
    productId = product.id;
    subjectKey = `PRODUCT:${product.code}`;
  }

  const dimensions = dimensionsOf(input);
  const result = computeAssessmentResult(input.method, dimensions, input.totalScore, { withoutMaladministration: input.withoutMaladministration });
  const data = {
    scope: input.scope,
    unitId,
    productId,
    totalScore: result.total,
    zone: result.classification.zone,
    // The zone method had no letter grades (DOMAIN.md §1.2).
    grade: input.method === "ZONA_2013" ? null : result.classification.grade,
    opinionLabel: input.opinionLabel ?? (input.method === "OPINI_2025" ? result.classification.opinion : null),
    withoutMaladministration: input.method === "OPINI_2025" ? input.withoutMaladministration : null,
    source: input.source,
    sourceUrl: input.sourceUrl ?? null,
    confirmed: input.confirmed,
    notes: input.notes ?? null,
  } satisfies Omit<Prisma.ComplianceAssessmentUncheckedCreateInput, "year" | "method" | "subjectKey">;

  return db.$transaction(async (tx) => {
    const key = { year: input.year, method: input.method, subjectKey };
    const existing = await tx.complianceAssessment.findUnique({ where: { year_method_subjectKey: key }, select: { id: true } });
    if (existing && !input.replace) return { ok: false, errors: { replace: "assessment.error.exists" } } as const;
    const row = await tx.complianceAssessment.upsert({ where: { year_method_subjectKey: key }, create: { ...key, ...data }, update: data, select: { id: true } });
    await tx.dimensionScore.deleteMany({ where: { assessmentId: row.id } });
    for (const [dimension, value] of Object.entries(dimensions) as [Dimension, number][]) {
      await tx.dimensionScore.create({ data: { assessmentId: row.id, dimension, score: value, weight: METHODS[input.method].weights[dimension] ?? null } });
    }
    await tx.auditLog.create({
      data: {
        actorUserId,
        action: existing ? "compliance_assessment.replace" : "compliance_assessment.enter",
        entity: "compliance_assessment",
        entityId: row.id,
        data: { ...key, total: result.total, computedTotal: result.computedTotal, zone: data.zone, grade: data.grade, source: input.source },
      },
    });
    return { ok: true, id: row.id, replaced: existing !== null, result } as const;
  });
}
