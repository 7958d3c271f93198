import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TableScroll } from "~/components/table-scroll";
import { BarChart, HorizontalBars } from "~/components/charts";
import { ReportFilters } from "~/components/report-filters";
import { ReportKpis, WarningReasons } from "~/components/report-parts";
import { reportCoversUnit } from "~/domain/auth/permissions";
import { requireReportReader } from "~/domain/reports/report-reader.server";
import { COMPLAINT_HANDLING_COMPONENT } from "~/domain/compliance/component-mapping";
import { latestUnmetComponents } from "~/domain/compliance/component-findings.server";
import { ombudsmanScopeFor } from "~/domain/compliance/ombudsman";
import { DecisiveFinding } from "~/components/reports/decisive-finding";
import { loadDashboard, parseReportPeriod } from "~/domain/reports/dashboard.server";
import { isUuid } from "~/models/inbox.server";
import { loadReportLabels } from "~/models/report-labels.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { formatMonth, formatNumber, formatScore, formatShare, formatWorkingHours } from "~/services/format";
import { resolveLocale, useLocale, useT, type MessageKey } from "~/services/i18n";
import { pageTitle } from "~/services/meta";

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "report.card.title", [{ name: "robots", content: "noindex" }]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const now = appNow();
  const { user, units, access } = await requireReportReader(db, request, now);
  const unit = isUuid(params.id) ? units.find((u) => u.id === params.id) : undefined;
  if (!unit) throw new Response("Not Found", { status: 404 });
  if (!reportCoversUnit(access, unit.id)) throw new Response("Forbidden", { status: 403 });
  const period = parseReportPeriod(new URL(request.url).searchParams, now);
  const [dashboard, labels] = await Promise.all([loadDashboard(db, { access, period, unitId: unit.id, risk: { now, ombudsmanScope: ombudsmanScopeFor(user) } }), loadReportLabels(db, resolveLocale(request))]);
  return {
    unit: { id: unit.id, name: unit.name },
    filter: { from: period.from.slice(0, 7), to: period.to.slice(0, 7) },
    adjusted: period.adjusted,
    totals: dashboard.totals,
    trend: dashboard.trend,
    mix: dashboard.mix,
    warning: dashboard.warnings[0] ?? null,
    risk: dashboard.risk?.units.find((r) => r.unitId === unit.id) ?? null,
    assessments: dashboard.assessments,
    findings: await latestUnmetComponents(db, unit.id),
    labels,
  };
}

export default function UnitReportCard() {
  const t = useT();
  const locale = useLocale();
  const { unit, filter, adjusted, totals, trend, mix, warning, risk, assessments, findings, labels } = useLoaderData<typeof loader>();
  const exportQuery = new URLSearchParams({ dari: filter.from, sampai: filter.to, unit: unit.id });
  const fixList = [...new Set([...(totals.indexComponents.some((c) => c.score !== null && c.score < 80) ? [COMPLAINT_HANDLING_COMPONENT] : []), ...mix.flatMap((m) => m.components)])];
  return (
    <>
      <p>
        <Link to={`/staf/laporan?dari=${filter.from}&sampai=${filter.to}`}>{t("report.card.back")}</Link>
      </p>
      <h1>{t("report.card.heading", { unit: unit.name })}</h1>
      {adjusted ? (
        <p className="notice" role="status">
          {t("report.periodAdjusted")}
        </p>
      ) : null}
      <DecisiveFinding risk={risk} findings={findings} fixList={fixList} unitId={unit.id} filter={filter} labels={labels} />
      <ReportFilters filter={filter} />
      <h2>{t("report.summary", { from: formatMonth(trend[0]?.month ?? "", locale), to: formatMonth(trend[trend.length - 1]?.month ?? "", locale) })}</h2>
      <ReportKpis totals={totals} />
      <p className="actions">
        <a href={`/staf/laporan/ekspor?${exportQuery}&format=pdf&jenis=unit`} className="button button--secondary">{t("report.export.pdf")}</a>
        <a href={`/staf/laporan/ekspor?${exportQuery}&format=csv&jenis=pengaduan`} className="button button--secondary">{t("report.export.csvComplaints")}</a>
      </p>

      {warning ? (
        <section className={`card zone--${warning.projected.zone}`} aria-labelledby="card-warning">
          <h2 id="card-warning">{t("report.warnings.title")}</h2>
          <WarningReasons reasons={warning.reasons} components={warning.components} labels={labels} />
        </section>
      ) : null}

      <h2 id="index">{t("report.card.indexTitle")}</h2>
      <TableScroll label={t("report.card.indexTitle")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("report.card.component")}</th>
              <th scope="col">{t("report.card.weight")}</th>
              <th scope="col">{t("report.card.score")}</th>
            </tr>
          </thead>
          <tbody>
            {totals.indexComponents.map((c) => (
              <tr key={c.key}>
                <th scope="row">{t(`report.index.${c.key}` as MessageKey)}</th>
                <td className="num">{c.weight}</td>
                <td className="num">{c.score === null ? t("report.card.tooFew") : formatNumber(c.score, locale, 1)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("report.kpi.index")}</th>
              <td className="num">100</td>
              <td className="num">{totals.handlingIndex === null ? t("report.card.tooFew") : formatNumber(totals.handlingIndex, locale, 1)}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>

      <h2>{t("report.card.slaTitle")}</h2>
      <dl className="summary">
        <dt>{t("report.stage.VERIFICATION")}</dt>
        <dd>{formatShare(totals.sla.verification.value, locale)} ({totals.sla.verification.part}/{totals.sla.verification.whole})</dd>
        <dt>{t("report.stage.FIRST_RESPONSE")}</dt>
        <dd>{formatShare(totals.sla.firstResponse.value, locale)} ({totals.sla.firstResponse.part}/{totals.sla.firstResponse.whole})</dd>
        <dt>{t("report.stage.RESOLUTION")}</dt>
        <dd>{formatShare(totals.sla.resolution.value, locale)} ({totals.sla.resolution.part}/{totals.sla.resolution.whole})</dd>
        <dt>{t("report.col.medianFirst")}</dt>
        <dd>{formatWorkingHours(totals.durations.firstResponseMedian, locale)} / p90 {formatWorkingHours(totals.durations.firstResponseP90, locale)}</dd>
        <dt>{t("report.col.medianResolution")}</dt>
        <dd>{formatWorkingHours(totals.durations.resolutionMedian, locale)} / p90 {formatWorkingHours(totals.durations.resolutionP90, locale)}</dd>
        <dt>{t("report.col.reopen")}</dt>
        <dd>{formatShare(totals.reopenRate.value, locale)}</dd>
        <dt>{t("report.col.appeal")}</dt>
        <dd>{formatShare(totals.appealRate.value, locale)}</dd>
        <dt>{t("report.col.escalation")}</dt>
        <dd>{formatShare(totals.escalationRate.value, locale)}</dd>
      </dl>

      <h2>{t("report.trend.title")}</h2>
      <BarChart title={t("report.trend.title")} description={t("report.trend.description")} data={trend.map((m) => ({ label: m.month, value: m.volume }))} />

      <h2>{t("report.card.fixTitle")}</h2>
      <p>{t("report.card.fixLead")}</p>
      <HorizontalBars title={t("report.mix.title")} description={t("report.mix.description")} data={mix.map((m) => ({ label: m.code ? (labels.forms[m.code] ?? m.code) : t("report.form.none"), value: m.count }))} />
      {fixList.length > 0 ? (
        <ul>
          {fixList.map((n) => (
            <li key={n}>{labels.components[n] ?? n}</li>
          ))}
        </ul>
      ) : (
        <p>{t("report.card.fixNone")}</p>
      )}

      {findings ? (
        <section aria-labelledby="findings-title" data-testid="component-findings">
          <h2 id="findings-title">{t("report.card.findingsTitle", { year: findings.year })}</h2>
          {findings.components.length === 0 ? (
            <p>{t("report.card.findingsAllMet")}</p>
          ) : (
            <>
              <p>{t("report.card.findingsLead")}</p>
              <ul>
                {findings.components.map((n) => (
                  <li key={n} data-testid="unmet-component" data-component={n} data-complained={fixList.includes(n) ? "yes" : "no"}>
                    {labels.components[n] ?? n}
                    {fixList.includes(n) ? <strong> · {t("report.card.findingsAlsoComplained")}</strong> : null}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : (
        <p>{t("report.card.findingsNone")}</p>
      )}

      <h2 id="assessments">{t("report.card.assessmentsTitle")}</h2>
      {assessments.length === 0 ? (
        <p>{t("report.card.noAssessments")}</p>
      ) : (
        <TableScroll label={t("report.card.assessmentsTitle")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("report.col.year")}</th>
                <th scope="col">{t("report.col.method")}</th>
                <th scope="col">{t("report.tie.score")}</th>
                <th scope="col">{t("report.col.band")}</th>
                <th scope="col">{t("report.col.complaintDimension")}</th>
                <th scope="col">{t("report.col.source")}</th>
              </tr>
            </thead>
            <tbody>
              {assessments.map((a) => (
                <tr key={`${a.year}-${a.method}`}>
                  <th scope="row">{a.year}</th>
                  <td>{t(`report.method.${a.method}` as MessageKey)}</td>
                  <td className="num">{a.totalScore === null ? "–" : formatScore(a.totalScore, locale)}</td>
                  <td className={a.zone ? `zone--${a.zone}` : undefined}>{[a.grade, a.zone ? t(`report.zone.${a.zone}` as MessageKey) : null, a.opinionLabel].filter(Boolean).join(" · ") || "–"}</td>
                  <td className="num">{a.complaintDimension === null ? "–" : formatScore(a.complaintDimension, locale)}</td>
                  <td>{a.source}{a.confirmed ? "" : ` (${t("report.unconfirmed")})`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
