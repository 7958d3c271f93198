import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { Worker, type ConnectionOptions } from "bullmq";
import type { Db } from "~/services/db.server";
import { createQueues } from "~/services/queue.server";
import { createRedis } from "~/services/redis.server";
import type { Logger } from "~/services/logger.server";
import { recordWorkerHeartbeat, removeWorkerHeartbeat } from "~/models/worker-heartbeat.server";
import { startOutboxRelay } from "./outbox-relay";
import { PROCESSORS, type Processor } from "./processors";
import { JOBS } from "~/jobs/contracts";

import { HEARTBEAT_INTERVAL_MS } from "~/jobs/heartbeat";

export interface WorkerRuntimeOptions {
  db: Db;
  redisUrl: string;
  queuePrefix: string;
  log: Logger;
  processors?: Processor[];
  now?: () => Date;
  relayIntervalMs?: number;
  heartbeatIntervalMs?: number;
  /** BullMQ lockDuration (and stalled-job check interval): how soon a dead worker's job runs elsewhere. */
  jobLockMs?: number;
  /** How often the SLA sweeper runs when an "sla" processor is present (a BullMQ job scheduler). */
  slaSweepIntervalMs?: number;
  /** How often the routing sweeper runs when a "routing" processor is present. */
  routingSweepIntervalMs?: number;
  /** How often the reports sweeper runs when a "reports" processor is present. */
  reportsSweepIntervalMs?: number;
  /** How often stalled e-mails are queued again when a "notify" processor is present. */
  notifySweepIntervalMs?: number;
  /** How often the schedulers are re-registered, so it comes back after Redis lost its data. */
  schedulerRefreshMs?: number;
}

export const SLA_SWEEP_INTERVAL_MS = 60_000;
export const REPORTS_SWEEP_INTERVAL_MS = 5 * 60_000;
export const ROUTING_SWEEP_INTERVAL_MS = 60_000;
export const NOTIFY_SWEEP_INTERVAL_MS = 5 * 60_000;

/** Starts the relay, the heartbeat and one BullMQ Worker per processor; `stop` drains them all. */
export async function startWorkerRuntime(options: WorkerRuntimeOptions): Promise<{ workerId: string; stop: () => Promise<void> }> {
  const { db, redisUrl, queuePrefix, log, processors = PROCESSORS, now = () => new Date() } = options;
  const workerId = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const startedAt = now();
  const producer = createQueues({ prefix: queuePrefix, redisUrl });
  const consumerConnection = createRedis(redisUrl);
  consumerConnection.on("error", () => {});

  const workers = processors.map((processor) => {
    const worker = new Worker(
      processor.queue,
      (job) => processor.handle(job, { db, log, now, queues: producer.queues }),
      {
        connection: consumerConnection as ConnectionOptions,
        prefix: queuePrefix,
        concurrency: processor.concurrency,
        // A job whose worker died keeps its lock this long; the next stalled check after that puts
        // it back in the queue for any live worker (processors are idempotent: ADR 004).
        ...(options.jobLockMs ? { lockDuration: options.jobLockMs, stalledInterval: options.jobLockMs } : {}),
      },
    );
    worker.on("failed", (job, error) =>
      log.warn("job failed", { queue: processor.queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, error: error.message }),
    );
    worker.on("error", (error) => log.warn("worker error", { queue: processor.queue, error: error.message }));
    return worker;
  });

  const beat = async () => {
    try {
      await recordWorkerHeartbeat(db, {
        workerId,
        hostname: hostname(),
        pid: process.pid,
        queues: processors.map((p) => p.queue),
        startedAt,
      }, now());
    } catch (error) {
      log.warn("heartbeat not recorded", { error: (error as Error).message });
    }
  };
  await beat();
  const heartbeat = setInterval(beat, options.heartbeatIntervalMs ?? HEARTBEAT_INTERVAL_MS);
  const stopRelay = startOutboxRelay(db, producer, log, { intervalMs: options.relayIntervalMs, now });
  // One scheduler per sweeping queue for the whole deployment: upserting the same id from every
  // worker is harmless. They are re-upserted periodically, because Redis may be down at start or
  // may lose its data (it keeps nothing on disk here) and the sweepers make that loss harmless.
  const sweeps = [
    { queue: "sla" as const, id: "sla-sweep", job: JOBS.sweepSla.name, every: options.slaSweepIntervalMs ?? SLA_SWEEP_INTERVAL_MS },
    { queue: "routing" as const, id: "routing-sweep", job: JOBS.sweepRouting.name, every: options.routingSweepIntervalMs ?? ROUTING_SWEEP_INTERVAL_MS },
    { queue: "reports" as const, id: "reports-sweep", job: JOBS.sweepReports.name, every: options.reportsSweepIntervalMs ?? REPORTS_SWEEP_INTERVAL_MS },
    { queue: "notify" as const, id: "notify-sweep", job: JOBS.sweepNotify.name, every: options.notifySweepIntervalMs ?? NOTIFY_SWEEP_INTERVAL_MS },
  ].filter((sweep) => processors.some((p) => p.queue === sweep.queue));
  let schedulerTimer: NodeJS.Timeout | undefined;
  let stopping = false;
  if (sweeps.length > 0) {
    const registerSweeps = async () => {
      if (stopping) return;
      if (!producer.isReady()) {
        schedulerTimer = setTimeout(registerSweeps, 1_000);
        return;
      }
      try {
        for (const sweep of sweeps) {
          await producer.queues[sweep.queue].upsertJobScheduler(sweep.id, { every: sweep.every }, { name: sweep.job, data: {} });
        }
        if (stopping) return;
        schedulerTimer = setTimeout(registerSweeps, options.schedulerRefreshMs ?? SLA_SWEEP_INTERVAL_MS);
      } catch (error) {
        log.warn("sweep schedulers not registered yet", { error: (error as Error).message });
        schedulerTimer = setTimeout(registerSweeps, 5_000);
      }
    };
    void registerSweeps();
  }
  log.info("worker started", { workerId, queues: processors.map((p) => p.queue).join(",") || "(relay only)" });

  return {
    workerId,
    stop: async () => {
      stopping = true;
      clearInterval(heartbeat);
      clearTimeout(schedulerTimer);
      await stopRelay();
      // close() waits for jobs in progress; a job cut short by a hard kill is retried (idempotent processors).
      await Promise.all(workers.map((worker) => worker.close()));
      await producer.close();
      consumerConnection.disconnect();
      await removeWorkerHeartbeat(db, workerId).catch(() => {});
      log.info("worker stopped", { workerId });
    },
  };
}
