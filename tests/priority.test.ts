// Priority that means something (issue #21 item 6, ADR 035): the seeded policy of each priority sets
// the unit's deadlines in working time on the Jakarta calendar, and a change of priority by the
// coordinator or a head of the unit re-chooses the policy, stores the recomputed deadlines and
// leaves a staff-only event on the timeline. Real PostgreSQL, seeded reference data.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import type { Priority } from "~/generated/prisma/client";
import type { UnitTree, UserLike } from "~/domain/auth/permissions";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { loadUnitTree } from "~/domain/complaints/inbox.server";
import { allowedPriorities, canChangePriority, changeComplaintPriority, PriorityChangeSchema } from "~/domain/complaints/priority.server";
import { evaluateComplaintSla } from "~/domain/sla/evaluate-sla.server";
import { useTestDatabase } from "./support/isolation";
import { fileComplaintAt } from "./support/complaint-form";

const database = useTestDatabase({ seed: true });
const db = () => database.db;
const wib = (local: string) => new Date(`${local}+07:00`);

interface Staff {
  id: string;
  user: UserLike;
}
const staff: Record<string, Staff> = {};
let tree: UnitTree;
let productId: string;
let dinkesId: string;

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: "demo-priority-pass", mustChangePassword: false });
  for (const account of DEMO_ACCOUNTS) {
    const row = await db().user.findUniqueOrThrow({ where: { email: account.email }, include: { memberships: true } });
    staff[account.role] = { id: row.id, user: { memberships: row.memberships.map((m) => ({ unitId: m.unitId, role: m.role })) } };
  }
  tree = await loadUnitTree(db());
  productId = (await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } })).id;
  dinkesId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "DINKES" } })).id;
});

/**
 * Filed, verified (with the priority the coordinator chose) and given to Disdukcapil at `at`: the
 * unit's clocks (first response, resolution) start then.
 */
async function assignedAt(at: Date, priority: Priority = "NORMAL"): Promise<string> {
  const id = await fileComplaintAt(db(), new Date(at.getTime() - 60 * 60_000), { productId, incidentDate: "2027-05-10" });
  const verify = await applyTransition(db(), { complaintId: id, action: "VERIFY", actor: "COORDINATOR", complaintUpdate: { priority }, now: new Date(at.getTime() - 30 * 60_000) });
  expect(verify.ok).toBe(true);
  expect((await applyTransition(db(), { complaintId: id, action: "ASSIGN", actor: "SYSTEM", now: at })).ok).toBe(true);
  return id;
}

const stored = (id: string) =>
  db().complaint.findUniqueOrThrow({
    where: { id },
    select: { priority: true, firstResponseDueAt: true, resolutionDueAt: true, nextDueAt: true, nextDueStage: true, slaCheckAt: true, slaPolicy: { select: { code: true } } },
  });

const change = (role: string, complaintId: string, priority: Priority, now: Date, reason = "Pemohon lansia menunggu KTP-el untuk berobat.") =>
  changeComplaintPriority(db(), { user: staff[role]!.user, userId: staff[role]!.id, complaintId, priority, reason, tree, now });

// Friday 14 May 2027, 09:00 WIB. Monday 17 May is Iduladha, 18 and 19 May cuti bersama, 20 May Waisak:
// the next working day after it is Friday 21 May (office closes 16:30 on Fridays, 16:00 otherwise).
const FRIDAY = wib("2027-05-14T09:00:00");

describe("the seeded policy of each priority", () => {
  it("gives an URGENT complaint 1 working day to respond and 2 to resolve, skipping holidays and cuti bersama", async () => {
    const complaint = await stored(await assignedAt(FRIDAY, "URGENT"));
    expect(complaint.slaPolicy?.code).toBe("PRIORITAS-MENDESAK");
    expect(complaint.firstResponseDueAt).toEqual(wib("2027-05-21T16:30:00"));
    expect(complaint.resolutionDueAt).toEqual(wib("2027-05-24T16:00:00"));
    expect(complaint.nextDueStage).toBe("FIRST_RESPONSE");
  });

  it("gives HIGH 2 and 5 working days, and keeps NORMAL on the default (5 working days, 60 calendar days)", async () => {
    const high = await stored(await assignedAt(FRIDAY, "HIGH"));
    expect(high.slaPolicy?.code).toBe("PRIORITAS-TINGGI");
    expect(high.firstResponseDueAt).toEqual(wib("2027-05-24T16:00:00"));
    expect(high.resolutionDueAt).toEqual(wib("2027-05-27T16:00:00"));

    const normal = await stored(await assignedAt(FRIDAY, "NORMAL"));
    expect(normal.slaPolicy?.code).toBe("DEFAULT");
    expect(normal.firstResponseDueAt).toEqual(wib("2027-05-27T16:00:00"));
    // 60 calendar days after 14 May is Tuesday 13 July, a working day: at its close.
    expect(normal.resolutionDueAt).toEqual(wib("2027-07-13T16:00:00"));

    const low = await stored(await assignedAt(FRIDAY, "LOW"));
    expect(low.slaPolicy?.code).toBe("PRIORITAS-RENDAH");
    // Low priority never gives the unit more than the ceilings every complaint has.
    expect(low.firstResponseDueAt).toEqual(normal.firstResponseDueAt);
    expect(low.resolutionDueAt).toEqual(normal.resolutionDueAt);
  });
});

describe("changing the priority", () => {
  it("NORMAL → URGENT by the coordinator shortens the stored deadlines from the same start, with a staff-only event", async () => {
    const id = await assignedAt(FRIDAY);
    const before = await stored(id);
    const at = wib("2027-05-14T10:00:00");
    expect(await change("COORDINATOR", id, "URGENT", at)).toEqual({ ok: true });

    const after = await stored(id);
    expect(after.priority).toBe("URGENT");
    expect(after.slaPolicy?.code).toBe("PRIORITAS-MENDESAK");
    expect(after.firstResponseDueAt).toEqual(wib("2027-05-21T16:30:00"));
    expect(after.firstResponseDueAt!.getTime()).toBeLessThan(before.firstResponseDueAt!.getTime());
    expect(after.resolutionDueAt).toEqual(wib("2027-05-24T16:00:00"));
    expect(after.nextDueAt).toEqual(after.firstResponseDueAt);

    const events = await db().complaintEvent.findMany({ where: { complaintId: id, type: "PRIORITY_CHANGED" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      visibility: "INTERNAL",
      actorKind: "STAFF",
      actorUserId: staff.COORDINATOR!.id,
      fromStatus: null,
      toStatus: null,
      message: "Pemohon lansia menunggu KTP-el untuk berobat.",
      occurredAt: at,
    });
    expect(events[0]!.payload).toEqual({
      from: "NORMAL",
      to: "URGENT",
      reason: "Pemohon lansia menunggu KTP-el untuk berobat.",
      fromPolicy: "DEFAULT",
      toPolicy: "PRIORITAS-MENDESAK",
    });

    // The SLA worker is triggered for the new check time and the reports for the event; ids only.
    const jobs = await db().outboxMessage.findMany({ where: { jobId: { contains: id } }, orderBy: { id: "asc" } });
    expect(jobs.map((j) => j.jobId)).toContain(`sla-${id}-${after.slaCheckAt!.getTime()}`);
    expect(jobs.map((j) => j.jobId)).toContain(`reports-${id}-${events[0]!.id}`);
    for (const job of jobs) expect(JSON.stringify(job.payload)).not.toContain("lansia");

    // The worker, evaluating the same history on the same policy, agrees with what was stored.
    await evaluateComplaintSla(db(), id, { now: at });
    const evaluated = await stored(id);
    expect(evaluated.firstResponseDueAt).toEqual(after.firstResponseDueAt);
    expect(evaluated.resolutionDueAt).toEqual(after.resolutionDueAt);
  });

  it("to a priority whose deadline has already passed: checked now, and the worker escalates it", async () => {
    const id = await assignedAt(FRIDAY);
    const at = wib("2027-05-25T10:00:00");
    expect(await change("COORDINATOR", id, "URGENT", at)).toEqual({ ok: true });
    const after = await stored(id);
    expect(after.firstResponseDueAt).toEqual(wib("2027-05-21T16:30:00"));
    expect(after.slaCheckAt).toEqual(at);
    const evaluation = await evaluateComplaintSla(db(), id, { now: at });
    expect(evaluation.escalated).toContainEqual({ stage: "FIRST_RESPONSE", level: 1 });
  });

  it("lets a head of the unit raise it but not lower it; officers, Inspektorat, liaison, admin and other units' heads not at all", async () => {
    const id = await assignedAt(FRIDAY);
    const complaint = { unitId: (await db().complaint.findUniqueOrThrow({ where: { id } })).unitId, status: "ASSIGNED" as const, priority: "NORMAL" as const };
    expect(canChangePriority(staff.UNIT_HEAD!.user, complaint, tree)).toBe(true);
    expect(allowedPriorities(staff.UNIT_HEAD!.user, complaint, tree)).toEqual(["NORMAL", "HIGH", "URGENT"]);
    expect(allowedPriorities(staff.COORDINATOR!.user, complaint, tree)).toEqual(["LOW", "NORMAL", "HIGH", "URGENT"]);
    for (const role of ["OFFICER", "INSPECTORATE", "LIAISON", "ADMIN"]) {
      expect(canChangePriority(staff[role]!.user, complaint, tree), role).toBe(false);
      expect(await change(role, id, "URGENT", wib("2027-05-14T10:00:00")), role).toEqual({ ok: false, reason: "forbidden" });
    }
    const otherHead: UserLike = { memberships: [{ unitId: dinkesId, role: "UNIT_HEAD" }] };
    expect(canChangePriority(otherHead, complaint, tree)).toBe(false);
    expect(
      await changeComplaintPriority(db(), { user: otherHead, userId: staff.UNIT_HEAD!.id, complaintId: id, priority: "URGENT", reason: "x", tree, now: wib("2027-05-14T10:00:00") }),
    ).toEqual({ ok: false, reason: "forbidden" });
    expect((await stored(id)).priority).toBe("NORMAL");

    expect(await change("UNIT_HEAD", id, "HIGH", wib("2027-05-14T10:00:00"))).toEqual({ ok: true });
    expect((await stored(id)).slaPolicy?.code).toBe("PRIORITAS-TINGGI");
    expect(await change("UNIT_HEAD", id, "NORMAL", wib("2027-05-14T11:00:00"))).toEqual({ ok: false, reason: "forbidden" });
    expect(await change("COORDINATOR", id, "NORMAL", wib("2027-05-14T11:00:00"))).toEqual({ ok: true });
    const after = await stored(id);
    expect(after.priority).toBe("NORMAL");
    expect(after.slaPolicy?.code).toBe("DEFAULT");
    expect(after.firstResponseDueAt).toEqual(wib("2027-05-27T16:00:00"));
    // An URGENT complaint leaves a unit head nothing to change it to.
    expect(canChangePriority(staff.UNIT_HEAD!.user, { ...complaint, priority: "URGENT" }, tree)).toBe(false);
  });

  it("refuses the priority it already has, a finished complaint and an unknown one, and writes nothing", async () => {
    const id = await assignedAt(FRIDAY);
    expect(await change("COORDINATOR", id, "NORMAL", wib("2027-05-14T10:00:00"))).toEqual({ ok: false, reason: "unchanged" });

    const rejected = await fileComplaintAt(db(), FRIDAY, { productId, incidentDate: "2027-05-10" });
    expect((await applyTransition(db(), { complaintId: rejected, action: "REJECT", actor: "COORDINATOR", message: "Bukan wewenang Pemkot.", now: FRIDAY })).ok).toBe(true);
    expect(canChangePriority(staff.COORDINATOR!.user, { unitId: null, status: "REJECTED" }, tree)).toBe(false);
    expect(await change("COORDINATOR", rejected, "URGENT", wib("2027-05-14T10:00:00"))).toEqual({ ok: false, reason: "closed" });
    expect((await stored(rejected)).priority).toBe("NORMAL");

    expect(await change("COORDINATOR", randomUUID(), "URGENT", wib("2027-05-14T10:00:00"))).toEqual({ ok: false, reason: "not_found" });
    expect(await db().complaintEvent.count({ where: { complaintId: { in: [id, rejected] }, type: "PRIORITY_CHANGED" } })).toBe(0);
  });

  it("before verification only the coordinator may change it (the unit head's turn comes when it reaches the unit)", async () => {
    const id = await fileComplaintAt(db(), FRIDAY, { productId, incidentDate: "2027-05-10" });
    const { unitId, status } = await db().complaint.findUniqueOrThrow({ where: { id } });
    expect(status).toBe("SUBMITTED");
    expect(canChangePriority(staff.UNIT_HEAD!.user, { unitId, status }, tree)).toBe(false);
    expect(canChangePriority(staff.COORDINATOR!.user, { unitId, status }, tree)).toBe(true);
    expect(await change("UNIT_HEAD", id, "URGENT", wib("2027-05-14T10:00:00"))).toEqual({ ok: false, reason: "forbidden" });
    expect(await change("COORDINATOR", id, "URGENT", wib("2027-05-14T10:00:00"))).toEqual({ ok: true });
  });
});

describe("the priority form's input", () => {
  it("takes one of the four priorities and a reason of 1–500 characters, with i18n keys as messages", () => {
    expect(PriorityChangeSchema.safeParse({ intent: "set-priority", priority: "HIGH", reason: "  Menyangkut keselamatan.  " })).toMatchObject({
      success: true,
      data: { priority: "HIGH", reason: "Menyangkut keselamatan." },
    });
    const issues = (input: Record<string, unknown>) => {
      const parsed = PriorityChangeSchema.safeParse({ intent: "set-priority", ...input });
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    };
    expect(issues({ priority: "SEGERA", reason: "x" })).toEqual({ priority: "inbox.priority.invalid" });
    expect(issues({ priority: "LOW", reason: "   " })).toEqual({ reason: "inbox.priority.reasonRequired" });
    expect(issues({ priority: "LOW" })).toEqual({ reason: "inbox.priority.reasonRequired" });
    expect(issues({ priority: "LOW", reason: "x".repeat(501) })).toEqual({ reason: "inbox.priority.reasonLong" });
  });
});
