// The SLA worker's use-case: look at complaints' clocks now and do what is owed (escalate a missed
// deadline one level at a time, remind before a deadline, auto-close a lapsed citizen window), then
// say when to look again. Safe to run any number of times, concurrently: row locks (taken in id
// order, so two overlapping batches cannot deadlock) serialise evaluations of a complaint, and the
// unique escalation key and the staff alerts' dedupe keys refuse a second record of the same duty.
//
// Complaints are evaluated in batches with set-based reads and writes (ADR 019): one evaluation is
// a batch of one, and the sweeper's 500 due complaints cost a few dozen statements instead of ~50
// per complaint. Calendars, policies and recipients are loaded once per run (one sweep).
import type { Db } from "~/services/db.server";
import { qualifiedTable } from "~/services/db.server";
import type { DbClient } from "~/services/db-types.server";
import { getEnv } from "~/services/env.server";
import { enqueueJobs } from "~/models/outbox.server";
import { recordStaffAlerts, type StaffAlertInsert } from "~/models/staff-alerts.server";
import { loadCalendarBook } from "~/domain/calendar/unit-calendars.server";
import { findComplaintsDueForSlaCheck } from "~/models/sla-sweep.server";
import { loadActiveSlaPolicies } from "~/models/sla-policy.server";
import { chooseSlaPolicy, type LoadedSlaPolicy, type SlaPolicyScope } from "./policy.server";
import { insertEscalations, insertSystemEvents, reviseEscalations, settleEscalations, updateSlaChecks, type EscalationInsert } from "~/models/sla-writes.server";
import { findEscalationRecipients, findReminderRecipients, loadEscalationUnits, type NoticeRecipient } from "~/models/sla-duties.server";
import { loadDoneDutiesFor } from "./done-duties.server";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { sendStaffDigests } from "./staff-digest.server";
import { TERMINAL_STATUSES, type ComplaintStatus, type SlaStage } from "~/domain/complaints/workflow";
import type { CompiledCalendar } from "~/domain/calendar/working-time";
import type { Priority } from "~/generated/prisma/client";
import { computeSlaSnapshot, storedDeadlines, type ClockEvent, type StoredDeadlines } from "./clock";
import {
  computeSlaDuties,
  doneDuties,
  ESCALATION_LADDERS,
  escalatedStages,
  escalationKey,
  isEscalatingStage,
  reminderKey,
  withDutiesDone,
  type DueEscalation,
  type DueReminder,
  type EscalationRevision,
  type EscalationRole,
} from "./escalation";

export interface SlaEvaluation {
  escalated: { stage: string; level: number }[];
  /** Recorded escalations whose deadline a configuration change moved (ADR 029). */
  revised: { stage: string; level: number; outcome: EscalationRevision["outcome"] }[];
  reminded: string[];
  autoClosed: boolean;
  nextCheckAt: Date | null;
}

const NOTHING: SlaEvaluation = { escalated: [], revised: [], reminded: [], autoClosed: false, nextCheckAt: null };

/** How many complaints share one transaction: long enough to amortise, short enough to hold few locks. */
export const SLA_BATCH_SIZE = 100;
// Three, not two: a sweep of 500 is five batches, so two rounds instead of three. Measured on the
// benchmark VM (10,000 complaints, 30,000 escalations): 9.3–10.4 s with three, 10.0–10.9 s with two.
const SLA_PARALLEL_BATCHES = 3;

export async function evaluateComplaintSla(db: Db, complaintId: string, { now }: { now: Date }): Promise<SlaEvaluation> {
  const results = await evaluateComplaintsSla(db, [complaintId], { now });
  return results.get(complaintId) ?? NOTHING;
}

/**
 * The sweeper's pass: up to `limit` complaints whose check time has come, oldest first; then one
 * digest per staff address of everything owed and not yet mailed, including what the delayed
 * per-complaint triggers recorded since the last sweep (they never mail on their own, or twelve
 * deadlines at the same closing time would be twelve mails again).
 */
export async function sweepDueComplaints(
  db: Db,
  now: Date,
  limit: number,
  { publicBaseUrl = getEnv().PUBLIC_BASE_URL }: { publicBaseUrl?: string } = {},
): Promise<{ checked: number; escalations: number; digests: number }> {
  const due = await findComplaintsDueForSlaCheck(db, now, limit);
  const results = await evaluateComplaintsSla(db, due, { now });
  let escalations = 0;
  for (const result of results.values()) escalations += result.escalated.length;
  const { digests } = await sendStaffDigests(db, now, { publicBaseUrl });
  return { checked: due.length, escalations, digests };
}

/**
 * Evaluates each complaint once (missing ones are skipped), in transactions of SLA_BATCH_SIZE,
 * SLA_PARALLEL_BATCHES at a time: while one waits for PostgreSQL another computes. Batches are
 * disjoint, so they never wait on each other's row locks.
 */
export async function evaluateComplaintsSla(db: Db, complaintIds: readonly string[], { now }: { now: Date }): Promise<Map<string, SlaEvaluation>> {
  const results = new Map<string, SlaEvaluation>();
  const config = new SlaConfigCache();
  const unique = [...new Set(complaintIds)];
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += SLA_BATCH_SIZE) batches.push(unique.slice(i, i + SLA_BATCH_SIZE));
  const runBatch = async (ids: string[]) => {
    const outcome = await db.$transaction((tx) => evaluateBatch(db, tx, ids, now, config), { timeout: 60_000 });
    for (const [id, evaluation] of outcome.evaluations) results.set(id, evaluation);
    // A lapsed citizen window closes the complaint through the workflow like any other action.
    for (const { complaintId, stage } of outcome.autoClose) {
      const closed = await applyTransition(db, { complaintId, action: "AUTO_CLOSE", actor: "SYSTEM", payload: { lapsed: stage }, now });
      results.set(complaintId, { ...NOTHING, autoClosed: closed.ok });
    }
  };
  // A batch that fails is retried complaint by complaint, so one bad complaint cannot hold back
  // the other 99; what still fails is reported once the rest is done.
  const failures: unknown[] = [];
  let next = 0;
  const lane = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      try {
        await runBatch(batch);
      } catch (error) {
        if (batch.length === 1) failures.push(error);
        else for (const id of batch) await runBatch([id]).catch((e: unknown) => failures.push(e));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(SLA_PARALLEL_BATCHES, batches.length) }, lane));
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, `${failures.length} SLA evaluations failed`);
  return results;
}

/**
 * Configuration read once per evaluation run: every complaint of one unit shares a calendar, and
 * most share a policy and recipients. A run lasts seconds, so an edit made meanwhile applies from
 * the next run (as it would for a complaint evaluated a moment earlier).
 */
class SlaConfigCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  private memo<T>(key: string, load: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key) as Promise<T> | undefined;
    if (!entry) {
      entry = load();
      this.entries.set(key, entry);
      // A failed load is not remembered: the transaction fails and the next run loads again.
      entry.catch(() => this.entries.delete(key));
    }
    return entry;
  }

  async calendar(db: DbClient, unitId: string | null): Promise<CompiledCalendar> {
    return (await this.memo("calendars", () => loadCalendarBook(db))).forUnit(unitId);
  }

  async policy(db: DbClient, scope: SlaPolicyScope): Promise<LoadedSlaPolicy> {
    return chooseSlaPolicy(await this.memo("policies", () => loadActiveSlaPolicies(db)), scope);
  }

  escalationRecipients(db: DbClient, role: EscalationRole, complaintUnitId: string | null) {
    // Only the unit head's level depends on the complaint's unit.
    const unitKey = role === "UNIT_HEAD" ? complaintUnitId : "-";
    return this.memo(`escalate|${role}|${unitKey}`, async () =>
      findEscalationRecipients(db, { role, complaintUnitId, units: await this.memo("units", () => loadEscalationUnits(db)) }),
    );
  }

  reminderRecipients(db: DbClient, stage: SlaStage, complaintUnitId: string | null): Promise<NoticeRecipient[]> {
    // Whoever acts on the stage is reminded: level 1 of its ladder.
    const actor = isEscalatingStage(stage) ? ESCALATION_LADDERS[stage].steps[0]!.role : "UNIT_HEAD";
    const unitKey = actor === "UNIT_HEAD" ? complaintUnitId : "-";
    return this.memo(`remind|${actor}|${unitKey}`, () => findReminderRecipients(db, { complaintUnitId, actor }));
  }
}

interface LockedComplaint {
  id: string;
  status: string;
  unitId: string | null;
  productId: string | null;
  category: string | null;
  priority: Priority;
  escalationLevel: number;
}

interface BatchOutcome {
  evaluations: Map<string, SlaEvaluation>;
  autoClose: { complaintId: string; stage: SlaStage }[];
}

async function evaluateBatch(db: Db, tx: DbClient, ids: string[], now: Date, config: SlaConfigCache): Promise<BatchOutcome> {
  const evaluations = new Map<string, SlaEvaluation>();
  const autoClose: BatchOutcome["autoClose"] = [];
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM ${qualifiedTable(db, "complaint")} WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
  if (locked.length === 0) return { evaluations, autoClose };
  const complaints: LockedComplaint[] = await tx.complaint.findMany({
    where: { id: { in: locked.map((row) => row.id) } },
    select: { id: true, status: true, unitId: true, productId: true, category: true, priority: true, escalationLevel: true },
  });

  const finished = complaints.filter((c) => TERMINAL_STATUSES.includes(c.status as ComplaintStatus));
  if (finished.length > 0) {
    await tx.complaint.updateMany({ where: { id: { in: finished.map((c) => c.id) } }, data: { slaCheckAt: null } });
    for (const c of finished) evaluations.set(c.id, NOTHING);
  }
  const open = complaints.filter((c) => !TERMINAL_STATUSES.includes(c.status as ComplaintStatus));
  if (open.length === 0) return { evaluations, autoClose };
  const openIds = open.map((c) => c.id);

  const eventRows = await tx.complaintEvent.findMany({
    where: { complaintId: { in: openIds }, toStatus: { not: null } },
    orderBy: { id: "asc" },
    select: { complaintId: true, type: true, toStatus: true, occurredAt: true },
  });
  const eventsOf = groupBy(eventRows, (e) => e.complaintId);
  const doneOf = await loadDoneDutiesFor(tx, openIds);

  // Plan every complaint in memory; then write the batch's escalations, events and e-mails together.
  const escalationRows: (EscalationInsert & { complaint: LockedComplaint; due: DueEscalation })[] = [];
  const revisionRows: { complaintId: string; revision: EscalationRevision }[] = [];
  const reminderRows: { complaint: LockedComplaint; reminder: DueReminder }[] = [];
  const settle: { complaintId: string; stage: SlaStage }[] = [];
  const plans = new Map<
    string,
    { complaint: LockedComplaint; escalations: DueEscalation[]; revisions: EscalationRevision[]; reminders: DueReminder[]; nextCheckAt: Date | null; deadlines: StoredDeadlines }
  >();
  for (const complaint of open) {
    const policy = await config.policy(tx, complaint);
    const calendar = await config.calendar(tx, complaint.unitId);
    const snapshot = computeSlaSnapshot((eventsOf.get(complaint.id) ?? []) as ClockEvent[], policy, calendar, now);
    const done = doneOf.get(complaint.id) ?? doneDuties();
    const duties = computeSlaDuties(snapshot, policy, calendar, now, done);
    if (duties.autoClose) {
      autoClose.push({ complaintId: complaint.id, stage: duties.autoClose });
      continue;
    }
    for (const due of duties.escalations) {
      const { targetUnitId } = await config.escalationRecipients(tx, due.role, complaint.unitId);
      escalationRows.push({ complaint, complaintId: complaint.id, due, targetUnitId });
    }
    for (const revision of duties.revisions) revisionRows.push({ complaintId: complaint.id, revision });
    for (const reminder of duties.reminders) reminderRows.push({ complaint, reminder });
    // Only stages that were ever escalated have anything to settle (most stopped stages were met in time).
    const everEscalated = escalatedStages(done);
    for (const stage of Object.values(snapshot.stages)) {
      if (stage?.stoppedAt && everEscalated.has(stage.stage)) settle.push({ complaintId: complaint.id, stage: stage.stage });
    }
    // What is still owed once this batch's writes are in: the same duties, now done.
    const after = computeSlaDuties(snapshot, policy, calendar, now, withDutiesDone(done, duties));
    plans.set(complaint.id, { complaint, escalations: [], revisions: [], reminders: [], nextCheckAt: after.nextCheckAt, deadlines: storedDeadlines(snapshot) });
  }

  const inserted = await insertEscalations(db, tx, escalationRows, now);
  // A moved deadline revises the escalation already recorded: no new row, no new notice (ADR 029).
  const revised = await reviseEscalations(db, tx, revisionRows, now);
  for (const { complaintId, revision } of revised) plans.get(complaintId)!.revisions.push(revision);
  const escalatedEvents = await insertSystemEvents(
    db,
    tx,
    [
      ...inserted.map(({ complaint, due }) => ({
        complaintId: complaint.id,
        type: "ESCALATED" as const,
        payload: { stage: due.stage, level: due.level, role: due.role, cycleStartedAt: due.cycleStartedAt.toISOString(), breachedDueAt: due.breachedDueAt.toISOString() },
      })),
      ...reminderRows.map(({ complaint, reminder }) => ({
        complaintId: complaint.id,
        type: "REMINDER_SENT" as const,
        payload: { stage: reminder.stage, stageStartedAt: reminder.stageStartedAt.toISOString(), dueAt: reminder.dueAt.toISOString() },
      })),
      ...revisionEvents(revised),
    ],
    now,
  ).then((events) => events.filter((event) => event.type === "ESCALATED"));

  // What each address is owed; the sweep mails it as one digest per address (sendStaffDigests).
  const alerts: StaffAlertInsert[] = [];
  for (const { complaint, due } of inserted) {
    const { recipients } = await config.escalationRecipients(tx, due.role, complaint.unitId);
    for (const recipient of recipients) {
      alerts.push({
        dedupeKey: `escalation-${escalationKey(due.stage, due.level, due.cycleStartedAt)}-${complaint.id}-${recipient.email.toLowerCase()}`,
        complaintId: complaint.id,
        to: recipient.email,
        locale: recipient.locale,
        kind: "ESCALATION",
        stage: due.stage,
        level: due.level,
        role: due.role,
        dueAt: due.breachedDueAt,
        nextLevelAt: due.nextLevelAt,
      });
    }
    plans.get(complaint.id)!.escalations.push(due);
  }
  for (const { complaint, reminder } of reminderRows) {
    for (const recipient of await config.reminderRecipients(tx, reminder.stage, complaint.unitId)) {
      alerts.push({
        dedupeKey: `reminder-${reminderKey(reminder.stage, reminder.stageStartedAt)}-${complaint.id}-${recipient.email.toLowerCase()}`,
        complaintId: complaint.id,
        to: recipient.email,
        locale: recipient.locale,
        kind: "REMINDER",
        stage: reminder.stage,
        level: null,
        role: null,
        dueAt: reminder.dueAt,
        nextLevelAt: null,
      });
    }
    plans.get(complaint.id)!.reminders.push(reminder);
  }
  await recordStaffAlerts(db, tx, alerts);

  // Escalation rates are reported; the status did not change, so no transition queued a refresh.
  const lastEscalatedEvent = new Map<string, bigint>();
  for (const event of escalatedEvents) {
    const seen = lastEscalatedEvent.get(event.complaintId);
    if (!seen || event.id > seen) lastEscalatedEvent.set(event.complaintId, event.id);
  }
  await enqueueJobs(db, tx, "refreshReports", [...lastEscalatedEvent].map(([complaintId, eventId]) => ({ payload: { complaintId, eventId: eventId.toString() } })));

  // Escalations of a stage that has since been met are settled.
  await settleEscalations(db, tx, settle, now);

  const planned = [...plans];
  await updateSlaChecks(
    db,
    tx,
    planned.map(([complaintId, plan]) => ({
      complaintId,
      slaCheckAt: plan.nextCheckAt,
      escalationLevel: Math.max(plan.complaint.escalationLevel, ...plan.escalations.map((e) => e.level)),
      deadlines: plan.deadlines,
    })),
    now,
  );
  await enqueueJobs(
    db,
    tx,
    "evaluateSla",
    planned
      .filter(([, p]) => p.nextCheckAt && p.nextCheckAt > now)
      .map(([complaintId, p]) => ({ payload: { complaintId, dueAt: p.nextCheckAt!.toISOString() }, runAt: p.nextCheckAt! })),
  );

  for (const [id, plan] of planned) {
    evaluations.set(id, {
      escalated: plan.escalations.map((e) => ({ stage: e.stage, level: e.level })),
      revised: plan.revisions.map((r) => ({ stage: r.stage, level: r.level, outcome: r.outcome })),
      reminded: plan.reminders.map((r) => r.stage),
      autoClosed: false,
      nextCheckAt: plan.nextCheckAt,
    });
  }
  return { evaluations, autoClose };
}

/**
 * One internal timeline event per complaint, stage cycle and outcome of a revision, naming the levels
 * and the deadline before and after: what the city shows the Ombudsman when asked why an escalation
 * closed or reopened without anyone acting.
 */
function revisionEvents(revised: readonly { complaintId: string; revision: EscalationRevision }[]) {
  const groups = new Map<string, { complaintId: string; revision: EscalationRevision; levels: number[] }>();
  for (const { complaintId, revision } of revised) {
    const key = `${complaintId}|${revision.stage}|${revision.cycleStartedAt.getTime()}|${revision.outcome}|${revision.previousDueAt.getTime()}`;
    const group = groups.get(key);
    if (group) group.levels.push(revision.level);
    else groups.set(key, { complaintId, revision, levels: [revision.level] });
  }
  return [...groups.values()].map(({ complaintId, revision, levels }) => ({
    complaintId,
    type: "ESCALATION_REVISED" as const,
    payload: {
      stage: revision.stage,
      cycleStartedAt: revision.cycleStartedAt.toISOString(),
      levels: levels.sort((a, b) => a - b),
      outcome: revision.outcome,
      previousDueAt: revision.previousDueAt.toISOString(),
      breachedDueAt: revision.breachedDueAt.toISOString(),
    },
  }));
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
