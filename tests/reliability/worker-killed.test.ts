// Reliability (issue #8, item 3.2): a worker process is killed with SIGKILL in the middle of its
// work: sending emails through SendGrid (the real client against the capture server) and
// escalating overdue complaints. A second worker takes over. Nothing may be missed, no escalation
// may be recorded twice, and no email may be delivered twice, except the one case ADR 009 accepts.
import { randomBytes } from "node:crypto";
import { Queue, type ConnectionOptions } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitComplaint } from "~/domain/complaints/submit-complaint.server";
import { evaluateComplaintSla } from "~/domain/sla/evaluate-sla.server";
import { QUEUE_NAMES } from "~/jobs/contracts";
import { countPendingOutbox } from "~/models/outbox.server";
import { seedDemoAccounts } from "../../prisma/seed/index";
import { useTestDatabase, useTestQueuePrefix } from "../support/isolation";
import { createSendGridCapture } from "../support/sendgrid-capture";
import { eventually, startWorkerProcess, type WorkerProcess } from "../support/reliability";

const database = useTestDatabase({ seed: true });
const queues = useTestQueuePrefix();
const capture = createSendGridCapture();
const db = () => database.db;
const COMPLAINTS = 24;
const JOB_LOCK_MS = 2_000;
// Each send takes a while at "SendGrid", so sends are in flight when the worker dies.
const SEND_DELAY_MS = 150;

const redis = new Redis(queues.redisUrl, { maxRetriesPerRequest: null });
const bull = Object.fromEntries(QUEUE_NAMES.map((name) => [name, new Queue(name, { connection: redis as ConnectionOptions, prefix: queues.prefix })]));
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  await capture.start();
  capture.respondWith(...Array.from({ length: 2_000 }, () => ({ status: 202, delayMs: SEND_DELAY_MS })));
  await seedDemoAccounts(db(), { password: "demo-reliability-kill", mustChangePassword: false });
  const product = await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } });
  // Filed long ago (Monday 5 January 2026, 09:00 WIB) and never verified: at the real "now" every
  // one owes a receipt email, a reminder and escalations of the missed verification deadline.
  const filedAt = new Date("2026-01-05T09:00:00+07:00");
  for (let n = 0; n < COMPLAINTS; n++) {
    const outcome = await submitComplaint(
      db(),
      {
        productId: product.id,
        unitUnknown: false,
        description: `Pengaduan uji keandalan nomor ${n}: loket tidak melayani sesuai jadwal.`,
        incidentDate: "2026-01-02",
        name: "Warga Uji Keandalan",
        email: `warga.keandalan${n}@example.test`,
        visibility: "RAHASIA",
        consent: true,
        idempotencyKey: randomBytes(18).toString("base64url"),
      },
      { now: filedAt, locale: "id", publicBaseUrl: "http://localhost" },
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.fieldErrors));
  }
});

afterAll(async () => {
  for (const worker of workers) await worker.kill();
  await Promise.all(Object.values(bull).map((queue) => queue.close()));
  redis.disconnect();
  await capture.stop();
});

/** Each worker's connections carry its name, so the test can see when Postgres is done with them. */
function spawnWorker(name: string): WorkerProcess {
  const url = new URL(database.url);
  url.searchParams.set("application_name", name);
  const worker = startWorkerProcess({
    NODE_ENV: "test",
    DATABASE_URL: url.toString(),
    DATABASE_SCHEMA: database.schema,
    DATABASE_POOL_SIZE: "6",
    REDIS_URL: queues.redisUrl,
    QUEUE_PREFIX: queues.prefix,
    SENDGRID_API_KEY: "SG.reliability-kill-test",
    SENDGRID_BASE_URL: capture.url,
    JOB_LOCK_MS: String(JOB_LOCK_MS),
    LOG_LEVEL: "warn",
  });
  workers.push(worker);
  return worker;
}

/** How often the capture server was asked to deliver each EmailMessage (by our custom arg). */
function deliveriesById(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of capture.requests) {
    const id = (request.body as { custom_args?: { email_message_id?: string } } | null)?.custom_args?.email_message_id;
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

async function settled(): Promise<true | undefined> {
  if ((await countPendingOutbox(db())) > 0) return undefined;
  if ((await db().emailMessage.count({ where: { status: "PENDING" } })) > 0) return undefined;
  for (const queue of Object.values(bull)) {
    const counts = await queue.getJobCounts("wait", "active", "prioritized");
    if (Object.values(counts).some((count) => count > 0)) return undefined;
  }
  return true;
}

describe("a worker killed mid-job", () => {
  const FIRST = `reliability-kill-${process.pid}`;
  it("leaves no escalation twice, no email twice (beyond sends cut off in flight) and nothing missed", { timeout: 90_000 }, async () => {
    const first = spawnWorker(FIRST);
    // Kill it once it is demonstrably in the middle of both kinds of work: emails recorded as SENT
    // and the first escalations written (their notices are then still to be sent).
    await eventually(
      async () => {
        if (first.child.exitCode !== null) throw new Error(`the first worker exited on its own:\n${first.output()}`);
        const sent = await db().emailMessage.count({ where: { status: "SENT" } });
        return sent > 0 && (await db().escalation.count()) > 0 ? true : undefined;
      },
      "the first worker to send an email and escalate",
      { timeoutMs: 40_000, everyMs: 20 },
    );
    await first.kill();
    expect(first.child.signalCode).toBe("SIGKILL");
    // A COMMIT the worker sent just before it died is still carried out: wait until Postgres has
    // finished with every connection of the dead process before looking at what it left.
    await eventually(
      async () => {
        const [row] = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = ${FIRST}`;
        return row && Number(row.n) === 0 ? true : undefined;
      },
      "Postgres to close the dead worker's connections",
      { everyMs: 20 },
    );

    // What the dead worker left: requests SendGrid received, and the rows it managed to mark SENT.
    // A request received without its row marked SENT was cut off between SendGrid's 202 and the
    // commit: that message will be delivered again (at least once, ADR 009).
    const deliveredBeforeKill = new Set(deliveriesById().keys());
    const sentBeforeKill = new Set(
      (await db().emailMessage.findMany({ where: { status: "SENT" }, select: { id: true } })).map((m) => m.id),
    );
    const cutOffInFlight = [...deliveredBeforeKill].filter((id) => !sentBeforeKill.has(id));
    const escalationsBeforeKill = await db().escalation.count();
    const outstandingBeforeKill = await db().emailMessage.count({ where: { status: "PENDING" } });
    expect(outstandingBeforeKill, "the kill came before the work was done").toBeGreaterThan(0);

    const second = spawnWorker(`${FIRST}-b`);
    await eventually(
      async () => {
        if (second.child.exitCode !== null) throw new Error(`the second worker exited:\n${second.output()}`);
        return settled();
      },
      "the second worker to finish the work",
      { timeoutMs: 60_000, everyMs: 250 },
    );
    await second.stop();
    expect(second.child.exitCode, second.output()).toBe(0);

    // Escalations: exactly one per complaint, stage, level; and none missing (a fresh evaluation
    // now finds nothing left to escalate).
    const escalations = await db().escalation.findMany({ select: { complaintId: true, stage: true, level: true } });
    const keys = escalations.map((e) => `${e.complaintId}/${e.stage}/${e.level}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(escalations.length).toBeGreaterThanOrEqual(COMPLAINTS);
    for (const { id } of await db().complaint.findMany({ select: { id: true } })) {
      const evaluation = await evaluateComplaintSla(db(), id, { now: new Date() });
      expect(evaluation.escalated, `complaint ${id} still owed an escalation`).toEqual([]);
    }
    const escalatedEvents = await db().complaintEvent.count({ where: { type: "ESCALATED" } });
    expect(escalatedEvents).toBe(escalations.length);

    // Emails: every message SENT, each delivered once; the ones cut off in flight exactly twice.
    const messages = await db().emailMessage.findMany({ select: { id: true, status: true } });
    expect(messages.filter((m) => m.status !== "SENT")).toEqual([]);
    const deliveries = deliveriesById();
    for (const { id } of messages) {
      expect(deliveries.get(id) ?? 0, `deliveries of email ${id}`).toBe(cutOffInFlight.includes(id) ? 2 : 1);
    }
    expect([...deliveries.keys()].every((id) => messages.some((m) => m.id === id))).toBe(true);
    process.stdout.write(
      `worker-killed: killed after ${sentBeforeKill.size} sent / ${escalationsBeforeKill} escalations; ` +
        `${outstandingBeforeKill} emails outstanding; ${cutOffInFlight.length} cut off in flight and resent; ` +
        `final ${messages.length} emails, ${escalations.length} escalations\n`,
    );
  });
});
