// Entering one Ombudsman assessment result by hand: the form's constants and the pure computation
// of its total and grade/zone through METHODS, weightedTotal and classifyScore — the same
// configuration the CSV import uses, so both paths classify a score identically. The form schema is
// in assessment-form.server.ts (zod stays out of the browser bundle; app/services/zod.server.ts).
import { classifyScore, METHODS, weightedTotal, type AssessmentMethod, type Classification, type Dimension } from "./methods";

export const ASSESSMENT_METHODS = ["ZONA_2013", "DIMENSI_2022", "OPINI_2025"] as const satisfies readonly AssessmentMethod[];
export const ASSESSMENT_SCOPES = ["CITY", "UNIT", "PRODUCT"] as const;
export const DIMENSIONS = ["INPUT", "PROSES", "OUTPUT", "PENGADUAN", "KEPERCAYAAN_MASYARAKAT"] as const satisfies readonly Dimension[];
/** Form field name of each dimension's score. */
export const DIMENSION_FIELDS: Record<Dimension, `score${Dimension}`> = {
  INPUT: "scoreINPUT",
  PROSES: "scorePROSES",
  OUTPUT: "scoreOUTPUT",
  PENGADUAN: "scorePENGADUAN",
  KEPERCAYAAN_MASYARAKAT: "scoreKEPERCAYAAN_MASYARAKAT",
};


/** The dimension scores as a form carries them (the form schema's output has this shape). */
export type DimensionScores = Partial<Record<(typeof DIMENSION_FIELDS)[Dimension], number>>;

export function dimensionsOf(input: DimensionScores): Partial<Record<Dimension, number>> {
  const scores: Partial<Record<Dimension, number>> = {};
  for (const dimension of DIMENSIONS) {
    const value = input[DIMENSION_FIELDS[dimension]];
    if (value !== undefined) scores[dimension] = value;
  }
  return scores;
}

export interface AssessmentResult {
  /** The weighted total of the dimension scores, when every dimension of the method is given. */
  computedTotal: number | null;
  /** What is stored: the published total when entered (it is the official figure), else the computed one. */
  total: number;
  /** True when a published total was entered and differs from the computed one by a hundredth or more. */
  differs: boolean;
  classification: Classification;
}

/** Total and grade/zone of an entry (the schema guarantees a total can be had). */
export function computeAssessmentResult(
  method: AssessmentMethod,
  dimensions: Partial<Record<Dimension, number>>,
  publishedTotal: number | undefined | null,
  { withoutMaladministration = false }: { withoutMaladministration?: boolean } = {},
): AssessmentResult {
  const weighted = Object.keys(METHODS[method].weights) as Dimension[];
  const complete = weighted.length > 0 && weighted.every((d) => dimensions[d] !== undefined);
  const computedTotal = complete ? weightedTotal(method, dimensions) : null;
  const total = publishedTotal ?? computedTotal;
  if (total === null) throw new Error(`${method}: neither a published total nor every dimension score`);
  const rounded = Math.round(total * 100) / 100;
  return {
    computedTotal,
    total: rounded,
    differs: computedTotal !== null && publishedTotal != null && Math.abs(computedTotal - rounded) >= 0.01,
    classification: classifyScore(method, rounded, { withoutMaladministration }),
  };
}
