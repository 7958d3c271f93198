// The hand-entered assessment form's schema (server only: zod stays out of the browser bundle).
// Messages are i18n keys under "assessment.error.".
import { z } from "zod";
import { ASSESSMENT_METHODS, ASSESSMENT_SCOPES, DIMENSION_FIELDS, DIMENSIONS } from "./assessment-entry";
import { METHODS, type Dimension } from "./methods";
import { blankToUndefined } from "~/services/form-values";

const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === "1", z.boolean());
// Indonesian documents write 83,06; both separators are accepted.
const score = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value.trim().replace(",", "."))) : value),
  z.number({ message: "assessment.error.score" }).min(0, { message: "assessment.error.score" }).max(100, { message: "assessment.error.score" }).optional(),
);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, { message: "assessment.error.tooLong" }).optional());

export const AssessmentFormSchema = z
  .object({
    year: z.coerce.number({ message: "assessment.error.year" }).int({ message: "assessment.error.year" }).min(2013, { message: "assessment.error.year" }).max(2100, { message: "assessment.error.year" }),
    method: z.enum(ASSESSMENT_METHODS, { message: "assessment.error.method" }),
    scope: z.enum(ASSESSMENT_SCOPES, { message: "assessment.error.scope" }),
    unitId: z.preprocess(blankToUndefined, z.uuid({ message: "assessment.error.unit" }).optional()),
    productId: z.preprocess(blankToUndefined, z.uuid({ message: "assessment.error.product" }).optional()),
    scoreINPUT: score,
    scorePROSES: score,
    scoreOUTPUT: score,
    scorePENGADUAN: score,
    scoreKEPERCAYAAN_MASYARAKAT: score,
    totalScore: score,
    opinionLabel: optionalText(120),
    withoutMaladministration: checkbox,
    source: z.string({ message: "assessment.error.source" }).trim().min(3, { message: "assessment.error.source" }).max(500, { message: "assessment.error.tooLong" }),
    sourceUrl: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/, message: "assessment.error.sourceUrl" }).max(1000, { message: "assessment.error.tooLong" }).optional()),
    confirmed: checkbox,
    notes: optionalText(2000),
    /** Overwrite an existing result for the same year, method and subject. */
    replace: checkbox,
  })
  .superRefine((value, ctx) => {
    if (value.scope === "UNIT" && !value.unitId) ctx.addIssue({ code: "custom", path: ["unitId"], message: "assessment.error.unitRequired" });
    if (value.scope === "PRODUCT" && !value.productId) ctx.addIssue({ code: "custom", path: ["productId"], message: "assessment.error.productRequired" });
    const weights = METHODS[value.method].weights;
    for (const dimension of DIMENSIONS) {
      if (value[DIMENSION_FIELDS[dimension]] !== undefined && !(dimension in weights)) {
        ctx.addIssue({ code: "custom", path: [DIMENSION_FIELDS[dimension]], message: "assessment.error.dimensionNotInMethod" });
      }
    }
    const weighted = Object.keys(weights) as Dimension[];
    const given = weighted.filter((d) => value[DIMENSION_FIELDS[d]] !== undefined);
    if (value.totalScore === undefined) {
      // Without a published total, every dimension of the method is needed to compute one.
      if (weighted.length === 0) ctx.addIssue({ code: "custom", path: ["totalScore"], message: "assessment.error.totalRequired" });
      else if (given.length < weighted.length) {
        for (const d of weighted.filter((d) => value[DIMENSION_FIELDS[d]] === undefined)) {
          ctx.addIssue({ code: "custom", path: [DIMENSION_FIELDS[d]], message: "assessment.error.dimensionMissing" });
        }
      }
    }
  });
export type AssessmentFormInput = z.infer<typeof AssessmentFormSchema>;
