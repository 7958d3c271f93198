// The pin as the two doors that take one check it the same way: the web form's schema and the
// Open311 POST (ADR 036).
import { describe, expect, it } from "vitest";
import { fieldErrors, makeComplaintFormSchema } from "~/domain/complaints/complaint-form-schema";
import { OPEN311_FIELD, parsePostedRequest } from "~/domain/open311/requests";

const now = new Date("2026-11-23T02:00:00Z");
const valid = {
  productId: "3b241101-e2bb-4255-8caf-4136c566a962",
  description: "Lampu jalan di depan pasar mati sejak seminggu.",
  incidentDate: "2026-11-20",
  name: "Siti",
  phone: "0812-3456-7890",
  visibility: "PUBLIC",
  consent: "on",
  idempotencyKey: "k".repeat(24),
};
const parse = (input: Record<string, unknown>) => makeComplaintFormSchema(now).safeParse(input);

describe("the form's pin", () => {
  it("is optional: no coordinates, or both empty, file as before", () => {
    expect(parse(valid).data).toMatchObject({ latitude: undefined, longitude: undefined });
    expect(parse({ ...valid, latitude: "", longitude: " " }).success).toBe(true);
  });

  it("is read as numbers, with an Indonesian decimal comma too", () => {
    expect(parse({ ...valid, latitude: "-2,1295", longitude: "106.1169" }).data).toMatchObject({ latitude: -2.1295, longitude: 106.1169 });
  });

  it("needs both halves, each a number", () => {
    expect(fieldErrors(parse({ ...valid, latitude: "-2.13" }).error!)).toEqual({ longitude: "location.error.both" });
    expect(fieldErrors(parse({ ...valid, longitude: "106.1" }).error!)).toEqual({ latitude: "location.error.both" });
    expect(fieldErrors(parse({ ...valid, latitude: "dua", longitude: "106.1" }).error!)).toEqual({ latitude: "location.error.number" });
  });

  it("refuses a point outside the city, beside the latitude, keeping the other fields valid", () => {
    const result = parse({ ...valid, latitude: "-6.2", longitude: "106.8167" });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({ latitude: "location.error.outsideCity" });
    // Swapped halves are the commonest typing mistake: they are outside too.
    expect(fieldErrors(parse({ ...valid, latitude: "106.11", longitude: "-2.13" }).error!)).toEqual({ latitude: "location.error.outsideCity" });
  });

  it("never throws on hostile input", () => {
    for (const text of ["1e308", "-0", "NaN", "9".repeat(40), "<script>", "１０６", "\u0000"]) {
      expect(() => parse({ ...valid, latitude: text, longitude: text })).not.toThrow();
    }
  });
});

describe("an Open311 POST's lat/long", () => {
  const body = { service_code: "DUKCAPIL-KTP-EL", description: valid.description, first_name: "Siti", phone: "081234567890" };
  const problems = (extra: Record<string, string>) => {
    const parsed = parsePostedRequest({ ...body, ...extra }, now);
    return parsed.ok ? [] : parsed.problems;
  };

  it("is accepted inside the city", () => {
    expect(problems({ lat: "-2.1291", long: "106.1134" })).toEqual([]);
  });

  it("is refused outside the city with its own error, naming the box", () => {
    const [problem, ...rest] = problems({ lat: "-6.2", long: "106.8167" });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 400, key: "open311.error.locationOutsideCity", vars: { south: -2.22, north: -2.04, west: 106.03, east: 106.2 } });
  });

  it("maps the form's coordinate errors onto lat and long", () => {
    expect(OPEN311_FIELD.latitude).toBe("lat");
    expect(OPEN311_FIELD.longitude).toBe("long");
  });
});
