// The public list as cards (a table would need sideways scrolling at 360 px): code, summary,
// service and unit, kelurahan, status, date and support count.
import { Link } from "@remix-run/react";
import type { PublicReportRow } from "~/domain/public-reports/public-reports.server";
import { formatNumber, formatWibDate } from "~/services/format";
import { useLocale, useT } from "~/services/i18n";
import { groupLabel } from "./report-filters";

export function ReportText({ row }: { row: Pick<PublicReportRow, "summary" | "textHidden"> }) {
  const t = useT();
  if (row.textHidden) return <p className="public-report__hidden" data-testid="text-hidden">{t("publicReport.textHidden")}</p>;
  if (!row.summary) return <p className="public-report__hidden">{t("publicReport.textOmitted")}</p>;
  return <p className="public-report__summary">{row.summary}</p>;
}

export function PublicReportList({ items }: { items: PublicReportRow[] }) {
  const t = useT();
  const locale = useLocale();
  if (items.length === 0) return <p data-testid="public-none">{t("publicReport.none")}</p>;
  return (
    <ol className="public-reports" data-testid="public-reports">
      {items.map((row) => (
        <li key={row.trackingCode} className="card public-report" data-testid="public-report">
          <h3 className="public-report__title">
            <Link to={`/laporan-warga/${row.trackingCode}`}>
              <span className="visually-hidden">{t("publicReport.col.code")} </span>
              <code>{row.trackingCode}</code>
            </Link>
          </h3>
          <ReportText row={row} />
          <dl className="public-report__facts">
            <dt>{t("publicReport.col.status")}</dt>
            <dd data-testid="public-status">{row.group ? t(groupLabel(row.group)) : row.status}</dd>
            <dt>{t("publicReport.col.service")}</dt>
            <dd>{[locale === "en" ? row.productNameEn : row.productName, row.unitName].filter(Boolean).join(" · ") || t("publicReport.detail.unitPending")}</dd>
            {row.kelurahanName || row.kecamatanName ? (
              <>
                <dt>{t("publicReport.col.place")}</dt>
                <dd>{[row.kelurahanName, row.kecamatanName].filter(Boolean).join(", ")}</dd>
              </>
            ) : null}
            <dt>{t("publicReport.col.date")}</dt>
            <dd>
              <time dateTime={row.submittedAt}>{formatWibDate(row.submittedAt, locale)}</time>
            </dd>
            <dt>{t("publicReport.col.support")}</dt>
            <dd data-testid="support-count">{t("publicReport.supportCount", { n: formatNumber(row.supportCount, locale) })}</dd>
          </dl>
        </li>
      ))}
    </ol>
  );
}
