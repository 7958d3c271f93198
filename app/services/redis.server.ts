import { Redis, type RedisOptions } from "ioredis";
import { getEnv } from "./env.server";

/**
 * BullMQ needs `maxRetriesPerRequest: null` on worker connections; we use it everywhere so a
 * Redis outage makes commands wait and reconnect rather than throw mid-job.
 */
export function createRedis(url = getEnv().REDIS_URL, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    ...options,
  });
}

const globalForRedis = globalThis as unknown as { __laporRedis?: Redis };

/** Shared connection for the web process (rate limits, health, enqueueing). */
export function getRedis(): Redis {
  globalForRedis.__laporRedis ??= createRedis();
  return globalForRedis.__laporRedis;
}

const globalForFailFast = globalThis as unknown as { __laporFailFastRedis?: Redis };

/** A connection that fails at once while Redis is down: /healthz and rate limits answer instead of waiting. */
export function getFailFastRedis(): Redis {
  if (!globalForFailFast.__laporFailFastRedis) {
    const connection = createRedis(undefined, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    connection.on("error", () => {});
    globalForFailFast.__laporFailFastRedis = connection;
  }
  return globalForFailFast.__laporFailFastRedis;
}
