import type { HeadersFunction } from "@remix-run/node";

/**
 * A page's headers: never cached, and the Retry-After its action answered with. Remix builds a
 * document's headers from the route's `headers` export alone, so a 429 or 503 from the action
 * loses the header that tells the client when to come back unless it is passed on here.
 */
export function noStoreKeepingRetryAfter(cacheControl = "no-store"): HeadersFunction {
  return ({ actionHeaders }) => {
    const headers: Record<string, string> = { "Cache-Control": cacheControl };
    const retryAfter = actionHeaders.get("Retry-After");
    if (retryAfter) headers["Retry-After"] = retryAfter;
    return headers;
  };
}
