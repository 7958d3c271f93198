// Set-based writes of the SLA worker's batch (ADR 019): one statement per kind of row, raw SQL so
// that hundreds of rows do not pass through Prisma's per-query plan compilation. `db` names the
// schema, `client` (the batch's transaction) runs the statement.
import type { ComplaintStatus, SlaStage } from "~/generated/prisma/client";
import { qualifiedTable, type Db } from "~/services/db.server";
import type { DbClient } from "~/services/db-types.server";
import type { EscalationRole, StoredDeadlines } from "./sla-types";

export interface EscalationInsert {
  complaintId: string;
  targetUnitId: string | null;
  /** The breach and the level it reached (a DueEscalation of app/domain/sla/escalation.ts). */
  due: { stage: SlaStage; level: number; role: EscalationRole; cycleStartedAt: Date; breachedDueAt: Date; nextLevelAt: Date | null };
}

/** A recorded escalation's new deadline, and whether it is settled or open again (an EscalationRevision, ADR 029). */
export interface EscalationRevisionUpdate {
  stage: SlaStage;
  level: number;
  cycleStartedAt: Date;
  outcome: "KEPT" | "SETTLED" | "REOPENED";
  breachedDueAt: Date;
  nextLevelAt: Date | null;
}

const escalationId = (complaintId: string, stage: string, level: number, cycleStartedAt: Date) => `${complaintId}|${stage}|${level}|${cycleStartedAt.getTime()}`;

/**
 * Inserts the escalations and returns those that are new; the unique (complaint, stage, clock
 * cycle, level) key is the last word on "once" (ADR 029).
 */
export async function insertEscalations<T extends EscalationInsert>(db: Db, client: DbClient, rows: readonly T[], now: Date): Promise<T[]> {
  if (rows.length === 0) return [];
  const returned = await client.$queryRaw<{ complaint_id: string; stage: string; level: number; cycle_started_at: Date }[]>`
    INSERT INTO ${qualifiedTable(db, "escalation")} (complaint_id, stage, level, cycle_started_at, breached_due_at, target_unit_id, target_role, due_at, escalated_at)
    SELECT v.complaint_id, v.stage::"SlaStage", v.level, v.cycle_started_at, v.breached_due_at, v.target_unit_id, v.target_role::"Role", v.due_at, ${now}
    FROM unnest(
      ${rows.map((r) => r.complaintId)}::uuid[], ${rows.map((r) => r.due.stage)}::text[], ${rows.map((r) => r.due.level)}::int[],
      ${rows.map((r) => r.due.cycleStartedAt)}::timestamptz[], ${rows.map((r) => r.due.breachedDueAt)}::timestamptz[], ${rows.map((r) => r.targetUnitId)}::uuid[],
      ${rows.map((r) => r.due.role)}::text[], ${rows.map((r) => r.due.nextLevelAt)}::timestamptz[]
    ) AS v(complaint_id, stage, level, cycle_started_at, breached_due_at, target_unit_id, target_role, due_at)
    ON CONFLICT (complaint_id, stage, cycle_started_at, level) DO NOTHING
    RETURNING complaint_id::text, stage::text AS stage, level, cycle_started_at`;
  const fresh = new Set(returned.map((r) => escalationId(r.complaint_id, r.stage, r.level, r.cycle_started_at)));
  return rows.filter((r) => fresh.has(escalationId(r.complaintId, r.due.stage, r.due.level, r.due.cycleStartedAt)));
}

/**
 * Applies revisions of recorded escalations whose deadline moved (ADR 029), one statement: the new
 * deadline and next-level time, settled as DEADLINE_MOVED or open again. Each row changes only from
 * the state the revision was computed from, so a second run changes nothing; returns those changed.
 */
export async function reviseEscalations<T extends { complaintId: string; revision: EscalationRevisionUpdate }>(db: Db, client: DbClient, rows: readonly T[], now: Date): Promise<T[]> {
  if (rows.length === 0) return [];
  const returned = await client.$queryRaw<{ complaint_id: string; stage: string; level: number; cycle_started_at: Date }[]>`
    UPDATE ${qualifiedTable(db, "escalation")} AS e
    SET breached_due_at = v.breached_due_at, due_at = v.due_at,
      settled_at = CASE WHEN v.settle THEN ${now}::timestamptz END,
      settled_reason = CASE WHEN v.settle THEN 'DEADLINE_MOVED'::"EscalationSettlement" END
    FROM unnest(
      ${rows.map((r) => r.complaintId)}::uuid[], ${rows.map((r) => r.revision.stage)}::text[], ${rows.map((r) => r.revision.level)}::int[],
      ${rows.map((r) => r.revision.cycleStartedAt)}::timestamptz[], ${rows.map((r) => r.revision.breachedDueAt)}::timestamptz[],
      ${rows.map((r) => r.revision.nextLevelAt)}::timestamptz[], ${rows.map((r) => r.revision.outcome === "SETTLED")}::boolean[], ${rows.map((r) => r.revision.outcome === "REOPENED")}::boolean[]
    ) AS v(complaint_id, stage, level, cycle_started_at, breached_due_at, due_at, settle, reopen)
    WHERE e.complaint_id = v.complaint_id AND e.stage = v.stage::"SlaStage" AND e.level = v.level AND e.cycle_started_at = v.cycle_started_at
      AND CASE WHEN v.reopen THEN e.settled_reason = 'DEADLINE_MOVED' ELSE e.settled_at IS NULL END
    RETURNING e.complaint_id::text, e.stage::text AS stage, e.level, e.cycle_started_at`;
  const changed = new Set(returned.map((r) => escalationId(r.complaint_id, r.stage, r.level, r.cycle_started_at)));
  return rows.filter((r) => changed.has(escalationId(r.complaintId, r.revision.stage, r.revision.level, r.revision.cycleStartedAt)));
}

export interface SystemEventInsert {
  complaintId: string;
  type: "ESCALATED" | "REMINDER_SENT" | "ESCALATION_REVISED";
  payload: object;
}

/** Internal timeline events written by the system at `now`, in the given order; returns their ids. */
export async function insertSystemEvents(db: Db, client: DbClient, rows: readonly SystemEventInsert[], now: Date): Promise<{ id: bigint; complaintId: string; type: string }[]> {
  if (rows.length === 0) return [];
  return client.$queryRaw<{ id: bigint; complaintId: string; type: string }[]>`
    INSERT INTO ${qualifiedTable(db, "complaint_event")} (complaint_id, type, visibility, actor_kind, payload, occurred_at)
    SELECT v.complaint_id, v.type::"EventType", 'INTERNAL', 'SYSTEM', v.payload, ${now}
    FROM unnest(${rows.map((r) => r.complaintId)}::uuid[], ${rows.map((r) => r.type)}::text[], ${rows.map((r) => JSON.stringify(r.payload))}::jsonb[])
      WITH ORDINALITY AS v(complaint_id, type, payload, ord)
    ORDER BY v.ord
    RETURNING id, complaint_id::text AS "complaintId", type::text AS type`;
}

/**
 * The batch's new check times, escalation levels and deadlines, one statement. The deadlines are
 * those of this evaluation's snapshot, so a calendar, holiday or policy change reaches the stored
 * dates (pages, inbox order) the next time a complaint is evaluated (requestSlaRecheck).
 */
export async function updateSlaChecks(
  db: Db,
  client: DbClient,
  rows: readonly { complaintId: string; slaCheckAt: Date | null; escalationLevel: number; deadlines: StoredDeadlines }[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const dates = (pick: (d: StoredDeadlines) => Date | null) => rows.map((r) => pick(r.deadlines));
  await client.$executeRaw`
    UPDATE ${qualifiedTable(db, "complaint")} AS c
    SET sla_check_at = v.check_at, escalation_level = v.level, updated_at = ${now},
      verification_due_at = v.verification, first_response_due_at = v.first_response, resolution_due_at = v.resolution,
      citizen_reply_due_at = v.citizen_reply, confirmation_due_at = v.confirmation,
      next_due_at = v.next_due, next_due_stage = v.next_stage::"SlaStage"
    FROM unnest(
      ${rows.map((r) => r.complaintId)}::uuid[], ${rows.map((r) => r.slaCheckAt)}::timestamptz[], ${rows.map((r) => r.escalationLevel)}::int[],
      ${dates((d) => d.verificationDueAt)}::timestamptz[], ${dates((d) => d.firstResponseDueAt)}::timestamptz[], ${dates((d) => d.resolutionDueAt)}::timestamptz[],
      ${dates((d) => d.citizenReplyDueAt)}::timestamptz[], ${dates((d) => d.confirmationDueAt)}::timestamptz[], ${dates((d) => d.nextDueAt)}::timestamptz[],
      ${rows.map((r) => r.deadlines.nextDueStage)}::text[]
    ) AS v(id, check_at, level, verification, first_response, resolution, citizen_reply, confirmation, next_due, next_stage)
    WHERE c.id = v.id`;
}

/**
 * Marks the open escalations of these (complaint, stage) pairs settled: one statement joined to the
 * pairs, where an OR of a hundred conditions cost the planner more than the update.
 */
export async function settleEscalations(db: Db, client: DbClient, pairs: readonly { complaintId: string; stage: SlaStage }[], now: Date): Promise<void> {
  if (pairs.length === 0) return;
  await client.$executeRaw`
    UPDATE ${qualifiedTable(db, "escalation")} AS e SET settled_at = ${now}, settled_reason = 'STAGE_STOPPED'
    FROM unnest(${pairs.map((p) => p.complaintId)}::uuid[], ${pairs.map((p) => p.stage)}::text[]) AS v(complaint_id, stage)
    WHERE e.settled_at IS NULL AND e.complaint_id = v.complaint_id AND e.stage = v.stage::"SlaStage"`;
}

/**
 * Marks for an SLA check now every complaint with a future check, or with none whose status is not
 * one of `terminalStatuses` (the domain's requestSlaRecheck says when and why). Returns how many.
 */
export async function markComplaintsForSlaCheck(db: Db, client: DbClient, now: Date, terminalStatuses: readonly ComplaintStatus[]): Promise<number> {
  return client.$executeRaw`
    UPDATE ${qualifiedTable(db, "complaint")} SET sla_check_at = ${now}
    WHERE sla_check_at > ${now} OR (sla_check_at IS NULL AND status::text <> ALL(${[...terminalStatuses]}::text[]))`;
}
