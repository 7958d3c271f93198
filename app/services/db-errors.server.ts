// Telling "the database is unreachable right now" apart from a bug, so a page can answer 503
// ("try again shortly") instead of a generic 500 while PostgreSQL restarts or fails over. The pool
// reconnects by itself afterwards (db.server.ts); nothing has to be reset by hand.

/** Driver adapter error kinds (@prisma/adapter-pg) that mean the connection, not the query, failed. */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
/** Prisma's own codes for the same: can't reach, timed out, closed, pool timeout. */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** SQLSTATE: 57P01 admin shutdown (pg_ctl stop -m fast), 57P02 crash shutdown, 57P03 starting up, 53300 too many connections; class 08 = connection exception. */
const UNAVAILABLE_SQLSTATE = /^(57P0[123]|53300|08...)$/;
/** What node-postgres throws itself when a socket dies under a query. */
const UNAVAILABLE_MESSAGE = /Connection terminated|Can't reach database server|ECONNREFUSED|ECONNRESET|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== "object" || error === null) return false;
  const e = error as { code?: unknown; kind?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: unknown } }; cause?: unknown };
  if (typeof e.code === "string" && (UNAVAILABLE_PRISMA_CODES.has(e.code) || UNAVAILABLE_SQLSTATE.test(e.code))) return true;
  if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
  if (e.kind === "postgres" && typeof e.code === "string" && UNAVAILABLE_SQLSTATE.test(e.code)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  return isDatabaseUnavailable(e.meta?.driverAdapterError?.cause, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1);
}

/** Seconds a client is told to wait (Retry-After) while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 30;

/**
 * Runs `work`; when it fails because the database is unreachable, throws a 503 Response instead
 * (Retry-After set), which the root ErrorBoundary shows as "briefly unavailable, try again".
 * Anything else is rethrown unchanged: a bug must still surface as a 500 and be logged.
 */
export async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      throw new Response("database unavailable", {
        status: 503,
        statusText: "Service Unavailable",
        headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
      });
    }
    throw error;
  }
}
