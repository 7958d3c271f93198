// What /healthz checks. Not an adapter in app/services: it reads the worker heartbeat through a
// model, and services sit below models (ADR 032).
import type { Redis } from "ioredis";
import type { Db } from "~/services/db.server";
import { getLatestWorkerHeartbeat } from "~/models/worker-heartbeat.server";
import { HEARTBEAT_STALE_AFTER_MS } from "~/jobs/heartbeat";

export interface CheckResult {
  ok: boolean;
  latencyMs?: number;
  detail?: string;
}

export interface HealthReport {
  status: "ok" | "fail";
  checks: { database: CheckResult; redis: CheckResult; worker: CheckResult & { lastBeatAt?: string } };
}

const CHECK_TIMEOUT_MS = 2_000;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; latencyMs: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const value = await Promise.race([
      work(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { value, latencyMs: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

// A fresh or reconnecting connection refuses commands (no offline queue) until it is ready.
// One shared wait per connection, so health polls during an outage do not pile up listeners.
const pendingReady = new WeakMap<Redis, Promise<void>>();
function untilReady(redis: Redis): Promise<void> {
  if (redis.status === "ready") return Promise.resolve();
  let pending = pendingReady.get(redis);
  if (!pending) {
    pending = new Promise<void>((resolve) =>
      redis.once("ready", () => {
        pendingReady.delete(redis);
        resolve();
      }),
    );
    pendingReady.set(redis, pending);
    if (redis.status === "end") redis.connect().catch(() => {});
  }
  return pending;
}

/** What /healthz reports: each dependency on its own, so an operator sees which one is down. */
export async function checkHealth(db: Db, redis: Redis, now = new Date()): Promise<HealthReport> {
  const [database, redisCheck, worker] = await Promise.all([
    timed(() => db.$queryRaw`SELECT 1`).then(
      ({ latencyMs }): CheckResult => ({ ok: true, latencyMs }),
      (error: Error): CheckResult => ({ ok: false, detail: error.message.split("\n")[0] }),
    ),
    timed(async () => {
      await untilReady(redis);
      return redis.ping();
    }).then(
      ({ latencyMs }): CheckResult => ({ ok: true, latencyMs }),
      (error: Error): CheckResult => ({ ok: false, detail: error.message.split("\n")[0] }),
    ),
    timed(() => getLatestWorkerHeartbeat(db)).then(
      ({ value }) => {
        if (!value) return { ok: false, detail: "no worker has reported" };
        const ageMs = now.getTime() - value.getTime();
        return ageMs <= HEARTBEAT_STALE_AFTER_MS
          ? { ok: true, lastBeatAt: value.toISOString() }
          : { ok: false, lastBeatAt: value.toISOString(), detail: `last heartbeat ${Math.round(ageMs / 1000)} s ago` };
      },
      (error: Error) => ({ ok: false, detail: error.message.split("\n")[0] }),
    ),
  ]);
  const checks = { database, redis: redisCheck, worker };
  return { status: database.ok && redisCheck.ok && worker.ok ? "ok" : "fail", checks };
}
