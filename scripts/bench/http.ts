// Full-stack HTTP benchmarks against the production web process (a child `tsx app/server/web.ts`,
// NODE_ENV=production) on the bench schema: complaint submission through the real /lapor form
// beside PostgreSQL's raw insert ceiling measured in the same run, and the tracking page.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { join } from "node:path";
import autocannon, { type Options as AutocannonOptions } from "autocannon";
import pg from "pg";
import { createHoneypotFields } from "~/services/honeypot.server";
import { hashPin } from "~/services/pin.server";
import { appSecret } from "~/services/secrets.server";
import { generateTrackingCode } from "~/domain/complaints/tracking-code";
import { grantAccessCookie } from "~/domain/complaints/tracking-access.server";
import type { Db } from "~/services/db.server";

export const CONNECTIONS = 32;
const DURATION_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_HTTP_WARMUP_SECONDS ?? 3);

export async function startWebProcess(root: string, env: NodeJS.ProcessEnv, port: number): Promise<{ base: string; stop: () => Promise<void> }> {
  // BENCH_WEB_PROFILE_DIR=<dir> writes a V8 CPU profile of the web process there when it stops.
  const profile = process.env.BENCH_WEB_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_WEB_PROFILE_DIR}`] : [];
  const child: ChildProcess = spawn(join(root, "node_modules/.bin/tsx"), [...profile, "app/server/web.ts"], {
    cwd: root,
    env: { ...env, PORT: String(port), NODE_ENV: "production", LOG_LEVEL: "warn" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(`${base}/healthz`);
      await response.arrayBuffer();
      break;
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error("web process did not start");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return {
    base,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** What one load run gives: the rate it reached and its latencies. */
export interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
}

/** Median and spread of a figure over the runs of one section (the VM is noisy: ±25 % minutes apart). */
export function spread(values: number[]): { median: number; min: number; max: number; runs: number[] } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor((sorted.length - 1) / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: values };
}

export const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/**
 * Saturation (32 clients as fast as they go, after a warm-up) RUNS times, then the latency at the
 * rated load: half the median maximum rate, spread over the same 32 connections, where a p99 says
 * what a visitor waits on a busy but not overloaded server.
 */
async function saturateThenRate(
  options: AutocannonOptions,
  hooks: { beforeMeasure?: () => Promise<void>; afterMeasure?: () => Promise<void> } = {},
): Promise<{ runs: LoadFigures[]; rated: LoadFigures & { rate: number } }> {
  const runs: LoadFigures[] = [];
  for (let i = 0; i < RUNS; i++) {
    await autocannon({ ...options, duration: WARMUP_SECONDS });
    await hooks.beforeMeasure?.();
    const result = await autocannon({ ...options, duration: DURATION_SECONDS });
    await hooks.afterMeasure?.();
    runs.push({ requestsPerSecond: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx });
  }
  const rate = Math.max(1, Math.round(spread(runs.map((r) => r.requestsPerSecond)).median / 2));
  const result = await autocannon({ ...options, duration: DURATION_SECONDS, overallRate: rate });
  return { runs, rated: { rate, requestsPerSecond: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx } };
}

/**
 * The page ceiling (issue #16): GET /bench/bare, the root layout and a fixed view with no database
 * and no cookie (app/routes/bench.bare.tsx, served only with BENCH_BARE_ROUTE=1).
 */
export async function benchBare(base: string) {
  const check = await fetch(`${base}/bench/bare`);
  if (check.status !== 200) throw new Error(`/bench/bare answered ${check.status}: start the web process with BENCH_BARE_ROUTE=1`);
  await check.arrayBuffer();
  return saturateThenRate({ url: `${base}/bench/bare`, connections: CONNECTIONS });
}

let addressCounter = 0;
/** A different network per request: the per-network limit (10 complaints/hour) is not what is measured. */
const nextAddress = () => {
  const n = addressCounter++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

function complaintBody(productId: string): { body: Buffer; contentType: string } {
  const boundary = `----bench${randomBytes(8).toString("hex")}`;
  const fields: Record<string, string> = {
    productId,
    description: "Pelayanan KTP-el sangat lambat, sudah tiga minggu belum selesai padahal dijanjikan satu minggu.",
    incidentDate: "2026-11-02",
    chooser: "slow",
    name: "Warga Benchmark",
    phone: "081234567890",
    visibility: "PUBLIC",
    consent: "on",
    idempotencyKey: randomBytes(18).toString("base64url"),
    // What the form sends with JavaScript on, having shown similar reports inline (#14): one POST to
    // the receipt. Without it every post stopped at the similar-reports step and stored nothing.
    similarDecision: "seen",
    ...createHoneypotFields(appSecret(), Date.now() - 10_000),
  };
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function benchSubmission(db: Db, base: string) {
  const product = await db.serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } });
  const options: AutocannonOptions = {
    url: `${base}/lapor`,
    connections: CONNECTIONS,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const { body, contentType } = complaintBody(product.id);
          return { ...request, body, headers: { "content-type": contentType, "x-forwarded-for": nextAddress() } };
        },
      },
    ],
  };
  // What was stored, not only answered: counted per measured run (warm-ups' complaints excluded).
  const stored: number[] = [];
  let before = 0;
  const { runs, rated } = await saturateThenRate(options, {
    beforeMeasure: async () => {
      before = await db.complaint.count();
    },
    afterMeasure: async () => {
      stored.push((await db.complaint.count()) - before);
    },
  });
  return { runs: runs.map((run, i) => ({ ...run, storedPerSecond: Math.round(stored[i]! / DURATION_SECONDS) })), rated };
}

/**
 * How many PINs this machine can hash per second with every core on it (the same hashPin a
 * submission runs, argon2id at OWASP's minimum, in libuv's thread pool): no submission rate can be
 * higher, whatever the web tier does (docs/decisions/021-submission-rate-and-the-pin-hash.md).
 */
export async function pinHashCeiling() {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await pinHashRate());
  return { hashesPerSecond: spread(runs), threads: Number(process.env.UV_THREADPOOL_SIZE ?? 4) };
}

async function pinHashRate(): Promise<number> {
  const pins = Array.from({ length: 64 }, (_, i) => String(100_000 + i));
  let hashed = 0;
  const started = performance.now();
  const end = Date.now() + Math.min(DURATION_SECONDS, 5) * 1000;
  await Promise.all(
    pins.map(async (pin) => {
      while (Date.now() < end) {
        await hashPin(pin);
        hashed += 1;
      }
    }),
  );
  return Math.round(hashed / ((performance.now() - started) / 1000));
}

/** PostgreSQL's insert ceiling on this machine: single-row autocommit inserts of a complaint-sized row, 32 clients. */
export async function rawInsertCeiling(url: string, schema: string) {
  const pool = new pg.Pool({ connectionString: url, max: CONNECTIONS });
  await pool.query(`CREATE TABLE IF NOT EXISTS "${schema}".bench_insert (id uuid PRIMARY KEY, code text UNIQUE NOT NULL, description text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
  await pool.query(`TRUNCATE "${schema}".bench_insert`);
  const description = "Pelayanan KTP-el sangat lambat, sudah tiga minggu belum selesai padahal dijanjikan satu minggu.";
  const latencies: number[] = [];
  let inserted = 0;
  const end = Date.now() + DURATION_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        const start = performance.now();
        await pool.query(`INSERT INTO "${schema}".bench_insert (id, code, description) VALUES ($1, $2, $3)`, [randomUUID(), randomBytes(6).toString("hex"), description]);
        latencies.push(performance.now() - start);
        inserted += 1;
      }
    }),
  );
  await pool.end();
  latencies.sort((a, b) => a - b);
  const at = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)]! * 10) / 10;
  return { insertsPerSecond: Math.round(inserted / DURATION_SECONDS), p50: at(0.5), p99: at(0.99) };
}

export async function benchTracking(db: Db, base: string) {
  // A complaint with a timeline (the sweep section gives some their events); any bench one otherwise.
  // Generated complaints carry "BENCH…" codes, which the tracking route rightly refuses as malformed:
  // this one gets a real code, so the page measured is the complaint view, not the redirect.
  const subject =
    (await db.complaint.findFirst({ where: { trackingCode: { startsWith: "BENCH" }, events: { some: {} } }, orderBy: { trackingCode: "asc" } })) ??
    (await db.complaint.findFirstOrThrow({ where: { trackingCode: { startsWith: "BENCH" } } }));
  const complaint = await db.complaint.update({ where: { id: subject.id }, data: { trackingCode: generateTrackingCode() } });
  let result: Awaited<ReturnType<typeof saturateThenRate>>;
  try {
    const cookie = grantAccessCookie(null, complaint.id, new Date(), { secure: false }).split(";")[0]!;
    // Not followed: a refused cookie answers with a redirect to the (cheaper) code-and-PIN form.
    const check = await fetch(`${base}/lacak/${complaint.trackingCode}`, { headers: { cookie }, redirect: "manual" });
    if (check.status !== 200) throw new Error(`tracking page answered ${check.status}`);
    await check.arrayBuffer();
    result = await saturateThenRate({ url: `${base}/lacak/${complaint.trackingCode}`, connections: CONNECTIONS, headers: { cookie } });
  } finally {
    // The generated set is recognised by its codes on the next run.
    await db.complaint.update({ where: { id: subject.id }, data: { trackingCode: subject.trackingCode } });
  }
  return result;
}
