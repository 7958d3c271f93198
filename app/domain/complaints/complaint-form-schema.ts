// The server-side validation of the citizen's complaint form (the web form and Open311 posts).
// Messages are i18n keys; the page translates them beside each field.
import { z } from "zod";
import { isInsideCity, parseDegrees as degrees } from "~/domain/location/city-area";
import { firstIssuePerField } from "~/services/form-errors";
import { COMPLAINT_FORM_FIELDS, MALADMINISTRATION_CHOOSER, todayInJakarta, VISIBILITIES, type ChooserValue, type ComplaintFormField } from "./complaint-form";

const CHOOSER_VALUES = MALADMINISTRATION_CHOOSER.map((c) => c.value) as [ChooserValue, ...ChooserValue[]];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "form.error.tooLong" })
    .transform((v) => (v === "" ? undefined : v))
    .optional();

const checkbox = () =>
  z
    .enum(["on", "true", "1", ""])
    .optional()
    .transform((v) => v === "on" || v === "true" || v === "1");

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function makeComplaintFormSchema(now: Date) {
  const today = todayInJakarta(now);
  return z
    .object({
      productId: z.uuid({ message: "form.error.choice" }).optional().or(z.literal("").transform(() => undefined)),
      unitUnknown: checkbox(),
      description: z
        .string({ message: "form.error.required" })
        .trim()
        .min(20, { message: "form.error.descriptionShort" })
        .max(5000, { message: "form.error.tooLong" }),
      incidentDate: z
        .string({ message: "form.error.required" })
        .trim()
        .regex(isoDate, { message: "form.error.date" })
        .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { message: "form.error.date" })
        .refine((v) => v <= today, { message: "form.error.dateFuture" }),
      kecamatanCode: optionalText(20),
      kelurahanCode: optionalText(20),
      address: optionalText(300),
      // The map pin or the coordinates typed without it (ADR 036): both or neither, inside the city.
      latitude: optionalText(32),
      longitude: optionalText(32),
      chooser: z.enum(CHOOSER_VALUES, { message: "form.error.choice" }).optional().or(z.literal("").transform(() => undefined)),
      name: z.string({ message: "form.error.required" }).trim().min(2, { message: "form.error.required" }).max(120, { message: "form.error.tooLong" }),
      email: z
        .string()
        .trim()
        .max(254, { message: "form.error.tooLong" })
        .transform((v) => (v === "" ? undefined : v.toLowerCase()))
        .pipe(z.email({ message: "form.error.email" }).optional())
        .optional(),
      phone: z
        .string()
        .trim()
        .transform((v) => v.replace(/[\s().-]/g, ""))
        .transform((v) => (v === "" ? undefined : v))
        .pipe(z.string().regex(/^(\+62|62|0)8\d{7,12}$/, { message: "form.error.phone" }).optional())
        .optional(),
      visibility: z.enum(VISIBILITIES, { message: "form.error.visibility" }),
      consent: checkbox().refine((v) => v, { message: "form.error.consent" }),
      idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { message: "form.error.expired" }),
    })
    .superRefine((value, ctx) => {
      if (!value.productId && !value.unitUnknown) {
        ctx.addIssue({ code: "custom", path: ["productId"], message: "form.error.productOrUnknown" });
      }
      if (!value.email && !value.phone) {
        ctx.addIssue({ code: "custom", path: ["email"], message: "form.error.contact" });
      }
      if (value.kelurahanCode && !value.kecamatanCode) {
        ctx.addIssue({ code: "custom", path: ["kecamatanCode"], message: "form.error.required" });
      }
      if (value.latitude !== undefined || value.longitude !== undefined) {
        const latitude = degrees(value.latitude);
        const longitude = degrees(value.longitude);
        if (value.latitude === undefined) ctx.addIssue({ code: "custom", path: ["latitude"], message: "location.error.both" });
        else if (latitude === undefined) ctx.addIssue({ code: "custom", path: ["latitude"], message: "location.error.number" });
        if (value.longitude === undefined) ctx.addIssue({ code: "custom", path: ["longitude"], message: "location.error.both" });
        else if (longitude === undefined) ctx.addIssue({ code: "custom", path: ["longitude"], message: "location.error.number" });
        if (latitude !== undefined && longitude !== undefined && !isInsideCity(latitude, longitude)) {
          ctx.addIssue({ code: "custom", path: ["latitude"], message: "location.error.outsideCity" });
        }
      }
    })
    // Optional keys, so callers that file without a pin (tests, staff registration) need not name them.
    .transform(({ latitude, longitude, ...rest }): typeof rest & { latitude?: number; longitude?: number } => ({
      ...rest,
      latitude: degrees(latitude),
      longitude: degrees(longitude),
    }));
}

export type ComplaintFormInput = z.infer<ReturnType<typeof makeComplaintFormSchema>>;

/** First error per field, as i18n keys. */
export function fieldErrors(error: z.ZodError): Partial<Record<ComplaintFormField | "form", string>> {
  return firstIssuePerField<ComplaintFormField>(error);
}

