// The built app served in-process by the same Express app as production (npm test builds first).
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordWorkerHeartbeat } from "~/models/worker-heartbeat.server";
import { useTestDatabase } from "./support/isolation";
import { renderedHtml } from "./support/html";

const database = useTestDatabase({ seed: true });
let server: Server;
let base: string;

beforeAll(async () => {
  const buildPath = resolve("build/index.js");
  if (!existsSync(buildPath)) throw new Error("build/index.js is missing: run `npm test` (it builds first) or `npm run build`");
  // The route modules read the database through the process-wide client: point it at this file's schema.
  process.env.DATABASE_SCHEMA = database.schema;
  process.env.DATABASE_URL = database.url;
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const { createApp } = await import("~/server/app");
  server = createServer(createApp(build, "production"));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

describe("web app", () => {
  it("serves the home page in Bahasa Indonesia with the seeded catalogue and security headers", async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="id">');
    expect(renderedHtml(html)).toContain("Sampaikan pengaduan pelayanan publik");
    expect(renderedHtml(html)).toMatch(/76 unit layanan dan \d{3} produk layanan terdaftar/);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    // Every inline script carries the nonce, so the enforced CSP does not break hydration.
    const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes] of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("switches to English with a plain form post and remembers it in a cookie", async () => {
    const form = new URLSearchParams({ locale: "en", redirectTo: "/?x=1" });
    const switched = await fetch(`${base}/bahasa`, { method: "POST", body: form, redirect: "manual" });
    expect(switched.status).toBe(302);
    expect(switched.headers.get("location")).toBe("/?x=1");
    const cookie = switched.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^lang=en;.*SameSite=Lax/);
    const page = await fetch(`${base}/`, { headers: { cookie: cookie.split(";")[0]! } });
    const html = await page.text();
    expect(html).toContain('<html lang="en">');
    expect(renderedHtml(html)).toContain("Report a problem with a public service");
  });

  it("never redirects off-site after a language switch", async () => {
    const form = new URLSearchParams({ locale: "en", redirectTo: "//evil.example/phish" });
    const switched = await fetch(`${base}/bahasa`, { method: "POST", body: form, redirect: "manual" });
    expect(switched.headers.get("location")).toBe("/");
  });

  it("answers 404 in the user's language for an unknown page", async () => {
    const response = await fetch(`${base}/tidak-ada`);
    expect(response.status).toBe(404);
    expect(renderedHtml(await response.text())).toContain("Halaman tidak ditemukan.");
    const english = await fetch(`${base}/tidak-ada/juga`, { headers: { cookie: "lang=en" } });
    expect(english.status).toBe(404);
    const html = await english.text();
    expect(html).toContain('<html lang="en">');
    expect(renderedHtml(html)).toContain("Page not found.");
  });

  it("reports health as JSON, 503 until a worker has beaten and 200 after", async () => {
    const before = await fetch(`${base}/healthz`);
    expect(before.status).toBe(503);
    expect((await before.json()).checks.worker.ok).toBe(false);
    await recordWorkerHeartbeat(database.db, { workerId: "w1", hostname: "t", pid: 1, queues: [], startedAt: new Date() });
    const after = await fetch(`${base}/healthz`);
    const body = await after.json();
    expect(body).toMatchObject({ status: "ok", checks: { database: { ok: true }, redis: { ok: true }, worker: { ok: true } } });
    expect(after.status).toBe(200);
    expect(after.headers.get("cache-control")).toBe("no-store");
  });

  it("exposes Prometheus metrics with counts only", async () => {
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toMatch(/^# HELP lapor_complaints /m);
    expect(text).toMatch(/^lapor_outbox_pending \d+$/m);
    expect(text).toMatch(/^lapor_worker_heartbeat_age_seconds [\d.]+$/m);
    expect(text).toMatch(/^lapor_queue_jobs\{queue="sla",state="delayed"\} \d+$/m);
    expect(text).not.toMatch(/@/);
  });
});
