// SLA clocks, escalation and the sweeper against real PostgreSQL and Redis, with the clock moved
// by the test instead of waiting.
import { Redis } from "ioredis";
import { beforeAll, describe, expect, it } from "vitest";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import type { WorkflowAction, Actor } from "~/domain/complaints/workflow";
import { evaluateComplaintSla, evaluateComplaintsSla } from "~/domain/sla/evaluate-sla.server";
import { sendStaffDigests } from "~/domain/sla/staff-digest.server";
import { createLogger } from "~/services/logger.server";
import { seedDemoAccounts } from "../prisma/seed/index";
import { startWorkerRuntime } from "../workers/runtime";
import { routingProcessor } from "../workers/processors/routing";
import { slaProcessor } from "../workers/processors/sla";
import { useTestDatabase, useTestQueuePrefix } from "./support/isolation";
import { fileComplaintAt } from "./support/complaint-form";
import { staffMailsAbout } from "./support/staff-mail";

const database = useTestDatabase({ seed: true });
const queues = useTestQueuePrefix();
const wib = (local: string) => new Date(`${local}+07:00`);
const minutesAfter = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

let productId: string;
beforeAll(async () => {
  await seedDemoAccounts(database.db, { password: "demo-sla-test", mustChangePassword: false });
  productId = (await database.db.serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } })).id;
});

/** What the sweep does after its evaluations: one digest per staff address of what is owed. */
const mailDigests = (now: Date) => sendStaffDigests(database.db, now, { publicBaseUrl: "http://localhost" });

const file = (now: Date, overrides: Partial<{ productId: string }> = {}) => fileComplaintAt(database.db, now, { productId, visibility: "RAHASIA", ...overrides });

async function act(complaintId: string, action: WorkflowAction, actor: Actor, now: Date) {
  const outcome = await applyTransition(database.db, { complaintId, action, actor, now });
  expect(outcome.ok, action).toBe(true);
}

describe("working-time deadlines", () => {
  it("gives a complaint filed Friday 15:55 WIB before cuti bersama and Imlek the right verification deadline", async () => {
    const id = await file(wib("2026-02-13T15:55:00"));
    const complaint = await database.db.complaint.findUniqueOrThrow({ where: { id } });
    // Fri 13 Feb is day 0; Mon 16 (cuti bersama) and Tue 17 (Imlek) are closed: Wed 18, Thu 19, Fri 20 at close.
    expect(complaint.verificationDueAt).toEqual(wib("2026-02-20T16:30:00"));
    expect(complaint.nextDueStage).toBe("VERIFICATION");
    // The reminder at 75 % of the working time comes first.
    expect(complaint.slaCheckAt!.getTime()).toBeLessThan(complaint.verificationDueAt!.getTime());
  });

  it("pauses while awaiting the citizen and resumes with the reply", async () => {
    const t0 = wib("2026-03-02T08:00:00");
    const id = await file(t0);
    await act(id, "VERIFY", "COORDINATOR", minutesAfter(t0, 60));
    await act(id, "ASSIGN", "SYSTEM", minutesAfter(t0, 61));
    await act(id, "ACKNOWLEDGE", "OFFICER", minutesAfter(t0, 120));
    const before = (await database.db.complaint.findUniqueOrThrow({ where: { id } })).resolutionDueAt!;
    await act(id, "REQUEST_INFO", "OFFICER", wib("2026-03-03T07:30:00"));
    const paused = await database.db.complaint.findUniqueOrThrow({ where: { id } });
    expect(paused.resolutionDueAt).toBeNull();
    expect(paused.nextDueStage).toBe("CITIZEN_REPLY");
    await applyTransition(database.db, { complaintId: id, action: "CITIZEN_REPLY", actor: "CITIZEN", message: "Ini jawabannya.", now: wib("2026-03-05T07:30:00") });
    const resumed = await database.db.complaint.findUniqueOrThrow({ where: { id } });
    expect(resumed.status).toBe("IN_PROGRESS");
    // Issue #20: a 60-calendar-day limit ends at the close of its last day (ADR 029), where it used
    // to move by exactly the 48 hours waited. Assigned Mon 2 Mar: the last day was Fri 1 May (Labour
    // Day, closed) and the two days waited make it Sun 3 May; both run on to Monday's close.
    expect(before).toEqual(wib("2026-05-04T16:00:00"));
    expect(resumed.resolutionDueAt).toEqual(wib("2026-05-04T16:00:00"));
    expect(resumed.resolutionDueAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
  });
});

describe("escalation", () => {
  it("escalates level 1 to the head of the unit above when the unit has no head of its own (Puskesmas → Dinkes)", async () => {
    const db = database.db;
    const puskesmas = await db.serviceUnit.findFirstOrThrow({ where: { kind: "PUSKESMAS", products: { some: {} } }, include: { parent: true } });
    expect(puskesmas.parent?.code).toBe("DINKES");
    expect(await db.membership.count({ where: { unitId: puskesmas.id, role: "UNIT_HEAD" } })).toBe(0);
    const head = await db.user.create({ data: { email: "kadinkes@example.test", name: "Kepala Dinkes", locale: "id" } });
    await db.membership.create({ data: { userId: head.id, unitId: puskesmas.parentId!, role: "UNIT_HEAD" } });
    const puskesmasProduct = await db.serviceProduct.findFirstOrThrow({ where: { unitId: puskesmas.id } });

    const t0 = wib("2026-01-05T09:00:00"); // Monday
    const id = await file(t0, { productId: puskesmasProduct.id });
    await act(id, "VERIFY", "COORDINATOR", minutesAfter(t0, 30));
    await act(id, "ASSIGN", "SYSTEM", minutesAfter(t0, 31));
    expect((await db.complaint.findUniqueOrThrow({ where: { id } })).unitId).toBe(puskesmas.id);
    await evaluateComplaintSla(db, id, { now: wib("2026-01-12T16:01:00") });
    await mailDigests(wib("2026-01-12T16:01:00"));

    const [escalation] = await db.escalation.findMany({ where: { complaintId: id } });
    expect(escalation).toMatchObject({ level: 1, targetRole: "UNIT_HEAD", targetUnitId: puskesmas.parentId });
    const notices = await staffMailsAbout(db, id, { kind: "ESCALATION" });
    expect(notices.map((n) => n.message.toAddress).sort()).toEqual(["kadinkes@example.test", ...puskesmas.contactEmails].sort());
  });

  it("reminds and escalates a missed verification to the coordinators, who verify, whether or not the citizen named the unit", async () => {
    // Issue #20: level 1 went to the head of the service unit (who cannot verify), and the
    // coordinators heard only through their desk's address when the citizen did not know the unit.
    const db = database.db;
    const desk = await db.serviceUnit.findFirstOrThrow({ where: { kind: "COORDINATOR", isActive: true } });
    const coordinators = (await db.membership.findMany({ where: { role: "COORDINATOR", user: { isActive: true } }, select: { user: { select: { email: true } } } })).map((m) => m.user.email);
    expect(coordinators).toContain("koordinator@demo.lapor-pangkalpinang.invalid");
    const t0 = wib("2026-10-05T09:00:00"); // Monday: verification due Thu 8 Oct at close, 75 % at Thu 07:52:30
    const named = await file(t0);
    const unknown = await fileComplaintAt(db, t0, { unitUnknown: true, visibility: "RAHASIA" });
    expect((await db.complaint.findUniqueOrThrow({ where: { id: named } })).unitId).not.toBeNull();

    await evaluateComplaintsSla(db, [named, unknown], { now: wib("2026-10-08T08:00:00") });
    await mailDigests(wib("2026-10-08T08:00:00"));
    await evaluateComplaintsSla(db, [named, unknown], { now: wib("2026-10-08T16:01:00") });
    await mailDigests(wib("2026-10-08T16:01:00"));
    const expected = [...new Set([...coordinators, ...desk.contactEmails])].sort();
    for (const id of [named, unknown]) {
      const reminded = await staffMailsAbout(db, id, { kind: "REMINDER" });
      expect(reminded.map((n) => n.message.toAddress).sort()).toEqual([...coordinators].sort());
      const [escalation, ...more] = await db.escalation.findMany({ where: { complaintId: id } });
      expect(more).toEqual([]);
      expect(escalation).toMatchObject({ stage: "VERIFICATION", level: 1, targetRole: "COORDINATOR", targetUnitId: desk.id });
      const notices = await staffMailsAbout(db, id, { kind: "ESCALATION" });
      expect(notices.map((n) => n.message.toAddress).sort()).toEqual(expected);
      expect(notices.every((n) => n.message.bodyText.includes("admin koordinator pengaduan"))).toBe(true);
    }
  });

  it("escalates a missed first response exactly once per level, even when evaluations race", async () => {
    const t0 = wib("2026-01-05T09:00:00"); // Monday
    const id = await file(t0);
    await act(id, "VERIFY", "COORDINATOR", minutesAfter(t0, 30));
    await act(id, "ASSIGN", "SYSTEM", minutesAfter(t0, 31));
    const assigned = await database.db.complaint.findUniqueOrThrow({ where: { id } });
    // Assigned Monday: 5 working days → Monday 12 Jan at close.
    expect(assigned.firstResponseDueAt).toEqual(wib("2026-01-12T16:00:00"));

    const race = async (now: Date) => {
      await Promise.all([1, 2, 3, 4].map(() => evaluateComplaintSla(database.db, id, { now })));
      // Two sweeps at the same moment mail each alert once as well.
      await Promise.all([mailDigests(now), mailDigests(now)]);
    };
    const levels = async () =>
      (await database.db.escalation.findMany({ where: { complaintId: id, stage: "FIRST_RESPONSE" }, orderBy: { level: "asc" } })).map((e) => [e.level, e.targetRole]);

    await race(wib("2026-01-12T15:59:00"));
    expect(await levels()).toEqual([]);

    await race(wib("2026-01-12T16:01:00"));
    await race(wib("2026-01-12T16:30:00"));
    expect(await levels()).toEqual([[1, "UNIT_HEAD"]]);

    // Each level has its own deadline, two working days: Wed 14 Jan close, then Fri 16 Jan close.
    await race(wib("2026-01-14T16:01:00"));
    expect(await levels()).toEqual([[1, "UNIT_HEAD"], [2, "INSPECTORATE"]]);
    await race(wib("2026-01-16T16:31:00"));
    await race(wib("2026-02-20T10:00:00"));
    expect(await levels()).toEqual([[1, "UNIT_HEAD"], [2, "INSPECTORATE"], [3, "LIAISON"]]);

    const events = await database.db.complaintEvent.findMany({ where: { complaintId: id, type: "ESCALATED" } });
    expect(events).toHaveLength(3);
    const complaint = await database.db.complaint.findUniqueOrThrow({ where: { id } });
    expect(complaint.escalationLevel).toBe(3);

    // One notice per level and recipient, none twice; no complainant identity in them.
    const notices = await staffMailsAbout(database.db, id, { kind: "ESCALATION" });
    const perLevel = (level: number) => notices.filter((n) => n.level === level).map((n) => n.message);
    expect(perLevel(1).map((n) => n.toAddress).sort()).toEqual(["disdukcapil@demo.lapor-pangkalpinang.invalid", "kepala@demo.lapor-pangkalpinang.invalid"]);
    expect(perLevel(2).map((n) => n.toAddress).sort()).toEqual(["inspektorat@demo.lapor-pangkalpinang.invalid"]);
    expect(perLevel(3).map((n) => n.toAddress)).toEqual(["penghubung@demo.lapor-pangkalpinang.invalid"]);
    for (const level of [1, 2, 3]) expect(perLevel(level).every((n) => n.subject.startsWith(`Eskalasi tingkat ${level}:`))).toBe(true);
    for (const { message: notice } of notices) {
      expect(notice.bodyText).toContain(complaint.trackingCode);
      expect(notice.bodyText).not.toContain("Warga Uji");
      expect(notice.bodyText).not.toContain("081200000000");
    }
    const messageIds = [...new Set(notices.map((n) => n.message.id))];
    expect(messageIds).toHaveLength(notices.length);
    const emailJobs = await database.db.outboxMessage.count({ where: { jobName: "email.send", jobId: { in: messageIds.map((id) => `email-${id}`) } } });
    expect(emailJobs).toBe(notices.length);
  });

  it("settles open escalations when the unit finally responds, and then looks no further", async () => {
    const t0 = wib("2026-04-06T09:00:00");
    const id = await file(t0);
    await act(id, "VERIFY", "COORDINATOR", minutesAfter(t0, 10));
    await act(id, "ASSIGN", "SYSTEM", minutesAfter(t0, 11));
    await evaluateComplaintSla(database.db, id, { now: wib("2026-04-14T08:00:00") });
    expect(await database.db.escalation.count({ where: { complaintId: id, settledAt: null } })).toBe(1);
    await act(id, "ACKNOWLEDGE", "OFFICER", wib("2026-04-14T09:00:00"));
    await act(id, "RESPOND", "OFFICER", wib("2026-04-14T09:30:00"));
    expect(await database.db.escalation.count({ where: { complaintId: id, settledAt: null } })).toBe(0);
    // An escalation a racing sweep wrote after that response is settled by the next evaluation.
    await database.db.escalation.updateMany({ where: { complaintId: id }, data: { settledAt: null } });
    const result = await evaluateComplaintSla(database.db, id, { now: wib("2026-04-20T09:00:00") });
    expect(result.escalated).toEqual([]);
    expect(await database.db.escalation.count({ where: { complaintId: id, settledAt: null } })).toBe(0);
  });

  it("sends one reminder at 75 % of the working time, not twice", async () => {
    // Filed Monday 08:00; verification due Thu 7 May 16:00, 2,010 working minutes later. 75 % is
    // 1,507.5 minutes: Mon 480 + Tue 510 + Wed 510, and 7.5 minutes into Thursday.
    const t0 = wib("2026-05-04T08:00:00");
    const id = await file(t0);
    const early = await evaluateComplaintSla(database.db, id, { now: wib("2026-05-07T07:37:00") });
    expect(early.reminded).toEqual([]);
    expect(early.nextCheckAt).toEqual(wib("2026-05-07T07:37:30"));
    const first = await evaluateComplaintSla(database.db, id, { now: wib("2026-05-07T08:00:00") });
    const second = await evaluateComplaintSla(database.db, id, { now: wib("2026-05-07T08:05:00") });
    expect(first.reminded).toEqual(["VERIFICATION"]);
    expect(second.reminded).toEqual([]);
    expect(await database.db.complaintEvent.count({ where: { complaintId: id, type: "REMINDER_SENT" } })).toBe(1);
    expect(second.nextCheckAt).toEqual(wib("2026-05-07T16:00:00"));
  });

  it("closes a complaint whose confirmation window lapsed", async () => {
    const t0 = wib("2026-06-08T09:00:00");
    const id = await file(t0);
    await act(id, "VERIFY", "COORDINATOR", minutesAfter(t0, 10));
    await act(id, "ASSIGN", "SYSTEM", minutesAfter(t0, 11));
    await act(id, "ACKNOWLEDGE", "OFFICER", minutesAfter(t0, 12));
    await act(id, "PROPOSE_RESOLUTION", "OFFICER", minutesAfter(t0, 60));
    const result = await evaluateComplaintSla(database.db, id, { now: wib("2026-07-01T09:00:00") });
    expect(result.autoClosed).toBe(true);
    const closed = await database.db.complaint.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: "desc" }, take: 1 } } });
    expect(closed.status).toBe("CLOSED");
    expect(closed.events[0]?.type).toBe("AUTO_CLOSED");
    expect(closed.slaCheckAt).toBeNull();
  });
});

describe("batched evaluation", () => {
  // The sweeper evaluates its due complaints together (one transaction per SLA_BATCH_SIZE): every
  // complaint must come out exactly as if it had been evaluated on its own.
  async function scenario() {
    const t0 = wib("2026-06-01T08:00:00"); // Monday
    const missed = await file(t0);
    await act(missed, "VERIFY", "COORDINATOR", minutesAfter(t0, 30));
    await act(missed, "ASSIGN", "SYSTEM", minutesAfter(t0, 31));
    const reminded = await file(wib("2026-06-08T08:00:00"));
    const closed = await file(t0);
    await act(closed, "REJECT", "COORDINATOR", minutesAfter(t0, 10));
    const quiet = await file(wib("2026-06-10T08:00:00"));
    return [missed, reminded, closed, quiet];
  }
  const now = wib("2026-06-11T10:00:00");
  const state = async (id: string) => {
    const complaint = await database.db.complaint.findUniqueOrThrow({ where: { id }, select: { slaCheckAt: true, escalationLevel: true } });
    return {
      ...complaint,
      escalations: (await database.db.escalation.findMany({ where: { complaintId: id }, orderBy: [{ stage: "asc" }, { level: "asc" }] })).map((e) => [e.stage, e.level, e.targetRole, e.dueAt?.toISOString()]),
      events: (await database.db.complaintEvent.findMany({ where: { complaintId: id, type: { in: ["ESCALATED", "REMINDER_SENT"] } }, orderBy: { id: "asc" } })).map((e) => [e.type, e.payload]),
      // What each address is owed (its digest comes with the sweep); the key names the complaint.
      emails: (await database.db.staffAlert.findMany({ where: { complaintId: id }, orderBy: { dedupeKey: "asc" } })).map((m) => [m.kind, m.toAddress, m.dedupeKey]),
      jobs: await database.db.outboxMessage.count({ where: { OR: [{ jobId: { startsWith: `sla-${id}-` } }, { jobId: { startsWith: `reports-${id}-` } }] } }),
    };
  };

  it("gives each complaint of a batch the same outcome and records as evaluating it alone", async () => {
    const alone = await scenario();
    const together = await scenario();
    const aloneResults = [];
    for (const id of alone) aloneResults.push(await evaluateComplaintSla(database.db, id, { now }));
    const batch = await evaluateComplaintsSla(database.db, together, { now });
    expect(together.map((id) => batch.get(id))).toEqual(aloneResults);
    // 1 June (Hari Lahir Pancasila) is closed: first response due Tue 9 June at close, level 2 not yet.
    expect(aloneResults[0]!.escalated).toEqual([{ stage: "FIRST_RESPONSE", level: 1 }]);
    expect(aloneResults[1]!.reminded).toEqual(["VERIFICATION"]);
    for (let i = 0; i < alone.length; i++) {
      const [a, b] = [await state(alone[i]!), await state(together[i]!)];
      // The alerts' keys name the complaint; everything else is the same.
      expect({ ...b, emails: b.emails.map(([t, to]) => [t, to]) }).toEqual({ ...a, emails: a.emails.map(([t, to]) => [t, to]) });
      expect(b.emails.length).toBe(a.emails.length);
    }
  });

  it("does nothing twice when overlapping batches race in opposite orders", async () => {
    const first = await scenario();
    const second = await scenario();
    const ids = [...first, ...second];
    await Promise.all([
      evaluateComplaintsSla(database.db, ids, { now }),
      evaluateComplaintsSla(database.db, [...ids].reverse(), { now }),
      evaluateComplaintsSla(database.db, second, { now }),
    ]);
    const again = await evaluateComplaintsSla(database.db, ids, { now });
    expect([...again.values()].flatMap((r) => [...r.escalated, ...r.reminded])).toEqual([]);
    for (const id of [first[0]!, second[0]!]) {
      expect((await state(id)).escalations).toHaveLength(1);
      expect(await database.db.complaintEvent.count({ where: { complaintId: id, type: "ESCALATED" } })).toBe(1);
    }
    for (const id of [first[1]!, second[1]!]) expect(await database.db.complaintEvent.count({ where: { complaintId: id, type: "REMINDER_SENT" } })).toBe(1);
  });
  it("still escalates the rest of a batch when one complaint cannot be evaluated", async () => {
    const [poisoned, healthy] = [(await scenario())[0]!, (await scenario())[0]!];
    // A real database failure for one complaint only: a trigger refuses its escalations.
    const schema = `"${database.schema}"`;
    await database.db.$executeRawUnsafe(`CREATE FUNCTION ${schema}.refuse_escalation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.complaint_id = '${poisoned}' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`);
    await database.db.$executeRawUnsafe(`CREATE TRIGGER refuse_escalation BEFORE INSERT ON ${schema}.escalation FOR EACH ROW EXECUTE FUNCTION ${schema}.refuse_escalation()`);
    try {
      await expect(evaluateComplaintsSla(database.db, [poisoned, healthy], { now })).rejects.toThrow(/refused for the test/);
      expect((await state(healthy)).escalations).toHaveLength(1);
      expect((await state(poisoned)).escalations).toHaveLength(0);
    } finally {
      await database.db.$executeRawUnsafe(`DROP TRIGGER refuse_escalation ON ${schema}.escalation`);
    }
    expect((await evaluateComplaintSla(database.db, poisoned, { now })).escalated).toEqual([{ stage: "FIRST_RESPONSE", level: 1 }]);
  });
});

describe("workers", () => {
  it("route a verified complaint to its unit, and the sweeper escalates even after Redis lost every job", async () => {
    let clock = wib("2026-09-07T09:00:00");
    const id = await file(clock);
    const runtime = await startWorkerRuntime({
      db: database.db,
      redisUrl: queues.redisUrl,
      queuePrefix: queues.prefix,
      log: createLogger("test-worker"),
      processors: [routingProcessor, slaProcessor],
      now: () => clock,
      relayIntervalMs: 50,
      slaSweepIntervalMs: 300,
      schedulerRefreshMs: 300,
    });
    const waitFor = async (check: () => Promise<boolean>, what: string) => {
      const deadline = Date.now() + 15_000;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    try {
      clock = minutesAfter(clock, 30);
      await act(id, "VERIFY", "COORDINATOR", clock);
      await waitFor(async () => (await database.db.complaint.findUniqueOrThrow({ where: { id } })).status === "ASSIGNED", "routing");
      const assigned = await database.db.complaint.findUniqueOrThrow({ where: { id }, include: { unit: true } });
      expect(assigned.unit?.code).toBe("DISDUKCAPIL");

      // Redis loses everything: the delayed SLA jobs and the sweep scheduler are gone.
      const redis = new Redis(queues.redisUrl, { maxRetriesPerRequest: null });
      const keys = await redis.keys(`${queues.prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();

      clock = wib("2026-09-15T08:00:00"); // past the first-response deadline (Mon 14 Sep 16:00)
      await waitFor(async () => (await database.db.escalation.count({ where: { complaintId: id } })) === 1, "the sweeper's escalation");
      const escalation = await database.db.escalation.findFirstOrThrow({ where: { complaintId: id } });
      expect(escalation).toMatchObject({ stage: "FIRST_RESPONSE", level: 1, targetRole: "UNIT_HEAD" });
    } finally {
      await runtime.stop();
    }
  });
});
