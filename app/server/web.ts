// Web process: Express serving the Remix build. `npm run web` (npm start runs it beside the worker).
import { createServer } from "node:http";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { getEnv } from "~/services/env.server";
import { getDb } from "~/services/db.server";
import { createLogger } from "~/services/logger.server";
import { createApp } from "./app";
import { shutdownWhenSupervisorGone } from "~/services/supervisor.server";

const log = createLogger("web");

async function main() {
  const env = getEnv();
  const buildPath = resolve("build/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const app = createApp(build, env.NODE_ENV);
  const server = createServer(app);
  server.listen(env.PORT, () => log.info("web listening", { url: `http://localhost:${env.PORT}` }));

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
  shutdownWhenSupervisorGone(shutdown);
}

main().catch((error: Error) => {
  log.error("web failed to start", { error: error.message });
  process.exit(1);
});
