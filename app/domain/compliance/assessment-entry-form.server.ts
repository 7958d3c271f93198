// One assessment result typed in on /staf/kepatuhan: "Hitung" shows the computed total and grade
// without saving (so the form works without JavaScript), "Simpan" stores it.
import { computeAssessmentResult, dimensionsOf, type AssessmentResult } from "~/domain/compliance/assessment-entry";
import { AssessmentFormSchema } from "~/domain/compliance/assessment-form.server";
import { enterAssessment } from "~/domain/compliance/enter-assessment.server";
import type { Db } from "~/services/db.server";
import { firstIssuePerField } from "~/services/form-errors";

export type AssessmentPreview = Pick<AssessmentResult, "computedTotal" | "total" | "differs"> & { zone: string; grade: string | null; opinion: string; confirmed: boolean };
export type AssessmentEntryActionData = { errors: Record<string, string>; values: Record<string, string>; preview: AssessmentPreview | null };

export type AssessmentEntryResult =
  | { kind: "answer"; status: number; data: AssessmentEntryActionData }
  | { kind: "saved"; year: number; replaced: boolean; differs: boolean };

export async function submitAssessmentEntry(db: Db, values: Record<string, string>, context: { actorUserId: string }): Promise<AssessmentEntryResult> {
  const parsed = AssessmentFormSchema.safeParse(values);
  if (!parsed.success) {
    return { kind: "answer", status: 400, data: { errors: firstIssuePerField(parsed.error, "assessment.error.invalid") as Record<string, string>, values, preview: null } };
  }
  if (values.intent === "preview") {
    const result = computeAssessmentResult(parsed.data.method, dimensionsOf(parsed.data), parsed.data.totalScore, { withoutMaladministration: parsed.data.withoutMaladministration });
    const { zone, grade, opinion, confirmed } = result.classification;
    const preview = { computedTotal: result.computedTotal, total: result.total, differs: result.differs, zone, grade: parsed.data.method === "ZONA_2013" ? null : grade, opinion, confirmed };
    return { kind: "answer", status: 200, data: { errors: {}, values, preview } };
  }
  const outcome = await enterAssessment(db, parsed.data, context);
  if (!outcome.ok) return { kind: "answer", status: 400, data: { errors: outcome.errors as Record<string, string>, values, preview: null } };
  return { kind: "saved", year: parsed.data.year, replaced: outcome.replaced, differs: outcome.result.differs };
}
