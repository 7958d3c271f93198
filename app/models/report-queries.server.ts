// Read side of the reports: sums of the monthly roll-ups and duration percentiles from the facts,
// for a period and an optional unit/product scope. Each query is one statement over indexed columns.
import { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/services/db.server";
import { qualifiedTable } from "~/services/db.server";
import { COUNT_KEYS, EMPTY_COUNTS, EMPTY_DURATIONS, type DurationStats, type RollupCounts } from "~/models/report-types";

export interface ReportScope {
  /** "YYYY-MM-01", inclusive. */
  from: string;
  to: string;
  /** Null: the whole city. */
  unitIds?: readonly string[] | null;
  productId?: string | null;
}

export type RollupDimension = "none" | "unit" | "month" | "form" | "product" | "unitYear";

const DIMENSION_COLUMN: Record<RollupDimension, Prisma.Sql> = {
  none: Prisma.sql`NULL::text`,
  unit: Prisma.sql`unit_id::text`,
  month: Prisma.sql`to_char(period_month, 'YYYY-MM-DD')`,
  form: Prisma.sql`maladministration_code`,
  product: Prisma.sql`product_id::text`,
  /** "<unit id>|<year>" */
  unitYear: Prisma.sql`unit_id::text || '|' || extract(year FROM period_month)::int`,
};

const SNAKE: Record<(typeof COUNT_KEYS)[number], string> = {
  complaints: "complaints", rejected: "rejected", handled: "handled", open: "open", closed: "closed",
  verificationDecided: "verification_decided", verificationMet: "verification_met",
  firstResponseDecided: "first_response_decided", firstResponseMet: "first_response_met",
  resolutionDecided: "resolution_decided", resolutionMet: "resolution_met",
  reopened: "reopened", appealed: "appealed", escalated: "escalated", ratingCount: "rating_count", ratingSum: "rating_sum",
};

function whereScope(scope: ReportScope, alias = ""): Prisma.Sql {
  const col = (name: string) => Prisma.raw(alias ? `${alias}.${name}` : name);
  const parts = [Prisma.sql`${col("period_month")} BETWEEN ${scope.from}::date AND ${scope.to}::date`];
  if (scope.unitIds) parts.push(scope.unitIds.length > 0 ? Prisma.sql`${col("unit_id")} IN (${Prisma.join(scope.unitIds.map((id) => Prisma.sql`${id}::uuid`))})` : Prisma.sql`FALSE`);
  if (scope.productId) parts.push(Prisma.sql`${col("product_id")} = ${scope.productId}::uuid`);
  return Prisma.join(parts, " AND ");
}

/** Summed counts per value of `by` (key null for "none" and for complaints without that value). */
export async function sumRollups(db: Db, scope: ReportScope, by: RollupDimension): Promise<{ key: string | null; counts: RollupCounts }[]> {
  const sums = Prisma.join(COUNT_KEYS.map((key) => Prisma.raw(`coalesce(sum(${SNAKE[key]}), 0)::int AS "${key}"`)));
  const rows = await db.$queryRaw<({ key: string | null } & RollupCounts)[]>`
    SELECT ${DIMENSION_COLUMN[by]} AS key, ${sums}
    FROM ${qualifiedTable(db, "complaint_report_rollup")}
    WHERE ${whereScope(scope)}
    GROUP BY 1`;
  return rows.map(({ key, ...counts }) => ({ key, counts }));
}

/** The period's counts cut the ways the dashboard shows them. Keys are null for complaints without that value. */
export interface RollupBreakdown {
  total: RollupCounts;
  byUnit: Map<string | null, RollupCounts>;
  /** "YYYY-MM-01" → counts, only months with complaints. */
  byMonth: Map<string, RollupCounts>;
  byForm: Map<string | null, RollupCounts>;
  /** Complaints per unit and maladministration form (both known). */
  byUnitForm: { unitId: string; form: string; complaints: number }[];
}

// GROUPING(unit_id, period_month, maladministration_code): a bit is set for a column summed away.
const GROUPED = { total: 0b111, unit: 0b011, month: 0b101, form: 0b110, unitForm: 0b010 } as const;

/**
 * The dashboard's totals, unit table, trend, form mix and per-unit mix in one statement (GROUPING
 * SETS): a few hundred rows, where the unit × month × form cells were ~10,000 for a city-wide year
 * and reading them cost more than the query.
 */
export async function sumRollupBreakdown(db: Db, scope: ReportScope): Promise<RollupBreakdown> {
  const sums = Prisma.join(COUNT_KEYS.map((key) => Prisma.raw(`coalesce(sum(${SNAKE[key]}), 0)::int AS "${key}"`)));
  const rows = await db.$queryRaw<({ grouped: number; unitId: string | null; month: string | null; form: string | null } & RollupCounts)[]>`
    SELECT GROUPING(unit_id, period_month, maladministration_code)::int AS grouped,
      unit_id::text AS "unitId", to_char(period_month, 'YYYY-MM-DD') AS month, maladministration_code AS form, ${sums}
    FROM ${qualifiedTable(db, "complaint_report_rollup")}
    WHERE ${whereScope(scope)}
    GROUP BY GROUPING SETS ((), (unit_id), (period_month), (maladministration_code), (unit_id, maladministration_code))`;
  const breakdown: RollupBreakdown = { total: EMPTY_COUNTS, byUnit: new Map(), byMonth: new Map(), byForm: new Map(), byUnitForm: [] };
  for (const { grouped, unitId, month, form, ...counts } of rows) {
    if (grouped === GROUPED.total) breakdown.total = counts;
    else if (grouped === GROUPED.unit) breakdown.byUnit.set(unitId, counts);
    else if (grouped === GROUPED.month && month !== null) breakdown.byMonth.set(month, counts);
    else if (grouped === GROUPED.form) breakdown.byForm.set(form, counts);
    else if (grouped === GROUPED.unitForm && unitId !== null && form !== null) breakdown.byUnitForm.push({ unitId, form, complaints: counts.complaints });
  }
  return breakdown;
}

/** City-wide (key null) and per-unit duration percentiles in one pass over the covering index. */
export async function durationStatsCityAndUnits(db: Db, scope: ReportScope): Promise<{ city: DurationStats; byUnit: Map<string, DurationStats> }> {
  const rows = await db.$queryRaw<{ key: string | null; city: number; fr_n: number; fr_p50: number | null; fr_p90: number | null; rs_n: number; rs_p50: number | null; rs_p90: number | null }[]>`
    SELECT unit_id::text AS key, GROUPING(unit_id)::int AS city,
      count(first_response_minutes)::int AS fr_n,
      percentile_disc(0.5) WITHIN GROUP (ORDER BY first_response_minutes) AS fr_p50,
      percentile_disc(0.9) WITHIN GROUP (ORDER BY first_response_minutes) AS fr_p90,
      count(resolution_minutes)::int AS rs_n,
      percentile_disc(0.5) WITHIN GROUP (ORDER BY resolution_minutes) AS rs_p50,
      percentile_disc(0.9) WITHIN GROUP (ORDER BY resolution_minutes) AS rs_p90
    FROM ${qualifiedTable(db, "complaint_report_fact")}
    WHERE ${whereScope(scope)} AND (first_response_minutes IS NOT NULL OR resolution_minutes IS NOT NULL)
    GROUP BY GROUPING SETS ((), (unit_id))`;
  const stats = (row: (typeof rows)[number]): DurationStats => ({
    firstResponseCount: row.fr_n,
    firstResponseMedian: row.fr_p50,
    firstResponseP90: row.fr_p90,
    resolutionCount: row.rs_n,
    resolutionMedian: row.rs_p50,
    resolutionP90: row.rs_p90,
  });
  const cityRow = rows.find((row) => row.city === 1);
  return {
    city: cityRow ? stats(cityRow) : EMPTY_DURATIONS,
    byUnit: new Map(rows.filter((row) => row.city === 0 && row.key !== null).map((row) => [row.key!, stats(row)])),
  };
}

/** The complaints behind a number, for drill-down: ids and codes only, newest first. */
export async function listFactComplaints(
  db: Db,
  scope: ReportScope,
  filter: { form?: string | null; outcome?: { stage: "verification" | "firstResponse" | "resolution"; value: "met" | "missed" } | null; escalated?: boolean },
  limit = 100,
): Promise<{ complaintId: string; trackingCode: string; status: string; submittedAt: Date; unitId: string | null }[]> {
  const parts = [whereScope(scope, "f")];
  if (filter.form) parts.push(Prisma.sql`f.maladministration_code = ${filter.form}`);
  if (filter.escalated) parts.push(Prisma.sql`f.escalated`);
  if (filter.outcome) {
    const column = { verification: "verification_outcome", firstResponse: "first_response_outcome", resolution: "resolution_outcome" }[filter.outcome.stage];
    parts.push(Prisma.sql`${Prisma.raw(`f.${column}`)} = ${filter.outcome.value}`);
  }
  return db.$queryRaw`
    SELECT f.complaint_id AS "complaintId", c.tracking_code AS "trackingCode", f.status::text AS status, f.submitted_at AS "submittedAt", f.unit_id AS "unitId"
    FROM ${qualifiedTable(db, "complaint_report_fact")} f
    JOIN ${qualifiedTable(db, "complaint")} c ON c.id = f.complaint_id
    WHERE ${Prisma.join(parts, " AND ")}
    ORDER BY f.submitted_at DESC
    LIMIT ${limit}`;
}

export interface FactExportRow {
  trackingCode: string;
  unitCode: string | null;
  productCode: string | null;
  maladministrationCode: string | null;
  channel: string;
  status: string;
  submittedAt: Date;
  verificationOutcome: string | null;
  firstResponseOutcome: string | null;
  resolutionOutcome: string | null;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  reopened: boolean;
  appealed: boolean;
  escalated: boolean;
  rating: number | null;
}

/** Complaint rows for the export: codes and outcomes only — no name, contact, description or address. */
export async function listFactsForExport(db: Db, scope: ReportScope, limit: number): Promise<FactExportRow[]> {
  return db.$queryRaw`
    SELECT c.tracking_code AS "trackingCode", u.code AS "unitCode", p.code AS "productCode",
      f.maladministration_code AS "maladministrationCode", f.channel::text AS channel, f.status::text AS status,
      f.submitted_at AS "submittedAt", f.verification_outcome AS "verificationOutcome",
      f.first_response_outcome AS "firstResponseOutcome", f.resolution_outcome AS "resolutionOutcome",
      f.first_response_minutes AS "firstResponseMinutes", f.resolution_minutes AS "resolutionMinutes",
      f.reopened, f.appealed, f.escalated, f.rating
    FROM ${qualifiedTable(db, "complaint_report_fact")} f
    JOIN ${qualifiedTable(db, "complaint")} c ON c.id = f.complaint_id
    LEFT JOIN ${qualifiedTable(db, "service_unit")} u ON u.id = f.unit_id
    LEFT JOIN ${qualifiedTable(db, "service_product")} p ON p.id = f.product_id
    WHERE ${whereScope(scope, "f")}
    ORDER BY f.submitted_at, c.tracking_code
    LIMIT ${limit}`;
}
