import { formatWib } from "~/services/format";
import { useLocale, useT, type MessageKey } from "~/services/i18n";
import type { StaffComplaintPage } from "~/domain/complaints/staff-complaint.server";
import { PlaceMap, PlaceRows } from "~/components/map/place";

/** What the citizen wrote and the facts it came with (where it stands is in the side panel). */
export function StaffComplaintSummary({ complaint }: { complaint: StaffComplaintPage["complaint"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <dl className="summary">
        <dt>{t("inbox.detail.code")}</dt>
        <dd>
          <code>{complaint.trackingCode}</code>
        </dd>
        <dt>{t("inbox.detail.product")}</dt>
        <dd>{complaint.productName ? (locale === "en" ? complaint.productNameEn : complaint.productName) : t("inbox.noProduct")}</dd>
        <dt>{t("inbox.detail.form")}</dt>
        <dd>{complaint.formName ? (locale === "en" ? complaint.formNameEn : complaint.formName) : t("inbox.noProduct")}</dd>
        <dt>{t("inbox.detail.visibility")}</dt>
        <dd>{t(`inbox.visibility.${complaint.visibility}` as MessageKey)}</dd>
        <dt>{t("inbox.detail.submitted")}</dt>
        <dd>{formatWib(complaint.submittedAt, locale)}</dd>
        {complaint.incidentDate ? (
          <>
            <dt>{t("inbox.detail.incidentDate")}</dt>
            <dd>{complaint.incidentDate}</dd>
          </>
        ) : null}
        <PlaceRows place={complaint.place} />
      </dl>
      <PlaceMap place={complaint.place} />

      <h2>{t("inbox.detail.content")}</h2>
      {complaint.visibility === "RAHASIA" ? <p className="notice">{t("inbox.detail.rahasia")}</p> : null}
      {complaint.title ? <p><strong>{complaint.title}</strong></p> : null}
      <p className="timeline__message" data-testid="description">
        {complaint.description}
      </p>
    </>
  );
}
