import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { checkHealth } from "~/domain/ops/health.server";
import { createRedis } from "~/services/redis.server";
import { recordWorkerHeartbeat } from "~/models/worker-heartbeat.server";
import { HEARTBEAT_STALE_AFTER_MS } from "~/jobs/heartbeat";
import { useTestDatabase } from "./support/isolation";
import { PrivateRedis } from "./support/redis-server";

const database = useTestDatabase();
let redisServer: PrivateRedis;
let redis: Redis;

beforeAll(async () => {
  redisServer = await PrivateRedis.create();
  await redisServer.start();
  // The same kind of connection /healthz uses: it fails at once while Redis is down.
  redis = createRedis(redisServer.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  redis.on("error", () => {});
});

afterAll(async () => {
  redis.disconnect();
  await redisServer.stop();
});

async function beat(at: Date) {
  await recordWorkerHeartbeat(database.db, { workerId: "test-worker", hostname: "test", pid: 1, queues: [], startedAt: at }, at);
}

describe("/healthz report", () => {
  it("is ok when the database, Redis and a recent worker heartbeat are all there", async () => {
    await beat(new Date());
    const report = await checkHealth(database.db, redis);
    expect(report.status).toBe("ok");
    expect(report.checks.database.ok).toBe(true);
    expect(report.checks.redis.ok).toBe(true);
    expect(report.checks.worker.ok).toBe(true);
  });

  it("fails on Redis while it is stopped, and recovers by itself when it is back", async () => {
    await beat(new Date());
    await redisServer.stop();
    const down = await checkHealth(database.db, redis);
    expect(down.status).toBe("fail");
    expect(down.checks.redis.ok).toBe(false);
    expect(down.checks.database.ok).toBe(true);

    await redisServer.start();
    await beat(new Date());
    const deadline = Date.now() + 10_000;
    let report = await checkHealth(database.db, redis);
    while (report.status !== "ok" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      report = await checkHealth(database.db, redis);
    }
    expect(report.status).toBe("ok");
  });

  it("fails on the worker when its last heartbeat is stale", async () => {
    const now = new Date();
    await beat(new Date(now.getTime() - HEARTBEAT_STALE_AFTER_MS - 1_000));
    const report = await checkHealth(database.db, redis, now);
    expect(report.status).toBe("fail");
    expect(report.checks.worker.ok).toBe(false);
    expect(report.checks.worker.detail).toMatch(/last heartbeat \d+ s ago/);
  });
});
