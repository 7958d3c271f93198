// Web process: Express serving the Remix build. `npm run web` (npm start runs it beside the worker).
import { createServer } from "node:http";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { getEnv } from "~/services/env.server";
import { getDb } from "~/services/db.server";
import { createLogger } from "~/services/logger.server";
import { STATIC_SECURITY_HEADERS } from "~/services/security-headers.server";

const log = createLogger("web");

export async function createApp(build: ServerBuild, mode: string) {
  const app = express();
  app.disable("x-powered-by");
  // Behind the city's reverse proxy, per-IP rate limits need the client address it forwards.
  app.set("trust proxy", process.env.TRUST_PROXY ? Number(process.env.TRUST_PROXY) || process.env.TRUST_PROXY : false);
  app.use(compression());
  app.use((_req, res, next) => {
    for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) res.setHeader(name, value);
    next();
  });
  // Fingerprinted bundles never change under the same name.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y", index: false }));
  app.use(express.static("public", { maxAge: "1h", index: false }));
  app.all("*", createRequestHandler({ build, mode }));
  return app;
}

async function main() {
  const env = getEnv();
  const buildPath = resolve("build/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const app = await createApp(build, env.NODE_ENV);
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
}

main().catch((error: Error) => {
  log.error("web failed to start", { error: error.message });
  process.exit(1);
});
