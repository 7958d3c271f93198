import type { EmailStatus } from "~/generated/prisma/client";
import type { DbClient } from "~/services/db-types.server";
import { enqueueJob } from "./outbox.server";

export interface Notice {
  /** One notice, one message: e.g. `receipt-<complaintId>` or `escalation-<complaintId>-FIRST_RESPONSE-1`. */
  dedupeKey: string;
  complaintId?: string | null;
  template: string;
  locale: "id" | "en";
  to: string;
  subject: string;
  bodyText: string;
}

/**
 * Stores a rendered, addressed email and queues its sending (JOBS.sendEmail, through the outbox)
 * on the same client: inside a transaction both commit or roll back with the caller's change.
 *
 * A notice whose dedupeKey already exists is left alone (`created: false`, the existing id), and
 * no second job is queued. The insert is `INSERT … ON CONFLICT DO NOTHING` (Prisma's
 * `skipDuplicates`), so a duplicate never raises a unique violation and never aborts a surrounding
 * Postgres transaction; a concurrent insert of the same key waits for the other transaction and
 * then skips. Prisma model calls (not raw SQL) also keep this working on a transaction client,
 * whose schema `qualifiedTable()` could not resolve.
 */
export async function createNotice(db: DbClient, notice: Notice): Promise<{ created: boolean; emailMessageId: string }> {
  const inserted = await db.emailMessage.createManyAndReturn({
    data: [
      {
        dedupeKey: notice.dedupeKey,
        complaintId: notice.complaintId ?? null,
        template: notice.template,
        locale: notice.locale,
        toAddress: notice.to,
        subject: notice.subject,
        bodyText: notice.bodyText,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  const row = inserted[0];
  if (row) {
    await enqueueJob(db, "sendEmail", { emailMessageId: row.id });
    return { created: true, emailMessageId: row.id };
  }
  const existing = await db.emailMessage.findUnique({ where: { dedupeKey: notice.dedupeKey }, select: { id: true } });
  if (!existing) throw new Error("email message skipped as a duplicate but not found by its dedupe key");
  return { created: false, emailMessageId: existing.id };
}

export interface MailboxEntry {
  id: string;
  template: string;
  locale: string;
  toAddress: string;
  subject: string;
  bodyText: string;
  status: EmailStatus;
  createdAt: Date;
  sentAt: Date | null;
}

/** The latest messages, newest first, for the development mailbox page. */
export async function listRecentEmails(db: DbClient, limit = 50): Promise<MailboxEntry[]> {
  return db.emailMessage.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      template: true,
      locale: true,
      toAddress: true,
      subject: true,
      bodyText: true,
      status: true,
      createdAt: true,
      sentAt: true,
    },
  });
}
