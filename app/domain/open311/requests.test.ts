import { describe, expect, it } from "vitest";
import { parsePostedRequest, parseRequestQuery, parseUpdatesQuery } from "./requests";

const now = new Date("2026-11-23T03:00:00Z");
const q = (query: string) => parseRequestQuery(new URLSearchParams(query), now);

describe("GET requests query", () => {
  it("defaults to the last 90 days, every service and status", () => {
    const parsed = q("");
    expect(parsed).toEqual({ ok: true, query: { kind: "search", serviceCodes: null, statuses: null, end: now, start: new Date(now.getTime() - 90 * 86_400_000) } });
  });

  it("takes service_request_id alone, normalised, ignoring the other filters", () => {
    const parsed = q("service_request_id=lpk-abcde-fghjk1,LPK-ABCDE-FGHJK1,nonsense&status=bogus");
    expect(parsed.ok && parsed.query).toEqual({ kind: "ids", trackingCodes: expect.any(Array) });
  });

  it("reads service codes and statuses as comma lists", () => {
    const parsed = q("service_code=dukcapil-ktp-el, DINKES-SLHS&status=open,closed&start_date=2026-11-01T00:00:00%2B07:00&end_date=2026-11-20T00:00:00Z");
    expect(parsed.ok && parsed.query.kind === "search" && parsed.query).toMatchObject({ serviceCodes: ["DUKCAPIL-KTP-EL", "DINKES-SLHS"], statuses: ["open", "closed"] });
  });

  it("refuses a span over 90 days, reversed dates, malformed dates and unknown statuses", () => {
    const codes = (query: string) => {
      const parsed = q(query);
      return parsed.ok ? [] : parsed.problems.map((p) => [p.code, p.key]);
    };
    expect(codes("start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z")).toEqual([[400, "open311.error.dateRange"]]);
    expect(codes("start_date=2026-06-01T00:00:00Z&end_date=2026-01-01T00:00:00Z")).toEqual([[400, "open311.error.dateOrder"]]);
    expect(codes("start_date=yesterday")).toEqual([[400, "open311.error.date"]]);
    expect(codes("status=pending")).toEqual([[400, "open311.error.status"]]);
    expect(codes("start_date=2026-09-01T00:00:00Z")).toEqual([]);
  });

  it("reads the updates query with the same rules", () => {
    expect(parseUpdatesQuery(new URLSearchParams("start_date=2026-11-01T00:00:00Z"), now)).toMatchObject({ ok: true });
    expect(parseUpdatesQuery(new URLSearchParams("start_date=2025-01-01T00:00:00Z&end_date=2026-01-01T00:00:00Z"), now)).toMatchObject({ ok: false });
  });
});

describe("POST requests body", () => {
  const body = {
    service_code: "dukcapil-ktp-el",
    lat: "-2.1291234567",
    long: "106.1134",
    description: "Petugas meminta uang tambahan untuk mempercepat KTP-el.",
    first_name: "Siti",
    last_name: "Aminah",
    email: "siti@example.test",
    "attribute[maladministration]": "permintaan_imbalan",
    "attribute[visibility]": "anonim",
  };

  it("maps Open311 fields onto the complaint form, PUBLIC and today (WIB) by default", () => {
    const parsed = parsePostedRequest(body, now);
    expect(parsed).toMatchObject({
      ok: true,
      request: {
        serviceCode: "DUKCAPIL-KTP-EL",
        location: { latitude: -2.129123, longitude: 106.1134 },
        values: { name: "Siti Aminah", chooser: "asked_to_pay", visibility: "ANONIM", incidentDate: "2026-11-23", consent: "on" },
      },
    });
    const plain = parsePostedRequest({ ...body, "attribute[visibility]": "", "attribute[maladministration]": "" }, now);
    expect(plain.ok && plain.request.values).toMatchObject({ visibility: "PUBLIC", chooser: "" });
  });

  it("requires a service code and a location, and values from the attribute lists", () => {
    const keys = (b: Record<string, string>) => {
      const parsed = parsePostedRequest(b, now);
      return parsed.ok ? [] : parsed.problems.map((p) => p.key);
    };
    expect(keys({ ...body, service_code: "" })).toEqual(["open311.error.required"]);
    expect(keys({ ...body, lat: "", long: "" })).toEqual(["open311.error.locationRequired"]);
    expect(keys({ ...body, lat: "", long: "", address_string: "Jl. Sudirman" })).toEqual([]);
    expect(keys({ ...body, lat: "91" })).toEqual(["open311.error.location"]);
    expect(keys({ ...body, "attribute[visibility]": "SECRET", "attribute[maladministration]": "NOPE" })).toEqual(["open311.error.attributeValue", "open311.error.attributeValue"]);
  });
});
