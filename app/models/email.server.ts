import type { EmailStatus } from "~/generated/prisma/client";
import type { DbClient } from "~/services/db-types.server";
import { qualifiedTable, type Db } from "~/services/db.server";
import { renderTextMessage } from "~/services/email-render";
import { enqueueJob, enqueueJobs } from "./outbox.server";

export interface Notice {
  /** One notice, one message: e.g. `receipt-<complaintId>` or `escalation-<complaintId>-FIRST_RESPONSE-1`. */
  dedupeKey: string;
  complaintId?: string | null;
  template: string;
  locale: "id" | "en";
  to: string;
  subject: string;
  bodyText: string;
  /** The HTML part; without it, one is made from bodyText (email-render.ts), so every message has both. */
  bodyHtml?: string;
  /** Citizen mail only: the complaint's reply address, so pressing Reply reaches it (ADR 039). */
  replyTo?: string | null;
}

/** Rendered once, when the message is written: what the worker sends is what the row holds. */
const htmlOf = (notice: Notice) => notice.bodyHtml ?? renderTextMessage(notice.locale, notice.subject, notice.bodyText).html;

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
        bodyHtml: htmlOf(notice),
        replyTo: notice.replyTo ?? null,
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

/** Many notices in one INSERT, each queued once; duplicates (by dedupeKey) are skipped as in createNotice. */
export async function createNotices(db: Db, client: DbClient, notices: readonly Notice[]): Promise<{ created: number }> {
  if (notices.length === 0) return { created: 0 };
  const column = <T>(pick: (n: Notice) => T) => notices.map(pick);
  const inserted = await client.$queryRaw<{ id: string }[]>`
    INSERT INTO ${qualifiedTable(db, "email_message")} (dedupe_key, complaint_id, template, locale, to_address, subject, body_text, body_html)
    SELECT * FROM unnest(
      ${column((n) => n.dedupeKey)}::text[], ${column((n) => n.complaintId ?? null)}::uuid[], ${column((n) => n.template)}::text[],
      ${column((n) => n.locale)}::text[], ${column((n) => n.to)}::text[], ${column((n) => n.subject)}::text[], ${column((n) => n.bodyText)}::text[],
      ${column(htmlOf)}::text[])
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`;
  await enqueueJobs(db, client, "sendEmail", inserted.map((row) => ({ payload: { emailMessageId: row.id } })));
  return { created: inserted.length };
}

/** How long a PENDING message is left to its own job before the sweep queues it again, and for how long it keeps trying. */
export const EMAIL_REQUEUE_AFTER_MS = 15 * 60_000;
export const EMAIL_REQUEUE_WITHIN_MS = 2 * 24 * 3_600_000;

/**
 * Queues a send job again (through the outbox) for messages still PENDING between
 * EMAIL_REQUEUE_AFTER_MS and EMAIL_REQUEUE_WITHIN_MS after they were written, and returns their ids.
 * The job id is the message's, so BullMQ ignores the new job while the first one still exists
 * (waiting or retrying); where Redis lost it, it runs again. A job that used up its tries (SendGrid
 * down for longer than the backoff) is kept by BullMQ as failed under that id, so the caller gives
 * it another round of tries (the notify processor's sweep). Sending itself is idempotent.
 */
export async function requeueStalledEmails(db: Db, now: Date, { limit = 500 }: { limit?: number } = {}): Promise<string[]> {
  const stalled = await db.emailMessage.findMany({
    where: { status: "PENDING", createdAt: { lte: new Date(now.getTime() - EMAIL_REQUEUE_AFTER_MS), gte: new Date(now.getTime() - EMAIL_REQUEUE_WITHIN_MS) } },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true },
  });
  await enqueueJobs(db, db, "sendEmail", stalled.map((row) => ({ payload: { emailMessageId: row.id } })));
  return stalled.map((row) => row.id);
}

export interface MailboxEntry {
  id: string;
  replyTo: string | null;
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
      replyTo: true,
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

/** What the dev mailbox needs to answer one message as its recipient would. */
export async function findEmailToAnswer(db: DbClient, id: string): Promise<{ toAddress: string; replyTo: string; subject: string; providerMessageId: string | null } | null> {
  const row = await db.emailMessage.findUnique({ where: { id }, select: { toAddress: true, replyTo: true, subject: true, providerMessageId: true } });
  return row?.replyTo ? { ...row, replyTo: row.replyTo } : null;
}
