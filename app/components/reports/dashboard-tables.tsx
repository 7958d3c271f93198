import { Link } from "@remix-run/react";
import { BarChart, HorizontalBars, RateLines, Scatter } from "~/components/charts";
import { ShareCell } from "~/components/report-parts";
import { TableScroll } from "~/components/table-scroll";
import type { Dashboard } from "~/domain/reports/dashboard.server";
import { formatMonth, formatNumber, formatScore, formatShare, formatWorkingHours } from "~/services/format";
import { useLocale, useT, type MessageKey } from "~/services/i18n";

/** Volume and on-time rates by month, as charts with the table beside them. */
export function ReportTrend({ trend }: { trend: Dashboard["trend"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h2>{t("report.trend.title")}</h2>
      <BarChart
        title={t("report.trend.title")}
        description={t("report.trend.description")}
        data={trend.map((m) => ({ label: m.month, value: m.volume }))}
      />
      <RateLines
        title={t("report.sla.title")}
        description={t("report.sla.description")}
        months={trend.map((m) => m.month)}
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
    </>
  );
}

/** The mix by form of maladministration, each form linking to its complaints and naming the standard components it points at. */
export function ReportMix({ mix, formName, drill, componentNames }: { mix: Dashboard["mix"]; formName: (code: string | null) => string; drill: (extra: Record<string, string>) => string; componentNames: Record<number, string> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
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
                <td>{m.components.map((n) => componentNames[n] ?? n).join("; ") || "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

/** One row per unit: the rates that decide, each linking to the complaints behind it. */
export function ReportUnits({ units: given, unitNames, filter, drill, order }: { units: Dashboard["units"]; unitNames: Record<string, string>; filter: { from: string; to: string; unitId: string }; drill: (extra: Record<string, string>) => string; order?: string[] }) {
  const t = useT();
  const locale = useLocale();
  // In the risk ranking's order, so the two tables read the same way down.
  const rank = new Map((order ?? []).map((id, i) => [id, i]));
  const units = [...given].sort((a, b) => (rank.get(a.unitId) ?? rank.size) - (rank.get(b.unitId) ?? rank.size));
  return (
    <>
      <h2>{t("report.units.title")}</h2>
      <TableScroll label={t("report.units.title")}>
        <table>
          <caption className="visually-hidden">{t("report.units.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("report.col.unit")}</th>
              <th scope="col">{t("report.kpi.index")}</th>
              <th scope="col">{t("report.col.lastScore")}</th>
              <th scope="col">{t("report.kpi.volume")}</th>
              <th scope="col">{t("report.kpi.firstResponse")}</th>
              <th scope="col">{t("report.kpi.resolution")}</th>
              <th scope="col">{t("report.col.medianFirst")}</th>
              <th scope="col">{t("report.col.p90Resolution")}</th>
              <th scope="col">{t("report.col.reopen")}</th>
              <th scope="col">{t("report.col.escalation")}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.unitId}>
                <th scope="row">
                  <Link to={`/staf/laporan/unit/${u.unitId}?dari=${filter.from}&sampai=${filter.to}`}>{unitNames[u.unitId] ?? u.unitId}</Link>
                </th>
                <td className="num">
                  {u.metrics.handlingIndex === null ? "–" : formatNumber(u.metrics.handlingIndex, locale, 1)}
                  <span className="report-n"> ({t("report.n", { n: u.metrics.handled })})</span>
                </td>
                <td className={u.last?.zone ? `zone--${u.last.zone}` : undefined}>
                  {u.last ? `${u.last.year}: ${u.last.totalScore === null ? "–" : formatScore(u.last.totalScore, locale)} ${u.last.grade ?? (u.last.zone ? t(`report.zone.${u.last.zone}` as MessageKey) : "")}` : "–"}
                </td>
                <td className="num">{formatNumber(u.metrics.volume, locale)}</td>
                <ShareCell rate={u.metrics.sla.firstResponse} href={drill({ unit: u.unitId, tahap: "firstResponse", hasil: "missed" })} />
                <ShareCell rate={u.metrics.sla.resolution} href={drill({ unit: u.unitId, tahap: "resolution", hasil: "missed" })} />
                <td className="num">{formatWorkingHours(u.metrics.durations.firstResponseMedian, locale)}</td>
                <td className="num">{formatWorkingHours(u.metrics.durations.resolutionP90, locale)}</td>
                <ShareCell rate={u.metrics.reopenRate} />
                <ShareCell rate={u.metrics.escalationRate} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="field__hint">{t("report.units.hint")}</p>
    </>
  );
}

/** The complaint-handling index beside the Ombudsman scores, across units and years. */
export function ReportCorrelation({ correlation, unitNames }: { correlation: Dashboard["correlation"]; unitNames: Record<string, string> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
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
