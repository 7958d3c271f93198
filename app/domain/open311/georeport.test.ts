import { describe, expect, it } from "vitest";
import { COMPLAINT_STATUSES } from "~/domain/complaints/workflow";
import { isPublishable, redactContacts, redactIdentity } from "~/domain/publication/publication";
import {
  GENERAL_SERVICE_CODE,
  GEOREPORT_DESCRIPTION_MAX,
  open311Status,
  parseResourceSegment,
  parseW3cDate,
  renderDocument,
  requestUpdateRow,
  serviceRequestRow,
  statusesFor,
  toJakartaIso,
  type PublishedRequest,
} from "./georeport";

const request: PublishedRequest = {
  trackingCode: "LPK-ABCDE-FGHJK1",
  status: "IN_PROGRESS",
  description: "Antrean KTP-el tidak bergerak sejak pagi.",
  productCode: "DUKCAPIL-KTP-EL",
  productName: "KTP elektronik",
  productNameEn: "Electronic ID card",
  unitName: "Dinas Kependudukan dan Pencatatan Sipil",
  submittedAt: new Date("2026-11-20T01:00:00Z"),
  updatedAt: new Date("2026-11-21T02:30:00Z"),
  resolutionDueAt: new Date("2026-12-04T09:00:00Z"),
  address: "Jl. Merdeka 1",
  kelurahanName: "Batin Tikal",
  kecamatanName: "Taman Sari",
  latitude: -2.129,
  longitude: 106.113,
};

describe("formats and dates", () => {
  it("splits a resource segment into name and a known format only", () => {
    expect(parseResourceSegment("services.json")).toEqual({ name: "services", format: "json" });
    expect(parseResourceSegment("DUKCAPIL-KTP-EL.XML")).toEqual({ name: "DUKCAPIL-KTP-EL", format: "xml" });
    expect(parseResourceSegment("services")).toBeNull();
    expect(parseResourceSegment("services.html")).toBeNull();
    expect(parseResourceSegment(".json")).toBeNull();
  });

  it("writes datetimes in WIB with +07:00 and reads W3C datetimes or plain dates", () => {
    expect(toJakartaIso(new Date("2026-11-23T17:30:05.123Z"))).toBe("2026-11-24T00:30:05+07:00");
    expect(parseW3cDate("2026-11-23T08:00:00+07:00")?.toISOString()).toBe("2026-11-23T01:00:00.000Z");
    expect(parseW3cDate("2026-11-23T01:00:00Z")?.toISOString()).toBe("2026-11-23T01:00:00.000Z");
    expect(parseW3cDate("2026-11-23")?.toISOString()).toBe("2026-11-22T17:00:00.000Z");
    expect(parseW3cDate("2026-11-23T08:00:00")).toBeNull(); // no offset: ambiguous, refused
    expect(parseW3cDate("kemarin")).toBeNull();
  });
});

describe("statuses", () => {
  it("maps every workflow status to open or closed", () => {
    const closed = COMPLAINT_STATUSES.filter((s) => open311Status(s) === "closed");
    expect(closed.sort()).toEqual(["CLOSED", "DUPLICATE", "REJECTED", "WITHDRAWN"]);
    expect(open311Status("RESOLVED")).toBe("open");
    expect(statusesFor(["closed"]).sort()).toEqual(["CLOSED", "WITHDRAWN"]);
  });

  it("publishes only verified, non-RAHASIA complaints in a published status", () => {
    const verifiedAt = new Date();
    expect(isPublishable({ status: "IN_PROGRESS", visibility: "PUBLIC", verifiedAt })).toBe(true);
    expect(isPublishable({ status: "IN_PROGRESS", visibility: "ANONIM", verifiedAt })).toBe(true);
    expect(isPublishable({ status: "IN_PROGRESS", visibility: "RAHASIA", verifiedAt })).toBe(false);
    for (const status of ["SUBMITTED", "ON_HOLD", "REJECTED", "DUPLICATE"] as const) {
      expect(isPublishable({ status, visibility: "PUBLIC", verifiedAt }), status).toBe(false);
    }
    expect(isPublishable({ status: "WITHDRAWN", visibility: "PUBLIC", verifiedAt: null })).toBe(false);
  });
});

describe("rows", () => {
  it("serialises a request with WIB datetimes, the unit as agency and the resolution deadline as expected_datetime", () => {
    const row = serviceRequestRow(request, "id");
    expect(row).toMatchObject({
      service_request_id: "LPK-ABCDE-FGHJK1",
      status: "open",
      status_notes: "Sedang ditangani unit layanan",
      service_code: "DUKCAPIL-KTP-EL",
      service_name: "KTP elektronik",
      agency_responsible: "Dinas Kependudukan dan Pencatatan Sipil",
      requested_datetime: "2026-11-20T08:00:00+07:00",
      updated_datetime: "2026-11-21T09:30:00+07:00",
      expected_datetime: "2026-12-04T16:00:00+07:00",
      address: "Jl. Merdeka 1, Batin Tikal, Taman Sari",
      lat: -2.129,
      long: 106.113,
    });
    expect(serviceRequestRow(request, "en").service_name).toBe("Electronic ID card");
    expect(serviceRequestRow({ ...request, status: "CLOSED" }, "id")).toMatchObject({ status: "closed", expected_datetime: null });
  });

  it("caps a long description at GeoReport's 4,000 characters, at a word", () => {
    const long = "antrean ".repeat(700);
    const row = serviceRequestRow({ ...request, description: long }, "id");
    expect(row.description!.length).toBeLessThanOrEqual(GEOREPORT_DESCRIPTION_MAX);
    expect(row.description!.endsWith("antrean…")).toBe(true);
    expect(serviceRequestRow(request, "id").description).toBe(request.description);
  });

  it("publishes a complaint filed without a service under the catch-all service, never a null service_code", () => {
    const general = serviceRequestRow({ ...request, productCode: null, productName: null, productNameEn: null, unitName: null }, "id");
    expect(general).toMatchObject({ service_code: GENERAL_SERVICE_CODE, service_name: "Pengaduan umum (unit belum ditentukan)", agency_responsible: null });
    expect(serviceRequestRow({ ...request, productCode: null, productName: null, productNameEn: null }, "en").service_name).toBe("General complaint (unit not yet decided)");
  });

  it("never publishes what a citizen wrote, and strips contacts from staff messages", () => {
    const base = { id: "7", trackingCode: request.trackingCode, occurredAt: new Date("2026-11-21T02:00:00Z"), statusAfter: "IN_PROGRESS" as const, visibility: "PUBLIC" as const };
    const citizen = requestUpdateRow({ ...base, type: "CITIZEN_REPLIED", actorKind: "CITIZEN", message: "Saya Budi, 081234567890" }, "id");
    expect(citizen.description).toBe("Pelapor menjawab");
    const staff = requestUpdateRow({ ...base, type: "RESPONDED", actorKind: "STAFF", message: "Hubungi kami di loket@pkp.go.id atau 0812-3456-7890." }, "id");
    expect(staff.description).toBe("Tanggapan unit: Hubungi kami di [\u2026] atau [\u2026].");
    expect(staff).toMatchObject({ update_id: "7", status: "open", updated_datetime: "2026-11-21T09:00:00+07:00" });
    expect(redactContacts("+62 812 3456 7890 / 62812345678 / warga@example.test")).toBe("[\u2026] / [\u2026] / [\u2026]");
  });

  it("blanks the complainant's own name, its words, email and phone out of published text", () => {
    const identity = { name: "Siti Nur Aminah", email: "siti@example.test", phone: "081234567890" };
    expect(redactIdentity("Yth. Ibu SITI NUR AMINAH (Aminah), kami hubungi di 0812 3456 7890.", identity)).toBe("Yth. Ibu […] ([…]), kami hubungi di […].");
    // "Nur" is a word of the name: blanked; "Nurhayati" is another word: kept.
    expect(redactIdentity("Petugas Nurhayati dan Nur", identity)).toBe("Petugas Nurhayati dan […]");
    expect(redactIdentity("Tanpa identitas", null)).toBe("Tanpa identitas");
  });

  it("renders lists as JSON arrays and XML with the spec's root and item names", () => {
    expect(JSON.parse(renderDocument("json", "errors", [{ code: 403, description: "x" }]))).toEqual([{ code: 403, description: "x" }]);
    const xml = renderDocument("xml", "service_requests", [serviceRequestRow(request, "id")]);
    expect(xml).toContain("<service_requests><request><service_request_id>LPK-ABCDE-FGHJK1</service_request_id>");
    expect(renderDocument("xml", "service_request_updates", [{ update_id: "1" }])).toContain("<service_request_updates><request_update><update_id>1</update_id>");
  });
});
