import { randomBytes } from "node:crypto";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import type { renderToReadableStream as RenderToReadableStream } from "react-dom/server";
// React 18.3's Node writer (renderToPipeableStream) sends zero bytes when a multi-byte character
// falls across its 2 KiB buffer; the web-streams build encodes whole strings first and has no such
// gap (ADR 028). @types/react-dom types this function under "react-dom/server" only.
// @ts-expect-error -- no declaration file for the "react-dom/server.browser" entry point
import { renderToReadableStream as untypedRenderToReadableStream } from "react-dom/server.browser";
import { ErrorPageI18nContext, resolveLocale } from "~/services/i18n";
import { messagesFor } from "~/services/i18n.server";
import { NonceContext } from "~/services/nonce";
import { contentSecurityPolicy } from "~/services/security-headers.server";
import { createLogger, errorFields } from "~/services/logger.server";

const renderToReadableStream = untypedRenderToReadableStream as typeof RenderToReadableStream;
const log = createLogger("web");

/**
 * Unknown URLs are answered with a 404 page, not logged as errors; aborted requests (a phone
 * losing signal) are routine. Everything else is logged by path only: query strings can carry
 * tracking codes.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (error instanceof Error && /^No route matches URL/.test(error.message)) return;
  // Thrown responses below 500 (a 404 page, a refused request) are answers, not failures.
  const status = typeof error === "object" && error !== null && "status" in error ? Number((error as { status: unknown }).status) : 500;
  if (status < 500) return;
  log.error("request failed", { method: request.method, path: new URL(request.url).pathname, ...errorFields(error) });
};

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

/**
 * Every document is rendered whole and sent as one buffer (ADR 028). No route defers data, so
 * waiting for everything costs only the render itself; in exchange the status code is known before
 * anything is sent (an error inside a Suspense boundary is a 500, not a 200 with a broken page).
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  const nonce = randomBytes(16).toString("base64");
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" }));
  // No root data (null: the router's mark for a loader it did not run): an action threw, and Remix
  // ran no loader at or above the boundary. The root error page takes the visitor's words from here
  // instead (ErrorBoundary in root.tsx).
  const rootLoaded = remixContext.staticHandlerContext.loaderData.root != null;
  const locale = resolveLocale(request);
  const errorPageI18n = rootLoaded ? null : { locale, messages: messagesFor(locale, "public") };

  // Whatever has not resolved by then is left to the browser to render (React's abort).
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error("render timed out")), ABORT_DELAY);
  let shellRendered = false;
  try {
    const stream = await renderToReadableStream(
      <NonceContext.Provider value={nonce}>
        <ErrorPageI18nContext.Provider value={errorPageI18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </ErrorPageI18nContext.Provider>
      </NonceContext.Provider>,
      {
        nonce,
        signal: timeout.signal,
        onError(error: unknown) {
          responseStatusCode = 500;
          // An error before the shell rejects the render; Remix then reports it through handleError.
          if (shellRendered) log.error("render failed", { path: new URL(request.url).pathname, ...errorFields(error) });
        },
      },
    );
    shellRendered = true;
    await stream.allReady;
    const body = new Uint8Array(await new Response(stream).arrayBuffer());
    responseHeaders.set("Content-Type", "text/html; charset=utf-8");
    responseHeaders.set("Content-Length", String(body.byteLength));
    return new Response(body, { headers: responseHeaders, status: responseStatusCode });
  } finally {
    clearTimeout(timer);
  }
}
