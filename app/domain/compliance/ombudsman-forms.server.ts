// The Ombudsman matter forms' schemas (server only: zod stays out of the browser bundle). Error
// messages are i18n keys under "ombudsman.error.".
import { z } from "zod";
import { normalizeTrackingCode } from "~/domain/complaints/tracking-code";
import { isLocalDate, OMBUDSMAN_MATTER_KINDS, OMBUDSMAN_MATTER_STATUSES } from "./ombudsman-deadlines";
import { blankToUndefined } from "~/services/form-values";

const localDate = (message: string) => z.string({ message }).trim().refine(isLocalDate, { message });

export const OmbudsmanMatterFormSchema = z
  .object({
    kind: z.enum(OMBUDSMAN_MATTER_KINDS, { message: "ombudsman.error.kind" }),
    reference: z
      .string({ message: "ombudsman.error.referenceRequired" })
      .trim()
      .min(3, { message: "ombudsman.error.referenceRequired" })
      .max(120, { message: "ombudsman.error.tooLong" }),
    summary: z.preprocess(blankToUndefined, z.string().trim().max(1000, { message: "ombudsman.error.tooLong" }).optional()),
    unitId: z.uuid({ message: "ombudsman.error.unit" }),
    // People type codes any way (case, dashes, O for 0): stored in canonical form or refused.
    trackingCode: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .transform((code, ctx) => {
          const canonical = normalizeTrackingCode(code);
          if (canonical === null) {
            ctx.addIssue({ code: "custom", message: "ombudsman.error.trackingCode" });
            return z.NEVER;
          }
          return canonical;
        })
        .optional(),
    ),
    receivedOn: localDate("ombudsman.error.receivedOn"),
    statedDueOn: z.preprocess(blankToUndefined, localDate("ombudsman.error.statedDueOn").optional()),
  })
  .superRefine((value, ctx) => {
    // The letter's own date is the only deadline a clarification request has (ombudsman-deadlines.ts).
    if (value.kind === "CLARIFICATION_REQUEST" && !value.statedDueOn) {
      ctx.addIssue({ code: "custom", path: ["statedDueOn"], message: "ombudsman.error.statedDueRequired" });
    }
  });
export type OmbudsmanMatterFormInput = z.infer<typeof OmbudsmanMatterFormSchema>;

export const OmbudsmanStatusFormSchema = z.object({
  intent: z.enum(["answer", "close"], { message: "ombudsman.error.intent" }),
  note: z
    .string({ message: "ombudsman.error.noteRequired" })
    .trim()
    .min(5, { message: "ombudsman.error.noteRequired" })
    .max(2000, { message: "ombudsman.error.tooLong" }),
});

export const OmbudsmanFilterSchema = z.object({
  jenis: z.preprocess(blankToUndefined, z.enum(OMBUDSMAN_MATTER_KINDS).optional()).catch(undefined),
  status: z.preprocess(blankToUndefined, z.enum(OMBUDSMAN_MATTER_STATUSES).optional()).catch(undefined),
  unit: z.preprocess(blankToUndefined, z.uuid().optional()).catch(undefined),
  terlambat: z.preprocess((v) => v === "1" || v === "on", z.boolean()).catch(false),
});
export type OmbudsmanFilters = z.infer<typeof OmbudsmanFilterSchema>;
