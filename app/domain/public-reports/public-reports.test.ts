import { describe, expect, it } from "vitest";
import { PUBLISHED_STATUSES } from "~/domain/publication/publication";
import { publicReportsCsv, publicReportsGeoJson } from "./export";
import type { PublicReportRow } from "./public-reports.server";
import { summarize } from "./public-reports.server";
import { decodePublicCursor, encodePublicCursor, monthRange, parseExportLimit, parsePublicReportQuery, publicReportFilterParams } from "./query.server";
import { PUBLIC_LIST_STATUSES, STATUS_GROUP_NAMES, STATUS_GROUPS, statusGroupOf } from "./status-groups";

describe("status groups", () => {
  it("put every listed status in exactly one group, and list only what the publication rule publishes, less WITHDRAWN", () => {
    const all = STATUS_GROUP_NAMES.flatMap((group) => [...STATUS_GROUPS[group]]);
    expect(new Set(all).size).toBe(all.length);
    expect([...PUBLIC_LIST_STATUSES].sort()).toEqual(PUBLISHED_STATUSES.filter((s) => s !== "WITHDRAWN").sort());
    expect(statusGroupOf("RESOLVED")).toBe("menunggu-warga");
    expect(statusGroupOf("CLOSED")).toBe("selesai");
    expect(statusGroupOf("SUBMITTED")).toBeNull();
  });
});

describe("the query", () => {
  it("keeps what parses and drops the rest", () => {
    const id = "0b8f9c7e-3f1a-4c2b-9d4e-5a6b7c8d9e0f";
    const query = parsePublicReportQuery(new URLSearchParams({ kecamatan: "19.71.01", unit: id.toUpperCase(), status: "selesai", bulan: "2026-12", bbox: "106.0,-2.2,106.2,-2.0" }));
    expect(query).toMatchObject({ kecamatanCode: "19.71.01", unitId: id, group: "selesai", month: "2026-12", bbox: { west: 106, south: -2.2, east: 106.2, north: -2 } });
    expect(publicReportFilterParams(query).toString()).toBe(`kecamatan=19.71.01&unit=${id}&status=selesai&bulan=2026-12`);
    const junk = parsePublicReportQuery(new URLSearchParams({ kecamatan: "';--", unit: "x", status: "constructor", bulan: "2026-13", setelah: "1.2", bbox: "1,2,3" }));
    expect(junk).toEqual({ kecamatanCode: null, unitId: null, group: null, month: null, after: null, bbox: null });
    expect(parsePublicReportQuery(new URLSearchParams({ bbox: "106.2,-2.0,106.0,-2.2" })).bbox).toBeNull();
  });

  it("round-trips the cursor and caps the export size", () => {
    const cursor = { submittedAt: new Date("2026-12-01T03:04:05.678Z"), id: "0b8f9c7e-3f1a-4c2b-9d4e-5a6b7c8d9e0f" };
    expect(decodePublicCursor(encodePublicCursor(cursor))).toEqual(cursor);
    expect(parseExportLimit(null)).toBe(500);
    expect(parseExportLimit("20")).toBe(20);
    expect(parseExportLimit("999999")).toBe(1000);
    expect(parseExportLimit("-1")).toBe(500);
  });

  it("a month is the month in Jakarta", () => {
    expect(monthRange("2026-01")).toEqual({ start: new Date("2025-12-31T17:00:00.000Z"), end: new Date("2026-01-31T17:00:00.000Z") });
  });
});

describe("rows out", () => {
  const row: PublicReportRow = {
    trackingCode: "LPK-AAAAA-BBBBBB",
    status: "IN_PROGRESS",
    group: "diproses",
    submittedAt: "2026-12-01T00:00:00.000Z",
    closedAt: null,
    summary: "=1+1 lampu mati",
    textHidden: false,
    productName: "Penerangan jalan",
    productNameEn: "Street lights",
    unitName: "Dinas Perhubungan",
    kelurahanName: "Semabung Lama",
    kecamatanName: "Bukit Intan",
    latitude: -2.131,
    longitude: 106.119,
    supportCount: 3,
  };

  it("summaries are cut at a word", () => {
    expect(summarize("satu dua  tiga\nempat", 9)).toBe("satu dua…");
    expect(summarize("pendek")).toBe("pendek");
    expect(summarize(null)).toBeNull();
  });

  it("CSV neutralises formulas; GeoJSON puts longitude first", () => {
    expect(publicReportsCsv([row])).toContain("'=1+1 lampu mati");
    const geo = publicReportsGeoJson([row, { ...row, trackingCode: "LPK-CCCCC-DDDDDD", latitude: null, longitude: null }], "https://lapor.example");
    expect(geo.features[0]!.geometry).toEqual({ type: "Point", coordinates: [106.119, -2.131] });
    expect(geo.features[1]!.geometry).toBeNull();
    expect(geo.features[0]!.properties.url).toBe("https://lapor.example/laporan-warga/LPK-AAAAA-BBBBBB");
  });
});
