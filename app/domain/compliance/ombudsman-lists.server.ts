// What the liaison's pages, the dashboard and the reminders read of Ombudsman matters: the stored
// matters with the days left to their due date and whether they are overdue, counted from today
// in Jakarta (ombudsman-deadlines.ts).
import {
  findOmbudsmanMatter,
  findOmbudsmanMatters,
  findOpenOmbudsmanMattersDueBy,
  type OmbudsmanAuditEntry,
  type OmbudsmanMatterRecord,
} from "~/models/ombudsman.server";
import type { DbClient } from "~/services/db-types.server";
import type { OmbudsmanFilters, OmbudsmanScope } from "./ombudsman";
import { daysUntil, isOverdue, jakartaDate } from "./ombudsman-deadlines";

export interface OmbudsmanMatterRow extends OmbudsmanMatterRecord {
  /** Calendar days to the due date (negative = overdue by that many days). */
  daysLeft: number;
  overdue: boolean;
}

function withDaysLeft(record: OmbudsmanMatterRecord, now: Date): OmbudsmanMatterRow {
  return { ...record, daysLeft: daysUntil(record.dueOn, now), overdue: isOverdue(record, now) };
}

/** Matters the reader may see, filtered, soonest due date first (at most OMBUDSMAN_LIST_LIMIT). */
export async function listOmbudsmanMatters(
  db: DbClient,
  { scope, filters, now }: { scope: OmbudsmanScope; filters: OmbudsmanFilters; now: Date },
): Promise<OmbudsmanMatterRow[]> {
  const records = await findOmbudsmanMatters(db, {
    scope,
    query: {
      kind: filters.jenis,
      status: filters.status,
      unitId: filters.unit,
      // Overdue = still OPEN after its due date (answered late is no longer overdue).
      openAndDueBefore: filters.terlambat ? jakartaDate(now) : null,
    },
  });
  return records.map((record) => withDaysLeft(record, now));
}

export async function getOmbudsmanMatter(
  db: DbClient,
  id: string,
  { scope, now }: { scope: OmbudsmanScope; now: Date },
): Promise<{ matter: OmbudsmanMatterRow; history: OmbudsmanAuditEntry[] } | null> {
  const found = await findOmbudsmanMatter(db, id, scope);
  return found ? { matter: withDaysLeft(found.matter, now), history: found.history } : null;
}

export interface OmbudsmanDeadline {
  id: string;
  kind: OmbudsmanMatterRecord["kind"];
  reference: string;
  unitId: string;
  unitName: string;
  dueOn: string;
  daysLeft: number;
  overdue: boolean;
}

/**
 * For the liaison dashboard: OPEN matters the reader may see that are overdue or due within
 * `withinDays` calendar days (default 14) of today in Jakarta, soonest first, at most `limit`.
 */
export async function listOmbudsmanDeadlines(
  db: DbClient,
  { now, scope, withinDays = 14, limit = 50 }: { now: Date; scope: OmbudsmanScope; withinDays?: number; /** null: all of them. */ limit?: number | null },
): Promise<OmbudsmanDeadline[]> {
  const dueOnOrBefore = jakartaDate(new Date(now.getTime() + withinDays * 86_400_000));
  const records = await findOpenOmbudsmanMattersDueBy(db, { scope, dueOnOrBefore, limit });
  return records.map((record) => {
    const full = withDaysLeft(record, now);
    return { id: full.id, kind: full.kind, reference: full.reference, unitId: full.unitId, unitName: full.unitName, dueOn: full.dueOn, daysLeft: full.daysLeft, overdue: full.overdue };
  });
}
