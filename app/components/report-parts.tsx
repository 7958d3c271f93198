// Pieces the report pages share: the period/unit filter, a rate cell that links to the complaints
// behind it, and the early-warning reasons in words.
import { Form, Link } from "@remix-run/react";
import type { ComplaintMetrics, Rate, WarningReason } from "~/domain/reports/metrics";
import { formatNumber, formatShare, formatWorkingHours } from "~/services/format";
import { useLocale, useT, type MessageKey } from "~/services/i18n";

export function ReportFilters({ filter, unitOptions, action }: { filter: { from: string; to: string; unitId?: string }; unitOptions?: { id: string; name: string }[]; action?: string }) {
  const t = useT();
  return (
    <Form method="get" action={action} className="report-filters" aria-labelledby="report-filters-title">
      <h2 id="report-filters-title">{t("report.filters")}</h2>
      <div className="field">
        <label htmlFor="report-from" className="field__label">{t("report.filter.from")}</label>
        <input id="report-from" name="dari" type="month" defaultValue={filter.from} aria-describedby="report-month-hint" />
      </div>
      <div className="field">
        <label htmlFor="report-to" className="field__label">{t("report.filter.to")}</label>
        <input id="report-to" name="sampai" type="month" defaultValue={filter.to} aria-describedby="report-month-hint" />
      </div>
      {unitOptions ? (
        <div className="field">
          <label htmlFor="report-unit" className="field__label">{t("report.filter.unit")}</label>
          <select id="report-unit" name="unit" defaultValue={filter.unitId ?? ""}>
            <option value="">{t("report.filter.allUnits")}</option>
            {unitOptions.map((u) => (
              <option key={u.id} value={u.id}>{u.name}</option>
            ))}
          </select>
        </div>
      ) : null}
      <p id="report-month-hint" className="field__hint">{t("report.filter.monthHint")}</p>
      <div className="actions">
        <button type="submit" className="button">{t("report.filter.apply")}</button>
      </div>
    </Form>
  );
}

export function ShareCell({ rate, href }: { rate: Rate; href?: string }) {
  const locale = useLocale();
  const t = useT();
  const text = formatShare(rate.value, locale);
  const missed = rate.whole - rate.part;
  return (
    <td className="num">
      {text}
      {href && missed > 0 ? (
        <>
          {" "}
          <Link to={href}>{t("report.missedLink", { n: missed })}</Link>
        </>
      ) : null}
    </td>
  );
}

export function WarningReasons({ reasons, components, labels }: { reasons: WarningReason[]; components: number[]; labels: { forms: Record<string, string>; components: Record<number, string> } }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul>
      {reasons.map((reason, i) => (
        <li key={i}>
          {reason.kind === "indexBelowLast"
            ? t("report.reason.belowLast", { band: reason.indexBand, last: reason.lastBand })
            : reason.kind === "indexInRedZone"
              ? t("report.reason.red", { band: reason.indexBand })
              : reason.kind === "component"
                ? t("report.reason.component", { name: t(`report.index.${reason.key}` as MessageKey), score: formatNumber(reason.score, locale, 1) })
                : t("report.reason.form", { form: labels.forms[reason.code] ?? reason.code, n: reason.count, components: reason.components.map((n) => labels.components[n] ?? n).join("; ") })}
        </li>
      ))}
      {components.length > 0 ? <li>{t("report.reason.fix", { components: components.map((n) => labels.components[n] ?? n).join("; ") })}</li> : null}
    </ul>
  );
}

export function ReportKpis({ totals }: { totals: ComplaintMetrics }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="report-kpis">
      <li>
        {t("report.kpi.volume")}
        <strong>{formatNumber(totals.volume, locale)}</strong>
      </li>
      <li>
        {t("report.kpi.firstResponse")}
        <strong>{formatShare(totals.sla.firstResponse.value, locale)}</strong>
      </li>
      <li>
        {t("report.kpi.resolution")}
        <strong>{formatShare(totals.sla.resolution.value, locale)}</strong>
      </li>
      <li>
        {t("report.kpi.medianResolution")}
        <strong>{formatWorkingHours(totals.durations.resolutionMedian, locale)}</strong>
        {t("report.unit.workingHours")}
      </li>
      <li>
        {t("report.kpi.satisfaction")}
        <strong>{totals.satisfaction === null ? "–" : formatNumber(totals.satisfaction, locale, 2)}</strong>
        {t("report.unit.ofFive", { n: totals.ratingCount })}
      </li>
      <li>
        {t("report.kpi.index")}
        <strong>{totals.handlingIndex === null ? "–" : formatNumber(totals.handlingIndex, locale, 1)}</strong>
      </li>
    </ul>
  );
}
