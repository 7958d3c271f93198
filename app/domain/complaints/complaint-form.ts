// The citizen's complaint form, shared by the browser and the server (no server imports).
// Messages are i18n keys; the page translates them beside each field.
import { z } from "zod";
import { firstIssuePerField } from "~/services/form-errors";

export const VISIBILITIES = ["PUBLIC", "RAHASIA", "ANONIM"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/**
 * Plain-language choices for citizens who have never heard the word *maladministrasi*, each mapped
 * to one of the ten forms (Peraturan Ombudsman 26/2017; DOMAIN.md §2).
 */
export const MALADMINISTRATION_CHOOSER = [
  { value: "slow", form: "PENUNDAAN_BERLARUT" },
  { value: "not_served", form: "TIDAK_MEMBERIKAN_PELAYANAN" },
  { value: "incompetent", form: "TIDAK_KOMPETEN" },
  { value: "abuse", form: "PENYALAHGUNAAN_WEWENANG" },
  { value: "procedure", form: "PENYIMPANGAN_PROSEDUR" },
  { value: "asked_to_pay", form: "PERMINTAAN_IMBALAN" },
  { value: "rude", form: "TIDAK_PATUT" },
  { value: "favouritism", form: "BERPIHAK" },
  { value: "discrimination", form: "DISKRIMINASI" },
  { value: "conflict", form: "KONFLIK_KEPENTINGAN" },
] as const;
export type ChooserValue = (typeof MALADMINISTRATION_CHOOSER)[number]["value"];
const CHOOSER_VALUES = MALADMINISTRATION_CHOOSER.map((c) => c.value) as [ChooserValue, ...ChooserValue[]];

export function maladministrationFormFor(value: ChooserValue | undefined): string | null {
  return MALADMINISTRATION_CHOOSER.find((c) => c.value === value)?.form ?? null;
}

/** UU 25/2009 Pasal 42: complain within 30 days of the service; older complaints are still accepted, with a warning. */
export const COMPLAINT_WINDOW_DAYS = 30;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "form.error.tooLong" })
    .transform((v) => (v === "" ? undefined : v))
    .optional();

const checkbox = z
  .enum(["on", "true", "1", ""])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "1");

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function todayInJakarta(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export function makeComplaintFormSchema(now: Date) {
  const today = todayInJakarta(now);
  return z
    .object({
      productId: z.uuid({ message: "form.error.choice" }).optional().or(z.literal("").transform(() => undefined)),
      unitUnknown: checkbox,
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
      consent: checkbox.refine((v) => v, { message: "form.error.consent" }),
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
    });
}

export type ComplaintFormInput = z.infer<ReturnType<typeof makeComplaintFormSchema>>;

export const COMPLAINT_FORM_FIELDS = [
  "productId",
  "unitUnknown",
  "description",
  "incidentDate",
  "kecamatanCode",
  "kelurahanCode",
  "address",
  "chooser",
  "name",
  "email",
  "phone",
  "visibility",
  "consent",
  "idempotencyKey",
] as const;
export type ComplaintFormField = (typeof COMPLAINT_FORM_FIELDS)[number] | "attachments";

/** First error per field, as i18n keys. */
export function fieldErrors(error: z.ZodError): Partial<Record<ComplaintFormField | "form", string>> {
  return firstIssuePerField<ComplaintFormField>(error);
}

/** True when the incident is older than the 30-day window of UU 25/2009 (a warning, not a refusal). */
export function isOutsideComplaintWindow(incidentDate: string, now: Date): boolean {
  const incident = Date.parse(`${incidentDate}T00:00:00Z`);
  const today = Date.parse(`${todayInJakarta(now)}T00:00:00Z`);
  return today - incident > COMPLAINT_WINDOW_DAYS * 86_400_000;
}
