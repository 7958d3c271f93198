import { Queue, type ConnectionOptions } from "bullmq";
import type { Redis } from "ioredis";
import { QUEUE_NAMES, type QueueName } from "~/jobs/contracts";
import { createRedis } from "./redis.server";

export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: "exponential", delay: 2_000 },
  // Completed ids are kept a day so a re-relayed duplicate is still recognised and ignored.
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
} as const;

export type Queues = Record<QueueName, Queue>;

/**
 * Producer-side queues. Their connection refuses to buffer while Redis is down, so the outbox
 * relay sees the failure at once and leaves the rows for the next pass.
 */
export interface Producer {
  queues: Queues;
  connection: Redis;
  /** False while Redis is unreachable: adds would wait for it instead of failing. */
  isReady: () => boolean;
  close: () => Promise<void>;
}

export function createQueues({ prefix, redisUrl }: { prefix: string; redisUrl?: string }): Producer {
  const connection = createRedis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  // Emitted on every failed reconnect; the relay already reports the outage once per pass.
  connection.on("error", () => {});
  const queues = Object.fromEntries(
    QUEUE_NAMES.map((name) => {
      const queue = new Queue(name, { connection: connection as ConnectionOptions, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      // Same reason: connection errors surface as failed adds, which the relay reports.
      queue.on("error", () => {});
      return [name, queue];
    }),
  ) as Queues;
  return {
    queues,
    connection,
    isReady: () => connection.status === "ready",
    close: async () => {
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
      connection.disconnect();
    },
  };
}
