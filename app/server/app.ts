import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { STATIC_SECURITY_HEADERS } from "~/services/security-headers.server";

/** The Express app around the Remix build; web.ts listens with it, tests call it in-process. */
export function createApp(build: ServerBuild, mode: string) {
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
