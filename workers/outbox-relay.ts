import type { Queues } from "~/services/queue.server";
import type { Db } from "~/services/db.server";
import { relayOutboxBatch, type PendingOutboxMessage } from "~/models/outbox.server";
import { findJobContract, type QueueName } from "~/jobs/contracts";
import type { Logger } from "~/services/logger.server";

/**
 * Moves committed outbox rows into BullMQ. A job's deterministic id makes a second relay of the
 * same row (after a crash between add and commit) a no-op in BullMQ.
 */
export async function relayOutboxOnce(
  db: Db,
  queues: Queues,
  { batchSize = 200, now = () => new Date() }: { batchSize?: number; now?: () => Date } = {},
): Promise<{ sent: number; failed: number }> {
  return relayOutboxBatch(db, batchSize, async (messages: PendingOutboxMessage[]) => {
    const sent: bigint[] = [];
    const failed: { id: bigint; error: string }[] = [];
    for (const message of messages) {
      const contract = findJobContract(message.queue, message.jobName);
      if (!contract) {
        failed.push({ id: message.id, error: `unknown job ${message.queue}/${message.jobName}` });
        continue;
      }
      const parsed = contract.payload.safeParse(message.payload);
      if (!parsed.success) {
        failed.push({ id: message.id, error: `invalid payload: ${parsed.error.message}` });
        continue;
      }
      try {
        await queues[contract.queue as QueueName].add(message.jobName, parsed.data, {
          jobId: message.jobId,
          delay: Math.max(0, message.availableAt.getTime() - now().getTime()),
        });
        sent.push(message.id);
      } catch (error) {
        failed.push({ id: message.id, error: (error as Error).message });
        // Redis is unreachable: every further add would fail the same way.
        break;
      }
    }
    return { sent, failed };
  });
}

/** Polls the outbox until stopped; returns a function that stops it and waits for the pass in flight. */
export function startOutboxRelay(
  db: Db,
  queues: Queues,
  log: Logger,
  { intervalMs = 500 }: { intervalMs?: number } = {},
): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  let lastError = "";
  const tick = () => {
    inFlight = (async () => {
      try {
        let result;
        do {
          result = await relayOutboxOnce(db, queues);
          if (result.sent > 0) log.debug("outbox relayed", { sent: result.sent });
        } while (!stopped && result.sent > 0 && result.failed === 0);
        if (result.failed > 0) throw new Error(`${result.failed} outbox message(s) not relayed`);
        if (lastError) log.info("outbox relay recovered");
        lastError = "";
      } catch (error) {
        const message = (error as Error).message;
        if (message !== lastError) log.warn("outbox relay failed; will retry", { error: message });
        lastError = message;
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
