// The public list as files for journalists and the national system: CSV (the report exports' CSV
// rules: BOM, CRLF, formula guard) and a GeoJSON FeatureCollection (RFC 7946: [longitude, latitude],
// WGS 84, a report without a published pin has a null geometry). Both carry only a PublicReportRow,
// which the publication rule built. Pure.
import { toCsv } from "~/domain/reports/csv";
import type { PublicReportRow } from "./public-reports.server";

export const CSV_HEADER = [
  "code",
  "submitted_at",
  "closed_at",
  "status",
  "status_group",
  "unit",
  "product",
  "kecamatan",
  "kelurahan",
  "latitude",
  "longitude",
  "support_count",
  "text_hidden",
  "summary",
] as const;

export function publicReportsCsv(rows: readonly PublicReportRow[]): string {
  return toCsv(
    CSV_HEADER,
    rows.map((row) => [
      row.trackingCode,
      row.submittedAt,
      row.closedAt,
      row.status,
      row.group,
      row.unitName,
      row.productName,
      row.kecamatanName,
      row.kelurahanName,
      row.latitude,
      row.longitude,
      row.supportCount,
      row.textHidden,
      row.summary,
    ]),
  );
}

export function publicReportsGeoJson(rows: readonly PublicReportRow[], baseUrl: string) {
  return {
    type: "FeatureCollection" as const,
    features: rows.map((row) => ({
      type: "Feature" as const,
      id: row.trackingCode,
      geometry: row.latitude !== null && row.longitude !== null ? { type: "Point" as const, coordinates: [row.longitude, row.latitude] } : null,
      properties: {
        code: row.trackingCode,
        url: `${baseUrl}/laporan-warga/${row.trackingCode}`,
        submitted_at: row.submittedAt,
        closed_at: row.closedAt,
        status: row.status,
        status_group: row.group,
        unit: row.unitName,
        product: row.productName,
        kecamatan: row.kecamatanName,
        kelurahan: row.kelurahanName,
        support_count: row.supportCount,
        text_hidden: row.textHidden,
        summary: row.summary,
      },
    })),
  };
}

/** Public data, the same for everyone: a minute in shared caches; the next page linked (RFC 8288). */
export function exportHeaders(url: URL, next: string | null): Record<string, string> {
  const headers: Record<string, string> = { "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" };
  if (next) {
    const nextUrl = new URL(url);
    nextUrl.searchParams.set("setelah", next);
    headers.Link = `<${nextUrl.pathname}${nextUrl.search}>; rel="next"`;
  }
  return headers;
}
