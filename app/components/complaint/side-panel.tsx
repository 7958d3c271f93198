import type { ReactNode } from "react";
import { slaTimeLeft } from "~/components/sla-time-left";
import type { StaffComplaintPage } from "~/domain/complaints/staff-complaint.server";
import { formatWib } from "~/services/format";
import { useLocale, useT, type MessageKey } from "~/services/i18n";

/** Working time left, in words: the side panel has room for them (the inbox badge uses the short form). */
export function TimeLeft({ workingMinutes }: { workingMinutes: number }) {
  const t = useT();
  const { long, tone } = slaTimeLeft({ kind: "left", workingMinutes });
  return <span className={`sla-badge${tone === "soon" ? " sla-badge--soon" : ""}`}>{t(long.key, long.vars)}</span>;
}

const EMAIL_REASONS = ["BOUNCED", "DROPPED", "SPAM_REPORT", "UNSUBSCRIBED"] as const;

/** Why SendGrid gave up on the complainant's address, in words (issue #15); any other code reads as a bounce. */
export function emailReasonKey(reason: string): MessageKey {
  return `inbox.email.reason.${(EMAIL_REASONS as readonly string[]).includes(reason) ? reason : "BOUNCED"}` as MessageKey;
}

/** "E-mail tidak terkirim": no mail reaches the complainant, and what that means for a window running on them. */
function EmailUndeliverable({ email }: { email: NonNullable<StaffComplaintPage["emailUndeliverable"]> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="notice notice--warning side-email" data-testid="email-undeliverable">
      <p>{t("inbox.email.since", { at: formatWib(email.since, locale), reason: t(emailReasonKey(email.reason)) })}</p>
      {email.waiting ? <p data-testid="email-undeliverable-waiting">{t(`inbox.email.waiting.${email.waiting}`)}</p> : null}
    </div>
  );
}

const REFUSAL_REASONS = ["sender_mismatch", "oversize", "empty", "expired_token", "auto_reply"] as const;

/** Why a reply by mail was not taken, in words; the auto-responder's own kind reads as "automatic reply". */
export function refusalReasonKey(reason: string): MessageKey {
  const base = reason.split(":")[0]!;
  return `inbox.inbound.reason.${(REFUSAL_REASONS as readonly string[]).includes(base) ? base : "other"}` as MessageKey;
}

/** Replies by mail that did not reach the complaint (issue #15): when and why, newest first. */
function RefusedReplies({ replies }: { replies: StaffComplaintPage["refusedReplies"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="notice side-email" data-testid="refused-replies">
      <p>{t("inbox.inbound.refused", { count: replies.length })}</p>
      <ul>
        {replies.map((reply) => (
          <li key={reply.receivedAt + reply.reason}>
            <time dateTime={reply.receivedAt}>{formatWib(reply.receivedAt, locale)}</time>: {t(refusalReasonKey(reply.reason))}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The side panel: where the complaint stands (status, unit, officer, priority, deadlines with working
 * time left, channel, escalation) and, below, the actions that are not writing to the citizen.
 */
export function ComplaintSidePanel({ data, children }: { data: StaffComplaintPage; children: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const { complaint, deadlines, emailUndeliverable } = data;
  return (
    <aside className="complaint-side" aria-labelledby="side-title" data-testid="side-panel">
      <h2 id="side-title" className="side-heading">
        {t("inbox.side.title")}
      </h2>
      <dl className="summary summary--side">
        <dt>{t("inbox.detail.status")}</dt>
        <dd data-testid="status">{t(`inbox.status.${complaint.status}` as MessageKey)}</dd>
        <dt>{t("inbox.detail.unit")}</dt>
        <dd data-testid="unit">{complaint.unitName ?? t("inbox.noUnit")}</dd>
        <dt>{t("inbox.detail.assigned")}</dt>
        <dd data-testid="assigned">{complaint.assignedOfficer ?? t("inbox.detail.assignedNone")}</dd>
        <dt>{t("inbox.detail.priority")}</dt>
        <dd data-testid="priority">{t(`adminSla.priority.${complaint.priority}` as MessageKey)}</dd>
        <dt>{t("inbox.side.channel")}</dt>
        <dd>{t(`inbox.channel.${complaint.channel}` as MessageKey)}</dd>
        <dt>{t("inbox.detail.escalationLevel")}</dt>
        <dd>{complaint.escalationLevel > 0 ? t("inbox.escalation.level", { level: complaint.escalationLevel }) : t("inbox.escalation.none")}</dd>
        {emailUndeliverable ? (
          <>
            <dt>{t("inbox.email.label")}</dt>
            <dd data-testid="email-status">
              <strong className="side-email__status">
                <span aria-hidden="true">⚠ </span>
                {t("inbox.email.undeliverable")}
              </strong>
            </dd>
          </>
        ) : null}
      </dl>
      {emailUndeliverable ? <EmailUndeliverable email={emailUndeliverable} /> : null}
      {data.refusedReplies.length > 0 ? <RefusedReplies replies={data.refusedReplies} /> : null}
      <h3 className="side-heading">{t("inbox.detail.deadlines")}</h3>
      {deadlines.length === 0 ? (
        <p>{t("inbox.detail.noDeadlines")}</p>
      ) : (
        <ul className="side-deadlines" data-testid="deadlines">
          {deadlines.map((deadline) => (
            <li key={deadline.stage}>
              <strong>{t(`inbox.stage.${deadline.stage}` as MessageKey)}</strong>{" "}
              {deadline.overdue ? (
                <strong className="sla-badge sla-badge--overdue">
                  <span aria-hidden="true">⚠ </span>
                  {t("inbox.sla.overdue")}
                </strong>
              ) : (
                <TimeLeft workingMinutes={deadline.workingMinutesLeft} />
              )}
              <br />
              <time dateTime={deadline.dueAt} className="side-deadlines__at">
                {formatWib(deadline.dueAt, locale)}
              </time>
            </li>
          ))}
        </ul>
      )}
      {children}
    </aside>
  );
}
