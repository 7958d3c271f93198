import type { Producer } from "~/services/queue.server";
import type { Db } from "~/services/db.server";
import { pruneDispatchedOutbox, relayOutboxBatch, type DispatchOutcome, type PendingOutboxMessage } from "~/models/outbox.server";
import { findJobContract, type QueueName } from "~/jobs/contracts";
import type { Logger } from "~/services/logger.server";

export interface RelayResult {
  sent: number;
  rejected: number;
  /** Redis was not reachable; nothing was counted against the rows. */
  unavailable?: string;
}

const ADD_TIMEOUT_MS = 5_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Moves committed outbox rows into BullMQ. A job's deterministic id makes a second relay of the
 * same row (after a crash between add and commit) a no-op in BullMQ. While Redis is down the
 * rows simply wait: an outage of any length loses nothing.
 */
export async function relayOutboxOnce(
  db: Db,
  producer: Pick<Producer, "queues" | "isReady">,
  { batchSize = 200, now = () => new Date() }: { batchSize?: number; now?: () => Date } = {},
): Promise<RelayResult> {
  if (!producer.isReady()) return { sent: 0, rejected: 0, unavailable: "Redis connection is not ready" };
  const result = await relayOutboxBatch(db, batchSize, async (messages: PendingOutboxMessage[]) => {
    const outcome: DispatchOutcome = { sent: [], rejected: [] };
    for (const message of messages) {
      const contract = findJobContract(message.queue, message.jobName);
      if (!contract) {
        outcome.rejected.push({ id: message.id, error: `unknown job ${message.queue}/${message.jobName}` });
        continue;
      }
      const parsed = contract.payload.safeParse(message.payload);
      if (!parsed.success) {
        outcome.rejected.push({ id: message.id, error: `invalid payload: ${parsed.error.message}` });
        continue;
      }
      try {
        await withTimeout(
          producer.queues[contract.queue as QueueName].add(message.jobName, parsed.data, {
            jobId: message.jobId,
            delay: Math.max(0, message.availableAt.getTime() - now().getTime()),
          }),
          ADD_TIMEOUT_MS,
        );
        outcome.sent.push(message.id);
      } catch (error) {
        // Every further add would fail the same way; the rest waits for the next pass.
        outcome.transientError = (error as Error).message;
        break;
      }
    }
    return outcome;
  });
  return { sent: result.sent, rejected: result.rejected, ...(result.transientError ? { unavailable: result.transientError } : {}) };
}

const OUTAGE_GRACE_MS = 5_000;

/** Polls the outbox until stopped; returns a function that stops it and waits for the pass in flight. */
export function startOutboxRelay(
  db: Db,
  producer: Pick<Producer, "queues" | "isReady">,
  log: Logger,
  { intervalMs = 500, pruneEveryMs = 10 * 60_000, now = () => new Date() }: { intervalMs?: number; pruneEveryMs?: number; now?: () => Date } = {},
): () => Promise<void> {
  let lastPrune = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  let lastError = "";
  let failingSince: number | null = null;
  let reported = false;
  const tick = () => {
    inFlight = (async () => {
      try {
        let result: RelayResult;
        do {
          result = await relayOutboxOnce(db, producer);
          if (result.sent > 0) log.debug("outbox relayed", { sent: result.sent });
          if (result.rejected > 0) log.error("outbox rows rejected", { rejected: result.rejected });
        } while (!stopped && result.sent > 0 && !result.unavailable);
        if (result.unavailable) throw new Error(result.unavailable);
        if (Date.now() - lastPrune >= pruneEveryMs) {
          lastPrune = Date.now();
          const pruned = await pruneDispatchedOutbox(db, now());
          if (pruned > 0) log.info("outbox pruned", { rows: pruned });
        }
        if (reported) log.info("outbox relay recovered");
        lastError = "";
        failingSince = null;
        reported = false;
      } catch (error) {
        const message = (error as Error).message;
        failingSince ??= Date.now();
        // A connection still coming up at start is not news; an outage past the grace period is,
        // once per distinct error.
        if (Date.now() - failingSince >= OUTAGE_GRACE_MS && message !== lastError) {
          log.warn("outbox relay failed; will retry", { error: message });
          lastError = message;
          reported = true;
        }
      }
      if (!stopped) timer = setTimeout(tick, intervalMs);
    })();
  };
  tick();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await inFlight;
  };
}
