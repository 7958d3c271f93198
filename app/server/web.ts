// Web process: Express serving the Remix build. `npm run web` (npm start runs it beside the worker).
// Server-side rendering is CPU-bound and Node runs it on one core, so production forks one server
// per CPU on the same port (node:cluster); nothing a request needs lives in process memory (rate
// limits and jobs are in Redis, sessions in signed cookies, data in PostgreSQL), so any process may
// answer any request.
import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { getEnv } from "~/services/env.server";
import { getDb } from "~/services/db.server";
import { createLogger } from "~/services/logger.server";
import { answerUnservedRequests, createApp } from "./app";
import { shutdownWhenSupervisorGone } from "~/services/supervisor.server";

const log = createLogger("web");

async function main() {
  const env = getEnv();
  const processes = env.WEB_PROCESSES ?? (env.NODE_ENV === "production" ? availableParallelism() : 1);
  if (processes > 1 && cluster.isPrimary) return supervise(processes);
  await serve();
}

/** The primary: forks the servers, replaces one that dies, and passes a stop on to all of them. */
function supervise(processes: number) {
  let stopping = false;
  for (let i = 0; i < processes; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    log.warn("web process exited; starting another", { pid: worker.process.pid, code, signal });
    cluster.fork();
  });
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal, processes });
    setTimeout(() => process.exit(1), 12_000).unref();
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  shutdownWhenSupervisorGone(shutdown);
}

async function serve() {
  const env = getEnv();
  const buildPath = resolve("build/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const app = createApp(build, env.NODE_ENV);
  // Methods and requests Node refuses before Express sees them still get an HTTP answer.
  const server = answerUnservedRequests(createServer(app));
  server.listen(env.PORT, () => log.info("web listening", { url: `http://localhost:${env.PORT}`, pid: process.pid }));

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close(() => {
      void getDb()
        .$disconnect()
        .finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  // A forked server whose primary is gone (killed hard) stops too instead of lingering.
  if (cluster.isWorker) process.on("disconnect", () => shutdown("primary gone"));
  shutdownWhenSupervisorGone(shutdown);
}

main().catch((error: Error) => {
  log.error("web failed to start", { error: error.message });
  process.exit(1);
});
