import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ReportFilters } from "~/components/report-filters";
import { ReportKpis } from "~/components/report-parts";
import { OmbudsmanDeadlineList, OpenEscalations } from "~/components/reports/dashboard-alerts";
import { RiskTable } from "~/components/reports/risk-table";
import { ReportCorrelation, ReportMix, ReportTrend, ReportUnits } from "~/components/reports/dashboard-tables";
import { reportCoversUnit } from "~/domain/auth/permissions";
import { requireReportReader } from "~/domain/reports/report-reader.server";
import { loadDashboard, parseReportPeriod } from "~/domain/reports/dashboard.server";
import { loadReportLabels } from "~/models/report-labels.server";
import { listOmbudsmanDeadlines } from "~/domain/compliance/ombudsman-lists.server";
import { ombudsmanScopeFor } from "~/domain/compliance/ombudsman";
import { isUuid } from "~/models/inbox.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { formatMonth } from "~/services/format";
import { resolveLocale, useLocale, useT } from "~/services/i18n";
import { pageTitle } from "~/services/meta";

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "report.title", [{ name: "robots", content: "noindex" }]);

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const now = appNow();
  const { user, units, access } = await requireReportReader(db, request, now);
  const params = new URL(request.url).searchParams;
  const period = parseReportPeriod(params, now);
  const unitId = isUuid(params.get("unit")) ? params.get("unit") : null;
  // Ombudsman-facing deadlines sit beside the complaint escalations; their own access rule applies.
  const ombudsmanScope = ombudsmanScopeFor(user);
  const [dashboard, labels, ombudsmanDeadlines] = await Promise.all([
    loadDashboard(db, { access, period, unitId, risk: { now, ombudsmanScope } }),
    loadReportLabels(db, resolveLocale(request)),
    ombudsmanScope ? listOmbudsmanDeadlines(db, { now, scope: ombudsmanScope }) : null,
  ]);
  const visibleUnits = units.filter((u) => reportCoversUnit(access, u.id));
  // The assessments feed the unit rows and correlations already computed; the page does not list them.
  const { assessments: _listedOnTheReportCard, ...shown } = dashboard;
  return {
    dashboard: shown,
    ombudsmanDeadlines,
    cityWide: access.cityWide,
    adjusted: period.adjusted,
    filter: { from: period.from.slice(0, 7), to: period.to.slice(0, 7), unitId: unitId ?? "" },
    unitOptions: visibleUnits.map((u) => ({ id: u.id, name: u.name })),
    unitNames: Object.fromEntries(units.map((u) => [u.id, u.shortName])),
    labels,
    query: params.toString(),
  };
}

export default function ReportDashboard() {
  const t = useT();
  const locale = useLocale();
  const { dashboard, ombudsmanDeadlines, adjusted, filter, unitOptions, unitNames, labels, query, cityWide } = useLoaderData<typeof loader>();
  const { totals, trend, mix, units, correlation, risk, escalations } = dashboard;
  const formName = (code: string | null) => (code ? (labels.forms[code] ?? code) : t("report.form.none"));
  const drill = (extra: Record<string, string>) => `/staf/laporan/pengaduan?${new URLSearchParams({ dari: filter.from, sampai: filter.to, ...(filter.unitId ? { unit: filter.unitId } : {}), ...extra })}`;
  const exportHref = (format: string, kind: string) => `/staf/laporan/ekspor?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), format, jenis: kind })}`;
  return (
    <>
      <p>
        <Link to="/staf">{t("staff.back")}</Link>
      </p>
      <h1>{t("report.title")}</h1>
      <p className="lead">{t(cityWide ? "report.lead.city" : "report.lead.units")}</p>
      {adjusted ? (
        <p className="notice" role="status">
          {t("report.periodAdjusted")}
        </p>
      ) : null}
      {/* Risk first (issue #21): the ranking is what the liaison opens the page for; the period that
          its index and trend are read over is named in its heading and chosen just below. */}
      {risk ? <RiskTable risk={risk} filter={filter} unitNames={unitNames} labels={labels} period={{ from: formatMonth(dashboard.period.from, locale), to: formatMonth(dashboard.period.to, locale) }} /> : null}
      <ReportFilters filter={filter} unitOptions={unitOptions} />

      <h2>{t("report.summary", { from: formatMonth(dashboard.period.from, locale), to: formatMonth(dashboard.period.to, locale) })}</h2>
      <ReportKpis totals={totals} />
      <p className="actions">
        <a href={exportHref("csv", "unit")} className="button button--secondary">{t("report.export.csvUnits")}</a>
        <a href={exportHref("csv", "pengaduan")} className="button button--secondary">{t("report.export.csvComplaints")}</a>
        <a href={exportHref("pdf", "unit")} className="button button--secondary">{t("report.export.pdf")}</a>
      </p>

      <OmbudsmanDeadlineList ombudsmanDeadlines={ombudsmanDeadlines} />
      <OpenEscalations escalations={escalations} />
      <ReportTrend trend={trend} />
      <ReportMix mix={mix} formName={formName} drill={drill} componentNames={labels.components} />
      <ReportUnits units={units} unitNames={unitNames} filter={filter} drill={drill} order={risk?.units.map((u) => u.unitId)} />
      <ReportCorrelation correlation={correlation} unitNames={unitNames} />
    </>
  );
}
