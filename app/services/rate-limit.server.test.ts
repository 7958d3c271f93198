import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { TEST_REDIS_URL, uniqueName } from "../../tests/support/isolation";
import {
  clientIp,
  DEFAULT_RATE_LIMIT_TIMEOUT_MS,
  hashIdentifier,
  hitRateLimit,
  ipRateLimitIdentifier,
  peekRateLimit,
  RATE_LIMITS,
  REMOTE_ADDR_HEADER,
  resetRateLimit,
  UNAVAILABLE_RETRY_AFTER_SECONDS,
  UNKNOWN_CLIENT,
  type RateLimitRule,
} from "./rate-limit.server";

const prefix = uniqueName("rl");
let redis: Redis;

beforeAll(() => {
  redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
});

afterAll(async () => {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `rl:${prefix}:*`, "COUNT", 500);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
  redis.disconnect();
});

const T0 = Date.UTC(2026, 10, 23, 3, 0, 0);
const rule: RateLimitRule = { name: "test-rule", limit: 3, windowSeconds: 60 };
let counter = 0;
/** A fresh client per test, so tests in this file never share a log. */
const freshClient = () => `198.51.100.${++counter}`;

describe("hitRateLimit", () => {
  it("allows exactly `limit` hits, then refuses with a positive retry time", async () => {
    const ip = freshClient();
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit(redis, rule, ip, { prefix, now: T0 + i * 1_000 }));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(results.slice(0, 3).every((r) => r.retryAfterSeconds === 0 && !r.unavailable)).toBe(true);
    // The first hit (T0) leaves the 60 s window at T0 + 60 s; the refusal came at T0 + 3 s.
    expect(results[3]).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 57, unavailable: false });
  });

  it("slides: each hit frees its place exactly one window after it was made", async () => {
    const ip = freshClient();
    for (const offset of [0, 20_000, 40_000]) await hitRateLimit(redis, rule, ip, { prefix, now: T0 + offset });
    expect((await hitRateLimit(redis, rule, ip, { prefix, now: T0 + 59_999 })).allowed).toBe(false);
    const freed = await hitRateLimit(redis, rule, ip, { prefix, now: T0 + 60_000 });
    expect(freed).toMatchObject({ allowed: true, remaining: 0 });
    // Now the log holds T0+20 s, T0+40 s, T0+60 s: the next place frees at T0+80 s.
    expect(await hitRateLimit(redis, rule, ip, { prefix, now: T0 + 60_500 })).toMatchObject({ allowed: false, retryAfterSeconds: 20 });
    expect((await hitRateLimit(redis, rule, ip, { prefix, now: T0 + 80_000 })).allowed).toBe(true);
  });

  it("never lets more than `limit` through in any window, across a window's end included", async () => {
    // The case a fixed window gets wrong (ADR 033): a hit, the rest of the limit just before the
    // first window ends, and a burst just after it.
    const ip = freshClient();
    const allowed = [];
    allowed.push((await hitRateLimit(redis, rule, ip, { prefix, now: T0 })).allowed);
    for (let i = 0; i < 2; i++) allowed.push((await hitRateLimit(redis, rule, ip, { prefix, now: T0 + 59_900 })).allowed);
    for (let i = 0; i < 3; i++) allowed.push((await hitRateLimit(redis, rule, ip, { prefix, now: T0 + 60_050 })).allowed);
    expect(allowed).toEqual([true, true, true, true, false, false]);
  });

  it("opens fully once a whole window has passed", async () => {
    const ip = freshClient();
    for (let i = 0; i < 3; i++) await hitRateLimit(redis, rule, ip, { prefix, now: T0 });
    expect((await hitRateLimit(redis, rule, ip, { prefix, now: T0 + 30_000 })).allowed).toBe(false);
    expect(await hitRateLimit(redis, rule, ip, { prefix, now: T0 + 60_000 })).toMatchObject({ allowed: true, remaining: 2 });
  });

  it("does not count refused hits: hammering does not push the retry time out", async () => {
    const ip = freshClient();
    for (let i = 0; i < 3; i++) await hitRateLimit(redis, rule, ip, { prefix, now: T0 });
    for (let i = 1; i <= 20; i++) expect((await hitRateLimit(redis, rule, ip, { prefix, now: T0 + i * 1_000 })).allowed).toBe(false);
    expect(await redis.zcard(`rl:${prefix}:${rule.name}:${hashIdentifier(ip)}`)).toBe(3);
    expect((await hitRateLimit(redis, rule, ip, { prefix, now: T0 + 60_000 })).allowed).toBe(true);
  });

  it("keeps identifiers, rules and prefixes apart", async () => {
    const [a, b] = [freshClient(), freshClient()];
    const other: RateLimitRule = { ...rule, name: "test-rule-other" };
    for (let i = 0; i < 3; i++) await hitRateLimit(redis, rule, a, { prefix, now: T0 });
    expect((await hitRateLimit(redis, rule, a, { prefix, now: T0 })).allowed).toBe(false);
    expect(await hitRateLimit(redis, rule, b, { prefix, now: T0 })).toMatchObject({ allowed: true, remaining: 2 });
    expect(await hitRateLimit(redis, other, a, { prefix, now: T0 })).toMatchObject({ allowed: true, remaining: 2 });
    expect(await hitRateLimit(redis, rule, a, { prefix: `${prefix}-b`, now: T0 })).toMatchObject({ allowed: true, remaining: 2 });
    await resetRateLimit(redis, rule, a, { prefix: `${prefix}-b` });
  });

  it("counts concurrent hits atomically", async () => {
    const ip = freshClient();
    const wide: RateLimitRule = { name: "test-concurrent", limit: 10, windowSeconds: 60 };
    const results = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit(redis, wide, ip, { prefix, now: T0 })));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
  });

  it("uses Redis's clock when no time is given", async () => {
    const ip = freshClient();
    for (let i = 0; i < 3; i++) expect((await hitRateLimit(redis, rule, ip, { prefix })).allowed).toBe(true);
    const refused = await hitRateLimit(redis, rule, ip, { prefix });
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(55);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("stores no identifier in the key and lets the key expire after the window", async () => {
    const ip = freshClient();
    await hitRateLimit(redis, rule, ip, { prefix });
    const keys = await redis.keys(`rl:${prefix}:${rule.name}:*`);
    expect(keys.some((key) => key.includes(ip))).toBe(false);
    const key = `rl:${prefix}:${rule.name}:${hashIdentifier(ip)}`;
    expect(keys).toContain(key);
    expect(key).toMatch(/:[0-9a-f]{32}$/);
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(61_000);
  });

  it("refuses a misconfigured rule or prefix instead of treating it as an outage", async () => {
    await expect(hitRateLimit(redis, { ...rule, limit: 0 }, "x", { prefix })).rejects.toThrow(/limit/);
    await expect(hitRateLimit(redis, { ...rule, windowSeconds: 0.5 }, "x", { prefix })).rejects.toThrow(/windowSeconds/);
    await expect(hitRateLimit(redis, { ...rule, name: "Bad Name" }, "x", { prefix })).rejects.toThrow(/name/);
    await expect(hitRateLimit(redis, rule, "x", { prefix: "a*" })).rejects.toThrow(/prefix/);
  });
});

describe("peekRateLimit and resetRateLimit", () => {
  it("peek reports without counting; reset clears", async () => {
    const ip = freshClient();
    expect(await peekRateLimit(redis, rule, ip, { prefix, now: T0 })).toMatchObject({ allowed: true, remaining: 3 });
    expect(await peekRateLimit(redis, rule, ip, { prefix, now: T0 })).toMatchObject({ allowed: true, remaining: 3 });
    for (let i = 0; i < 3; i++) await hitRateLimit(redis, rule, ip, { prefix, now: T0 + i * 10_000 });
    expect(await peekRateLimit(redis, rule, ip, { prefix, now: T0 + 30_000 })).toEqual({
      allowed: false,
      remaining: 0,
      retryAfterSeconds: 30,
      unavailable: false,
    });
    expect(await peekRateLimit(redis, rule, ip, { prefix, now: T0 + 60_000 })).toMatchObject({ allowed: true, remaining: 1 });
    expect(await resetRateLimit(redis, rule, ip, { prefix })).toBe(true);
    expect(await hitRateLimit(redis, rule, ip, { prefix, now: T0 + 30_000 })).toMatchObject({ allowed: true, remaining: 2 });
  });
});

describe("when Redis is unreachable", () => {
  const denying: RateLimitRule = { ...rule, whenUnavailable: "deny" };
  let failFast: Redis;
  let queueing: Redis;

  beforeAll(() => {
    // As getFailFastRedis() configures it: commands fail at once while disconnected.
    failFast = new Redis("redis://127.0.0.1:1", { enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => 1_000 });
    // A default connection queues commands while reconnecting: only the timeout saves the request.
    queueing = new Redis("redis://127.0.0.1:1", { maxRetriesPerRequest: null, retryStrategy: () => 1_000 });
    for (const connection of [failFast, queueing]) connection.on("error", () => {});
  });

  afterAll(() => {
    failFast.disconnect();
    queueing.disconnect();
  });

  it("answers at once with each rule's whenUnavailable on a fail-fast connection", async () => {
    const started = performance.now();
    expect(await hitRateLimit(failFast, RATE_LIMITS.complaintSubmit, "203.0.113.9", { prefix })).toEqual({
      allowed: true,
      remaining: 60,
      retryAfterSeconds: 0,
      unavailable: true,
    });
    expect(await hitRateLimit(failFast, RATE_LIMITS.trackingLookup, "203.0.113.9", { prefix })).toMatchObject({ allowed: true, unavailable: true });
    expect(await hitRateLimit(failFast, RATE_LIMITS.trackingWrongPin, "203.0.113.9", { prefix })).toEqual({
      allowed: false,
      remaining: 0,
      retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
      unavailable: true,
    });
    expect(await peekRateLimit(failFast, denying, "203.0.113.9", { prefix })).toMatchObject({ allowed: false, unavailable: true });
    expect(await hitRateLimit(failFast, rule, "203.0.113.9", { prefix })).toMatchObject({ allowed: true, unavailable: true });
    expect(await resetRateLimit(failFast, rule, "203.0.113.9", { prefix })).toBe(false);
    expect(performance.now() - started).toBeLessThan(DEFAULT_RATE_LIMIT_TIMEOUT_MS);
  });

  it("gives up after the timeout on a connection that queues", async () => {
    const started = performance.now();
    const [allowed, denied] = await Promise.all([
      hitRateLimit(queueing, rule, "203.0.113.10", { prefix }),
      hitRateLimit(queueing, denying, "203.0.113.10", { prefix, timeoutMs: 100 }),
    ]);
    const elapsed = performance.now() - started;
    expect(allowed).toMatchObject({ allowed: true, unavailable: true });
    expect(denied).toMatchObject({ allowed: false, unavailable: true });
    expect(elapsed).toBeGreaterThanOrEqual(DEFAULT_RATE_LIMIT_TIMEOUT_MS - 5);
    expect(elapsed).toBeLessThan(DEFAULT_RATE_LIMIT_TIMEOUT_MS + 500);
  });
});

describe("clientIp", () => {
  const request = (headers: Record<string, string>) => new Request("http://lapor.test/lapor", { headers });

  it("ignores X-Forwarded-For unless a proxy is trusted", () => {
    const req = request({ "X-Forwarded-For": "1.2.3.4", [REMOTE_ADDR_HEADER]: "10.0.0.7" });
    expect(clientIp(req, false)).toBe("10.0.0.7");
    expect(clientIp(req, 0)).toBe("10.0.0.7");
  });

  it("behind one proxy takes the entry that proxy appended, not one the client wrote", () => {
    const spoofed = request({ "X-Forwarded-For": "6.6.6.6, 198.51.100.23", [REMOTE_ADDR_HEADER]: "10.0.0.2" });
    expect(clientIp(spoofed, true)).toBe("198.51.100.23");
    expect(clientIp(spoofed, 1)).toBe("198.51.100.23");
    expect(clientIp(spoofed, 2)).toBe("6.6.6.6");
    expect(clientIp(request({ "X-Forwarded-For": "198.51.100.23" }), 3)).toBe("198.51.100.23");
  });

  it("normalises ports, brackets, case and IPv4-mapped addresses", () => {
    expect(clientIp(request({ "X-Forwarded-For": "198.51.100.23:5511" }), true)).toBe("198.51.100.23");
    expect(clientIp(request({ "X-Forwarded-For": "[2001:DB8::1]:443" }), true)).toBe("2001:db8::1");
    expect(clientIp(request({ [REMOTE_ADDR_HEADER]: "::ffff:192.0.2.4" }), false)).toBe("192.0.2.4");
    expect(clientIp(request({ [REMOTE_ADDR_HEADER]: "fe80::1%eth0" }), false)).toBe("fe80::1");
  });

  it("falls back to the socket address, then to one shared unknown client", () => {
    expect(clientIp(request({ "X-Forwarded-For": "not-an-ip", [REMOTE_ADDR_HEADER]: "10.0.0.2" }), true)).toBe("10.0.0.2");
    expect(clientIp(request({ [REMOTE_ADDR_HEADER]: "10.0.0.2" }), true)).toBe("10.0.0.2");
    expect(clientIp(request({}), true)).toBe(UNKNOWN_CLIENT);
    expect(clientIp(request({ [REMOTE_ADDR_HEADER]: "garbage" }), false)).toBe(UNKNOWN_CLIENT);
  });
});

describe("ipRateLimitIdentifier", () => {
  it("keeps IPv4 and groups IPv6 by /64", () => {
    expect(ipRateLimitIdentifier("198.51.100.23")).toBe("198.51.100.23");
    expect(ipRateLimitIdentifier("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(ipRateLimitIdentifier("2001:0DB8:0001:0002::1")).toBe("2001:db8:1:2::/64");
    expect(ipRateLimitIdentifier("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(ipRateLimitIdentifier("2001:db8:1::")).toBe("2001:db8:1:0::/64");
    expect(ipRateLimitIdentifier("::1")).toBe("0:0:0:0::/64");
    expect(ipRateLimitIdentifier("64:ff9b::192.0.2.33")).toBe("64:ff9b:0:0::/64");
    expect(ipRateLimitIdentifier("::ffff:192.0.2.4")).toBe("192.0.2.4");
    expect(ipRateLimitIdentifier(UNKNOWN_CLIENT)).toBe(UNKNOWN_CLIENT);
    // Two addresses of one subscriber share a limit; neighbouring subscribers do not.
    expect(ipRateLimitIdentifier("2001:db8:1:2::a")).toBe(ipRateLimitIdentifier("2001:db8:1:2:ffff::b"));
    expect(ipRateLimitIdentifier("2001:db8:1:2::a")).not.toBe(ipRateLimitIdentifier("2001:db8:1:3::a"));
  });
});
