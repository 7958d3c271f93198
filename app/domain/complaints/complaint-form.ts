// The citizen's complaint form: the choices and field names the page renders, shared by the browser
// and the server. The zod schema lives in complaint-form-schema.ts, so this module (and the form
// page's browser bundle) carries no zod.

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

export function maladministrationFormFor(value: ChooserValue | undefined): string | null {
  return MALADMINISTRATION_CHOOSER.find((c) => c.value === value)?.form ?? null;
}

/** UU 25/2009 Pasal 42: complain within 30 days of the service; older complaints are still accepted, with a warning. */
export const COMPLAINT_WINDOW_DAYS = 30;

export function todayInJakarta(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export const COMPLAINT_FORM_FIELDS = [
  "productId",
  "unitUnknown",
  "description",
  "incidentDate",
  "kecamatanCode",
  "kelurahanCode",
  "address",
  "latitude",
  "longitude",
  "chooser",
  "name",
  "email",
  "phone",
  "visibility",
  "consent",
  "idempotencyKey",
] as const;
export type ComplaintFormField = (typeof COMPLAINT_FORM_FIELDS)[number] | "attachments";

/** True when the incident is older than the 30-day window of UU 25/2009 (a warning, not a refusal). */
export function isOutsideComplaintWindow(incidentDate: string, now: Date): boolean {
  const incident = Date.parse(`${incidentDate}T00:00:00Z`);
  const today = Date.parse(`${todayInJakarta(now)}T00:00:00Z`);
  return today - incident > COMPLAINT_WINDOW_DAYS * 86_400_000;
}
