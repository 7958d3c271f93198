// Writes the complainant's e-mail about a move of their complaint, inside the transaction that
// makes the move: the message exists exactly when the event does (the notify worker sends it; its
// sweep retries what Redis lost). The address is read here, by the system, to send to its owner:
// no person sees it, so no IdentityAccess row (ADR 006 keeps it out of Redis and logs).
import { createNotice } from "~/models/email.server";
import type { DbClient } from "~/services/db-types.server";
import { getEnv } from "~/services/env.server";
import { formatWib } from "~/services/format";
import { localeOrDefault, translate, type MessageKey } from "~/services/i18n.server";
import type { CitizenNoticeChoice } from "./citizen-notices";
import { trackingLinkUrl } from "./tracking-access.server";

export async function queueCitizenNotice(
  tx: DbClient,
  { complaintId, eventId, notice, now }: { complaintId: string; eventId: bigint; notice: CitizenNoticeChoice; now: Date },
): Promise<boolean> {
  const complaint = await tx.complaint.findUniqueOrThrow({
    where: { id: complaintId },
    select: { trackingCode: true, locale: true, complainant: { select: { email: true } } },
  });
  const to = complaint.complainant?.email;
  if (!to) return false;
  const locale = localeOrDefault(complaint.locale);
  const vars = {
    code: complaint.trackingCode,
    link: trackingLinkUrl(getEnv().PUBLIC_BASE_URL, complaint.trackingCode, complaintId, now),
    due: notice.answerBy ? formatWib(notice.answerBy.toISOString(), locale) : translate(locale, "email.citizen.noDeadline"),
  };
  const { created } = await createNotice(tx, {
    // One message per event: a retried transaction or a replayed job never mails twice.
    dedupeKey: `citizen-${complaintId}-${eventId}`,
    complaintId,
    template: `complaint.${notice.kind}`,
    locale,
    to,
    subject: translate(locale, `email.citizen.${notice.kind}.subject` as MessageKey, vars),
    bodyText: translate(locale, `email.citizen.${notice.kind}.body` as MessageKey, vars),
  });
  return created;
}
