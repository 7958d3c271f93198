import { formatWib } from "~/services/format";
import { useLocale, useT, type MessageKey } from "~/services/i18n";
import type { StaffComplaintPage } from "~/domain/complaints/staff-complaint.server";

/** The complaint's facts and what the citizen wrote, as staff read them. */
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
        <dt>{t("inbox.detail.status")}</dt>
        <dd data-testid="status">{t(`inbox.status.${complaint.status}` as MessageKey)}</dd>
        <dt>{t("inbox.detail.unit")}</dt>
        <dd data-testid="unit">{complaint.unitName ?? t("inbox.noUnit")}</dd>
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
        {complaint.location ? (
          <>
            <dt>{t("inbox.detail.location")}</dt>
            <dd>{complaint.location}</dd>
          </>
        ) : null}
        <dt>{t("inbox.detail.assigned")}</dt>
        <dd>{complaint.assignedOfficer ?? t("inbox.detail.assignedNone")}</dd>
        <dt>{t("inbox.detail.priority")}</dt>
        <dd data-testid="priority">{t(`adminSla.priority.${complaint.priority}` as MessageKey)}</dd>
        <dt>{t("inbox.detail.escalationLevel")}</dt>
        <dd>{complaint.escalationLevel > 0 ? t("inbox.escalation.level", { level: complaint.escalationLevel }) : t("inbox.escalation.none")}</dd>
      </dl>

      <h2>{t("inbox.detail.content")}</h2>
      {complaint.visibility === "RAHASIA" ? <p className="notice">{t("inbox.detail.rahasia")}</p> : null}
      {complaint.title ? <p><strong>{complaint.title}</strong></p> : null}
      <p className="timeline__message" data-testid="description">
        {complaint.description}
      </p>
    </>
  );
}
