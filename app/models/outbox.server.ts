import { JOBS, type JobKey, type JobPayload } from "~/jobs/contracts";
import type { DbClient } from "~/services/db-types.server";
import type { Db } from "~/services/db.server";

/**
 * Records a job in the same transaction as the change that causes it; the outbox relay hands it
 * to BullMQ after commit. A rolled-back change therefore never leaves a job behind, and a Redis
 * outage never loses one.
 */
export async function enqueueJob<K extends JobKey>(
  db: DbClient,
  key: K,
  payload: JobPayload<K>,
  { runAt }: { runAt?: Date } = {},
): Promise<void> {
  const contract = JOBS[key];
  const data = contract.payload.parse(payload) as JobPayload<K>;
  await db.outboxMessage.create({
    data: {
      queue: contract.queue,
      jobName: contract.name,
      jobId: (contract.jobId as (p: JobPayload<K>) => string)(data),
      payload: data as object,
      availableAt: runAt ?? new Date(),
    },
  });
}

/** A row that failed this often is left for an operator (it shows in /healthz) instead of blocking the rest. */
export const MAX_RELAY_ATTEMPTS = 25;

export interface PendingOutboxMessage {
  id: bigint;
  queue: string;
  jobName: string;
  jobId: string;
  payload: unknown;
  availableAt: Date;
}

/**
 * Locks up to `limit` undispatched rows (SKIP LOCKED, so several relays can run) and passes them
 * to `dispatch`; the ones it returns as sent are marked dispatched in the same transaction.
 */
export async function relayOutboxBatch(
  db: Db,
  limit: number,
  dispatch: (messages: PendingOutboxMessage[]) => Promise<{ sent: bigint[]; failed: { id: bigint; error: string }[] }>,
): Promise<{ sent: number; failed: number }> {
  return db.$transaction(
    async (tx) => {
      const messages = await tx.$queryRaw<PendingOutboxMessage[]>`
        SELECT id, queue, job_name AS "jobName", job_id AS "jobId", payload, available_at AS "availableAt"
        FROM outbox_message
        WHERE dispatched_at IS NULL AND attempts < ${MAX_RELAY_ATTEMPTS}
        ORDER BY id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED`;
      if (messages.length === 0) return { sent: 0, failed: 0 };
      const { sent, failed } = await dispatch(messages);
      if (sent.length > 0) {
        await tx.outboxMessage.updateMany({
          where: { id: { in: sent } },
          data: { dispatchedAt: new Date(), attempts: { increment: 1 } },
        });
      }
      for (const failure of failed) {
        await tx.outboxMessage.update({
          where: { id: failure.id },
          data: { attempts: { increment: 1 }, lastError: failure.error.slice(0, 500) },
        });
      }
      return { sent: sent.length, failed: failed.length };
    },
    { timeout: 30_000 },
  );
}

export async function countPendingOutbox(db: DbClient): Promise<number> {
  return db.outboxMessage.count({ where: { dispatchedAt: null } });
}
