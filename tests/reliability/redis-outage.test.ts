// Reliability (issue #8, item 3.1): Redis stops while citizens are filing. Every one of 1,000
// complaints, all through the real /lapor form of the production Express app, gets a receipt; the
// rate limiter fails open and the jobs wait in the Postgres outbox (ADR 004). When Redis is back
// the worker's relay dispatches every row and the routing worker routes every verified complaint.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { submitComplaint } from "~/domain/complaints/submit-complaint.server";
import { countPendingOutbox } from "~/models/outbox.server";
import { createLogger } from "~/services/logger.server";
import { startWorkerRuntime } from "../../workers/runtime";
import { ROUTING_SWEEP_GRACE_MS, routingProcessor } from "../../workers/processors/routing";
import { useTestServer } from "../e2e/support/browser";
import { uniqueName } from "../support/isolation";
import { PrivateRedis } from "../support/redis-server";
import { clientAddress, complaintInput, eventually, mapConcurrent, postLapor, trackingCodeIn, type LaporFields } from "../support/reliability";

// The web process reads REDIS_URL when it first touches Redis (env.server.ts, redis.server.ts):
// point it at a Redis this file may stop, before the server module loads.
const redisServer = await PrivateRedis.create();
process.env.REDIS_URL = redisServer.url;
// Every request comes from its own address (x-forwarded-for), so the per-network limit of 10
// complaints an hour is not what is being tested here.
process.env.TRUST_PROXY = "1";

const SUBMISSIONS = 1_000;
const STOP_AT = SUBMISSIONS / 4; // Redis is killed once this many receipts are in…
const START_AT = (SUBMISSIONS * 3) / 4; // …and started again (empty: it keeps nothing on disk) at this many.
const CONCURRENCY = 8;
// One in ten goes through the real HTTP form (Express, Remix action, rate limiter, honeypot); the
// rest call the same domain function the action calls, which keeps 1,000 argon2id PIN hashes and
// their transactions inside the suite's time budget on a 2-core machine.
const HTTP_EVERY = 10;

beforeAll(async () => {
  await redisServer.start();
});
const server = useTestServer();
const db = () => server.database.db;
afterAll(async () => {
  await redisServer.stop();
});

let fields: LaporFields;
beforeAll(async () => {
  const product = await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } });
  const kelurahan = await db().region.findFirstOrThrow({ where: { kind: "KELURAHAN" }, orderBy: { code: "asc" } });
  fields = { productId: product.id, kecamatanCode: kelurahan.parentCode!, kelurahanCode: kelurahan.code };
});

describe("Redis outage during 1,000 submissions", () => {
  // The budgets below are ceilings for a loaded machine, not expectations: alone it takes ~40 s, but
  // inside the full suite it shares two cores with the browser, PDF and mail suites (it ran out of a
  // 120 s budget there once those were added). Every wait is on a condition, never on the clock.
  it("answers every submission with a receipt, loses none, and routes them all once Redis is back", { timeout: 300_000 }, async () => {
    const prefix = uniqueName("rq");
    const runtime = await startWorkerRuntime({
      db: db(),
      redisUrl: redisServer.url,
      queuePrefix: prefix,
      log: createLogger("reliability-worker"),
      processors: [routingProcessor],
      relayIntervalMs: 100,
    });
    try {
      let receipts = 0;
      let outage: Promise<void> | undefined;
      let recovery: Promise<void> | undefined;
      const duringOutage: { code: string; viaHttp: boolean }[] = [];
      let httpReceipts = 0;
      const started = Date.now();
      const codes = await mapConcurrent(Array.from({ length: SUBMISSIONS }, (_, i) => i), CONCURRENCY, async (n) => {
        const redisDown = outage !== undefined && recovery === undefined;
        const viaHttp = n % HTTP_EVERY === 0;
        let code: string;
        if (viaHttp) {
          const { status, html } = await postLapor(server.baseUrl, fields, clientAddress(n), n);
          expect(status, `submission ${n}: ${html.match(/class="field__error"[^>]*>[^<]*|role="alert"[^>]*>[^<]*/g)?.join(" | ")}`).toBe(200);
          const found = trackingCodeIn(html);
          expect(found, `submission ${n} has a tracking code`).not.toBeNull();
          code = found!;
          httpReceipts += 1;
        } else {
          const outcome = await submitComplaint(db(), complaintInput(fields, n), { now: new Date(), locale: "id", publicBaseUrl: "http://localhost" });
          if (!outcome.ok) throw new Error(`submission ${n}: ${JSON.stringify(outcome.fieldErrors)}`);
          code = outcome.trackingCode;
        }
        receipts += 1;
        if (redisDown) duringOutage.push({ code, viaHttp });
        if (receipts === STOP_AT) outage = redisServer.stop();
        if (receipts === START_AT) recovery = outage!.then(() => redisServer.start());
        return code;
      });
      await recovery;
      const filingMs = Date.now() - started;

      // The receipts: all distinct, several hundred of them filed while Redis was gone.
      expect(new Set(codes).size).toBe(SUBMISSIONS);
      expect(duringOutage.length).toBeGreaterThan(SUBMISSIONS / 3);
      expect(duringOutage.filter((r) => r.viaHttp).length).toBeGreaterThan(SUBMISSIONS / HTTP_EVERY / 3);
      expect(httpReceipts).toBe(SUBMISSIONS / HTTP_EVERY);
      // 0 lost: every receipt is a stored complaint with its SUBMITTED event.
      expect(await db().complaint.count({ where: { trackingCode: { in: codes } } })).toBe(SUBMISSIONS);
      expect(await db().complaintEvent.count({ where: { type: "SUBMITTED" } })).toBe(SUBMISSIONS);

      // The relay catches up on its own: no outbox row is left behind.
      await eventually(async () => ((await countPendingOutbox(db())) === 0 ? true : undefined), "the outbox to drain", { timeoutMs: 90_000 });

      // The coordinator verifies each one; routing (a job through the outbox and Redis) assigns it.
      const ids = (await db().complaint.findMany({ select: { id: true } })).map((c) => c.id);
      await mapConcurrent(ids, CONCURRENCY, async (complaintId) => {
        const outcome = await applyTransition(db(), { complaintId, action: "VERIFY", actor: "COORDINATOR", now: new Date() });
        expect(outcome.ok).toBe(true);
      });
      await eventually(
        async () => ((await db().complaint.count({ where: { status: "ASSIGNED" } })) === SUBMISSIONS ? true : undefined),
        `all ${SUBMISSIONS} complaints to be routed`,
        { timeoutMs: 180_000, everyMs: 250 },
      );
      const product = await db().serviceProduct.findUniqueOrThrow({ where: { id: fields.productId } });
      expect(await db().complaint.count({ where: { unitId: product.unitId, status: "ASSIGNED" } })).toBe(SUBMISSIONS);
      expect(await db().complaintEvent.count({ where: { type: "ASSIGNED" } })).toBe(SUBMISSIONS);
      // Routing itself writes jobs (reports, SLA triggers) that the relay picks up on its next pass.
      await eventually(async () => ((await countPendingOutbox(db())) === 0 ? true : undefined), "the outbox to drain after routing", { timeoutMs: 90_000 });
      // Shown by reason, so a failure says which rows the relay counted against and why.
      expect(await db().outboxMessage.findMany({ where: { attempts: { gt: 0 } }, select: { jobName: true, attempts: true, lastError: true } })).toEqual([]);
      process.stdout.write(`redis-outage: ${SUBMISSIONS} filed (${httpReceipts} over HTTP) in ${filingMs} ms, ${duringOutage.length} while Redis was down; all routed ${Date.now() - started - filingMs} ms later\n`);
    } finally {
      await runtime.stop();
    }
  });

  it("routes verified complaints whose routing jobs Redis lost with its data (the routing sweep)", { timeout: 60_000 }, async () => {
    const prefix = uniqueName("rq");
    const log = createLogger("reliability-worker");
    // A relay only: it hands the routing jobs to Redis, where nobody takes them yet.
    const relayOnly = await startWorkerRuntime({ db: db(), redisUrl: redisServer.url, queuePrefix: prefix, log, processors: [], relayIntervalMs: 50 });
    const ids: string[] = [];
    try {
      for (let n = 0; n < 5; n++) {
        const outcome = await submitComplaint(db(), complaintInput(fields, 10_000 + n), { now: new Date(), locale: "id", publicBaseUrl: "http://localhost" });
        if (!outcome.ok) throw new Error(JSON.stringify(outcome.fieldErrors));
        expect((await applyTransition(db(), { complaintId: outcome.complaintId, action: "VERIFY", actor: "COORDINATOR", now: new Date() })).ok).toBe(true);
        ids.push(outcome.complaintId);
      }
      await eventually(async () => ((await countPendingOutbox(db())) === 0 ? true : undefined), "the routing jobs to reach Redis");
    } finally {
      await relayOnly.stop();
    }
    // Redis restarts without its data (no persistence): the dispatched routing jobs are gone.
    await redisServer.stop();
    await redisServer.start();

    // A routing worker a few minutes later: the sweep finds the complaints still VERIFIED.
    const later = () => new Date(Date.now() + ROUTING_SWEEP_GRACE_MS + 60_000);
    const runtime = await startWorkerRuntime({
      db: db(),
      redisUrl: redisServer.url,
      queuePrefix: prefix,
      log,
      processors: [routingProcessor],
      now: later,
      relayIntervalMs: 50,
      routingSweepIntervalMs: 300,
      schedulerRefreshMs: 300,
    });
    try {
      await eventually(
        async () => ((await db().complaint.count({ where: { id: { in: ids }, status: "ASSIGNED", unitId: { not: null } } })) === ids.length ? true : undefined),
        "the routing sweep to route the complaints whose jobs were lost",
      );
      expect(await db().complaintEvent.count({ where: { complaintId: { in: ids }, type: "ASSIGNED" } })).toBe(ids.length);
    } finally {
      await runtime.stop();
    }
  });
});
