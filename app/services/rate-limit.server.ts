import { randomBytes } from "node:crypto";
import { keyedHash } from "./secrets.server";
import { isIP } from "node:net";
import type { Redis } from "ioredis";

// Sliding-log rate limits in Redis: one sorted set per rule and client, scored by hit time, so a
// rule means what the city's policy says: at most `limit` hits in ANY `windowSeconds`. Why this
// rather than rate-limiter-flexible (a fixed window, which lets twice the limit through across a
// window's end) is docs/decisions/033-rate-limiter.md. Refused hits are not logged, so hammering
// does not push a client's retry time out and a key never holds more than `limit` entries.
//
// Keys are `rl:<prefix>:<rule name>:<keyed hash of the identifier>`: no address or tracking code
// is stored (ADR 006). They expire a second after their newest hit leaves the window.
//
// Each rule says what an unreachable Redis means (`whenUnavailable`), and a call gives up after
// `timeoutMs`: pass getFailFastRedis() (redis.server.ts), which fails at once instead of queueing.

export interface RateLimitRule {
  /** Part of the Redis key: lowercase letters, digits and dashes. */
  name: string;
  limit: number;
  windowSeconds: number;
  /** What to answer while Redis is unreachable or slow; "allow" when not given. */
  whenUnavailable?: "allow" | "deny";
}

export interface RateLimitResult {
  allowed: boolean;
  /** Hits still allowed in the current window after this one. */
  remaining: number;
  /** 0 when allowed; otherwise whole seconds until one more hit fits. */
  retryAfterSeconds: number;
  /** True when Redis did not answer in time and the rule's `whenUnavailable` decided. */
  unavailable: boolean;
}

export interface RateLimitOptions {
  /** Isolates a deployment or a test file; letters, digits, `_` and `-`. */
  prefix?: string;
  /** Epoch milliseconds; tests move time with it. Without it Redis's own clock is used, so web processes with skewed clocks agree. */
  now?: number;
  timeoutMs?: number;
}

/**
 * City policy values (Perwali-level decisions, not technical constants): change them here. The
 * reasoning behind the citizen-facing numbers is in docs/decisions/030-lockouts-no-stranger-can-cause.md.
 * - complaintSubmit (per network) and complaintSubmitPerBrowser count only complaints actually
 *   stored: a refused, invalid form costs nothing. Indonesian mobile carriers put many phones behind
 *   one public address (CGNAT), and a kelurahan's counter files for a queue of residents on one
 *   connection, so the per-network number is generous; the per-browser one is what holds a single
 *   sender. A complaint must never be turned away because Redis is down, so both allow.
 * - trackingLookup: opening the tracking page shows nothing without the PIN, so it allows.
 * - Wrong PINs are the only brake on guessing 10^6 PINs, so all three wrong-PIN rules deny while
 *   Redis is unreachable (citizens can still file; tracking answers "try again shortly"):
 *   trackingWrongPin per network and code holds one guesser; trackingWrongPinPerNetwork holds one
 *   network trying many codes; trackingWrongPinPerCode is the global ceiling per code, sized against
 *   a guesser spread over many networks. Below that ceiling, failures from one network never refuse
 *   the right PIN from another, so nobody who has merely seen a code can lock its owner out; and the
 *   e-mailed signed link is never limited.
 */
export const RATE_LIMITS = {
  complaintSubmit: { name: "complaint-submit", limit: 60, windowSeconds: 3600, whenUnavailable: "allow" },
  complaintSubmitPerBrowser: { name: "complaint-submit-browser", limit: 5, windowSeconds: 3600, whenUnavailable: "allow" },
  trackingLookup: { name: "tracking-lookup", limit: 30, windowSeconds: 900, whenUnavailable: "allow" },
  trackingWrongPin: { name: "tracking-wrong-pin-network-code", limit: 5, windowSeconds: 900, whenUnavailable: "deny" },
  trackingWrongPinPerNetwork: { name: "tracking-wrong-pin-network", limit: 30, windowSeconds: 900, whenUnavailable: "deny" },
  trackingWrongPinPerCode: { name: "tracking-wrong-pin-code", limit: 12, windowSeconds: 86_400, whenUnavailable: "deny" },
  // Open311 (ADR 012): public reads per network, posts per API client. Both allow during an outage:
  // reads publish nothing that is not public anyway, and posts carry an API key.
  open311Read: { name: "open311-read", limit: 300, windowSeconds: 300, whenUnavailable: "allow" },
  open311Write: { name: "open311-write", limit: 600, windowSeconds: 3600, whenUnavailable: "allow" },
} as const satisfies Record<string, RateLimitRule>;

export const DEFAULT_RATE_LIMIT_PREFIX = "lapor";
export const DEFAULT_RATE_LIMIT_TIMEOUT_MS = 300;
/** Retry hint while Redis is unreachable and a rule denies: long enough not to hammer, short for a citizen. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 30;

// KEYS[1]: the log. ARGV: limit, window ms, now ms ("" = Redis clock), member, consume ("1"/"0").
// Scores are passed through string.format("%d") because Lua's default number formatting keeps only
// 14 significant digits.
const SLIDING_LOG_SCRIPT = `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
if not now then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
local horizon = now - window
local consume = ARGV[5] == '1'
if consume then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%d', horizon))
end
local count = redis.call('ZCOUNT', KEYS[1], string.format('(%d', horizon), '+inf')
if count < limit then
  if consume then
    redis.call('ZADD', KEYS[1], string.format('%d', now), ARGV[4])
    redis.call('PEXPIRE', KEYS[1], window + 1000)
    count = count + 1
  end
  return {1, limit - count, 0}
end
local entry = redis.call('ZRANGEBYSCORE', KEYS[1], string.format('(%d', horizon), '+inf', 'WITHSCORES', 'LIMIT', count - limit, 1)
return {0, 0, tonumber(entry[2]) + window - now}
`;

const COMMAND = "laporRateLimitSlidingLog";
type SlidingLogCommand = (key: string, limit: number, windowMs: number, now: string, member: string, consume: string) => Promise<[number, number, number]>;

// defineCommand sends EVALSHA and falls back to EVAL once per connection after a Redis restart.
const defined = new WeakSet<Redis>();
function slidingLog(redis: Redis): SlidingLogCommand {
  if (!defined.has(redis)) {
    redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: SLIDING_LOG_SCRIPT });
    defined.add(redis);
  }
  return (redis as unknown as Record<string, SlidingLogCommand>)[COMMAND]!.bind(redis);
}

const PREFIX_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const RULE_NAME_PATTERN = /^[a-z0-9-]{1,64}$/;

/** A misconfigured rule is a bug to fix, not an outage to allow through: it throws. */
function keyFor(rule: RateLimitRule, identifier: string, prefix: string): string {
  if (!RULE_NAME_PATTERN.test(rule.name)) throw new Error(`rate limit rule name must match ${RULE_NAME_PATTERN}: ${rule.name}`);
  if (!Number.isInteger(rule.limit) || rule.limit < 1) throw new Error(`rate limit ${rule.name}: limit must be a positive integer`);
  if (!Number.isInteger(rule.windowSeconds) || rule.windowSeconds < 1) {
    throw new Error(`rate limit ${rule.name}: windowSeconds must be a positive integer`);
  }
  if (!PREFIX_PATTERN.test(prefix)) throw new Error(`rate limit prefix must match ${PREFIX_PATTERN}`);
  return `rl:${prefix}:${rule.name}:${hashIdentifier(identifier)}`;
}

/**
 * What stands for an address or tracking code in a key: keyed with the app secret, because a
 * plain hash of an IPv4 address is reversed by trying all 2^32 of them.
 */
export function hashIdentifier(identifier: string): string {
  return keyedHash("rate-limit", identifier).toString("hex").slice(0, 32);
}

async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`redis did not answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function unavailableResult(rule: RateLimitRule): RateLimitResult {
  return (rule.whenUnavailable ?? "allow") === "allow"
    ? { allowed: true, remaining: rule.limit, retryAfterSeconds: 0, unavailable: true }
    : { allowed: false, remaining: 0, retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS, unavailable: true };
}

async function run(redis: Redis, rule: RateLimitRule, identifier: string, opts: RateLimitOptions, consume: boolean): Promise<RateLimitResult> {
  const key = keyFor(rule, identifier, opts.prefix ?? DEFAULT_RATE_LIMIT_PREFIX);
  const now = opts.now === undefined ? "" : String(Math.floor(opts.now));
  // The score carries the time; a random member keeps two hits of the same millisecond apart.
  const member = randomBytes(8).toString("hex");
  let reply: [number, number, number];
  try {
    reply = await withTimeout(
      slidingLog(redis)(key, rule.limit, rule.windowSeconds * 1000, now, member, consume ? "1" : "0"),
      opts.timeoutMs ?? DEFAULT_RATE_LIMIT_TIMEOUT_MS,
    );
  } catch {
    // The caller sees `unavailable` and may log it; logging here would repeat once per request.
    return unavailableResult(rule);
  }
  const [allowed, remaining, retryAfterMs] = reply;
  return {
    allowed: allowed === 1,
    remaining,
    retryAfterSeconds: allowed === 1 ? 0 : Math.max(1, Math.ceil(retryAfterMs / 1000)),
    unavailable: false,
  };
}

/** Counts one hit when it fits in the window; a refused hit is not counted. */
export function hitRateLimit(redis: Redis, rule: RateLimitRule, identifier: string, opts: RateLimitOptions = {}): Promise<RateLimitResult> {
  return run(redis, rule, identifier, opts, true);
}

/** Whether a hit would be allowed now, without counting one. */
export function peekRateLimit(redis: Redis, rule: RateLimitRule, identifier: string, opts: RateLimitOptions = {}): Promise<RateLimitResult> {
  return run(redis, rule, identifier, opts, false);
}

/** Forgets the client's hits for the rule; false when Redis could not be reached (nothing to undo then). */
export async function resetRateLimit(redis: Redis, rule: RateLimitRule, identifier: string, opts: Omit<RateLimitOptions, "now"> = {}): Promise<boolean> {
  const key = keyFor(rule, identifier, opts.prefix ?? DEFAULT_RATE_LIMIT_PREFIX);
  try {
    await withTimeout(redis.del(key), opts.timeoutMs ?? DEFAULT_RATE_LIMIT_TIMEOUT_MS);
    return true;
  } catch {
    return false;
  }
}

/**
 * Set by our Express app from `req.socket.remoteAddress` on every request. The middleware must
 * overwrite a value the client sent, or a client could choose its own rate-limit identity.
 */
export const REMOTE_ADDR_HEADER = "x-lapor-remote-addr";
/** What clientIp returns when no address is known; all such requests share one limit. */
export const UNKNOWN_CLIENT = "unknown";

function normalizeAddress(raw: string): string | null {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  // A zone id ("%eth0") names our interface, not the client.
  address = (address.split("%")[0] ?? "").toLowerCase();
  // An IPv4 client seen through an IPv6 socket is the same client.
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped?.[1]) address = mapped[1];
  return isIP(address) ? address : null;
}

/**
 * The client's address. `trustProxy` says how many reverse proxies in front of us append to
 * X-Forwarded-For (`true` = one, the city's proxy). The address is read that many entries from
 * the right: entries further left were written by the client and can be anything, so trusting
 * the left-most one would let a client pick a fresh rate-limit identity per request. With one
 * proxy this is also right when the proxy replaces the header instead of appending.
 * Without a trusted proxy, or without the header, the address comes from REMOTE_ADDR_HEADER.
 */
export function clientIp(request: Request, trustProxy: boolean | number): string {
  const hops = trustProxy === true ? 1 : trustProxy === false ? 0 : Math.max(0, Math.floor(trustProxy));
  if (hops > 0) {
    const forwarded = (request.headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry !== "");
    // Fewer entries than proxies: the request did not come through all of them; take the furthest seen.
    const entry = forwarded[Math.max(0, forwarded.length - hops)];
    const address = entry === undefined ? null : normalizeAddress(entry);
    if (address) return address;
  }
  const remote = request.headers.get(REMOTE_ADDR_HEADER);
  return (remote && normalizeAddress(remote)) || UNKNOWN_CLIENT;
}

/**
 * The identifier to rate-limit an address under: IPv4 as is, IPv6 by its /64, because a subscriber
 * usually holds a whole /64 and can change address within it at will.
 */
export function ipRateLimitIdentifier(address: string): string {
  const normalized = normalizeAddress(address);
  if (normalized === null || isIP(normalized) !== 6) return normalized ?? address;
  // An embedded IPv4 part is the low 32 bits, outside the /64; it only has to be counted as two groups.
  const text = normalized.replace(/\d{1,3}(?:\.\d{1,3}){3}$/, "0:0");
  const [head = "", tail = ""] = text.split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = tail === "" ? [] : tail.split(":");
  const zeros = new Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill("0");
  const groups = text.includes("::") ? [...headGroups, ...zeros, ...tailGroups] : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
