import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportHeaders, publicReportsGeoJson } from "~/domain/public-reports/export";
import { listPublicPoints, listPublicReportsForExport } from "~/domain/public-reports/public-reports.server";
import { parseExportLimit, parsePublicReportQuery } from "~/domain/public-reports/query.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = parsePublicReportQuery(url.searchParams);
  const db = getDb();
  const type = { "Content-Type": "application/geo+json; charset=utf-8" };
  // ?titik=1: the public map's pins (code and point only, the visible box with &bbox=).
  if (url.searchParams.get("titik") === "1") {
    const { points, truncated } = await listPublicPoints(db, query);
    const features = points.map((p) => ({ type: "Feature", id: p.code, geometry: { type: "Point", coordinates: [p.longitude, p.latitude] }, properties: { code: p.code, status_group: p.group } }));
    return new Response(JSON.stringify({ type: "FeatureCollection", features, truncated }), { headers: { ...exportHeaders(url, null), ...type } });
  }
  const page = await listPublicReportsForExport(db, query, parseExportLimit(url.searchParams.get("batas")));
  return new Response(JSON.stringify(publicReportsGeoJson(page.items, getEnv().PUBLIC_BASE_URL.replace(/\/$/, ""))), {
    headers: { ...exportHeaders(url, page.next), ...type, "Content-Disposition": 'attachment; filename="laporan-warga.geojson"' },
  });
}
