import { TERMINAL_STATUSES } from "~/domain/complaints/workflow";
import { markComplaintsForSlaCheck } from "~/models/sla-writes.server";
import type { Db } from "~/services/db.server";
import type { DbClient } from "~/services/db-types.server";

/**
 * After a change to what deadlines are computed from (a holiday, a work calendar, a unit's calendar,
 * an SLA policy): every open complaint with a future check, or with none (every level of a missed
 * deadline already escalated), is due for one now, so the sweeper evaluates it against the new
 * configuration, escalates what the change made late, revises escalations whose deadline moved
 * (ADR 029), and stores the new dates. Call inside the change's transaction. Returns how many
 * complaints were marked.
 */
export async function requestSlaRecheck(db: Db, client: DbClient, now: Date): Promise<number> {
  return markComplaintsForSlaCheck(db, client, now, TERMINAL_STATUSES);
}
