import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type ErrorRequestHandler, type Response as ExpressResponse } from "express";
import { withDatabase } from "~/services/db-errors.server";
import { getEnv } from "~/services/env.server";
import { DEFAULT_LOCALE, resolveLocale, translate, type Locale } from "~/services/i18n.server";
import { createLogger, errorFields } from "~/services/logger.server";
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
  // But a socket closed while the client is still sending is reset, and the reset can destroy the
  // answer in the client's receive buffer: a 5 MB chunked POST saw a dropped connection, not its
  // 413. So such an answer is ended only once the rest of the body has been read and thrown away.
  app.use((req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      if (!req.complete) this.setHeader("Connection", "close");
      // The only 405 left for Remix to give is a POST to a page without an action.
      const status = typeof args[0] === "number" ? args[0] : this.statusCode;
      if (status === 405 && !this.hasHeader("Allow")) this.setHeader("Allow", "GET, HEAD");
      return writeHead.apply(this, args);
    } as typeof writeHead;
    const end = res.end;
    res.end = function (this: typeof res, ...args: Parameters<typeof end>) {
      if (req.complete || req.destroyed) return end.apply(this, args);
      void drainBody(req).then(() => end.apply(this, args));
      return this;
    } as typeof end;
    next();
  });
  // Methods we do not serve are refused here, with the list of those we do: TRACE reached Remix,
  // which cannot build a Fetch Request for it (a 500), and WebDAV methods reached the router.
  app.use((req, res, next) => {
    if (ALLOWED_METHODS.includes(req.method)) return next();
    res.setHeader("Allow", ALLOWED_METHODS.join(", "));
    refuse(req, res, 405);
  });
  // PostgreSQL can neither store nor compare U+0000, so a %00 in a path or query string that reached
  // a query (an Open311 service code, a tracking code) failed it: a 500. No link of ours has one.
  // Nor has any of our paths another control character; the router's patterns do not match across
  // a CR or LF, so such a path fell through every route, splat included.
  app.use((req, res, next) => {
    if (!/%00/i.test(req.url) && !/%(?:[01][0-9a-f]|7f)/i.test(pathOnly(req.url))) return next();
    refuse(req, res, 400);
  });
  // Fingerprinted bundles never change under the same name.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y", index: false }));
  // Only paths that name a file (favicon.svg): every page request would otherwise cost a stat().
  const publicFiles = express.static("public", { maxAge: "1h", index: false });
  app.use((req, res, next) => (/\.[A-Za-z0-9]+$/.test(req.path) ? publicFiles(req, res, next) : next()));
  app.all("*", createRequestHandler({ build: answerDatabaseOutagesWith503(build), mode }));
  app.use(lastErrorHandler);
  return app;
}

const log = createLogger("web");

/** What the app answers: pages and Open311 read with GET (and HEAD), forms and Open311 write with POST. */
const ALLOWED_METHODS = ["GET", "HEAD", "POST"];

/** How much of a refused body is read and thrown away, and for how long, before the connection is simply closed. */
const DRAIN_MAX_BYTES = 64 * 1024 * 1024;
const DRAIN_MAX_MS = 30_000;

/**
 * Reads the rest of a request body nobody wants, so that the answer to it can be sent and the
 * connection closed without a reset. A sender past the limits is cut off: a plain close then.
 */
function drainBody(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (req.complete || req.destroyed || Number(req.headers["content-length"] ?? 0) > DRAIN_MAX_BYTES) return resolve();
    let received = 0;
    const finish = () => {
      clearTimeout(timer);
      req.off("data", discard).off("end", finish).off("close", finish).off("error", finish);
      resolve();
    };
    const discard = (chunk: Buffer) => {
      received += chunk.byteLength;
      if (received > DRAIN_MAX_BYTES) finish();
    };
    const timer = setTimeout(finish, DRAIN_MAX_MS);
    // A reader that stopped part-way (the form reader at its cap, the multipart parser) left a web
    // stream listening on the body; it would buffer everything that follows, unread.
    req.removeAllListeners("data");
    req.on("data", discard).once("end", finish).once("close", finish).once("error", finish);
    req.resume();
  });
}

/** `?lang=`, then the cookie, as on every page; any request line or header that cannot be read gives Bahasa Indonesia. */
function visitorLocale(req: IncomingMessage): Locale {
  try {
    return resolveLocale(new Request(new URL(req.url ?? "/", "http://local"), { headers: { cookie: req.headers.cookie ?? "" } }));
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** A refusal the app gives before (or instead of) Remix: plain text in the visitor's language. */
function refuse(req: IncomingMessage, res: ExpressResponse, status: number) {
  res.status(status).type("text/plain; charset=utf-8").send(translate(visitorLocale(req), "error.generic"));
}

/**
 * Replaces Express's own final handler, which prints the stack to stderr and, outside production,
 * into the page. What reaches it: a path whose percent-encoding is not UTF-8 (Express cannot decode
 * it: URIError, status 400), a Host header no URL can be built from (Remix's request adapter:
 * ERR_INVALID_URL), and whatever else fails outside Remix's own error handling, which is a 500.
 */
const lastErrorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  const declared = typeof error === "object" && error !== null ? Number((error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode) : NaN;
  const clientFault = error instanceof URIError || (error instanceof TypeError && (error as { code?: unknown }).code === "ERR_INVALID_URL") || (declared >= 400 && declared < 500);
  if (!clientFault) log.error("request failed", { method: req.method, path: pathOnly(req.originalUrl), ...errorFields(error) });
  // Part of an answer is already out (a stream that failed): nothing more can be said on this connection.
  if (res.headersSent) return void res.destroy();
  refuse(req, res, clientFault ? (declared >= 400 && declared < 500 ? declared : 400) : 500);
};

/** The path without its query (which can carry a tracking code), cut short. */
function pathOnly(url: string): string {
  return url.split("?")[0]!.slice(0, 200);
}

const PARSER_REFUSALS: Record<string, string> = {
  HPE_INVALID_METHOD: "405 Method Not Allowed",
  HPE_HEADER_OVERFLOW: "431 Request Header Fields Too Large",
  HPE_CHUNK_EXTENSIONS_OVERFLOW: "413 Payload Too Large",
  ERR_HTTP_REQUEST_TIMEOUT: "408 Request Timeout",
};

const REQUEST_LINE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+ [^ \r\n]+ HTTP\/1\.[01]\r?\n/;

/** A raw HTTP answer for a request Node's parser refused; the connection closes after it. */
function rawRefusal(statusLine: string, locale: Locale): string {
  const body = Buffer.from(translate(locale, "error.generic"));
  const allow = statusLine.startsWith("405") ? `Allow: ${ALLOWED_METHODS.join(", ")}\r\n` : "";
  return `HTTP/1.1 ${statusLine}\r\n${allow}Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.byteLength}\r\nConnection: close\r\n\r\n${body.toString()}`;
}

/** The language of a request Node could not parse, read from its raw bytes the way visitorLocale does. */
function rawLocale(raw: Buffer | undefined): Locale {
  if (!raw) return DEFAULT_LOCALE;
  const text = raw.toString("latin1");
  const target = text.slice(text.indexOf(" ") + 1).split(/[ \r\n]/)[0] ?? "/";
  const cookie = text.match(/\r\ncookie:[ \t]*([^\r\n]*)/i)?.[1] ?? "";
  try {
    return resolveLocale(new Request(new URL(target, "http://local"), { headers: { cookie } }));
  } catch {
    return DEFAULT_LOCALE;
  }
}

/**
 * What the HTTP server does with requests that never reach the app. Node's parser knows a fixed
 * list of methods and answers any other (FOO, TRACK) with a bare 400; a CONNECT, with no handler
 * for it, has its connection dropped without a word. Both get a 405 with Allow here. The parser's
 * other refusals keep Node's status codes (431, 413, 408, else 400), now with a body.
 * For the HTTP server that serves createApp (web.ts, and the test servers).
 */
export function answerUnservedRequests(server: Server): Server {
  server.on("clientError", (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    // Nothing to answer on a connection the client has gone from, or one already part-way through an answer.
    // (bytesWritten would also count the answers to earlier requests on a kept-alive connection, so
    // ask whether an answer to this one has started, as Node's own default handler does.)
    const answering = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
    if (error.code === "ECONNRESET" || !socket.writable || answering) return void socket.destroy();
    // HPE_INVALID_METHOD is also what a TLS handshake or other binary sent to this port gives:
    // only a request line that reads as one is told which methods would do.
    const looksLikeHttp = REQUEST_LINE.test(error.rawPacket?.toString("latin1") ?? "");
    const refusal = error.code === "HPE_INVALID_METHOD" && !looksLikeHttp ? undefined : PARSER_REFUSALS[error.code ?? ""];
    socket.end(rawRefusal(refusal ?? "400 Bad Request", rawLocale(error.rawPacket)));
  });
  server.on("connect", (req: IncomingMessage, socket: Duplex) => {
    // Node hands the socket over without its own error listener: a reset would otherwise throw.
    socket.on("error", () => socket.destroy());
    socket.end(rawRefusal("405 Method Not Allowed", visitorLocale(req)));
  });
  return server;
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
