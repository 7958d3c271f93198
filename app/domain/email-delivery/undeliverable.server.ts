// An address SendGrid reported unreachable (issue #15): every complainant who gave it (any case) is
// marked, so no more mail goes to it (citizen-notices.server.ts skips the notice, the notify worker
// fails a message still waiting); each of their open complaints gets an INTERNAL timeline event for
// staff; and where a complaint is waiting on the citizen (a question, a proposed resolution) the
// assigned officer, or the unit, gets a CITIZEN_UNREACHABLE item in the next staff digest: the
// auto-close window is running on someone who will not hear of it. The mark stays until the citizen
// gives an address again on the tracking page.
//
// Only complainants are marked. Staff addresses and supporters' subscriptions are left as they are:
// their messages keep the outcome (email_message.delivery_status) and nothing else changes.
import { Prisma, type SlaStage } from "~/generated/prisma/client";
import { findReminderRecipients, type NoticeRecipient } from "~/models/sla-duties.server";
import { qualifiedTable, schemaNameOf, type Db } from "~/services/db.server";
import type { DbClient } from "~/services/db-types.server";
import { localeOrDefault } from "~/services/i18n.server";
import { OPEN_STATUSES, type ComplaintStatus } from "~/domain/complaints/workflow";
import { DELIVERY_RANK, type DeliveryStatus } from "./events";

export interface UndeliverableReport {
  /** Lower case. */
  address: string;
  reason: DeliveryStatus;
  /** When the reported message was written: reports about mail older than the citizen's last change of address are stale. */
  writtenAt: Date;
}

/** What one waiting complaint needs for its staff alert. */
export interface WaitingComplaint {
  complaintId: string;
  unitId: string | null;
  assignedOfficerId: string | null;
  stage: SlaStage;
  dueAt: Date;
}

/** The citizen's window a status waits in, if any: their answer to a question, or their confirmation of a resolution. */
export function citizenWindowOf(complaint: { status: ComplaintStatus; citizenReplyDueAt: Date | null; confirmationDueAt: Date | null }, now: Date): { stage: SlaStage; dueAt: Date } | null {
  if (complaint.status === "AWAITING_CITIZEN") return { stage: "CITIZEN_REPLY", dueAt: complaint.citizenReplyDueAt ?? now };
  if (complaint.status === "RESOLVED") return { stage: "CONFIRMATION", dueAt: complaint.confirmationDueAt ?? now };
  return null;
}

/**
 * Marks the complainants of the reported addresses (those not marked already, and whose address was
 * not changed after the reported message was written), tells staff on each open complaint, and
 * alerts the people a waiting complaint belongs to. Returns how many complainants and complaints.
 */
export async function markAddressesUndeliverable(db: Db, tx: Prisma.TransactionClient, reports: readonly UndeliverableReport[], now: Date): Promise<{ complainants: number; complaints: number }> {
  if (reports.length === 0) return { complainants: 0, complaints: 0 };
  // One row per address: the strongest reason, and the newest message (the guard against stale reports).
  const byAddress = new Map<string, UndeliverableReport>();
  for (const report of reports) {
    const seen = byAddress.get(report.address);
    byAddress.set(report.address, {
      address: report.address,
      reason: !seen || DELIVERY_RANK[report.reason] > DELIVERY_RANK[seen.reason] ? report.reason : seen.reason,
      writtenAt: !seen || report.writtenAt > seen.writtenAt ? report.writtenAt : seen.writtenAt,
    });
  }
  const rows = [...byAddress.values()];
  const statusType = Prisma.raw(`"${schemaNameOf(db)}"."EmailDeliveryStatus"`);
  const marked = await tx.$queryRaw<{ id: string }[]>`
    UPDATE ${qualifiedTable(db, "complainant")} AS c
    SET email_undeliverable_at = ${now}, email_undeliverable_reason = v.reason::${statusType}
    FROM unnest(${rows.map((r) => r.address)}::text[], ${rows.map((r) => r.reason)}::text[], ${rows.map((r) => r.writtenAt)}::timestamptz[]) AS v(address, reason, written)
    WHERE lower(c.email) = v.address
      AND c.email_undeliverable_at IS NULL
      AND (c.email_changed_at IS NULL OR c.email_changed_at <= v.written)
    RETURNING c.id::text AS id`;
  if (marked.length === 0) return { complainants: 0, complaints: 0 };

  const complaints = await tx.complaint.findMany({
    where: { complainantId: { in: marked.map((row) => row.id) }, status: { in: [...OPEN_STATUSES] } },
    select: {
      id: true,
      status: true,
      unitId: true,
      assignedOfficerId: true,
      citizenReplyDueAt: true,
      confirmationDueAt: true,
      complainant: { select: { emailUndeliverableReason: true } },
    },
  });
  if (complaints.length === 0) return { complainants: marked.length, complaints: 0 };
  // The reason code only: never the address, never SendGrid's words.
  await tx.complaintEvent.createMany({
    data: complaints.map((c) => ({
      complaintId: c.id,
      type: "EMAIL_UNDELIVERABLE" as const,
      visibility: "INTERNAL" as const,
      actorKind: "SYSTEM" as const,
      payload: { reason: c.complainant?.emailUndeliverableReason ?? "BOUNCED" },
      occurredAt: now,
    })),
  });
  const waiting = complaints.flatMap((c): WaitingComplaint[] => {
    const window = citizenWindowOf(c, now);
    return window ? [{ complaintId: c.id, unitId: c.unitId, assignedOfficerId: c.assignedOfficerId, ...window }] : [];
  });
  await recordUnreachableAlerts(tx, waiting, `marked${now.getTime()}`);
  return { complainants: marked.length, complaints: complaints.length };
}

/** Whom a waiting complaint's alert goes to: its officer while active, else the unit's officers and head. */
async function alertRecipients(tx: DbClient, complaint: Pick<WaitingComplaint, "unitId" | "assignedOfficerId">): Promise<NoticeRecipient[]> {
  if (complaint.assignedOfficerId) {
    const officer = await tx.user.findUnique({ where: { id: complaint.assignedOfficerId }, select: { email: true, locale: true, isActive: true } });
    if (officer?.isActive) return [{ email: officer.email, locale: localeOrDefault(officer.locale) }];
  }
  return findReminderRecipients(tx, { complaintUnitId: complaint.unitId, actor: "UNIT_HEAD" });
}

/**
 * Staff alerts (listed by the next SLA sweep's digest, staff-digest.server.ts) for complaints waiting
 * on a citizen who cannot be mailed. `occasion` names the marking or the move that found it, so each
 * is listed once however often its transaction is retried. Prisma model calls: this runs on the
 * transaction client of a transition too.
 */
export async function recordUnreachableAlerts(tx: DbClient, complaints: readonly WaitingComplaint[], occasion: string): Promise<number> {
  const data: Prisma.StaffAlertCreateManyInput[] = [];
  for (const complaint of complaints) {
    for (const recipient of await alertRecipients(tx, complaint)) {
      data.push({
        dedupeKey: `unreachable-${complaint.stage}|${occasion}-${complaint.complaintId}-${recipient.email.toLowerCase()}`,
        complaintId: complaint.complaintId,
        toAddress: recipient.email,
        locale: recipient.locale,
        kind: "CITIZEN_UNREACHABLE",
        stage: complaint.stage,
        dueAt: complaint.dueAt,
      });
    }
  }
  if (data.length === 0) return 0;
  return (await tx.staffAlert.createMany({ data, skipDuplicates: true })).count;
}

/**
 * Whether a message is citizen mail to an address marked undeliverable: the complainant of its
 * complaint gave that address (any case) and it is marked. Staff mail about the same complaint goes
 * to other addresses and is never held back by this.
 */
export async function isUndeliverableCitizenMail(tx: DbClient, { complaintId, toAddress }: { complaintId: string | null; toAddress: string }): Promise<boolean> {
  if (!complaintId) return false;
  const complainant = await tx.complainant.findFirst({
    where: { complaint: { is: { id: complaintId } }, email: { equals: toAddress.trim(), mode: "insensitive" }, emailUndeliverableAt: { not: null } },
    select: { id: true },
  });
  return complainant !== null;
}

export type EmailChangeOutcome = { ok: true } | { ok: false; reason: "not_undeliverable" };

/**
 * The citizen gives an address again on the tracking page (code and PIN, or the signed link): it
 * replaces the one on file and the mark is cleared, even when it is the same address (they say it
 * works now). Allowed only while the address is marked: the page offers nothing else.
 */
export async function changeUndeliverableEmail(db: Db, { complaintId, email }: { complaintId: string; email: string }): Promise<EmailChangeOutcome> {
  const complaint = await db.complaint.findUnique({ where: { id: complaintId }, select: { complainantId: true } });
  if (!complaint?.complainantId) return { ok: false, reason: "not_undeliverable" };
  const { count } = await db.complainant.updateMany({
    where: { id: complaint.complainantId, emailUndeliverableAt: { not: null } },
    // The wall clock, not the app's (shifted in demos): it is compared with email_message.created_at,
    // which the database stamps.
    data: { email, emailUndeliverableAt: null, emailUndeliverableReason: null, emailChangedAt: new Date() },
  });
  return count === 1 ? { ok: true } : { ok: false, reason: "not_undeliverable" };
}
