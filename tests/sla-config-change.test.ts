// A change to what deadlines are computed from (here a holiday, added then removed) reaches the
// deadlines stored on open complaints: the change marks them for a check, the sweeper evaluates them
// against the new calendar and stores the new dates (what the inbox sorts on and the pages show).
// An escalation already made follows its deadline instead of being made again (issue #20, ADR 029).
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { deleteHoliday, saveHoliday } from "~/domain/admin/calendar.server";
import { savePolicy, type PolicyFormInput } from "~/domain/admin/sla.server";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { sweepDueComplaints } from "~/domain/sla/evaluate-sla.server";
import { seedDemoAccounts } from "../prisma/seed/index";
import { useTestDatabase } from "./support/isolation";
import { fileComplaintAt } from "./support/complaint-form";
import { staffMailsAbout } from "./support/staff-mail";

const database = useTestDatabase({ seed: true });
const db = () => database.db;
const wib = (local: string) => new Date(`${local}+07:00`);
const localDay = (date: Date) => new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

let productId: string;
let adminId: string;
beforeAll(async () => {
  await seedDemoAccounts(db(), { password: "demo-sla-config-change", mustChangePassword: false });
  productId = (await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } })).id;
  adminId = (await db().user.create({ data: { email: `admin-${randomBytes(4).toString("hex")}@uji.invalid`, name: "Admin Uji" } })).id;
});

const file = (now: Date) => fileComplaintAt(db(), now, { productId, incidentDate: "2027-03-01" });

const stored = (id: string) => db().complaint.findUniqueOrThrow({ where: { id }, select: { verificationDueAt: true, nextDueAt: true, nextDueStage: true, slaCheckAt: true } });

describe("a holiday added after complaints were filed", () => {
  it("moves their stored deadlines at the next sweep, and removing it moves them back", async () => {
    const filedAt = wib("2027-03-01T09:00:00");
    const id = await file(filedAt);
    const before = await stored(id);
    expect(before.verificationDueAt).not.toBeNull();
    expect(before.nextDueAt).toEqual(before.verificationDueAt);

    // The city declares the deadline's own day a holiday.
    const holiday = await saveHoliday(
      db(),
      null,
      { date: localDay(before.verificationDueAt!), kind: "NATIONAL", name: "Libur uji", nameEn: "Test holiday", source: "Keputusan uji", confirmed: true },
      { actorUserId: adminId },
    );
    expect(holiday.ok).toBe(true);
    // Marked for a check now (the sweeper's query finds it), not at its old check time.
    expect((await stored(id)).slaCheckAt!.getTime()).toBeLessThanOrEqual(Date.now());

    const sweptAt = new Date(filedAt.getTime() + 60_000);
    expect((await sweepDueComplaints(db(), sweptAt, 100)).checked).toBeGreaterThanOrEqual(1);
    const moved = await stored(id);
    expect(moved.verificationDueAt!.getTime()).toBeGreaterThan(before.verificationDueAt!.getTime());
    expect(localDay(moved.verificationDueAt!)).not.toBe(localDay(before.verificationDueAt!));
    expect(moved.nextDueAt).toEqual(moved.verificationDueAt);
    expect(moved.nextDueStage).toBe("VERIFICATION");
    expect(moved.slaCheckAt!.getTime()).toBeGreaterThan(sweptAt.getTime());

    // A mistake, removed again: the deadline is the first one once more.
    expect((await deleteHoliday(db(), holiday.ok ? holiday.id : "", { actorUserId: adminId })).ok).toBe(true);
    await sweepDueComplaints(db(), new Date(sweptAt.getTime() + 60_000), 100);
    expect((await stored(id)).verificationDueAt).toEqual(before.verificationDueAt);
  });
});

/** Filed, verified and given to Disdukcapil at `at`: its first-response clock starts then. */
async function assignedAt(at: Date): Promise<string> {
  const id = await file(new Date(at.getTime() - 60 * 60_000));
  for (const [action, actor] of [["VERIFY", "COORDINATOR"], ["ASSIGN", "SYSTEM"]] as const) {
    expect((await applyTransition(db(), { complaintId: id, action, actor, now: at })).ok).toBe(true);
  }
  return id;
}

const escalations = (id: string) =>
  db().escalation.findMany({ where: { complaintId: id }, orderBy: { level: "asc" }, select: { id: true, stage: true, level: true, targetRole: true, breachedDueAt: true, settledAt: true, settledReason: true } });
// The digests (one per address and sweep, ADR 009 session 6) that listed this complaint's escalations.
const mails = async (id: string) => (await staffMailsAbout(db(), id, { kind: "ESCALATION" })).map(({ message }) => ({ toAddress: message.toAddress, subject: message.subject }));
interface RevisionPayload {
  stage: string;
  levels: number[];
  outcome: "KEPT" | "SETTLED" | "REOPENED";
  previousDueAt: string;
  breachedDueAt: string;
}
const revisions = async (id: string) =>
  (await db().complaintEvent.findMany({ where: { complaintId: id, type: "ESCALATION_REVISED" }, orderBy: { id: "asc" } })).map((e) => ({
    visibility: e.visibility,
    ...(e.payload as unknown as RevisionPayload),
  }));
/** Sweeps as the worker does, until nothing is due at `now` (other complaints of this file share the sweep). */
async function sweepAt(now: Date) {
  while ((await sweepDueComplaints(db(), now, 500)).checked > 0 && (await db().complaint.count({ where: { slaCheckAt: { lte: now } } })) > 0);
}

async function setFirstResponseTarget(amount: number) {
  const policy = await db().slaPolicy.findFirstOrThrow({ where: { code: "DEFAULT" }, include: { targets: true } });
  const input: PolicyFormInput = {
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
    targets: policy.targets.map(({ stage, amount: current, unit, source }) => ({ stage, amount: stage === "FIRST_RESPONSE" ? amount : current, unit, source })),
  };
  expect(await savePolicy(db(), policy.id, input, { actorUserId: adminId })).toMatchObject({ ok: true });
}

describe("an escalation made before a holiday or policy change (issue #20)", () => {
  it("a holiday moving the deadline into the future settles it as 'deadline moved'; missed again, the same one reopens; no second mail", async () => {
    // Assigned Mon 15 Feb 2027: first response due Mon 22 Feb 16:00; the holiday on Wed 17 Feb makes it Tue 23 Feb.
    const id = await assignedAt(wib("2027-02-15T09:00:00"));
    await sweepAt(wib("2027-02-22T16:01:00"));
    const [first] = await escalations(id);
    expect(first).toMatchObject({ stage: "FIRST_RESPONSE", level: 1, targetRole: "UNIT_HEAD", breachedDueAt: wib("2027-02-22T16:00:00"), settledAt: null });
    const mailed = await mails(id);
    expect(mailed.map((m) => m.toAddress).sort()).toEqual(["disdukcapil@demo.lapor-pangkalpinang.invalid", "kepala@demo.lapor-pangkalpinang.invalid"]);

    const holiday = await saveHoliday(db(), null, { date: "2027-02-17", kind: "LOCAL", name: "Libur uji", nameEn: "Test holiday", source: "Keputusan uji", confirmed: true }, { actorUserId: adminId });
    expect(holiday.ok).toBe(true);
    try {
      await sweepAt(wib("2027-02-22T17:00:00"));
      expect(await escalations(id)).toEqual([
        { ...first, breachedDueAt: wib("2027-02-23T16:00:00"), settledAt: wib("2027-02-22T17:00:00"), settledReason: "DEADLINE_MOVED" },
      ]);
      expect((await db().complaint.findUniqueOrThrow({ where: { id } })).firstResponseDueAt).toEqual(wib("2027-02-23T16:00:00"));
      expect(await revisions(id)).toEqual([
        expect.objectContaining({ visibility: "INTERNAL", stage: "FIRST_RESPONSE", levels: [1], outcome: "SETTLED", previousDueAt: "2027-02-22T09:00:00.000Z", breachedDueAt: "2027-02-23T09:00:00.000Z" }),
      ]);

      // The moved deadline passes too: the one escalation is open again, nobody is mailed twice.
      await sweepAt(wib("2027-02-23T16:01:00"));
      expect(await escalations(id)).toEqual([{ ...first, breachedDueAt: wib("2027-02-23T16:00:00") }]);
      expect((await revisions(id)).map((r) => r.outcome)).toEqual(["SETTLED", "REOPENED"]);
      expect(await mails(id)).toEqual(mailed);

      // Level 2 counts from the moved deadline: two working days after Tue 23 Feb, Thu 25 Feb at close.
      await sweepAt(wib("2027-02-25T15:59:00"));
      expect(await escalations(id)).toHaveLength(1);
      await sweepAt(wib("2027-02-25T16:01:00"));
      expect((await escalations(id)).map((e) => [e.level, e.targetRole])).toEqual([[1, "UNIT_HEAD"], [2, "INSPECTORATE"]]);
      expect((await mails(id)).length).toBe(mailed.length + 1);
      expect(await db().complaintEvent.count({ where: { complaintId: id, type: "ESCALATED" } })).toBe(2);
    } finally {
      if (holiday.ok) await deleteHoliday(db(), holiday.id, { actorUserId: adminId });
    }
  });

  it("a policy change keeps the escalations of a deadline still missed, settles them when it no longer is, and reopens them when changed back", async () => {
    // Assigned Mon 5 Apr 2027: first response due Mon 12 Apr 16:00, level 2 on Wed 14 Apr 16:00.
    const id = await assignedAt(wib("2027-04-05T09:00:00"));
    await sweepAt(wib("2027-04-14T16:01:00"));
    const before = await escalations(id);
    expect(before.map((e) => [e.level, e.breachedDueAt])).toEqual([[1, wib("2027-04-12T16:00:00")], [2, wib("2027-04-12T16:00:00")]]);
    const mailed = await mails(id);
    try {
      // Six working days: due Tue 13 Apr, still missed. The same two escalations, with the new deadline.
      await setFirstResponseTarget(6);
      await sweepAt(wib("2027-04-14T17:00:00"));
      expect(await escalations(id)).toEqual(before.map((e) => ({ ...e, breachedDueAt: wib("2027-04-13T16:00:00") })));
      expect((await revisions(id)).map((r) => [r.outcome, r.levels])).toEqual([["KEPT", [1, 2]]]);

      // Ten working days: due Mon 19 Apr, ahead. Both settled as "deadline moved".
      await setFirstResponseTarget(10);
      await sweepAt(wib("2027-04-14T17:30:00"));
      expect((await escalations(id)).map((e) => [e.level, e.settledReason, e.breachedDueAt])).toEqual([
        [1, "DEADLINE_MOVED", wib("2027-04-19T16:00:00")],
        [2, "DEADLINE_MOVED", wib("2027-04-19T16:00:00")],
      ]);

      // Back to five: missed again on 12 Apr, both levels reached; the same rows reopen.
      await setFirstResponseTarget(5);
      await sweepAt(wib("2027-04-14T18:00:00"));
      expect(await escalations(id)).toEqual(before);
      expect((await revisions(id)).map((r) => r.outcome)).toEqual(["KEPT", "SETTLED", "REOPENED"]);
      expect(await mails(id)).toEqual(mailed);
      expect(await db().complaintEvent.count({ where: { complaintId: id, type: "ESCALATED" } })).toBe(2);
    } finally {
      await setFirstResponseTarget(5);
    }
  });

  it("any sequence of holiday and policy changes and sweeps gives at most one escalation per stage cycle and level, and one mail each", { timeout: 120_000 }, async () => {
    const dates = ["2027-05-11", "2027-05-12", "2027-05-13", "2027-05-14", "2027-05-21", "2027-05-24", "2027-05-25"];
    const stepArb = fc.oneof(
      fc.record({ kind: fc.constant("holiday" as const), date: fc.constantFrom(...dates) }),
      fc.record({ kind: fc.constant("policy" as const), amount: fc.integer({ min: 2, max: 9 }) }),
      fc.record({ kind: fc.constant("sweep" as const), hours: fc.integer({ min: 1, max: 72 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 2, maxLength: 8 }), async (steps) => {
        // Assigned Mon 10 May 2027; the clocks of the runs before keep running beside it.
        const id = await assignedAt(wib("2027-05-10T09:00:00"));
        let now = wib("2027-05-17T16:01:00");
        const added: string[] = [];
        try {
          await sweepAt(now);
          for (const step of steps) {
            if (step.kind === "holiday") {
              const saved = await saveHoliday(db(), null, { date: step.date, kind: "LOCAL", name: "Libur uji", nameEn: "Test holiday", source: "Keputusan uji", confirmed: true }, { actorUserId: adminId });
              if (saved.ok) added.push(saved.id);
            } else if (step.kind === "policy") {
              await setFirstResponseTarget(step.amount);
            } else {
              now = new Date(now.getTime() + step.hours * 3_600_000);
              await sweepAt(now);
            }
          }
          await sweepAt(new Date(now.getTime() + 60_000));
        } finally {
          for (const holidayId of added) await deleteHoliday(db(), holidayId, { actorUserId: adminId });
          await setFirstResponseTarget(5);
        }
        const rows = await db().escalation.findMany({ where: { complaintId: id }, select: { stage: true, level: true, cycleStartedAt: true } });
        const keys = rows.map((r) => `${r.stage}|${r.level}|${r.cycleStartedAt.getTime()}`);
        expect(new Set(keys).size).toBe(keys.length);
        const sent = await staffMailsAbout(db(), id, { kind: "ESCALATION" });
        const perLevelAndRecipient = sent.map((m) => `${m.level}|${m.message.toAddress}`);
        expect(new Set(perLevelAndRecipient).size).toBe(perLevelAndRecipient.length);
        expect(await db().complaintEvent.count({ where: { complaintId: id, type: "ESCALATED" } })).toBe(rows.length);
      }),
      { numRuns: 6 },
    );
  });
});
