import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TableScroll } from "~/components/table-scroll";
import { z } from "~/services/zod.server";
import { reportUnitIds } from "~/domain/auth/permissions";
import { requireReportReader } from "~/domain/reports/report-reader.server";
import { parseReportPeriod } from "~/domain/reports/dashboard.server";
import { isUuid } from "~/models/inbox.server";
import { listFactComplaints } from "~/models/report-queries.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { formatMonth, formatWib } from "~/services/format";
import { useLocale, useT, type MessageKey } from "~/services/i18n";
import { pageTitle } from "~/services/meta";

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "report.drill.title", [{ name: "robots", content: "noindex" }]);

/** The drill-down shows at most this many complaints; the CSV export has them all. */
const DRILL_LIMIT = 200;

const drillQuerySchema = () => z.object({
  bentuk: z.string().regex(/^[A-Z_]{2,40}$/).optional().catch(undefined),
  tahap: z.enum(["verification", "firstResponse", "resolution"]).optional().catch(undefined),
  hasil: z.enum(["met", "missed"]).optional().catch(undefined),
  eskalasi: z.literal("1").optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const now = appNow();
  const { units, access } = await requireReportReader(db, request, now);
  const params = new URL(request.url).searchParams;
  const period = parseReportPeriod(params, now);
  const query = drillQuerySchema().parse(Object.fromEntries(params));
  const unitId = isUuid(params.get("unit")) ? params.get("unit")! : null;
  const unitIds = reportUnitIds(access, unitId);
  const rows = await listFactComplaints(
    db,
    { ...period, unitIds },
    { form: query.bentuk ?? null, outcome: query.tahap && query.hasil ? { stage: query.tahap, value: query.hasil } : null, escalated: query.eskalasi === "1" },
    DRILL_LIMIT,
  );
  const names = new Map(units.map((u) => [u.id, u.shortName]));
  return {
    period: { from: period.from, to: period.to },
    filter: query,
    unitName: unitId ? (names.get(unitId) ?? null) : null,
    rows: rows.map((r) => ({ ...r, unitName: r.unitId ? (names.get(r.unitId) ?? "") : "" })),
    limit: DRILL_LIMIT,
    backHref: `/staf/laporan?dari=${period.from.slice(0, 7)}&sampai=${period.to.slice(0, 7)}`,
  };
}

export default function ReportDrillDown() {
  const t = useT();
  const locale = useLocale();
  const { period, filter, unitName, rows, limit, backHref } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={backHref}>{t("report.card.back")}</Link>
      </p>
      <h1>{t("report.drill.title")}</h1>
      <p className="lead">
        {t("report.summary", { from: formatMonth(period.from, locale), to: formatMonth(period.to, locale) })}
        {unitName ? ` · ${unitName}` : ""}
        {filter.bentuk ? ` · ${filter.bentuk}` : ""}
        {filter.tahap && filter.hasil ? ` · ${t(`report.drill.${filter.tahap}.${filter.hasil}` as MessageKey)}` : ""}
      </p>
      {rows.length === 0 ? (
        <p>{t("report.drill.none")}</p>
      ) : (
        <TableScroll label={t("report.drill.title")}>
          <table>
            <caption className="visually-hidden">{t("report.drill.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("report.col.code")}</th>
                <th scope="col">{t("report.col.unit")}</th>
                <th scope="col">{t("report.col.status")}</th>
                <th scope="col">{t("report.col.submittedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.complaintId}>
                  <th scope="row">
                    <Link to={`/staf/pengaduan/${row.complaintId}`}>{row.trackingCode}</Link>
                  </th>
                  <td>{row.unitName || "–"}</td>
                  <td>{t(`status.${row.status}` as MessageKey)}</td>
                  <td>{formatWib(String(row.submittedAt), locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {rows.length === limit ? <p className="field__hint">{t("report.drill.limited", { n: limit })}</p> : null}
    </>
  );
}
