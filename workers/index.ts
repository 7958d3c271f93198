// Worker process: `npm run worker` (npm start runs it beside the web server).
import { getEnv } from "~/services/env.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { createLogger } from "~/services/logger.server";
import { shutdownWhenSupervisorGone } from "~/services/supervisor.server";
import { startWorkerRuntime } from "./runtime";

const log = createLogger("worker");
const SHUTDOWN_GRACE_MS = 25_000;

async function main() {
  const env = getEnv();
  const db = getDb();
  const runtime = await startWorkerRuntime({ db, redisUrl: env.REDIS_URL, queuePrefix: env.QUEUE_PREFIX, log, now: appNow, jobLockMs: env.JOB_LOCK_MS });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    const force = setTimeout(() => {
      log.error("shutdown took too long; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    await runtime.stop();
    await db.$disconnect();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  shutdownWhenSupervisorGone((reason) => void shutdown(reason));
}

main().catch((error: Error) => {
  log.error("worker failed to start", { error: error.message });
  process.exit(1);
});
