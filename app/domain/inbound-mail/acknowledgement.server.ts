// What a citizen hears back after writing to a complaint that was not waiting on them (or after a
// mail too large to take): that it arrived, and what happens next, in the complaint's language.
// At most one such message per complaint per day: a citizen writing five times a day gets one, and
// an auto-responder that ignores Auto-Submitted cannot keep a conversation with us going.
// Like every citizen message (ADR 009): no PIN, and never anyone's typed text.
import { trackingLinkUrl } from "~/domain/complaints/tracking-access.server";
import { TERMINAL_STATUSES, type ComplaintStatus } from "~/domain/complaints/workflow";
import { createNotice } from "~/models/email.server";
import type { Db } from "~/services/db.server";
import { getEnv } from "~/services/env.server";
import { formatWib } from "~/services/format";
import { localeOrDefault, translate, type MessageKey } from "~/services/i18n.server";
import { absoluteUrl } from "~/services/urls";
import { replyAddressFor } from "./reply-address.server";
import { ACKNOWLEDGEMENT_TEMPLATE, OVERSIZE_TEMPLATE } from "./templates";

const WIB_OFFSET_MS = 7 * 3_600_000;

/** Which acknowledgement a complaint in this status gets. */
export function acknowledgementVariant(status: ComplaintStatus): "withStaff" | "awaitingConfirmation" | "closed" {
  if (status === "RESOLVED") return "awaitingConfirmation";
  return TERMINAL_STATUSES.includes(status) ? "closed" : "withStaff";
}

export async function queueInboundAcknowledgement(db: Db, { complaintId, kind, now }: { complaintId: string; kind: "message" | "oversize"; now: Date }): Promise<boolean> {
  const complaint = await db.complaint.findUniqueOrThrow({
    where: { id: complaintId },
    select: { trackingCode: true, locale: true, status: true, confirmationDueAt: true, unit: { select: { name: true } }, complainant: { select: { email: true } } },
  });
  const to = complaint.complainant?.email;
  if (!to) return false;
  const locale = localeOrDefault(complaint.locale);
  const { PUBLIC_BASE_URL } = getEnv();
  const vars = {
    code: complaint.trackingCode,
    link: trackingLinkUrl(PUBLIC_BASE_URL, complaint.trackingCode, complaintId, now),
    unit: complaint.unit?.name ?? translate(locale, "email.citizen.noUnit"),
    due: complaint.confirmationDueAt ? formatWib(complaint.confirmationDueAt.toISOString(), locale) : translate(locale, "email.citizen.noDeadline"),
    newComplaint: absoluteUrl(PUBLIC_BASE_URL, "/lapor"),
  };
  const variant = kind === "oversize" ? "oversize" : acknowledgementVariant(complaint.status);
  const day = new Date(now.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
  const { created } = await createNotice(db, {
    dedupeKey: `inbound-${kind}-${complaintId}-${day}`,
    complaintId,
    template: kind === "oversize" ? OVERSIZE_TEMPLATE : ACKNOWLEDGEMENT_TEMPLATE,
    locale,
    to,
    subject: translate(locale, `email.inbound.${variant}.subject` as MessageKey, vars),
    bodyText: translate(locale, `email.inbound.${variant}.body` as MessageKey, vars),
    replyTo: replyAddressFor(complaintId, now),
  });
  return created;
}
