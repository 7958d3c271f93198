// Pieces the staff report pages share: a rate cell that links to the complaints behind it, the
// early-warning reasons in words, the KPI list. (The period filter, which /statistik uses too, is in
// report-filters.tsx: a public page imports no component that renders staff wording.)
import { Link } from "@remix-run/react";
import { MIN_SAMPLE } from "~/domain/compliance/handling-index";
import type { ComplaintMetrics, Rate, WarningReason } from "~/domain/reports/metrics";
import { formatNumber, formatShare, formatWorkingHours } from "~/services/format";
import { useLocale, useT, type MessageKey } from "~/services/i18n";

export function ShareCell({ rate, href }: { rate: Rate; href?: string }) {
  const locale = useLocale();
  const t = useT();
  const text = formatShare(rate.value, locale);
  const missed = rate.whole - rate.part;
  return (
    <td className="num">
      {text}
      {rate.whole > 0 ? <span className="report-n"> ({t("report.n", { n: rate.whole })})</span> : null}
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

/**
 * A rate's n, and below the minimum sample a plain "too few to judge": a tile must never say
 * "100 %" from one case without saying so.
 */
export function SampleSize({ n }: { n: number }) {
  const t = useT();
  return (
    <span className="report-kpis__n">
      {t("report.n", { n })}
      {n < MIN_SAMPLE ? ` · ${t("report.risk.thin", { min: MIN_SAMPLE })}` : null}
    </span>
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
        <SampleSize n={totals.sla.firstResponse.whole} />
      </li>
      <li>
        {t("report.kpi.resolution")}
        <strong>{formatShare(totals.sla.resolution.value, locale)}</strong>
        <SampleSize n={totals.sla.resolution.whole} />
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
        <SampleSize n={totals.handled} />
      </li>
    </ul>
  );
}
