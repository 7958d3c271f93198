import { describe, expect, it } from "vitest";
import { isOutsideComplaintWindow, maladministrationFormFor, MALADMINISTRATION_CHOOSER } from "./complaint-form";
import { fieldErrors, makeComplaintFormSchema } from "./complaint-form-schema";

const now = new Date("2026-11-23T02:00:00Z"); // 09:00 WIB
const valid = {
  productId: "3b241101-e2bb-4255-8caf-4136c566a962",
  description: "Pelayanan tidak sesuai standar waktu yang dijanjikan.",
  incidentDate: "2026-11-20",
  name: "Siti",
  phone: "0812-3456-7890",
  visibility: "RAHASIA",
  consent: "on",
  idempotencyKey: "k".repeat(24),
};
const parse = (input: Record<string, unknown>) => makeComplaintFormSchema(now).safeParse(input);

describe("complaint form schema", () => {
  it("accepts a complete form and normalises contact details", () => {
    const result = parse({ ...valid, email: " Siti@Example.TEST " });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ phone: "081234567890", email: "siti@example.test", unitUnknown: false, consent: true });
  });

  it("needs a service or the 'I don't know' box, and an email or a phone", () => {
    const result = parse({ ...valid, productId: "", phone: "" });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toMatchObject({ productId: "form.error.productOrUnknown", email: "form.error.contact" });
    expect(parse({ ...valid, productId: "", unitUnknown: "on" }).success).toBe(true);
  });

  it("refuses future dates in Jakarta time, not UTC", () => {
    // 23 Nov 2026 09:00 WIB: the 23rd is today, the 24th is the future.
    expect(parse({ ...valid, incidentDate: "2026-11-23" }).success).toBe(true);
    expect(fieldErrors(parse({ ...valid, incidentDate: "2026-11-24" }).error!).incidentDate).toBe("form.error.dateFuture");
    expect(fieldErrors(parse({ ...valid, incidentDate: "23/11/2026" }).error!).incidentDate).toBe("form.error.date");
  });

  it("reports every problem with an i18n key", () => {
    const result = parse({ description: "x", visibility: "SECRET", idempotencyKey: "short" });
    const errors = fieldErrors(result.error!);
    expect(Object.values(errors).every((key) => key?.startsWith("form."))).toBe(true);
    expect(errors).toMatchObject({ description: "form.error.descriptionShort", visibility: "form.error.visibility", consent: "form.error.consent", idempotencyKey: "form.error.expired" });
  });

  it("maps every plain-language choice to one of the ten forms", () => {
    expect(new Set(MALADMINISTRATION_CHOOSER.map((c) => c.form)).size).toBe(10);
    expect(maladministrationFormFor("asked_to_pay")).toBe("PERMINTAAN_IMBALAN");
    expect(maladministrationFormFor(undefined)).toBeNull();
  });

  it("warns past the 30-day window of UU 25/2009", () => {
    expect(isOutsideComplaintWindow("2026-10-24", now)).toBe(false);
    expect(isOutsideComplaintWindow("2026-10-23", now)).toBe(true);
  });
});
