import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportHeaders, publicReportsCsv } from "~/domain/public-reports/export";
import { listPublicReportsForExport } from "~/domain/public-reports/public-reports.server";
import { parseExportLimit, parsePublicReportQuery } from "~/domain/public-reports/query.server";
import { getDb } from "~/services/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = parsePublicReportQuery(url.searchParams);
  const page = await listPublicReportsForExport(getDb(), query, parseExportLimit(url.searchParams.get("batas")));
  return new Response(publicReportsCsv(page.items), {
    headers: { ...exportHeaders(url, page.next), "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="laporan-warga.csv"' },
  });
}
