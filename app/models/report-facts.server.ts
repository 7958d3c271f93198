// Storage of the reporting facts and their monthly roll-ups. A roll-up row is always recomputed
// from the facts of its group (never incremented), so replaying a refresh is harmless and a lost
// job is repaired by the next refresh of any complaint in the group or by the sweeper.
import { Prisma, type ComplaintStatus, type Priority } from "~/generated/prisma/client";
import type { Db } from "~/services/db.server";
import { qualifiedTable } from "~/services/db.server";
import type { DbClient } from "~/services/db-types.server";
import type { ComplaintFact } from "~/models/report-types";

/** What computeComplaintFact reads of a complaint: its columns and the events that move a clock or raise a flag. */
export interface FactSource {
  complaint: {
    id: string;
    unitId: string | null;
    productId: string | null;
    maladministrationCode: string | null;
    channel: string;
    status: ComplaintStatus;
    submittedAt: Date;
    rating: number | null;
  };
  events: { type: string; toStatus: ComplaintStatus | null; occurredAt: Date }[];
  category: string | null;
  priority: Priority;
}

export async function loadFactSource(db: DbClient, complaintId: string): Promise<FactSource | null> {
  const complaint = await db.complaint.findUnique({
    where: { id: complaintId },
    select: {
      id: true, unitId: true, productId: true, maladministrationCode: true, channel: true, status: true,
      submittedAt: true, rating: true, category: true, priority: true,
    },
  });
  if (!complaint) return null;
  const events = await db.complaintEvent.findMany({
    where: { complaintId, OR: [{ toStatus: { not: null } }, { type: { in: ["ESCALATED", "APPEALED"] } }] },
    orderBy: { id: "asc" },
    select: { type: true, toStatus: true, occurredAt: true },
  });
  const { category, priority, ...rest } = complaint;
  return { complaint: rest, events, category, priority };
}

/**
 * Stores `fact` and recomputes the roll-up rows it leaves and joins. The group locks are taken
 * after the fact is written, so whichever refresh of a group commits last has counted every fact.
 */
export async function storeFact(db: Db, fact: ComplaintFact, refreshedAt: Date): Promise<void> {
  const factTable = qualifiedTable(db, "complaint_report_fact");
  await db.$transaction(async (tx) => {
    const previous = await tx.$queryRaw<{ group_key: string }[]>`
      SELECT group_key FROM ${factTable} WHERE complaint_id = ${fact.complaintId}::uuid FOR UPDATE`;
    const data = {
      groupKey: fact.groupKey,
      periodMonth: new Date(`${fact.periodMonth}T00:00:00Z`),
      unitId: fact.unitId,
      productId: fact.productId,
      maladministrationCode: fact.maladministrationCode,
      channel: fact.channel as Prisma.ComplaintReportFactCreateInput["channel"],
      status: fact.status,
      submittedAt: fact.submittedAt,
      rejected: fact.rejected,
      handled: fact.handled,
      open: fact.open,
      closed: fact.closed,
      verificationOutcome: fact.verificationOutcome,
      firstResponseOutcome: fact.firstResponseOutcome,
      resolutionOutcome: fact.resolutionOutcome,
      firstResponseMinutes: fact.firstResponseMinutes,
      resolutionMinutes: fact.resolutionMinutes,
      reopened: fact.reopened,
      appealed: fact.appealed,
      escalated: fact.escalated,
      rating: fact.rating,
      staleAt: fact.staleAt,
      refreshedAt,
    };
    await tx.complaintReportFact.upsert({ where: { complaintId: fact.complaintId }, create: { complaintId: fact.complaintId, ...data }, update: data });
    const groups = [...new Set([fact.groupKey, ...previous.map((row) => row.group_key)])].sort();
    for (const groupKey of groups) await recomputeRollup(db, tx, groupKey, refreshedAt);
  });
}

// One definition of a roll-up row, used for one group (the worker) and for all of them (rebuild).
const ROLLUP_COLUMNS = Prisma.raw(`group_key, period_month, unit_id, product_id, maladministration_code,
      complaints, rejected, handled, open, closed,
      verification_decided, verification_met, first_response_decided, first_response_met,
      resolution_decided, resolution_met, reopened, appealed, escalated, rating_count, rating_sum, updated_at`);
const rollupAggregates = (at: Date) => Prisma.sql`group_key, min(period_month), (array_agg(unit_id))[1], (array_agg(product_id))[1], min(maladministration_code),
      count(*), count(*) FILTER (WHERE rejected), count(*) FILTER (WHERE handled), count(*) FILTER (WHERE open), count(*) FILTER (WHERE closed),
      count(verification_outcome), count(*) FILTER (WHERE verification_outcome = 'met'),
      count(first_response_outcome), count(*) FILTER (WHERE first_response_outcome = 'met'),
      count(resolution_outcome), count(*) FILTER (WHERE resolution_outcome = 'met'),
      count(*) FILTER (WHERE reopened), count(*) FILTER (WHERE appealed), count(*) FILTER (WHERE escalated),
      count(rating), coalesce(sum(rating), 0), ${at}::timestamptz`;

async function recomputeRollup(db: Db, tx: Prisma.TransactionClient, groupKey: string, at: Date): Promise<void> {
  const factTable = qualifiedTable(db, "complaint_report_fact");
  const rollupTable = qualifiedTable(db, "complaint_report_rollup");
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`rollup:${groupKey}`}, 0))`;
  const written = await tx.$executeRaw`
    INSERT INTO ${rollupTable} AS r (${ROLLUP_COLUMNS})
    SELECT ${rollupAggregates(at)}
    FROM ${factTable} WHERE group_key = ${groupKey}
    GROUP BY group_key
    ON CONFLICT (group_key) DO UPDATE SET
      complaints = EXCLUDED.complaints, rejected = EXCLUDED.rejected, handled = EXCLUDED.handled,
      open = EXCLUDED.open, closed = EXCLUDED.closed,
      verification_decided = EXCLUDED.verification_decided, verification_met = EXCLUDED.verification_met,
      first_response_decided = EXCLUDED.first_response_decided, first_response_met = EXCLUDED.first_response_met,
      resolution_decided = EXCLUDED.resolution_decided, resolution_met = EXCLUDED.resolution_met,
      reopened = EXCLUDED.reopened, appealed = EXCLUDED.appealed, escalated = EXCLUDED.escalated,
      rating_count = EXCLUDED.rating_count, rating_sum = EXCLUDED.rating_sum, updated_at = EXCLUDED.updated_at`;
  // The last fact left the group: the row goes too, so an empty group never shows as zeros.
  if (written === 0) await tx.$executeRaw`DELETE FROM ${rollupTable} WHERE group_key = ${groupKey}`;
}

/**
 * Rebuilds every roll-up row from the facts in one statement (after a bulk load or a change of
 * definitions). Takes a table lock so no worker refresh interleaves.
 */
export async function rebuildAllRollups(db: Db, at: Date): Promise<number> {
  const factTable = qualifiedTable(db, "complaint_report_fact");
  const rollupTable = qualifiedTable(db, "complaint_report_rollup");
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`LOCK TABLE ${rollupTable} IN EXCLUSIVE MODE`;
    await tx.$executeRaw`DELETE FROM ${rollupTable}`;
    return tx.$executeRaw`INSERT INTO ${rollupTable} (${ROLLUP_COLUMNS}) SELECT ${rollupAggregates(at)} FROM ${factTable} GROUP BY group_key`;
  }, { timeout: 10 * 60_000 });
}

/**
 * Complaints whose fact is missing (new, or older than the reports) or stale (a running clock
 * passed its deadline since the last refresh); the reports sweeper refreshes them.
 */
export async function findFactsToRefresh(db: Db, now: Date, limit: number): Promise<string[]> {
  const complaintTable = qualifiedTable(db, "complaint");
  const factTable = qualifiedTable(db, "complaint_report_fact");
  const stale = await db.$queryRaw<{ id: string }[]>`
    SELECT complaint_id AS id FROM ${factTable} WHERE stale_at <= ${now} ORDER BY stale_at LIMIT ${limit}`;
  if (stale.length >= limit) return stale.map((row) => row.id);
  const missing = await db.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM ${complaintTable} c
    WHERE NOT EXISTS (SELECT 1 FROM ${factTable} f WHERE f.complaint_id = c.id)
    LIMIT ${limit - stale.length}`;
  return [...stale, ...missing].map((row) => row.id);
}
