// Resource route: the report as CSV or PDF for the period and unit in the query string.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "~/services/zod.server";
import { reportCoversUnit } from "~/domain/auth/permissions";
import { ombudsmanScopeFor } from "~/domain/compliance/ombudsman";
import { requireReportReader } from "~/domain/reports/report-reader.server";
import { parseReportPeriod } from "~/domain/reports/dashboard.server";
import { exportReport } from "~/domain/reports/export.server";
import { isUuid } from "~/models/inbox.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { resolveLocale } from "~/services/i18n";

const exportQuerySchema = () => z.object({
  format: z.enum(["csv", "pdf"]).catch("csv"),
  jenis: z.enum(["unit", "pengaduan"]).catch("unit"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const now = appNow();
  const { user, units, access } = await requireReportReader(db, request, now);
  const params = new URL(request.url).searchParams;
  const { format, jenis } = exportQuerySchema().parse({ format: params.get("format") ?? undefined, jenis: params.get("jenis") ?? undefined });
  const unitId = isUuid(params.get("unit")) ? params.get("unit") : null;
  if (unitId && !reportCoversUnit(access, unitId)) throw new Response("Forbidden", { status: 403 });
  const file = await exportReport(db, {
    access,
    period: parseReportPeriod(params, now),
    unitId,
    kind: jenis,
    // Complaint rows are a table: CSV only.
    format: jenis === "pengaduan" ? "csv" : format,
    locale: resolveLocale(request),
    actorUserId: user.id,
    actor: { name: user.name, roles: user.memberships.map((m) => m.role) },
    // The same access rule as the page's Ombudsman section.
    ombudsmanScope: ombudsmanScopeFor(user),
    now,
    units,
  });
  return new Response(typeof file.body === "string" ? file.body : Buffer.from(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
