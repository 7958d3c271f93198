// The limits on what citizens do without an account: filing (per network and per browser, counting
// stored complaints only) and opening a complaint with its PIN (per network and code, per network,
// and a global ceiling per code). The numbers are RATE_LIMITS; why they are what they are is
// docs/decisions/030-lockouts-no-stranger-can-cause.md.
import { randomBytes } from "node:crypto";
import { getEnv } from "./env.server";
import { clientIp, hitRateLimit, ipRateLimitIdentifier, peekRateLimit, RATE_LIMITS, type RateLimitResult, type RateLimitRule } from "./rate-limit.server";
import { getFailFastRedis } from "./redis.server";
import { keyedHash, sameSecret } from "./secrets.server";

const limitOptions = () => ({ prefix: getEnv().RATE_LIMIT_PREFIX });
const networkOf = (request: Request) => ipRateLimitIdentifier(clientIp(request, getEnv().TRUST_PROXY));

export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; unavailable: boolean };

/** Every rule must allow; a refusal waits for the last of the refusing rules to free up. */
function verdict(results: readonly RateLimitResult[]): LimitVerdict {
  const refused = results.filter((result) => !result.allowed);
  if (refused.length === 0) return { allowed: true };
  return {
    allowed: false,
    retryAfterSeconds: Math.max(...refused.map((result) => result.retryAfterSeconds)),
    unavailable: refused.some((result) => result.unavailable),
  };
}

// ───────────────────────────── filing ─────────────────────────────

export const BROWSER_COOKIE = "lapor_peramban";
const BROWSER_COOKIE_MAX_AGE = 365 * 86_400;
const signBrowser = (id: string) => keyedHash("browser-id", id).toString("base64url").slice(0, 22);

/** The browser's own id from its signed cookie; null for a browser that has none (or a forged one). */
function readBrowserId(cookieHeader: string | null): string | null {
  const match = (cookieHeader ?? "").match(new RegExp(`(?:^|;\\s*)${BROWSER_COOKIE}=([A-Za-z0-9_-]{16,64})\\.([A-Za-z0-9_-]{22})`));
  if (!match?.[1] || !match[2]) return null;
  return sameSecret(match[2], signBrowser(match[1])) ? match[1] : null;
}

export interface SubmissionQuota {
  network: string;
  browserId: string;
  /** Set-Cookie for a browser seen for the first time; send it with whatever the action answers. */
  setCookie: string | null;
}

/** The browser's id from its cookie, or a new one with the Set-Cookie that gives it. */
function browserOf(request: Request): { known: boolean; browserId: string; setCookie: string | null } {
  const known = readBrowserId(request.headers.get("Cookie"));
  const browserId = known ?? randomBytes(16).toString("base64url");
  const secure = getEnv().PUBLIC_BASE_URL.startsWith("https:") ? "; Secure" : "";
  const setCookie = known ? null : `${BROWSER_COOKIE}=${browserId}.${signBrowser(browserId)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${BROWSER_COOKIE_MAX_AGE}${secure}`;
  return { known: known !== null, browserId, setCookie };
}

/** Whether this network and browser may file one more complaint; nothing is counted yet. */
export async function checkSubmissionQuota(request: Request): Promise<{ quota: SubmissionQuota; verdict: LimitVerdict }> {
  const { known, browserId, setCookie } = browserOf(request);
  const quota = { network: networkOf(request), browserId, setCookie };
  const redis = getFailFastRedis();
  const results = await Promise.all([
    peekRateLimit(redis, RATE_LIMITS.complaintSubmit, quota.network, limitOptions()),
    // A browser without a cookie yet has filed nothing from here: only its network counts.
    known ? peekRateLimit(redis, RATE_LIMITS.complaintSubmitPerBrowser, `browser:${browserId}`, limitOptions()) : null,
  ]);
  return { quota, verdict: verdict(results.filter((result): result is RateLimitResult => result !== null)) };
}

/**
 * Counts a complaint that was stored. Two submissions racing past the check may both count: the
 * limit is a brake on floods, not an exact quota, and a complaint is never lost to it.
 */
export async function countStoredSubmission(quota: SubmissionQuota): Promise<void> {
  const redis = getFailFastRedis();
  await Promise.all([
    hitRateLimit(redis, RATE_LIMITS.complaintSubmit, quota.network, limitOptions()),
    hitRateLimit(redis, RATE_LIMITS.complaintSubmitPerBrowser, `browser:${quota.browserId}`, limitOptions()),
  ]);
}

// ───────────────────────────── PIN attempts ─────────────────────────────

function pinRules(request: Request, trackingCode: string): [RateLimitRule, string][] {
  const network = networkOf(request);
  return [
    [RATE_LIMITS.trackingWrongPin, `network:${network}|code:${trackingCode}`],
    [RATE_LIMITS.trackingWrongPinPerNetwork, `network:${network}`],
    [RATE_LIMITS.trackingWrongPinPerCode, `code:${trackingCode}`],
  ];
}

/** Whether a PIN may be tried for this code from this network now; counts the lookup itself. */
export async function checkPinAttempt(request: Request, trackingCode: string): Promise<LimitVerdict> {
  const redis = getFailFastRedis();
  const results = await Promise.all([
    ...pinRules(request, trackingCode).map(([rule, identifier]) => peekRateLimit(redis, rule, identifier, limitOptions())),
    hitRateLimit(redis, RATE_LIMITS.trackingLookup, networkOf(request), limitOptions()),
  ]);
  return verdict(results);
}

export async function recordWrongPin(request: Request, trackingCode: string): Promise<void> {
  const redis = getFailFastRedis();
  await Promise.all(pinRules(request, trackingCode).map(([rule, identifier]) => hitRateLimit(redis, rule, identifier, limitOptions())));
}

// ───────────────────────────── support (dukung) ─────────────────────────────

/**
 * Supports stored per network per hour (ADR 038). One browser supports a report once (the unique
 * key in complaint_support); this brakes a script that drops its cookie each time. A kelurahan
 * office or a carrier's shared address can still add 30 an hour, more than any real report gets.
 * Allows while Redis is down: a support publishes nothing and the unique key still holds.
 */
export const SUPPORT_RATE_LIMIT: RateLimitRule = { name: "support-network", limit: 30, windowSeconds: 3600, whenUnavailable: "allow" };

export interface SupportQuota {
  network: string;
  /** The browser's own id (never stored: the domain keeps only a keyed hash of it). */
  browserId: string;
  setCookie: string | null;
}

/** Whether this network may add one more support now; nothing is counted yet. */
export async function checkSupportQuota(request: Request): Promise<{ quota: SupportQuota; verdict: LimitVerdict }> {
  const { browserId, setCookie } = browserOf(request);
  const quota = { network: networkOf(request), browserId, setCookie };
  const result = await peekRateLimit(getFailFastRedis(), SUPPORT_RATE_LIMIT, quota.network, limitOptions());
  return { quota, verdict: verdict([result]) };
}

/** Counts a support that was stored (a repeat by the same browser stores nothing and costs nothing). */
export async function countStoredSupport(quota: SupportQuota): Promise<void> {
  await hitRateLimit(getFailFastRedis(), SUPPORT_RATE_LIMIT, quota.network, limitOptions());
}
