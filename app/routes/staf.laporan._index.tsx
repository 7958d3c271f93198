import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TableScroll } from "~/components/table-scroll";
import { BarChart, HorizontalBars, RateLines, Scatter } from "~/components/charts";
import { ReportFilters } from "~/components/report-filters";
import { ReportKpis, ShareCell, WarningReasons } from "~/components/report-parts";
import { reportCoversUnit } from "~/domain/auth/permissions";
import { requireReportReader } from "~/domain/reports/report-reader.server";
import { loadDashboard, parseReportPeriod } from "~/domain/reports/dashboard.server";
import { loadReportLabels } from "~/models/report-labels.server";
import { listOmbudsmanDeadlines } from "~/models/ombudsman.server";
import { ombudsmanScopeFor } from "~/domain/compliance/ombudsman";
import { DueBadge } from "~/components/ombudsman-due-badge";
import { isUuid } from "~/models/inbox.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { formatMonth, formatNumber, formatScore, formatShare, formatWib, formatWorkingHours } from "~/services/format";
import { resolveLocale, useLocale, useT, type MessageKey } from "~/services/i18n";
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
    loadDashboard(db, { access, period, unitId }),
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
  const { totals, trend, mix, units, correlation, warnings, escalations } = dashboard;
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
      <ReportFilters filter={filter} unitOptions={unitOptions} />

      <h2>{t("report.summary", { from: formatMonth(dashboard.period.from, locale), to: formatMonth(dashboard.period.to, locale) })}</h2>
      <ReportKpis totals={totals} />
      <p className="actions">
        <a href={exportHref("csv", "unit")} className="button button--secondary">{t("report.export.csvUnits")}</a>
        <a href={exportHref("csv", "pengaduan")} className="button button--secondary">{t("report.export.csvComplaints")}</a>
        <a href={exportHref("pdf", "unit")} className="button button--secondary">{t("report.export.pdf")}</a>
      </p>

      <h2 id="warnings">{t("report.warnings.title")}</h2>
      <p>{t("report.warnings.lead")}</p>
      {warnings.length === 0 ? (
        <p>{t("report.warnings.none")}</p>
      ) : (
        <ol className="warning-list">
          {warnings.map((warning) => (
            <li key={warning.unitId} className={`zone--${warning.projected.zone}`}>
              <Link to={`/staf/laporan/unit/${warning.unitId}?dari=${filter.from}&sampai=${filter.to}`}>{unitNames[warning.unitId] ?? warning.unitId}</Link>
              {" — "}
              {t("report.warnings.index", { index: formatNumber(warning.index, locale, 1), band: warning.projected.grade ?? t(`report.zone.${warning.projected.zone}` as MessageKey) })}
              <WarningReasons reasons={warning.reasons} components={warning.components} labels={labels} />
            </li>
          ))}
        </ol>
      )}

      {ombudsmanDeadlines ? (
        <>
          <h2>{t("report.ombudsman.title")}</h2>
          {ombudsmanDeadlines.length === 0 ? (
            <p>{t("report.ombudsman.none")}</p>
          ) : (
            <ul data-testid="ombudsman-deadlines">
              {ombudsmanDeadlines.map((matter) => (
                <li key={matter.id}>
                  <Link to={`/staf/ombudsman/${matter.id}`}>{`${t(`ombudsman.kind.${matter.kind}` as MessageKey)} ${matter.reference}`}</Link>
                  {` — ${matter.unitName} — `}
                  <DueBadge status="OPEN" daysLeft={matter.daysLeft} overdue={matter.overdue} />
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to="/staf/ombudsman">{t("report.ombudsman.all")}</Link>
          </p>
        </>
      ) : null}

      <h2>{t("report.escalations.title")}</h2>
      {escalations.length === 0 ? (
        <p>{t("report.escalations.none")}</p>
      ) : (
        <TableScroll label={t("report.escalations.title")}>
          <table>
            <caption className="visually-hidden">{t("report.escalations.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("report.col.code")}</th>
                <th scope="col">{t("report.col.unit")}</th>
                <th scope="col">{t("report.col.stage")}</th>
                <th scope="col">{t("report.col.level")}</th>
                <th scope="col">{t("report.col.escalatedAt")}</th>
                <th scope="col">{t("report.col.levelDue")}</th>
              </tr>
            </thead>
            <tbody>
              {escalations.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <Link to={`/staf/pengaduan/${e.complaint.id}`}>{e.complaint.trackingCode}</Link>
                  </th>
                  <td>{e.complaint.unit?.shortName ?? "–"}</td>
                  <td>{t(`report.stage.${e.stage}` as MessageKey)}</td>
                  <td className="num">{t("report.level", { level: e.level, role: t(`staff.role.${e.targetRole}` as MessageKey) })}</td>
                  <td>{formatWib(String(e.escalatedAt), locale)}</td>
                  <td>{e.dueAt ? formatWib(String(e.dueAt), locale) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <h2>{t("report.trend.title")}</h2>
      <BarChart
        title={t("report.trend.title")}
        description={t("report.trend.description")}
        data={trend.map((m) => ({ label: formatMonth(m.month, locale), value: m.volume }))}
      />
      <RateLines
        title={t("report.sla.title")}
        description={t("report.sla.description")}
        labels={trend.map((m) => formatMonth(m.month, locale))}
        series={[
          { name: t("report.kpi.firstResponse"), values: trend.map((m) => m.firstResponse) },
          { name: t("report.kpi.resolution"), values: trend.map((m) => m.resolution) },
        ]}
      />
      <details>
        <summary>{t("report.trend.table")}</summary>
        <TableScroll label={t("report.trend.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("report.col.month")}</th>
                <th scope="col">{t("report.kpi.volume")}</th>
                <th scope="col">{t("report.kpi.firstResponse")}</th>
                <th scope="col">{t("report.kpi.resolution")}</th>
              </tr>
            </thead>
            <tbody>
              {trend.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{formatMonth(m.month, locale)}</th>
                  <td className="num">{formatNumber(m.volume, locale)}</td>
                  <td className="num">{formatShare(m.firstResponse, locale)}</td>
                  <td className="num">{formatShare(m.resolution, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>

      <h2>{t("report.mix.title")}</h2>
      <HorizontalBars title={t("report.mix.title")} description={t("report.mix.description")} data={mix.map((m) => ({ label: formName(m.code), value: m.count }))} />
      <TableScroll label={t("report.mix.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("report.col.form")}</th>
              <th scope="col">{t("report.kpi.volume")}</th>
              <th scope="col">{t("report.col.components")}</th>
            </tr>
          </thead>
          <tbody>
            {mix.map((m) => (
              <tr key={m.code ?? "none"}>
                <th scope="row">{m.code ? <Link to={drill({ bentuk: m.code })}>{formName(m.code)}</Link> : formName(m.code)}</th>
                <td className="num">{formatNumber(m.count, locale)}</td>
                <td>{m.components.map((n) => labels.components[n] ?? n).join("; ") || "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2>{t("report.units.title")}</h2>
      <TableScroll label={t("report.units.title")}>
        <table>
          <caption className="visually-hidden">{t("report.units.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("report.col.unit")}</th>
              <th scope="col">{t("report.kpi.volume")}</th>
              <th scope="col">{t("report.kpi.firstResponse")}</th>
              <th scope="col">{t("report.kpi.resolution")}</th>
              <th scope="col">{t("report.col.medianFirst")}</th>
              <th scope="col">{t("report.col.p90Resolution")}</th>
              <th scope="col">{t("report.col.reopen")}</th>
              <th scope="col">{t("report.col.escalation")}</th>
              <th scope="col">{t("report.kpi.index")}</th>
              <th scope="col">{t("report.col.lastScore")}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.unitId}>
                <th scope="row">
                  <Link to={`/staf/laporan/unit/${u.unitId}?dari=${filter.from}&sampai=${filter.to}`}>{unitNames[u.unitId] ?? u.unitId}</Link>
                </th>
                <td className="num">{formatNumber(u.metrics.volume, locale)}</td>
                <ShareCell rate={u.metrics.sla.firstResponse} href={drill({ unit: u.unitId, tahap: "firstResponse", hasil: "missed" })} />
                <ShareCell rate={u.metrics.sla.resolution} href={drill({ unit: u.unitId, tahap: "resolution", hasil: "missed" })} />
                <td className="num">{formatWorkingHours(u.metrics.durations.firstResponseMedian, locale)}</td>
                <td className="num">{formatWorkingHours(u.metrics.durations.resolutionP90, locale)}</td>
                <td className="num">{formatShare(u.metrics.reopenRate.value, locale)}</td>
                <td className="num">{formatShare(u.metrics.escalationRate.value, locale)}</td>
                <td className="num">{u.metrics.handlingIndex === null ? "–" : formatNumber(u.metrics.handlingIndex, locale, 1)}</td>
                <td className={u.last?.zone ? `zone--${u.last.zone}` : undefined}>
                  {u.last ? `${u.last.year}: ${u.last.totalScore === null ? "–" : formatScore(u.last.totalScore, locale)} ${u.last.grade ?? (u.last.zone ? t(`report.zone.${u.last.zone}` as MessageKey) : "")}` : "–"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="field__hint">{t("report.units.hint")}</p>

      <h2>{t("report.tie.title")}</h2>
      <p>{t("report.tie.lead")}</p>
      <Scatter
        title={t("report.tie.scatter")}
        description={t("report.tie.scatterDescription", { n: correlation.indexVsTotal.n })}
        xLabel={t("report.kpi.index")}
        yLabel={t("report.tie.score")}
        points={correlation.indexVsTotal.points.map((p) => ({ label: unitNames[p.unitId] ?? p.unitId, x: p.x, y: p.y }))}
      />
      <dl className="summary">
        <dt>{t("report.tie.rTotal")}</dt>
        <dd>{correlationText(correlation.indexVsTotal, t, locale)}</dd>
        <dt>{t("report.tie.rDimension")}</dt>
        <dd>{correlationText(correlation.indexVsComplaintDimension, t, locale)}</dd>
        <dt>{t("report.tie.rYears")}</dt>
        <dd>{correlationText(correlation.acrossYears, t, locale)}</dd>
      </dl>
      <p className="field__hint">{t("report.tie.method")}</p>
    </>
  );
}

function correlationText(c: { r: number | null; n: number }, t: ReturnType<typeof useT>, locale: ReturnType<typeof useLocale>) {
  return c.r === null ? t("report.tie.notEnough", { n: c.n }) : t("report.tie.r", { r: formatNumber(c.r, locale, 2), n: c.n });
}
