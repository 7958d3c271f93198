// Reliability (issue #8, item 3.2): a worker process is killed with SIGKILL in the middle of its
// work: sending emails through SendGrid (the real client against the capture server) and
// escalating overdue complaints. A second worker takes over. Nothing may be missed, no escalation
// may be recorded twice, and no email may be delivered twice, except the one case ADR 009 accepts.
// Then (issue #20) two workers sweep after a holiday and SLA policy changes that move the missed
// deadlines: still one escalation per level, no new email, settled while the deadline lies ahead.
import { randomBytes } from "node:crypto";
import { Queue, type ConnectionOptions } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveHoliday } from "~/domain/admin/calendar.server";
import { savePolicy } from "~/domain/admin/sla.server";
import { submitComplaint } from "~/domain/complaints/submit-complaint.server";
import { evaluateComplaintSla } from "~/domain/sla/evaluate-sla.server";
import { JOBS, QUEUE_NAMES } from "~/jobs/contracts";
import { countPendingOutbox } from "~/models/outbox.server";
import { seedDemoAccounts } from "../../prisma/seed/index";
import { useTestDatabase, useTestQueuePrefix } from "../support/isolation";
import { createSendGridCapture } from "../support/sendgrid-capture";
import { eventually, startWorkerProcess, type WorkerProcess } from "../support/reliability";
import { staffMailsAbout } from "../support/staff-mail";

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
  // Escalations and reminders recorded by the per-complaint triggers are mailed by the next sweep
  // (one digest per address, ADR 009); the scheduler's runs every minute, so ask for one now.
  if ((await db().staffAlert.count({ where: { emailMessageId: null } })) > 0) {
    await bull.sla!.add(JOBS.sweepSla.name, {}, { jobId: "reliability-digest-nudge", removeOnComplete: true });
    return undefined;
  }
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

  it("follows a holiday and SLA policy changes with one escalation per level and no new email, and mailed the coordinators", { timeout: 120_000 }, async () => {
    // The missed verifications went to the coordinators, who verify (issue #20), not to Disdukcapil's head.
    const desk = await db().serviceUnit.findFirstOrThrow({ where: { kind: "COORDINATOR", isActive: true } });
    const levelOne = await db().escalation.findMany({ where: { stage: "VERIFICATION", level: 1 } });
    expect(levelOne).toHaveLength(COMPLAINTS);
    expect(levelOne.every((e) => e.targetRole === "COORDINATOR" && e.targetUnitId === desk.id)).toBe(true);
    for (const { complaintId } of levelOne) {
      const to = (await staffMailsAbout(db(), complaintId, { kind: "ESCALATION" })).filter((m) => m.stage === "VERIFICATION" && m.level === 1).map((m) => m.message);
      expect(to.map((m) => m.toAddress).sort()).toEqual(["koordinator-pengaduan@demo.lapor-pangkalpinang.invalid", "koordinator@demo.lapor-pangkalpinang.invalid"]);
    }

    const escalationsBefore = await db().escalation.findMany({ orderBy: { id: "asc" }, select: { id: true, complaintId: true, stage: true, level: true, targetRole: true } });
    expect(escalationsBefore).toHaveLength(3 * COMPLAINTS);
    const emailsBefore = await db().emailMessage.count();
    const deliveriesBefore = capture.requests.length;
    const admin = await db().user.findFirstOrThrow({ where: { memberships: { some: { role: "ADMIN" } } } });
    const policy = await db().slaPolicy.findFirstOrThrow({ where: { code: "DEFAULT" }, include: { targets: true } });
    const saveVerification = async (amount: number, unit: "WORKING_DAYS" | "CALENDAR_DAYS") =>
      expect(
        await savePolicy(
          db(),
          policy.id,
          {
            code: policy.code,
            name: policy.name,
            source: policy.source,
            unitId: null,
            productId: null,
            category: null,
            priority: null,
            reminderPercent: policy.reminderPercent,
            escalationStepAmount: policy.escalationStepAmount,
            escalationStepUnit: policy.escalationStepUnit,
            isActive: true,
            targets: policy.targets.map((t) => (t.stage === "VERIFICATION" ? { ...t, amount, unit } : t)),
          },
          { actorUserId: admin.id },
        ),
      ).toMatchObject({ ok: true });
    /** The sweep the workers' scheduler runs every minute, asked for now; then waits for `state` and for the queues to drain. */
    const sweepUntil = async (what: string, state: () => Promise<boolean>) => {
      await bull.sla!.add(JOBS.sweepSla.name, {});
      await eventually(
        async () => {
          for (const worker of pair) if (worker.child.exitCode !== null) throw new Error(`a worker exited:\n${worker.output()}`);
          return (await state()) && (await db().complaint.count({ where: { slaCheckAt: { lte: new Date() } } })) === 0 ? settled() : undefined;
        },
        what,
        { timeoutMs: 45_000, everyMs: 250 },
      );
    };
    const verification = () => db().escalation.findMany({ where: { stage: "VERIFICATION" }, select: { breachedDueAt: true, settledReason: true } });

    const pair = [spawnWorker(`${FIRST}-c`), spawnWorker(`${FIRST}-d`)];
    // Wed 7 Jan 2026 becomes a holiday: verification of 5 Jan was due Thu 8 Jan 16:00, now Fri 9 Jan 16:30. Still missed.
    const holiday = await saveHoliday(db(), null, { date: "2026-01-07", kind: "LOCAL", name: "Libur uji", nameEn: "Test holiday", source: "Keputusan uji", confirmed: true }, { actorUserId: admin.id });
    expect(holiday.ok).toBe(true);
    const friday = new Date("2026-01-09T16:30:00+07:00").getTime();
    await sweepUntil("the escalations to record the moved deadline", async () => (await verification()).every((e) => e.breachedDueAt.getTime() === friday && e.settledReason === null));

    // A policy that gives verification more calendar days than have passed: the deadline lies ahead,
    // every escalation is settled as "deadline moved" (the reminder at 75 % lies ahead too).
    const daysSinceFiled = Math.ceil((Date.now() - Date.parse("2026-01-05T09:00:00+07:00")) / 86_400_000);
    await saveVerification(4 * daysSinceFiled + 365, "CALENDAR_DAYS");
    await sweepUntil("the escalations to be settled", async () => (await verification()).every((e) => e.settledReason === "DEADLINE_MOVED"));

    // Back to three working days: missed again; the same escalations open again.
    await saveVerification(3, "WORKING_DAYS");
    await sweepUntil("the escalations to reopen", async () => (await verification()).every((e) => e.breachedDueAt.getTime() === friday && e.settledReason === null));
    for (const worker of pair) await worker.stop();
    for (const worker of pair) expect(worker.child.exitCode, worker.output()).toBe(0);

    expect(await db().escalation.findMany({ orderBy: { id: "asc" }, select: { id: true, complaintId: true, stage: true, level: true, targetRole: true } })).toEqual(escalationsBefore);
    expect(await db().complaintEvent.count({ where: { type: "ESCALATED" } })).toBe(escalationsBefore.length);
    expect(await db().emailMessage.count()).toBe(emailsBefore);
    expect(capture.requests.length).toBe(deliveriesBefore);
    const revised = await db().complaintEvent.findMany({ where: { type: "ESCALATION_REVISED" }, select: { complaintId: true, visibility: true, payload: true } });
    expect(revised.every((e) => e.visibility === "INTERNAL")).toBe(true);
    for (const { complaintId } of levelOne) {
      const outcomes = revised.filter((e) => e.complaintId === complaintId).map((e) => [(e.payload as { outcome: string }).outcome, (e.payload as { levels: number[] }).levels]);
      expect(outcomes).toEqual([["KEPT", [1, 2, 3]], ["SETTLED", [1, 2, 3]], ["REOPENED", [1, 2, 3]]]);
    }
  });
});
