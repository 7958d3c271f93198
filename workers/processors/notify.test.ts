// The email path end to end: createNotice (Postgres, outbox) → relay → BullMQ (real Redis) →
// notify processor → the real @sendgrid/mail client → a local capture server.
import { randomUUID } from "node:crypto";
import { Queue, type ConnectionOptions, type Job, type JobsOptions } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { JOBS } from "~/jobs/contracts";
import { createNotice, type Notice } from "~/models/email.server";
import { createEmailTransport, type EmailTransport } from "~/services/email.server";
import { createLogger } from "~/services/logger.server";
import { createSendGridCapture } from "../../tests/support/sendgrid-capture";
import { useTestDatabase, useTestQueuePrefix } from "../../tests/support/isolation";
import { startWorkerRuntime } from "../runtime";
import { createNotifyProcessor } from "./notify";

const database = useTestDatabase();
const { prefix, redisUrl } = useTestQueuePrefix();
const capture = createSendGridCapture();
const inspector = new Redis(redisUrl, { maxRetriesPerRequest: null });
const notify = new Queue("notify", { connection: inspector as ConnectionOptions, prefix });
const log = createLogger("notify-test");
const API_KEY = "SG.test-key-notify";
const RECIPIENT = "warga.pelapor@example.com";

/** Production keeps DEFAULT_JOB_OPTIONS (8 tries, exponential from 2 s); these tests retry fast. */
const FAST_RETRY: JobsOptions = { attempts: 3, backoff: { type: "fixed", delay: 50 } };

beforeAll(async () => {
  await capture.start();
});
afterAll(async () => {
  await notify.close();
  inspector.disconnect();
  await capture.stop();
});
beforeEach(() => capture.reset());

const sendgrid = (): EmailTransport => createEmailTransport({ apiKey: API_KEY, baseUrl: capture.url, from: "no-reply@lapor.test" });

function aNotice(overrides: Partial<Notice> = {}): Notice {
  return {
    dedupeKey: `test-${randomUUID()}`,
    template: "complaint.receipt",
    locale: "id",
    to: RECIPIENT,
    subject: "Pengaduan Anda diterima",
    bodyText: "Kode lacak: LPK-ABCDE-FGHIJK",
    ...overrides,
  };
}

async function withWorker(transport: EmailTransport, run: () => Promise<void>, { notifySweepIntervalMs }: { notifySweepIntervalMs?: number } = {}): Promise<void> {
  const runtime = await startWorkerRuntime({
    db: database.db,
    redisUrl,
    queuePrefix: prefix,
    log,
    processors: [createNotifyProcessor(transport)],
    relayIntervalMs: 50,
    ...(notifySweepIntervalMs ? { notifySweepIntervalMs } : {}),
  });
  try {
    await run();
  } finally {
    await runtime.stop();
  }
}

const jobIdOf = (emailMessageId: string) => JOBS.sendEmail.jobId({ emailMessageId });

function addJob(data: unknown, { jobId, ...options }: JobsOptions = {}): Promise<Job> {
  return notify.add(JOBS.sendEmail.name, data, { ...FAST_RETRY, ...options, ...(jobId ? { jobId } : {}) });
}

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits until the job is completed or failed (for good), and returns it re-read with its final state. */
async function settled(jobId: string): Promise<{ state: string; job: Job }> {
  return eventually(async () => {
    const state = await notify.getJobState(jobId);
    if (state !== "completed" && state !== "failed") return undefined;
    // Read the job only now: a copy read while it was still active has no result or reason yet.
    const job = await notify.getJob(jobId);
    return job ? { state, job } : undefined;
  }, `job ${jobId} to settle`);
}

const row = (id: string) => database.db.emailMessage.findUniqueOrThrow({ where: { id } });

describe("notify processor", () => {
  it("sends a message whose job Redis lost, once the e-mail sweep queues it again, and leaves a fresh one to its own job", async () => {
    // Both outbox rows were relayed, but Redis lost the jobs with its data; one message is 20 minutes old.
    const stalled = await createNotice(database.db, aNotice());
    const fresh = await createNotice(database.db, aNotice());
    await database.db.outboxMessage.updateMany({ where: { jobId: { in: [jobIdOf(stalled.emailMessageId), jobIdOf(fresh.emailMessageId)] } }, data: { dispatchedAt: new Date() } });
    await database.db.emailMessage.update({ where: { id: stalled.emailMessageId }, data: { createdAt: new Date(Date.now() - 20 * 60_000) } });
    await withWorker(
      sendgrid(),
      async () => {
        await eventually(async () => ((await row(stalled.emailMessageId)).status === "SENT" ? true : undefined), "the stalled message to be sent");
        // Further sweeps find nothing more to do for it: sent once.
        await new Promise((r) => setTimeout(r, 600));
      },
      { notifySweepIntervalMs: 200 },
    );
    const customId = (body: unknown) => (body as { custom_args?: { email_message_id?: string } } | null)?.custom_args?.email_message_id;
    expect(capture.requests.filter((r) => customId(r.body) === stalled.emailMessageId)).toHaveLength(1);
    expect(capture.requests).toHaveLength(1);
    expect((await row(fresh.emailMessageId)).status).toBe("PENDING");
  });

  it("gives a send job that used up its tries (SendGrid down) another round once the message is stalled, and sends it once", async () => {
    const { emailMessageId: id } = await createNotice(database.db, aNotice());
    await database.db.outboxMessage.updateMany({ where: { jobId: jobIdOf(id) }, data: { dispatchedAt: new Date() } });
    capture.respondWith(500);
    await withWorker(
      sendgrid(),
      async () => {
        await addJob({ emailMessageId: id }, { jobId: jobIdOf(id), attempts: 1 });
        expect((await settled(jobIdOf(id))).state).toBe("failed");
        expect(await row(id)).toMatchObject({ status: "PENDING", attempts: 1 });
        // Still PENDING 20 minutes after it was written: the sweep finds BullMQ's failed job under its id.
        await database.db.emailMessage.update({ where: { id }, data: { createdAt: new Date(Date.now() - 20 * 60_000) } });
        await eventually(async () => ((await row(id)).status === "SENT" ? true : undefined), "the exhausted message to be sent");
        await new Promise((r) => setTimeout(r, 600));
      },
      { notifySweepIntervalMs: 200 },
    );
    expect(capture.requests.map((r) => r.status)).toEqual([500, 202]);
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
  });


  it("sends a notice exactly once: duplicate notices and duplicate jobs send nothing more", async () => {
    await withWorker(sendgrid(), async () => {
      const notice = aNotice();
      const inTx = await database.db.$transaction(async (tx) => {
        const first = await createNotice(tx, notice);
        const again = await createNotice(tx, notice);
        // The skipped duplicate did not abort the transaction: it can still be used.
        const rows = await tx.emailMessage.count({ where: { dedupeKey: notice.dedupeKey } });
        return { first, again, rows };
      });
      expect(inTx.first.created).toBe(true);
      expect(inTx.again).toEqual({ created: false, emailMessageId: inTx.first.emailMessageId });
      expect(inTx.rows).toBe(1);
      const id = inTx.first.emailMessageId;
      expect(await createNotice(database.db, { ...notice, subject: "another text" })).toEqual({ created: false, emailMessageId: id });
      expect(await database.db.outboxMessage.count({ where: { jobId: jobIdOf(id) } })).toBe(1);

      // The relay adds the job as well; BullMQ keeps one job per id.
      await addJob({ emailMessageId: id }, { jobId: jobIdOf(id) });
      await addJob({ emailMessageId: id }, { jobId: jobIdOf(id) });
      const { state, job } = await settled(jobIdOf(id));
      expect(state).toBe("completed");
      expect(job.returnvalue).toEqual({ status: "SENT", sent: true });

      // A second job under another id (say, re-queued after the first id was pruned) finds it sent.
      await addJob({ emailMessageId: id }, { jobId: `${jobIdOf(id)}-again` });
      const duplicate = await settled(`${jobIdOf(id)}-again`);
      expect(duplicate.state).toBe("completed");
      expect(duplicate.job.returnvalue).toEqual({ status: "SENT", sent: false });

      expect(capture.requests).toHaveLength(1);
      const [request] = capture.requests;
      expect(request!.body).toMatchObject({
        personalizations: [{ to: [{ email: RECIPIENT }] }],
        subject: notice.subject,
        custom_args: { email_message_id: id },
      });
      const sent = await row(id);
      expect(sent).toMatchObject({ status: "SENT", providerMessageId: request!.messageId, attempts: 1, lastError: null, subject: notice.subject });
      expect(sent.sentAt).toBeInstanceOf(Date);
    });
  });

  it("retries a transient failure (500) with the queue's backoff and then sends", async () => {
    const { emailMessageId: id } = await createNotice(database.db, aNotice());
    await addJob({ emailMessageId: id }, { jobId: jobIdOf(id) });
    capture.respondWith(500, 202);
    await withWorker(sendgrid(), async () => {
      const { state, job } = await settled(jobIdOf(id));
      expect(state).toBe("completed");
      expect(job.attemptsMade).toBe(2);
    });
    expect(capture.requests.map((r) => r.status)).toEqual([500, 202]);
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 2, providerMessageId: capture.requests[1]!.messageId, lastError: null });
  });

  it("fails a permanent refusal (400) at once, without a retry, and keeps the reason without the address", async () => {
    const { emailMessageId: id } = await createNotice(database.db, aNotice());
    await addJob({ emailMessageId: id }, { jobId: jobIdOf(id) });
    capture.respondWith({ status: 400, body: { errors: [{ message: `Does not contain a valid address: ${RECIPIENT}`, field: "personalizations.0.to.0.email" }] } });
    await withWorker(sendgrid(), async () => {
      const { state, job } = await settled(jobIdOf(id));
      expect(state).toBe("failed");
      expect(job.attemptsMade).toBe(1);
      expect(job.failedReason).toContain("SendGrid 400: Does not contain a valid address");
      expect(job.failedReason).not.toContain(RECIPIENT);
    });
    expect(capture.requests).toHaveLength(1);
    const failed = await row(id);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, sentAt: null, providerMessageId: null });
    expect(failed.lastError).toBe("SendGrid 400: Does not contain a valid address: [recipient] (field personalizations.0.to.0.email)");
  });

  it("keeps the message in the dev mailbox when there is no API key: nothing is sent", async () => {
    await withWorker(createEmailTransport({ from: "no-reply@lapor.test", baseUrl: capture.url }), async () => {
      const { emailMessageId: id } = await database.db.$transaction((tx) => createNotice(tx, aNotice()));
      const { state, job } = await settled(jobIdOf(id));
      expect(state).toBe("completed");
      expect(job.returnvalue).toEqual({ status: "DEV_MAILBOX", sent: true });
      const kept = await row(id);
      expect(kept).toMatchObject({ status: "DEV_MAILBOX", providerMessageId: null });
      expect(kept.sentAt).toBeInstanceOf(Date);
    });
    expect(capture.requests).toHaveLength(0);
  });

  it("sends once when two jobs for the same message run at the same moment", async () => {
    const { emailMessageId: id } = await createNotice(database.db, aNotice());
    await addJob({ emailMessageId: id }, { jobId: jobIdOf(id) });
    await addJob({ emailMessageId: id }, { jobId: `${jobIdOf(id)}-twin` });
    // A slow answer keeps the first send in flight while the worker (concurrency 4) starts the second.
    capture.respondWith({ status: 202, delayMs: 300 });
    await withWorker(sendgrid(), async () => {
      const results = await Promise.all([settled(jobIdOf(id)), settled(`${jobIdOf(id)}-twin`)]);
      expect(results.map((r) => r.state)).toEqual(["completed", "completed"]);
      expect(results.map((r) => (r.job.returnvalue as { sent: boolean }).sent).sort()).toEqual([false, true]);
    });
    expect(capture.requests).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("fails jobs it can never run without retrying them: unknown message, invalid payload, unknown job name", async () => {
    const missing = randomUUID();
    await addJob({ emailMessageId: missing }, { jobId: "missing" });
    await addJob({ emailMessageId: "not-a-uuid" }, { jobId: "invalid" });
    await notify.add("email.teleport", { emailMessageId: missing }, { ...FAST_RETRY, jobId: "unknown-name" });
    await withWorker(sendgrid(), async () => {
      const [a, b, c] = await Promise.all([settled("missing"), settled("invalid"), settled("unknown-name")]);
      expect([a.state, b.state, c.state]).toEqual(["failed", "failed", "failed"]);
      expect([a.job.attemptsMade, b.job.attemptsMade, c.job.attemptsMade]).toEqual([1, 1, 1]);
      expect(a.job.failedReason).toBe(`email message ${missing} not found`);
      expect(b.job.failedReason).toBe("invalid email.send payload (emailMessageId: invalid_format)");
      expect(c.job.failedReason).toBe("unknown job notify/email.teleport");
    });
    expect(capture.requests).toHaveLength(0);
  });
});
