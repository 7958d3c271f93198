import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { getEnv } from "~/services/env.server";
import { REMOTE_ADDR_HEADER } from "~/services/rate-limit.server";
import { securityHeaders } from "~/services/security-headers.server";

/** The Express app around the Remix build; web.ts listens with it, tests call it in-process. */
export function createApp(build: ServerBuild, mode: string) {
  const app = express();
  app.disable("x-powered-by");
  // Behind the city's reverse proxy, per-IP rate limits need the client address it forwards.
  app.set("trust proxy", getEnv().TRUST_PROXY);
  app.use(compression());
  // The socket's address is not visible on the Fetch Request Remix hands to routes; pass it on,
  // overwriting anything a client sent under that name.
  app.use((req, _res, next) => {
    req.headers[REMOTE_ADDR_HEADER] = req.socket.remoteAddress ?? "";
    next();
  });
  const headers = securityHeaders({ nodeEnv: getEnv().NODE_ENV, publicBaseUrl: getEnv().PUBLIC_BASE_URL });
  const ours = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
  app.use((_req, res, next) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    // A route may set one of these itself (the password-reset page's Referrer-Policy: no-referrer).
    // Remix's adapter appends response headers, which would send both values joined by a comma;
    // the route's value replaces ours instead.
    const append = res.append.bind(res);
    res.append = (field: string, value?: string | string[]) => (ours.has(field.toLowerCase()) && value !== undefined ? res.setHeader(field, value) : append(field, value));
    next();
  });
  // Fingerprinted bundles never change under the same name.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y", index: false }));
  app.use(express.static("public", { maxAge: "1h", index: false }));
  app.all("*", createRequestHandler({ build, mode }));
  return app;
}
