import { randomUUID } from "node:crypto";
import { Queue, type ConnectionOptions } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueJob, pruneDispatchedOutbox } from "~/models/outbox.server";
import { createQueues } from "~/services/queue.server";
import { useTestDatabase, useTestQueuePrefix } from "../tests/support/isolation";
import { relayOutboxOnce } from "./outbox-relay";

const database = useTestDatabase();
const { prefix, redisUrl } = useTestQueuePrefix();
const producer = createQueues({ prefix, redisUrl });
const inspector = new Redis(redisUrl, { maxRetriesPerRequest: null });
const routing = new Queue("routing", { connection: inspector as ConnectionOptions, prefix });

beforeAll(async () => {
  if (!producer.isReady()) await new Promise((resolve) => producer.connection.once("ready", resolve));
});

afterAll(async () => {
  await routing.close();
  await producer.close();
  inspector.disconnect();
});

describe("transactional outbox relay", () => {
  it("hands a committed job to BullMQ under its deterministic id, once", async () => {
    const complaintId = randomUUID();
    await database.db.$transaction(async (tx) => {
      await enqueueJob(tx, "routeComplaint", { complaintId, eventId: "1" });
    });
    // A crash between BullMQ add and the commit makes the relay send the row again.
    await database.db.outboxMessage.create({
      data: { queue: "routing", jobName: "complaint.route", jobId: `route-${complaintId}-1`, payload: { complaintId, eventId: "1" } },
    });

    const result = await relayOutboxOnce(database.db, producer);
    expect(result).toEqual({ sent: 2, rejected: 0 });
    const job = await routing.getJob(`route-${complaintId}-1`);
    expect(job?.name).toBe("complaint.route");
    expect(job?.data).toEqual({ complaintId, eventId: "1" });
    expect(await routing.getJobCounts("waiting")).toEqual({ waiting: 1 });
    expect(await database.db.outboxMessage.count({ where: { dispatchedAt: null } })).toBe(0);
  });

  it("leaves nothing behind when the transaction rolls back", async () => {
    const before = await database.db.outboxMessage.count();
    await expect(
      database.db.$transaction(async (tx) => {
        await enqueueJob(tx, "routeComplaint", { complaintId: randomUUID(), eventId: "2" });
        throw new Error("domain rule refused the change");
      }),
    ).rejects.toThrow("domain rule refused");
    expect(await database.db.outboxMessage.count()).toBe(before);
  });

  it("refuses a payload that breaks the job contract before anything is written", async () => {
    await expect(
      enqueueJob(database.db, "routeComplaint", { complaintId: "not-a-uuid", eventId: "1" }),
    ).rejects.toThrow();
  });

  it("keeps rows pending, uncounted, however long Redis is unreachable, and sends them once it is back", async () => {
    const complaintId = randomUUID();
    await enqueueJob(database.db, "sendEmail", { emailMessageId: complaintId });
    const offline = createQueues({ prefix, redisUrl: "redis://127.0.0.1:1" });
    try {
      for (let pass = 0; pass < 30; pass += 1) {
        const result = await relayOutboxOnce(database.db, offline);
        expect(result).toMatchObject({ sent: 0, rejected: 0, unavailable: expect.any(String) });
      }
    } finally {
      await offline.close().catch(() => {});
    }
    const pending = await database.db.outboxMessage.findFirstOrThrow({ where: { jobId: `email-${complaintId}` } });
    expect(pending.dispatchedAt).toBeNull();
    expect(pending.attempts).toBe(0);

    expect(await relayOutboxOnce(database.db, producer)).toEqual({ sent: 1, rejected: 0 });
    const notify = new Queue("notify", { connection: inspector as ConnectionOptions, prefix });
    expect(await notify.getJob(`email-${complaintId}`)).toBeTruthy();
    await notify.close();
  });

  it("sets aside a row no worker could understand, without holding back the rows behind it", async () => {
    const complaintId = randomUUID();
    const poison = await database.db.outboxMessage.create({
      data: { queue: "routing", jobName: "complaint.teleport", jobId: "poison-1", payload: {} },
    });
    await enqueueJob(database.db, "routeComplaint", { complaintId, eventId: "9" });
    expect(await relayOutboxOnce(database.db, producer)).toEqual({ sent: 1, rejected: 1 });
    const after = await database.db.outboxMessage.findUniqueOrThrow({ where: { id: poison.id } });
    expect(after).toMatchObject({ dispatchedAt: null, attempts: 1, lastError: "unknown job routing/complaint.teleport" });
    expect(await routing.getJob(`route-${complaintId}-9`)).toBeTruthy();
  });

  it("delays a job until its availableAt", async () => {
    const complaintId = randomUUID();
    const dueAt = new Date(Date.now() + 3_600_000);
    await enqueueJob(database.db, "evaluateSla", { complaintId, dueAt: dueAt.toISOString() }, { runAt: dueAt });
    await relayOutboxOnce(database.db, producer);
    const sla = new Queue("sla", { connection: inspector as ConnectionOptions, prefix });
    const job = await sla.getJob(`sla-${complaintId}-${dueAt.getTime()}`);
    expect(await job?.getState()).toBe("delayed");
    expect(job?.opts.delay).toBeGreaterThan(3_500_000);
    await sla.close();
  });

  it("prunes dispatched rows after a week, and never a pending one", async () => {
    const old = new Date(Date.now() - 8 * 24 * 3_600_000);
    const recent = new Date(Date.now() - 24 * 3_600_000);
    const rows = await Promise.all(
      [
        { jobId: "prune-old", dispatchedAt: old },
        { jobId: "prune-recent", dispatchedAt: recent },
        { jobId: "prune-pending", dispatchedAt: null },
      ].map((row) =>
        database.db.outboxMessage.create({
          data: { queue: "routing", jobName: "complaint.route", payload: {}, createdAt: old, availableAt: old, ...row },
        }),
      ),
    );
    expect(await pruneDispatchedOutbox(database.db, new Date())).toBeGreaterThanOrEqual(1);
    const left = await database.db.outboxMessage.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { jobId: true } });
    expect(left.map((r) => r.jobId).sort()).toEqual(["prune-pending", "prune-recent"]);
  });
});
