import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { ErrorPageI18nContext, resolveLocale } from "~/services/i18n";
import { messagesFor } from "~/services/i18n.server";
import { NonceContext } from "~/services/nonce";
import { contentSecurityPolicy } from "~/services/security-headers.server";
import { createLogger } from "~/services/logger.server";

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
  const message = error instanceof Error ? error.message : String(error);
  log.error("request failed", { method: request.method, path: new URL(request.url).pathname, error: message.split("\n")[0] });
};

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  const nonce = randomBytes(16).toString("base64");
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" }));
  // Bots and no-JS clients get the whole document at once; browsers get it streamed.
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  // No root data (null: the router's mark for a loader it did not run): an action threw, and Remix
  // ran no loader at or above the boundary. The root error page takes the visitor's words from here
  // instead (ErrorBoundary in root.tsx).
  const rootLoaded = remixContext.staticHandlerContext.loaderData.root != null;
  const locale = resolveLocale(request);
  const errorPageI18n = rootLoaded ? null : { locale, messages: messagesFor(locale, "public") };

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <ErrorPageI18nContext.Provider value={errorPageI18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </ErrorPageI18nContext.Provider>
      </NonceContext.Provider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) log.error("render failed", { error: error instanceof Error ? error.message : String(error) });
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
