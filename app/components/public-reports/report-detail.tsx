// One public report: the facts, the citizen's text (or the moderation notice), where, the support
// count and the public timeline. `children` is where the support form goes (issue #14 item 4).
import type { ReactNode } from "react";
import { CoordinatesLink } from "~/components/map/place";
import type { PublicReportView } from "~/domain/public-reports/public-reports.server";
import { formatNumber, formatWib, formatWibDate } from "~/services/format";
import { useLocale, useT, type MessageKey } from "~/services/i18n";
import { groupLabel } from "./report-filters";
import { ReportText } from "./report-list";

export function PublicReportDetail({ view, children }: { view: PublicReportView; children?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const product = locale === "en" ? view.productNameEn : view.productName;
  return (
    <>
      <h2>{t("publicReport.detail.description")}</h2>
      <ReportText row={view} />
      <dl className="summary" data-testid="public-report-facts">
        <dt>{t("publicReport.detail.status")}</dt>
        <dd data-testid="public-status">
          {view.group ? t(groupLabel(view.group)) : null} ({t(`status.${view.status}` as MessageKey)})
        </dd>
        <dt>{t("publicReport.detail.unit")}</dt>
        <dd>{view.unitName ?? t("publicReport.detail.unitPending")}</dd>
        {product ? (
          <>
            <dt>{t("publicReport.detail.product")}</dt>
            <dd>{product}</dd>
          </>
        ) : null}
        {view.kelurahanName || view.kecamatanName ? (
          <>
            <dt>{t("publicReport.detail.place")}</dt>
            <dd>{[view.kelurahanName, view.kecamatanName].filter(Boolean).join(", ")}</dd>
          </>
        ) : null}
        {view.address ? (
          <>
            <dt>{t("publicReport.detail.address")}</dt>
            <dd className="timeline__message">{view.address}</dd>
          </>
        ) : null}
        {view.latitude !== null && view.longitude !== null ? (
          <>
            <dt>{t("publicReport.detail.coordinates")}</dt>
            <dd>
              <CoordinatesLink latitude={view.latitude} longitude={view.longitude} />
            </dd>
          </>
        ) : null}
        <dt>{t("publicReport.detail.submitted")}</dt>
        <dd>
          <time dateTime={view.submittedAt}>{formatWibDate(view.submittedAt, locale)}</time>
        </dd>
        {view.closedAt ? (
          <>
            <dt>{t("publicReport.detail.closed")}</dt>
            <dd>
              <time dateTime={view.closedAt}>{formatWibDate(view.closedAt, locale)}</time>
            </dd>
          </>
        ) : null}
        <dt>{t("publicReport.detail.support")}</dt>
        <dd data-testid="support-count">{t("publicReport.supportCount", { n: formatNumber(view.supportCount, locale) })}</dd>
      </dl>
      {children}
      <h2>{t("publicReport.detail.timeline")}</h2>
      <p className="field__hint">{t("publicReport.detail.timelineNote")}</p>
      <ol className="timeline" data-testid="public-timeline">
        {view.timeline.map((entry) => (
          <li key={entry.id} className="timeline__item">
            <p className="timeline__meta">
              <strong>{t(`event.${entry.type}` as MessageKey)}</strong> · <time dateTime={entry.occurredAt}>{formatWib(entry.occurredAt, locale)}</time>
            </p>
            {entry.message ? <p className="timeline__message">{entry.message}</p> : null}
          </li>
        ))}
      </ol>
    </>
  );
}
