import { formatWib } from "~/services/format";
import { useLocale, useT, type MessageKey } from "~/services/i18n";
import type { StaffComplaintPage } from "~/domain/complaints/staff-complaint.server";
import { emailReasonKey } from "./side-panel";

/** Escalations and the full timeline (internal events included) of one complaint; deadlines are in the side panel. */
export function ComplaintHistory({ escalations, timeline }: Pick<StaffComplaintPage, "escalations" | "timeline">) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      {/* Escalations only when there are some: most complaints never have one. */}
      {escalations.length > 0 ? (
        <>
          <h2>{t("inbox.detail.escalations")}</h2>
          <ul>
            {escalations.map((e) => (
              <li key={e.id}>
                {t("inbox.detail.escalationRow", {
                  level: e.level,
                  stage: t(`inbox.stage.${e.stage}` as MessageKey),
                  role: t(`staff.role.${e.targetRole}` as MessageKey),
                })}{" "}
                · <time dateTime={e.escalatedAt}>{formatWib(e.escalatedAt, locale)}</time> ·{" "}
                {e.settledAt ? t("inbox.detail.escalationSettled", { at: formatWib(e.settledAt, locale) }) : t("inbox.detail.escalationOpen")}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t("inbox.detail.timeline")}</h2>
      <ol className="timeline" data-testid="timeline">
        {timeline.map((entry) => (
          <li key={entry.id} className={entry.visibility === "INTERNAL" ? "timeline__item timeline__item--internal" : "timeline__item"}>
            <p className="timeline__meta">
              <strong>{t(`inbox.event.${entry.type}` as MessageKey)}</strong> ·{" "}
              <time dateTime={entry.occurredAt}>{formatWib(entry.occurredAt, locale)}</time> ·{" "}
              {entry.actor === "CITIZEN" ? t("inbox.event.by.citizen") : entry.actor === "SYSTEM" ? t("inbox.event.by.system") : entry.actor} ·{" "}
              <span className="timeline__visibility">{entry.visibility === "INTERNAL" ? t("inbox.detail.internal") : t("inbox.detail.public")}</span>
            </p>
            {entry.assignedOfficer ? <p className="timeline__message">{t("inbox.event.officerAssigned", { name: entry.assignedOfficer })}</p> : null}
            {entry.transferredTo ? <p className="timeline__message">{t("inbox.event.transferredTo", { unit: entry.transferredTo })}</p> : null}
            {entry.emailReason ? <p className="timeline__message">{t("inbox.event.emailReason", { reason: t(emailReasonKey(entry.emailReason)) })}</p> : null}
            {entry.message ? <p className="timeline__message">{entry.message}</p> : null}
            {entry.attachments.length > 0 ? (
              <p className="timeline__attachments">
                {t("inbox.detail.attachments")}:{" "}
                {entry.attachments.map((a, i) => (
                  <span key={a.id}>
                    {i > 0 ? ", " : null}
                    <a href={`/staf/lampiran/${a.id}`} download>
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
