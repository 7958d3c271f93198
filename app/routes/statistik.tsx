import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TableScroll } from "~/components/table-scroll";
import { ReportFilters } from "~/components/report-filters";
import { parseReportPeriod } from "~/domain/reports/dashboard.server";
import { SMALL_COUNT_THRESHOLD } from "~/domain/reports/disclosure";
import { loadPublicStatistics, type PublicCount } from "~/domain/reports/public-statistics.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { formatMonth, formatNumber, formatShare, formatWorkingHours } from "~/services/format";
import { useLocale, useT } from "~/services/i18n";
import { pageTitle } from "~/services/meta";

// Aggregates only, the same for every visitor: a shared cache may keep them a few minutes.
export const headers: HeadersFunction = () => ({ "Cache-Control": "public, max-age=300" });

export const meta: MetaFunction = (args) => pageTitle(args, "stats.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const period = parseReportPeriod(new URL(request.url).searchParams, appNow());
  const [statistics, units] = await Promise.all([
    loadPublicStatistics(db, period),
    db.serviceUnit.findMany({ select: { id: true, name: true } }),
  ]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  return {
    ...statistics,
    units: statistics.units.map((u) => ({ ...u, name: names.get(u.unitId) ?? "" })).sort((a, b) => a.name.localeCompare(b.name, "id")),
    filter: { from: period.from.slice(0, 7), to: period.to.slice(0, 7) },
    adjusted: period.adjusted,
  };
}

export default function PublicStatistics() {
  const t = useT();
  const locale = useLocale();
  const { city, units, period, filter, adjusted } = useLoaderData<typeof loader>();
  const count = (c: PublicCount) => (c.suppressed ? t("stats.suppressed", { n: SMALL_COUNT_THRESHOLD }) : formatNumber(c.value, locale));
  return (
    <>
      <h1>{t("stats.title")}</h1>
      <p className="lead">{t("stats.lead")}</p>
      {adjusted ? (
        <p className="notice" role="status">
          {t("report.periodAdjusted")}
        </p>
      ) : null}
      <ReportFilters filter={filter} />
      <h2>{t("report.summary", { from: formatMonth(period.from, locale), to: formatMonth(period.to, locale) })}</h2>
      <dl className="summary">
        <dt>{t("report.kpi.volume")}</dt>
        <dd>{count(city.complaints)}</dd>
        <dt>{t("stats.closedShare")}</dt>
        <dd>{formatShare(city.closedShare, locale)}</dd>
        <dt>{t("report.kpi.firstResponse")}</dt>
        <dd>{formatShare(city.firstResponseMet, locale)}</dd>
        <dt>{t("report.kpi.resolution")}</dt>
        <dd>{formatShare(city.resolutionMet, locale)}</dd>
        <dt>{t("stats.medianResolution")}</dt>
        <dd>{formatWorkingHours(city.medianResolutionMinutes, locale)}</dd>
      </dl>
      <h2>{t("stats.perUnit")}</h2>
      {units.length === 0 ? (
        <p>{t("stats.none")}</p>
      ) : (
        <TableScroll label={t("stats.perUnit")}>
          <table>
            <caption className="visually-hidden">{t("stats.perUnit")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("report.col.unit")}</th>
                <th scope="col">{t("report.kpi.volume")}</th>
                <th scope="col">{t("stats.closedShare")}</th>
                <th scope="col">{t("report.kpi.firstResponse")}</th>
                <th scope="col">{t("report.kpi.resolution")}</th>
                <th scope="col">{t("stats.medianResolution")}</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.unitId}>
                  <th scope="row">{u.name}</th>
                  <td className="num">{count(u.complaints)}</td>
                  <td className="num">{formatShare(u.closedShare, locale)}</td>
                  <td className="num">{formatShare(u.firstResponseMet, locale)}</td>
                  <td className="num">{formatShare(u.resolutionMet, locale)}</td>
                  <td className="num">{formatWorkingHours(u.medianResolutionMinutes, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p className="field__hint">{t("stats.method", { n: SMALL_COUNT_THRESHOLD })}</p>
    </>
  );
}
