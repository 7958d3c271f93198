import { qualifiedTable, type Db } from "~/services/db.server";

/** One unit's open work, as the morning digest counts it (app/domain/sla/unit-digest.ts). */
export interface UnitWorkload {
  /** Assigned or reopened and not yet acknowledged. */
  waiting: number;
  dueToday: number;
  overdue: number;
}

/**
 * Per unit: complaints waiting to be acknowledged, and those whose next unit deadline (first
 * response or resolution) falls in [now, dayEnd) or has passed. One grouped scan of the open
 * complaints that sit with a unit.
 */
export async function loadUnitWorkloads(db: Db, now: Date, dayEnd: Date): Promise<Map<string, UnitWorkload>> {
  const rows = await db.$queryRaw<{ unitId: string; waiting: number; dueToday: number; overdue: number }[]>`
    SELECT unit_id::text AS "unitId",
      count(*) FILTER (WHERE status IN ('ASSIGNED', 'REOPENED'))::int AS waiting,
      count(*) FILTER (WHERE next_due_stage IN ('FIRST_RESPONSE', 'RESOLUTION') AND next_due_at >= ${now} AND next_due_at < ${dayEnd})::int AS "dueToday",
      count(*) FILTER (WHERE next_due_stage IN ('FIRST_RESPONSE', 'RESOLUTION') AND next_due_at < ${now})::int AS overdue
    FROM ${qualifiedTable(db, "complaint")}
    WHERE unit_id IS NOT NULL AND status IN ('ASSIGNED', 'IN_PROGRESS', 'REOPENED')
    GROUP BY unit_id`;
  return new Map(rows.map(({ unitId, ...load }) => [unitId, load]));
}

/** The active officers and unit heads of these units, with their unit's name. */
export async function listUnitDigestRecipients(db: Db, unitIds: readonly string[]) {
  const rows = await db.membership.findMany({
    where: { unitId: { in: [...unitIds] }, role: { in: ["OFFICER", "UNIT_HEAD"] }, user: { isActive: true } },
    select: { unitId: true, unit: { select: { name: true } }, user: { select: { email: true, locale: true } } },
  });
  return rows.map((row) => ({ unitId: row.unitId, unitName: row.unit.name, email: row.user.email, locale: row.user.locale }));
}
