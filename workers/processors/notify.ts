// Queue "notify": sends stored EmailMessage rows (job "email.send", payload { emailMessageId }).
// docs/decisions/009-email-through-sendgrid.md
import { UnrecoverableError, type Queue } from "bullmq";
import { JOBS, type QueueName } from "~/jobs/contracts";
import { qualifiedTable, type Db } from "~/services/db.server";
import { createEmailTransport, DEFAULT_SEND_TIMEOUT_MS, type EmailTransport, type SendResult } from "~/services/email.server";
import { getEnv } from "~/services/env.server";
import { createLogger } from "~/services/logger.server";
import { requeueStalledEmails } from "~/models/email.server";
import { autoSubmittedFor } from "~/domain/inbound-mail/templates";
import { isUndeliverableCitizenMail } from "~/domain/email-delivery/undeliverable.server";
import { sendUnitDigests } from "~/domain/sla/unit-digest.server";
import { purgeEndedSubscriptions } from "~/domain/support/support.server";
import type { Processor, ProcessorContext } from "./types";

/** Longer than the transport's own timeout, so a slow SendGrid answer is still recorded. */
const SEND_TRANSACTION_TIMEOUT_MS = DEFAULT_SEND_TIMEOUT_MS * 3;

type Outcome =
  | { kind: "missing" }
  | { kind: "already"; status: "SENT" | "DEV_MAILBOX" | "FAILED" }
  | { kind: "suppressed" }
  | { kind: "done"; result: SendResult; attempt: number };

/** What a citizen message held back for an unreachable address says on its row (never the address). */
export const UNDELIVERABLE_ERROR = "address undeliverable";

/**
 * Sends one message, idempotently. The row is locked (`FOR UPDATE`) for the whole attempt, so two
 * runs for the same message (a duplicate job, a stalled job picked up again) take turns, and the
 * second one finds it SENT and sends nothing. The lock is held over the HTTP call on purpose:
 * the price is one pooled connection per message in flight (bounded by the concurrency below).
 */
async function sendStoredEmail(db: Db, transport: EmailTransport, emailMessageId: string, now: () => Date): Promise<Outcome> {
  return db.$transaction(
    async (tx): Promise<Outcome> => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM ${qualifiedTable(db, "email_message")} WHERE id = ${emailMessageId}::uuid FOR UPDATE`;
      if (locked.length === 0) return { kind: "missing" };
      const message = await tx.emailMessage.findUniqueOrThrow({
        where: { id: emailMessageId },
        select: { status: true, attempts: true, toAddress: true, subject: true, bodyText: true, bodyHtml: true, replyTo: true, template: true, complaintId: true },
      });
      if (message.status !== "PENDING") return { kind: "already", status: message.status };
      // The address was reported unreachable after this message was written (issue #15): it is not
      // sent, and stays FAILED; the citizen reads the same news on the tracking page.
      if (await isUndeliverableCitizenMail(tx, { complaintId: message.complaintId, toAddress: message.toAddress })) {
        await tx.emailMessage.update({ where: { id: emailMessageId }, data: { status: "FAILED", lastError: UNDELIVERABLE_ERROR } });
        return { kind: "suppressed" };
      }

      const attempt = message.attempts + 1;
      const result = await transport.send({
        to: message.toAddress,
        subject: message.subject,
        text: message.bodyText,
        ...(message.bodyHtml ? { html: message.bodyHtml } : {}),
        ...(message.replyTo ? { replyTo: message.replyTo } : {}),
        autoSubmitted: autoSubmittedFor(message.template),
        customId: emailMessageId,
      });
      if (result.ok) {
        await tx.emailMessage.update({
          where: { id: emailMessageId },
          data: {
            status: result.devMailbox ? "DEV_MAILBOX" : "SENT",
            providerMessageId: result.providerMessageId,
            sentAt: now(),
            attempts: attempt,
            lastError: null,
          },
        });
      } else {
        await tx.emailMessage.update({
          where: { id: emailMessageId },
          data: { attempts: attempt, lastError: result.error, ...(result.permanent ? { status: "FAILED" } : {}) },
        });
      }
      return { kind: "done", result, attempt };
    },
    { timeout: SEND_TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
  );
}

/**
 * Gives the send jobs of still-PENDING messages that BullMQ holds as failed (all tries used while
 * SendGrid was unreachable) a fresh round of tries. A message SendGrid refused for good is FAILED,
 * not PENDING, so it is never among these.
 */
async function retryExhaustedSends(queue: Queue, emailMessageIds: readonly string[]): Promise<number> {
  let retried = 0;
  for (const emailMessageId of emailMessageIds) {
    const send = await queue.getJob(JOBS.sendEmail.jobId({ emailMessageId }));
    if (send && (await send.isFailed())) {
      await send.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true });
      retried += 1;
    }
  }
  return retried;
}

/** A transport, or a function giving one when the first job needs it. */
export type TransportSource = EmailTransport | (() => EmailTransport);

export function createNotifyProcessor(transport: TransportSource, { concurrency = 4 }: { concurrency?: number } = {}): Processor {
  const getTransport = typeof transport === "function" ? transport : () => transport;
  return {
    queue: "notify",
    concurrency,
    handle: async (job, { db, log, now, queues }: ProcessorContext) => {
      if (job.name === JOBS.sweepNotify.name) {
        const stalled = await requeueStalledEmails(db, now());
        const retried = queues ? await retryExhaustedSends(queues[job.queueName as QueueName], stalled) : 0;
        // The units' morning summaries ride on this five-minute sweep (a no-op outside 07:00–07:30 WIB).
        const digests = await sendUnitDigests(db, now(), { publicBaseUrl: getEnv().PUBLIC_BASE_URL });
        // Supporters' addresses go once their report has been over for a while (ADR 038).
        const purged = await purgeEndedSubscriptions(db, now());
        if (stalled.length > 0 || digests.created > 0 || purged > 0) log.info("email sweep", { requeued: stalled.length, retried, digests: digests.created, subscriptionsPurged: purged });
        return { requeued: stalled.length, retried, digests: digests.created, subscriptionsPurged: purged };
      }
      if (job.name !== JOBS.sendEmail.name) throw new UnrecoverableError(`unknown job notify/${job.name}`);
      const parsed = JOBS.sendEmail.payload.safeParse(job.data);
      if (!parsed.success) {
        // Issue paths and codes only: never echo a payload into logs.
        const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.code}`).join(", ");
        throw new UnrecoverableError(`invalid email.send payload (${issues})`);
      }
      const { emailMessageId } = parsed.data;
      const outcome = await sendStoredEmail(db, getTransport(), emailMessageId, now);

      if (outcome.kind === "missing") throw new UnrecoverableError(`email message ${emailMessageId} not found`);
      if (outcome.kind === "suppressed") {
        log.info("email not sent: address undeliverable", { emailMessageId, jobId: job.id });
        return { status: "FAILED", sent: false };
      }
      if (outcome.kind === "already") {
        log.info("email already handled; nothing sent", { emailMessageId, status: outcome.status, jobId: job.id });
        return { status: outcome.status, sent: false };
      }
      const { result, attempt } = outcome;
      if (result.ok) {
        const status = result.devMailbox ? "DEV_MAILBOX" : "SENT";
        log.info("email delivered", { emailMessageId, status, attempt });
        return { status, sent: true };
      }
      // Recorded on the row before throwing: BullMQ retries a plain Error with the queue's
      // exponential backoff and never retries an UnrecoverableError.
      if (result.permanent) throw new UnrecoverableError(result.error);
      throw new Error(result.error);
    },
  };
}

let envTransport: EmailTransport | undefined;

/** The process's transport, from SENDGRID_API_KEY / SENDGRID_BASE_URL / MAIL_FROM, made once. */
function transportFromEnv(): EmailTransport {
  if (!envTransport) {
    const env = getEnv();
    envTransport = createEmailTransport({ apiKey: env.SENDGRID_API_KEY, baseUrl: env.SENDGRID_BASE_URL, from: env.MAIL_FROM });
    if (envTransport.kind === "dev-mailbox" && env.NODE_ENV === "production") {
      createLogger("notify").warn("SENDGRID_API_KEY is not set: emails are kept in the dev mailbox, not sent");
    }
  }
  return envTransport;
}

export const notifyProcessor: Processor = createNotifyProcessor(transportFromEnv);
