#!/usr/bin/env node
// `npm test`: the same provisioning as `npm start` (against a separate `lapor_test` database),
// then build, typecheck and the whole vitest suite against real PostgreSQL and Redis.
// Extra arguments go to vitest: `npm test -- tests/web.test.ts`.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensureChromium } from "./lib/browser.mjs";
import { ensurePoppler } from "./lib/poppler.mjs";
import {
  bin,
  ensureDatabase,
  ensureDependencies,
  ensurePrismaClient,
  ensureRedis,
  fail,
  ROOT,
  run,
  say,
  stopStartedServices,
} from "./lib/setup.mjs";

ensureDependencies();
ensurePrismaClient();
const database = await ensureDatabase({ databaseName: "lapor_test" });
const redis = await ensureRedis();
const env = {
  ...process.env,
  NODE_ENV: "test",
  DATABASE_URL: database.url,
  REDIS_URL: redis.url,
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
};

// The browser end-to-end tests (tests/e2e) are part of the suite: no Chromium, no test run.
const chromium = ensureChromium({ log: say });
if (!chromium.path) {
  await stopStartedServices();
  fail(chromium.message);
}
env.CHROMIUM_PATH = chromium.path;

// The report PDF tests render and read the exported PDF with Poppler's command-line tools.
const poppler = ensurePoppler({ log: say });
if (!poppler.ok) {
  await stopStartedServices();
  fail(poppler.message);
}

say("building the web app…");
run(bin("remix"), ["build"], { env: { ...env, NODE_ENV: "production" }, label: "remix build" });
say("type-checking…");
run(bin("tsc"), ["--noEmit"], { env, label: "tsc --noEmit" });

say(`running tests (PostgreSQL: ${database.kind}, Redis: ${redis.url}, Chromium: ${chromium.path})…`);
const report = join(ROOT, ".cache/vitest-report.json");
rmSync(report, { force: true });
const vitest = spawnSync(
  bin("vitest"),
  ["run", "--config", "tests/vitest.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)],
  // Embedded PGlite serialises all sessions onto one, so files there run one at a time.
  { cwd: ROOT, env: database.kind === "pglite" ? { ...env, VITEST_MAX_WORKERS: "1" } : env, stdio: "inherit" },
);
await stopStartedServices();

if (existsSync(report)) {
  const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(readFileSync(report, "utf8"));
  // A plain closing line that CI reads whatever the runner.
  process.stdout.write(`\nvitest: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped\n`);
}
process.exit(vitest.status ?? 1);
