// Reliability (issue #8, item 3.3): PostgreSQL restarts under a running web process and worker.
// A private PostgreSQL 15 cluster (the shared server is never touched) is stopped with
// `pg_ctl stop -m fast`; /healthz must say the database is down and /lapor must answer with a
// clear "try again shortly" page, not crash. When it is started again everything must recover
// without anyone doing anything: /healthz ok, a complaint files, the worker's heartbeat resumes
// and a job written to the outbox after the restart is relayed and processed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { createDb, type Db } from "~/services/db.server";
import { createLogger } from "~/services/logger.server";
import { applyMigrations } from "../../prisma/migrate";
import { seedReferenceData } from "../../prisma/seed/index";
import { startWorkerRuntime } from "../../workers/runtime";
import { routingProcessor } from "../../workers/processors/routing";
import { startTestServer, type TestServer } from "../e2e/support/browser";
import { TEST_REDIS_URL, uniqueName, useTestQueuePrefix } from "../support/isolation";
import { PrivatePostgres } from "../support/postgres-server";
import { clientAddress, eventually, postLapor, trackingCodeIn, type LaporFields } from "../support/reliability";
import { renderedHtml } from "../support/html";

process.env.TRUST_PROXY = "1";
process.env.REDIS_URL = TEST_REDIS_URL;

const queues = useTestQueuePrefix();
const schema = uniqueName("t");
let postgres: PrivatePostgres;
let db: Db;
let server: TestServer;
let runtime: Awaited<ReturnType<typeof startWorkerRuntime>>;
let fields: LaporFields;

beforeAll(async () => {
  postgres = await PrivatePostgres.create();
  await postgres.start();
  await applyMigrations(postgres.url, { schema });
  db = createDb({ connectionString: postgres.url, schema, poolSize: 4 });
  await seedReferenceData(db);
  const product = await db.serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } });
  const kelurahan = await db.region.findFirstOrThrow({ where: { kind: "KELURAHAN" }, orderBy: { code: "asc" } });
  fields = { productId: product.id, kecamatanCode: kelurahan.parentCode!, kelurahanCode: kelurahan.code };
  server = await startTestServer({ db, schema, url: postgres.url });
  runtime = await startWorkerRuntime({
    db: createDb({ connectionString: postgres.url, schema, poolSize: 4 }),
    redisUrl: queues.redisUrl,
    queuePrefix: queues.prefix,
    log: createLogger("reliability-worker"),
    processors: [routingProcessor],
    relayIntervalMs: 100,
    heartbeatIntervalMs: 300,
  });
}, 90_000);

afterAll(async () => {
  await runtime?.stop();
  await server?.close();
  await db?.$disconnect();
  await postgres?.destroy();
});

async function health(): Promise<{ status: number; body: { status: string; checks: Record<string, { ok: boolean; detail?: string; lastBeatAt?: string }> } }> {
  const response = await fetch(`${server.baseUrl}/healthz`);
  return { status: response.status, body: await response.json() };
}

let submission = 0;
const file = () => postLapor(server.baseUrl, fields, clientAddress(submission), submission++);

describe("PostgreSQL restart", () => {
  it("reports the database down, refuses complaints with a clear page, and recovers by itself", { timeout: 90_000 }, async () => {
    await eventually(async () => ((await health()).status === 200 ? true : undefined), "/healthz ok before the restart");
    const before = await file();
    expect(before.status).toBe(200);
    expect(trackingCodeIn(before.html)).not.toBeNull();

    await postgres.stop();

    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body.checks.database?.ok).toBe(false);
    expect(down.body.checks.redis?.ok).toBe(true);
    const refused = await file();
    expect(refused.status).toBe(503);
    expect(renderedHtml(refused.html)).toContain("Layanan sedang tidak tersedia");
    expect(renderedHtml(refused.html)).toContain("Data Anda belum tersimpan");
    // The same for the home page: the process is alive and says so, rather than a generic 500.
    const home = await fetch(`${server.baseUrl}/`);
    expect(home.status).toBe(503);
    expect(home.headers.get("retry-after")).toBe("30");
    // And for every other page that needs the database: the tracking page, staff sign-in.
    const tracking = await fetch(`${server.baseUrl}/lacak/${trackingCodeIn(before.html)}`, { redirect: "manual" });
    expect(tracking.status).toBe(503);
    const signIn = await fetch(`${server.baseUrl}/staf/masuk`, {
      method: "POST",
      body: new URLSearchParams({ email: "koordinator@demo.lapor-pangkalpinang.invalid", password: "whatever-password" }),
      redirect: "manual",
    });
    expect(signIn.status).toBe(503);
    expect(renderedHtml(await signIn.text())).toContain("Layanan sedang tidak tersedia");

    await postgres.start();
    const restartedAt = Date.now();

    // No manual step from here on.
    const healthy = await eventually(async () => {
      const report = await health();
      // The worker's heartbeat from before the stop is still fresh enough for /healthz: wait for one
      // written after the restart.
      const beat = report.body.checks.worker?.lastBeatAt;
      return report.status === 200 && beat && new Date(beat).getTime() > restartedAt ? report : undefined;
    }, "/healthz ok with a heartbeat written after the restart");
    expect(healthy.body.checks.database?.ok).toBe(true);
    const after = await file();
    expect(after.status).toBe(200);
    const code = trackingCodeIn(after.html)!;
    const complaint = await db.complaint.findUniqueOrThrow({ where: { trackingCode: code } });

    // A job written to the outbox after the restart: VERIFY queues the routing job, the relay
    // hands it to BullMQ and the routing worker assigns the complaint.
    const verified = await applyTransition(db, { complaintId: complaint.id, action: "VERIFY", actor: "COORDINATOR", now: new Date() });
    expect(verified.ok).toBe(true);
    const routed = await eventually(async () => {
      const current = await db.complaint.findUniqueOrThrow({ where: { id: complaint.id }, select: { status: true, unitId: true } });
      return current.status === "ASSIGNED" ? current : undefined;
    }, "the complaint filed after the restart to be routed");
    expect(routed.unitId).not.toBeNull();
    // Routing wrote jobs of its own (SLA trigger, reports); the relay takes those too.
    await eventually(async () => ((await db.outboxMessage.count({ where: { dispatchedAt: null } })) === 0 ? true : undefined), "the outbox to drain");
    expect(await db.complaint.count()).toBe(2);
  });
});
