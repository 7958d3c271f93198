import { JOBS, type JobKey, type JobPayload } from "~/jobs/contracts";
import type { DbClient } from "~/services/db-types.server";
import { qualifiedTable, type Db } from "~/services/db.server";

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

/**
 * Many jobs of one kind in one INSERT (the SLA sweeper's batch), with the same contract checks as
 * enqueueJob. Raw SQL: Prisma compiles a createMany's plan with its rows, which cost more than the
 * insert itself at hundreds of rows. `db` names the schema, `client` runs it (a transaction).
 */
export async function enqueueJobs<K extends JobKey>(db: Db, client: DbClient, key: K, jobs: readonly { payload: JobPayload<K>; runAt?: Date }[]): Promise<void> {
  if (jobs.length === 0) return;
  const contract = JOBS[key];
  const now = new Date();
  const rows = jobs.map(({ payload, runAt }) => {
    const data = contract.payload.parse(payload) as JobPayload<K>;
    return { jobId: (contract.jobId as (p: JobPayload<K>) => string)(data), payload: JSON.stringify(data), availableAt: runAt ?? now };
  });
  await client.$executeRaw`
    INSERT INTO ${qualifiedTable(db, "outbox_message")} (queue, job_name, job_id, payload, available_at)
    SELECT ${contract.queue}, ${contract.name}, v.job_id, v.payload, v.available_at
    FROM unnest(${rows.map((r) => r.jobId)}::text[], ${rows.map((r) => r.payload)}::jsonb[], ${rows.map((r) => r.availableAt)}::timestamptz[])
      AS v(job_id, payload, available_at)`;
}

/** A row rejected this often (unknown job, bad payload) is left for an operator instead of blocking the rest. */
export const MAX_RELAY_ATTEMPTS = 25;

export interface PendingOutboxMessage {
  id: bigint;
  queue: string;
  jobName: string;
  jobId: string;
  payload: unknown;
  availableAt: Date;
}

export interface DispatchOutcome {
  sent: bigint[];
  /** Rows that can never be relayed as they are; each try counts toward MAX_RELAY_ATTEMPTS. */
  rejected: { id: bigint; error: string }[];
  /** Set when Redis failed mid-pass: the rest stays pending and no attempt is counted against it. */
  transientError?: string;
}

/**
 * Locks up to `limit` undispatched rows (SKIP LOCKED, so several relays can run) and passes them
 * to `dispatch`; what it reports is written back in the same transaction.
 */
export async function relayOutboxBatch(
  db: Db,
  limit: number,
  dispatch: (messages: PendingOutboxMessage[]) => Promise<DispatchOutcome>,
): Promise<{ sent: number; rejected: number; transientError?: string }> {
  return db.$transaction(
    async (tx) => {
      const messages = await tx.$queryRaw<PendingOutboxMessage[]>`
        SELECT id, queue, job_name AS "jobName", job_id AS "jobId", payload, available_at AS "availableAt"
        FROM ${qualifiedTable(db, "outbox_message")}
        WHERE dispatched_at IS NULL AND attempts < ${MAX_RELAY_ATTEMPTS}
        ORDER BY id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED`;
      if (messages.length === 0) return { sent: 0, rejected: 0 };
      const { sent, rejected, transientError } = await dispatch(messages);
      if (sent.length > 0) {
        await tx.outboxMessage.updateMany({ where: { id: { in: sent } }, data: { dispatchedAt: new Date() } });
      }
      for (const rejection of rejected) {
        await tx.outboxMessage.update({
          where: { id: rejection.id },
          data: { attempts: { increment: 1 }, lastError: rejection.error.slice(0, 500) },
        });
      }
      return { sent: sent.length, rejected: rejected.length, transientError };
    },
    { timeout: 60_000 },
  );
}

export async function countPendingOutbox(db: DbClient): Promise<number> {
  return db.outboxMessage.count({ where: { dispatchedAt: null } });
}

/** Dispatched rows are history once BullMQ has them; keep a week for inspection, then delete in batches. */
export const OUTBOX_RETENTION_MS = 7 * 24 * 3_600_000;

export async function pruneDispatchedOutbox(db: Db, now: Date, { limit = 5_000 }: { limit?: number } = {}): Promise<number> {
  const cutoff = new Date(now.getTime() - OUTBOX_RETENTION_MS);
  return db.$executeRaw`
    DELETE FROM ${qualifiedTable(db, "outbox_message")}
    WHERE id IN (
      SELECT id FROM ${qualifiedTable(db, "outbox_message")}
      WHERE dispatched_at IS NOT NULL AND dispatched_at < ${cutoff}
      ORDER BY id
      LIMIT ${limit}
    )`;
}
