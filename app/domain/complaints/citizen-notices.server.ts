// Writes the complainant's e-mail about a move of their complaint, inside the transaction that
// makes the move: the message exists exactly when the event does (the notify worker sends it; its
// sweep retries what Redis lost). The address is read here, by the system, to send to its owner:
// no person sees it, so no IdentityAccess row (ADR 006 keeps it out of Redis and logs).
//
// What the message may say (ADR 009): the code, the unit and service, deadlines, what the citizen
// must or need not do, and the signed link; never the PIN and never text anyone typed (the staff's
// answer, the citizen's own words): an inbox is often shared or forwarded.
import { createNotice } from "~/models/email.server";
import type { SlaSnapshot } from "~/domain/sla/clock";
import type { DbClient } from "~/services/db-types.server";
import { getEnv } from "~/services/env.server";
import { formatWib } from "~/services/format";
import { localeOrDefault, translate, type MessageKey } from "~/services/i18n.server";
import type { CitizenNoticeChoice } from "./citizen-notices";
import type { SlaStage } from "./workflow";
import { trackingLinkUrl } from "./tracking-access.server";
import { replyAddressFor } from "~/domain/inbound-mail/reply-address.server";
import { recordUnreachableAlerts } from "~/domain/email-delivery/undeliverable.server";

export async function queueCitizenNotice(
  tx: DbClient,
  {
    complaintId,
    eventId,
    notice,
    now,
    snapshot,
    lapsed,
  }: {
    complaintId: string;
    eventId: bigint;
    notice: CitizenNoticeChoice;
    now: Date;
    /** The clocks after the move: the deadlines the message names. */
    snapshot?: SlaSnapshot;
    /** For an auto-close: the citizen's window that lapsed. */
    lapsed?: SlaStage | null;
  },
): Promise<boolean> {
  const complaint = await tx.complaint.findUniqueOrThrow({
    where: { id: complaintId },
    select: {
      trackingCode: true,
      locale: true,
      unitId: true,
      assignedOfficerId: true,
      unit: { select: { name: true } },
      complainant: { select: { email: true, emailUndeliverableAt: true } },
    },
  });
  const to = complaint.complainant?.email;
  if (!to) return false;
  if (complaint.complainant?.emailUndeliverableAt) {
    // SendGrid reported the address unreachable (issue #15): nothing more is mailed to it until the
    // citizen changes it on the tracking page. A move that waits for their answer is then waiting on
    // someone who will not hear of it: the complaint's officer (or unit) is told in the next digest.
    const stage = notice.kind === "question" ? "CITIZEN_REPLY" : notice.kind === "resolution" ? "CONFIRMATION" : null;
    if (stage && notice.answerBy) {
      await recordUnreachableAlerts(tx, [{ complaintId, unitId: complaint.unitId, assignedOfficerId: complaint.assignedOfficerId, stage, dueAt: notice.answerBy }], `event${eventId}`);
    }
    return false;
  }
  const locale = localeOrDefault(complaint.locale);
  const wib = (date: Date | null | undefined) => (date ? formatWib(date.toISOString(), locale) : translate(locale, "email.citizen.noDeadline"));
  // The deadline the message is about: the citizen's answer, the unit's resolution after a
  // response, or the window whose lapse closed the complaint.
  const dueAt =
    notice.answerBy ??
    (notice.kind === "response" ? snapshot?.stages.RESOLUTION?.dueAt : notice.kind === "autoClosed" && lapsed ? snapshot?.stages[lapsed]?.dueAt : null);
  const vars = {
    code: complaint.trackingCode,
    link: trackingLinkUrl(getEnv().PUBLIC_BASE_URL, complaint.trackingCode, complaintId, now),
    due: wib(dueAt),
    unit: complaint.unit?.name ?? translate(locale, "email.citizen.noUnit"),
    closed: formatWib(now.toISOString(), locale),
  };
  // Silence after a proposed resolution means "resolved" (DESIGN.md Workflow), not "given up".
  const text = notice.kind === "autoClosed" && lapsed === "CONFIRMATION" ? "autoClosedResolved" : notice.kind;
  const { created } = await createNotice(tx, {
    // One message per event: a retried transaction or a replayed job never mails twice.
    dedupeKey: `citizen-${complaintId}-${eventId}`,
    complaintId,
    template: `complaint.${notice.kind}`,
    locale,
    to,
    subject: translate(locale, `email.citizen.${text}.subject` as MessageKey, vars),
    bodyText: translate(locale, `email.citizen.${text}.body` as MessageKey, vars),
    replyTo: replyAddressFor(complaintId, now),
  });
  return created;
}
