#!/usr/bin/env node
// `npm run bench`: the benchmarks (not part of `npm test`). Same provisioning as `npm test`, a
// separate `lapor_bench` database (its generated data is kept between runs; BENCH_FRESH=1 starts
// over), the web build when it is missing, then scripts/bench/run.ts. Prints one table and writes
// JSON to bench/results/. BENCH_COMPLAINTS sets the size (default 1,000,000).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ensureChromium } from "./lib/browser.mjs";
import { bin, ensureDatabase, ensureDependencies, ensurePrismaClient, ensureRedis, ROOT, run, say, stopStartedServices, tsx } from "./lib/setup.mjs";

ensureDependencies();
ensurePrismaClient();
const database = await ensureDatabase({ databaseName: "lapor_bench" });
const redis = await ensureRedis();
const env = { ...process.env, NODE_ENV: "test", DATABASE_URL: database.url, REDIS_URL: redis.url, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" };
// The `weak` section drives Chromium on a throttled phone (scripts/bench/weak.ts).
const chromium = ensureChromium({ log: say });
if (chromium.path) env.CHROMIUM_PATH = chromium.path;
if (!existsSync(join(ROOT, "build/index.js"))) {
  say("building the web app…");
  run(bin("remix"), ["build"], { env: { ...env, NODE_ENV: "production" }, label: "remix build" });
}
try {
  tsx("scripts/bench/run.ts", process.argv.slice(2), env);
} finally {
  await stopStartedServices();
}
