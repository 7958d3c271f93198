import { createHmac, timingSafeEqual } from "node:crypto";

// Outside production a fixed, clearly named secret keeps derived values stable across the web and
// worker processes; production refuses to start without SESSION_SECRET (env.server.ts).
const DEVELOPMENT_SECRET = "lapor-pangkalpinang-development-secret-not-for-production";

export function appSecret(): string {
  // Read directly rather than through getEnv(), so pure helpers (rate-limit keys) work without a
  // database URL. Production cannot reach the fallback: getEnv(), called when web and worker
  // start, refuses NODE_ENV=production without SESSION_SECRET.
  return process.env.SESSION_SECRET || DEVELOPMENT_SECRET;
}

/** HMAC-SHA256 under the app secret, separated by purpose so one value can never stand in for another. */
export function keyedHash(purpose: string, value: string, secret = appSecret()): Buffer {
  return createHmac("sha256", secret).update(`${purpose}\u0000${value}`).digest();
}

/** Whether two secrets (signatures, tokens) are the same text, in time that does not depend on where they differ. */
export function sameSecret(given: string, expected: string): boolean {
  const left = Buffer.from(given);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}
