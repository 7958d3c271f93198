// Shared by `npm start` and `npm test`: bring a fresh clone to a runnable state without asking
// the user to install or start anything by hand. Plain Node (no dependencies) until step 1 is done.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { createConnection } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const bin = (name) => join(ROOT, "node_modules/.bin", name);

export function say(message) {
  process.stdout.write(`\x1b[36m▸\x1b[0m ${message}\n`);
}

export function fail(message) {
  process.stderr.write(`\x1b[31m✖ ${message}\x1b[0m\n`);
  process.exit(1);
}

/** Runs a command to completion, streaming its output; exits the script when it fails. */
export function run(command, args, { env = process.env, label = `${command} ${args.join(" ")}` } = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: "inherit" });
  if (result.status !== 0) fail(`${label} failed (exit ${result.status ?? result.signal})`);
}

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

/** 1. Dependencies: `npm install` (not `npm ci`, which rejects our lock on this registry; STACK.md). */
export function ensureDependencies() {
  const marker = join(ROOT, "node_modules/.package-lock.json");
  if (existsSync(marker) && mtime(marker) >= mtime(join(ROOT, "package-lock.json")) && mtime(marker) >= mtime(join(ROOT, "package.json"))) return;
  say("installing dependencies (npm install)…");
  run("npm", ["install", "--no-audit", "--no-fund"], { label: "npm install" });
}

/** 2. Prisma client, regenerated when the schema is newer than it. */
export function ensurePrismaClient() {
  const generated = join(ROOT, "app/generated/prisma/client.ts");
  if (mtime(generated) >= mtime(join(ROOT, "prisma/schema.prisma"))) return;
  say("generating the Prisma client…");
  run(process.execPath, [join(ROOT, "scripts/prisma-generate.mjs"), "--quiet"], { label: "prisma generate" });
}

export function portOpen(port, host = "127.0.0.1", timeoutMs = 500) {
  return new Promise((resolvePromise) => {
    const socket = createConnection({ port, host });
    const done = (open) => {
      socket.destroy();
      resolvePromise(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

async function waitForPort(port, { timeoutMs = 30_000, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) return false;
    if (await portOpen(port)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

const started = [];

/** Stops every service this script started (never one that was already running). */
export async function stopStartedServices() {
  await Promise.all(
    started.splice(0).map(
      (child) =>
        new Promise((resolvePromise) => {
          if (child.exitCode !== null) return resolvePromise();
          child.once("exit", resolvePromise);
          child.kill("SIGTERM");
          setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
        }),
    ),
  );
}

function startService(command, args, name) {
  const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr = (stderr + chunk).slice(-2000)));
  child.on("exit", (code) => {
    if (code && code !== 0 && !child.killed) process.stderr.write(`${name} exited with ${code}: ${stderr}\n`);
  });
  started.push(child);
  return child;
}

async function pgClient(connectionString) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3_000 });
  await client.connect();
  return client;
}

async function canConnect(connectionString) {
  try {
    const client = await pgClient(connectionString);
    await client.end();
    return true;
  } catch (error) {
    return error;
  }
}

export const PGLITE_PORT = Number(process.env.PGLITE_PORT ?? 55432);

/**
 * 3. PostgreSQL: DATABASE_URL, else the local server on 5432 (database `databaseName`, created if
 * missing), else an embedded PGlite server keeping its data under .data/pglite.
 */
export async function ensureDatabase({ databaseName }) {
  if (process.env.DATABASE_URL) {
    const outcome = await canConnect(process.env.DATABASE_URL);
    if (outcome !== true) fail(`DATABASE_URL is set but PostgreSQL does not answer: ${outcome.message}`);
    say("PostgreSQL: using DATABASE_URL");
    return { url: process.env.DATABASE_URL, kind: "external" };
  }
  // LAPOR_EMBEDDED_DB=1 skips a local server, e.g. to try the embedded fallback on a machine that has one.
  if (process.env.LAPOR_EMBEDDED_DB !== "1" && (await portOpen(5432))) {
    const adminUrl = "postgresql://postgres@127.0.0.1:5432/postgres";
    const outcome = await canConnect(adminUrl);
    if (outcome === true) {
      const client = await pgClient(adminUrl);
      const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [databaseName]);
      if (!rowCount) {
        await client.query(`CREATE DATABASE "${databaseName}"`).catch((error) => {
          if (error.code !== "42P04") throw error; // created meanwhile by a parallel run
        });
      }
      await client.end();
      say(`PostgreSQL: local server on 127.0.0.1:5432, database ${databaseName}`);
      return { url: `postgresql://postgres@127.0.0.1:5432/${databaseName}`, kind: "local" };
    }
    say(`PostgreSQL on 5432 refused us (${outcome.message}); falling back to embedded PGlite`);
  }
  const url = `postgresql://postgres@127.0.0.1:${PGLITE_PORT}/postgres?sslmode=disable`;
  if (await portOpen(PGLITE_PORT)) {
    if ((await canConnect(url)) === true) {
      say(`PostgreSQL: embedded PGlite already running on ${PGLITE_PORT}`);
      return { url, kind: "pglite" };
    }
    fail(`port ${PGLITE_PORT} is taken by something that is not PostgreSQL; set PGLITE_PORT or DATABASE_URL`);
  }
  const dataDir = join(ROOT, ".data/pglite");
  mkdirSync(dataDir, { recursive: true });
  say(`PostgreSQL: starting embedded PGlite (data in .data/pglite, port ${PGLITE_PORT})…`);
  // ≥ 20 connections: web and worker pools share this one server (STACK.md §4).
  const child = startService(process.execPath, [join(ROOT, "node_modules/@electric-sql/pglite-socket/dist/scripts/server.js"), `--db=${dataDir}`, `--port=${PGLITE_PORT}`, "--max-connections=32"], "pglite-server");
  if (!(await waitForPort(PGLITE_PORT, { child }))) fail("embedded PGlite did not start");
  return { url, kind: "pglite" };
}

function which(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).stdout.trim() || null;
}

/** 4. Redis: REDIS_URL, else 127.0.0.1:6379, else start redis-server (installing it with apt as root). */
export async function ensureRedis() {
  if (process.env.REDIS_URL) {
    say("Redis: using REDIS_URL");
    return { url: process.env.REDIS_URL };
  }
  const url = "redis://127.0.0.1:6379";
  if (await portOpen(6379)) {
    say("Redis: local server on 127.0.0.1:6379");
    return { url };
  }
  let server = which("redis-server");
  if (!server && process.getuid?.() === 0 && which("apt-get")) {
    say("Redis: not installed; installing redis-server with apt-get…");
    run("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null"], {
      label: "apt-get install redis-server",
    });
    server = which("redis-server");
  }
  if (!server) {
    fail(
      "Redis is needed for the background workers and none was found.\n" +
        "  Install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) and run this again,\n" +
        "  or point REDIS_URL at a running Redis ≥ 6.2.",
    );
  }
  say("Redis: starting redis-server on 127.0.0.1:6379 (no persistence; Postgres is the source of truth)…");
  const child = startService(server, ["--port", "6379", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], "redis-server");
  if (!(await waitForPort(6379, { child }))) fail("redis-server did not start");
  return { url };
}

export function tsx(script, args = [], env) {
  run(bin("tsx"), [script, ...args], { env, label: `tsx ${script}` });
}

export { bin };
