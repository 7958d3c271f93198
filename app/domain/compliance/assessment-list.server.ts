// The liaison's list of assessment results, each checked against its method's weights.
import { listAssessments, type AssessmentRow } from "~/models/compliance.server";
import type { DbClient } from "~/services/db-types.server";
import { METHODS, weightedTotal } from "./methods";

export interface AssessmentRowView extends AssessmentRow {
  /** The weighted total of the stored dimension scores when it differs from the stored total. */
  computedTotalDiffers: number | null;
}

/**
 * The weighted total of the stored dimension scores when it differs from the stored total by a
 * hundredth or more; null when they agree or a weighted dimension was not published. Shown beside
 * the official figure, so a typo in either is visible (both paths, form and CSV).
 */
export function computedTotalDiffers(row: Pick<AssessmentRow, "method" | "totalScore" | "dimensions">): number | null {
  const weighted = Object.keys(METHODS[row.method].weights);
  if (row.totalScore === null || weighted.length === 0 || !weighted.every((w) => row.dimensions.some((d) => d.dimension === w))) return null;
  const computed = weightedTotal(row.method, Object.fromEntries(row.dimensions.map((d) => [d.dimension, d.score])));
  return Math.abs(computed - row.totalScore) >= 0.01 ? computed : null;
}

/** Results of one year (or all years), newest first; city, then units, then products. */
export async function listAssessmentResults(db: DbClient, { year }: { year: number | null }): Promise<AssessmentRowView[]> {
  return (await listAssessments(db, { year })).map((row) => ({ ...row, computedTotalDiffers: computedTotalDiffers(row) }));
}
