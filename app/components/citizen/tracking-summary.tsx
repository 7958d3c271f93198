import type { CitizenComplaintView } from "~/domain/complaints/citizen-tracking.server";
import { formatWib } from "~/services/format";
import { useLocale, useT, type MessageKey } from "~/services/i18n";

export const STATUS_KEYS: Record<string, MessageKey> = {
  SUBMITTED: "status.SUBMITTED",
  ON_HOLD: "status.SUBMITTED",
  VERIFIED: "status.VERIFIED",
  REJECTED: "status.REJECTED",
  DUPLICATE: "status.DUPLICATE",
  ASSIGNED: "status.ASSIGNED",
  IN_PROGRESS: "status.IN_PROGRESS",
  AWAITING_CITIZEN: "status.AWAITING_CITIZEN",
  RESOLVED: "status.RESOLVED",
  REOPENED: "status.REOPENED",
  APPEALED: "status.APPEALED",
  CLOSED: "status.CLOSED",
  WITHDRAWN: "status.WITHDRAWN",
};

/** Where the complaint stands for the citizen: status, who acts next and by when, and the public timeline. */
export function TrackingSummary({ view }: { view: CitizenComplaintView }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <dl className="summary">
        <dt>{t("receipt.code")}</dt>
        <dd>
          <code>{view.trackingCode}</code>
        </dd>
        <dt>{t("track.view.status")}</dt>
        <dd data-testid="status">{t(STATUS_KEYS[view.status] ?? "status.SUBMITTED")}</dd>
        <dt>{t("track.view.unit")}</dt>
        <dd>{view.unitName ?? t("track.view.unitPending")}</dd>
        {view.productName ? (
          <>
            <dt>{t("form.product")}</dt>
            <dd>{locale === "en" ? view.productNameEn : view.productName}</dd>
          </>
        ) : null}
        <dt>{t("track.view.holder")}</dt>
        <dd>{t(`track.holder.${view.holder}` as MessageKey)}</dd>
        {view.nextDueAt ? (
          <>
            <dt>{t("track.view.due")}</dt>
            <dd data-testid="due">{formatWib(view.nextDueAt, locale)}</dd>
          </>
        ) : null}
      </dl>
      {view.duplicateOfCode ? (
        <p className="notice" data-testid="merged-with">
          {t("triage.track.mergedWith", { code: view.duplicateOfCode })}
        </p>
      ) : null}
      {view.rejection ? (
        <dl className="summary notice" data-testid="rejection">
          {view.rejection.reason ? (
            <>
              <dt>{t("triage.track.rejectionReason")}</dt>
              <dd className="timeline__message">{view.rejection.reason}</dd>
            </>
          ) : null}
          {view.rejection.referral || view.rejection.referralNote ? (
            <>
              <dt>{t("triage.track.referral")}</dt>
              <dd data-testid="referral">
                {[view.rejection.referral ? t(`triage.referral.${view.rejection.referral}` as MessageKey) : null, view.rejection.referralNote].filter(Boolean).join(": ")}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}

      <h2>{t("track.view.timeline")}</h2>
      <ol className="timeline">
        {view.timeline.map((entry) => (
          <li key={entry.id} className={entry.byCitizen ? "timeline__item timeline__item--citizen" : "timeline__item"}>
            <p className="timeline__meta">
              <strong>{t(`event.${entry.type}` as MessageKey)}</strong> · <time dateTime={entry.occurredAt}>{formatWib(entry.occurredAt, locale)}</time>
            </p>
            {entry.message ? <p className="timeline__message">{entry.message}</p> : null}
            {entry.attachments.length > 0 ? (
              <p className="timeline__attachments">
                {t("form.attachments")}:{" "}
                {entry.attachments.map((a, i) => (
                  <span key={a.id}>
                    {i > 0 ? ", " : null}
                    <a href={`/lacak/${view.trackingCode}/lampiran/${a.id}`} download>
                      {a.name}
                    </a>
                  </span>
                ))}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
