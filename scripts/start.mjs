#!/usr/bin/env node
// `npm start`: from a fresh clone to a running portal (web + workers), then both stop on Ctrl-C.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
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
  tsx,
} from "./lib/setup.mjs";

const [major] = process.versions.node.split(".").map(Number);
if (major < 20) fail(`Node.js 20 or newer is needed (this is ${process.version})`);

function sessionSecret() {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  const file = join(ROOT, ".data/session-secret");
  if (!existsSync(file)) {
    mkdirSync(join(ROOT, ".data"), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex") + "\n", { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

ensureDependencies();
ensurePrismaClient();
const database = await ensureDatabase({ databaseName: "lapor" });
const redis = await ensureRedis();

const port = Number(process.env.PORT ?? 3000);
const env = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? "production",
  DATABASE_URL: database.url,
  REDIS_URL: redis.url,
  SESSION_SECRET: sessionSecret(),
  PORT: String(port),
  LAPOR_SUPERVISOR_PID: String(process.pid),
  PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL ?? `http://localhost:${port}`,
  // Embedded PGlite serialises every connection onto one session; small pools keep it responsive.
  ...(database.kind === "pglite" && !process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: "4" } : {}),
  // More web processes would only queue on PGlite's one session.
  ...(database.kind === "pglite" && !process.env.WEB_PROCESSES ? { WEB_PROCESSES: "1" } : {}),
};

say("applying migrations…");
tsx("prisma/migrate.ts", [], env);
say("seeding reference data and demo accounts…");
tsx("prisma/seed.ts", [], env);
say("building the web app…");
run(bin("remix"), ["build"], { env: { ...env, NODE_ENV: "production" }, label: "remix build" });

const children = new Map();
let stopping = false;

async function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    [...children.values()].map(
      (child) =>
        new Promise((resolvePromise) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolvePromise();
          child.once("exit", resolvePromise);
          child.kill("SIGTERM");
          setTimeout(() => child.kill("SIGKILL"), 30_000).unref();
        }),
    ),
  );
  await stopStartedServices();
  process.exit(exitCode);
}

function launch(name, script) {
  const child = spawn(bin("tsx"), [script], { cwd: ROOT, env, stdio: "inherit" });
  children.set(name, child);
  child.on("exit", (code, signal) => {
    if (stopping) return;
    // No silent restarts: a crash is visible, and the other process is stopped with it.
    process.stderr.write(`\n${name} exited (${signal ?? `code ${code}`}); stopping the portal.\n`);
    void stopAll(code || 1);
  });
}

launch("web", "app/server/web.ts");
launch("worker", "workers/index.ts");

process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));
process.on("SIGHUP", () => void stopAll(0));

const demoPassword = (process.env.DEMO_PASSWORD ?? (existsSync(join(ROOT, ".data/demo-password")) ? readFileSync(join(ROOT, ".data/demo-password"), "utf8") : "")).trim();
// Written by prisma/seed.ts, so the list printed here is the list that was seeded.
const accountsFile = join(ROOT, ".data/demo-accounts.json");
const DEMO_ACCOUNTS = existsSync(accountsFile) ? JSON.parse(readFileSync(accountsFile, "utf8")) : [];
setTimeout(() => {
  if (stopping) return;
  const lines = [
    "",
    `  Lapor Pangkalpinang is running: ${env.PUBLIC_BASE_URL}`,
    `  Health: ${env.PUBLIC_BASE_URL}/healthz`,
    "",
    process.env.SEED_DEMO === "0"
      ? "  Demo accounts were not seeded (SEED_DEMO=0)."
      : `  Demo staff accounts (DEMO data; password for those nobody has signed in to yet: ${demoPassword}${env.NODE_ENV === "production" ? ", to be changed at first login; SEED_DEMO=0 in production" : ""}):`,
    ...(process.env.SEED_DEMO === "0" ? [] : DEMO_ACCOUNTS.map((a) => `    ${a.role.padEnd(13)} ${a.email}`)),
    "",
    "  Ctrl-C stops web and workers.",
    "",
  ];
  process.stdout.write(lines.join("\n") + "\n");
}, 1_500);
