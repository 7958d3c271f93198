import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { withDatabase } from "~/services/db-errors.server";
import { getEnv } from "~/services/env.server";
import { resolveLocale, translate } from "~/services/i18n.server";
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
  // A refused upload (a file or form over its limit) is answered before its body has arrived. Left
  // on a kept-alive connection, the rest of that body stalls the client's next request on it until
  // the connection is reset; closing the connection after such an answer is what HTTP expects.
  app.use((req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      if (!req.complete) this.setHeader("Connection", "close");
      return writeHead.apply(this, args);
    } as typeof writeHead;
    next();
  });
  // PostgreSQL can neither store nor compare U+0000, so a %00 in a path or query string that reached
  // a query (an Open311 service code, a tracking code) failed it: a 500. No link of ours has one.
  app.use((req, res, next) => {
    if (!/%00/i.test(req.url)) return next();
    const locale = resolveLocale(new Request(`http://local${req.url}`, { headers: { cookie: req.headers.cookie ?? "" } }));
    res.status(400).type("text/plain; charset=utf-8").send(translate(locale, "error.generic"));
  });
  // Fingerprinted bundles never change under the same name.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y", index: false }));
  // Only paths that name a file (favicon.svg): every page request would otherwise cost a stat().
  const publicFiles = express.static("public", { maxAge: "1h", index: false });
  app.use((req, res, next) => (/\.[A-Za-z0-9]+$/.test(req.path) ? publicFiles(req, res, next) : next()));
  app.all("*", createRequestHandler({ build: answerDatabaseOutagesWith503(build), mode }));
  return app;
}

/**
 * Every route's loader and action run inside withDatabase: while PostgreSQL is unreachable any
 * page (staff pages, the tracking page, sign-in) answers 503 with Retry-After instead of a 500,
 * without each route having to remember it. Other errors pass through unchanged.
 */
function answerDatabaseOutagesWith503(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue;
    const { loader, action } = route.module;
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        ...(loader ? { loader: (args: Parameters<typeof loader>[0]) => withDatabase(async () => loader(args)) } : {}),
        ...(action ? { action: (args: Parameters<typeof action>[0]) => withDatabase(async () => action(args)) } : {}),
      },
    };
  }
  return { ...build, routes };
}
