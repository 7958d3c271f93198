// The staff inbox: open complaints the user may read, soonest deadline first, in pages of 25
// with a keyset cursor. One index-ordered scan per (unit, status) pair on complaint(unit_id,
// status, next_due_at), each cut at the page size, then merged: the cost depends on the page size
// and the number of pairs, not on how many complaints the city has (no OFFSET, no full sort).
// The complainant's name and contacts are read for one purpose only: the domain blanks them out
// of each row's one-line summary (publication.ts redactIdentity); they never leave the domain.
// Who may read what, the query string, the summaries and the SLA badges are the domain's
// (app/domain/complaints/inbox.server.ts).
import { Prisma, type ComplaintStatus, type Priority, type Visibility } from "~/generated/prisma/client";
import type { Db } from "~/services/db.server";
import { qualifiedTable } from "~/services/db.server";
import type { DbClient } from "~/services/db-types.server";
import { IDENTITY_TO_BLANK_SELECT } from "./identity-to-blank.server";

export interface UnitRow {
  id: string;
  code: string;
  parentId: string | null;
  name: string;
  shortName: string;
  isActive: boolean;
}

/** Every unit with its parent: the tree for permission checks (76 rows; read once per request). */
export async function loadUnits(db: DbClient): Promise<UnitRow[]> {
  return db.serviceUnit.findMany({ select: { id: true, code: true, parentId: true, name: true, shortName: true, isActive: true }, orderBy: { name: "asc" } });
}

export interface InboxScope {
  /** Units whose complaints the user may read. */
  unitIds: string[];
  /** City-wide readers also see complaints no unit has been given yet. */
  includeUnassigned: boolean;
}

export interface InboxFilters {
  status?: ComplaintStatus;
  productId?: string;
  maladministrationCode?: string;
  /** Where it happened, by the kecamatan the citizen chose (region code). */
  kecamatanCode?: string;
  overdueOnly?: boolean;
  assignedToUserId?: string;
  /** At a unit, given to no officer. */
  unassignedOnly?: boolean;
  /** next_due_at >= dueFrom */
  dueFrom?: Date;
  /** next_due_at < dueBefore */
  dueBefore?: Date;
  /** "Terbanyak didukung": most supported first (#14, ADR 038) instead of soonest deadline first. */
  sortBySupport?: boolean;
}

/** The WHERE conditions of the filters on `c`, shared by the list and its count. */
function filterConditions(filters: InboxFilters, now: Date): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.productId) conditions.push(Prisma.sql`c.product_id = ${filters.productId}::uuid`);
  if (filters.maladministrationCode) conditions.push(Prisma.sql`c.maladministration_code = ${filters.maladministrationCode}`);
  if (filters.kecamatanCode) conditions.push(Prisma.sql`c.kecamatan_code = ${filters.kecamatanCode}`);
  if (filters.overdueOnly) conditions.push(Prisma.sql`c.next_due_at < ${now}`);
  if (filters.assignedToUserId) conditions.push(Prisma.sql`c.assigned_officer_id = ${filters.assignedToUserId}::uuid`);
  if (filters.unassignedOnly) conditions.push(Prisma.sql`c.unit_id IS NOT NULL AND c.assigned_officer_id IS NULL`);
  if (filters.dueFrom) conditions.push(Prisma.sql`c.next_due_at >= ${filters.dueFrom}`);
  if (filters.dueBefore) conditions.push(Prisma.sql`c.next_due_at < ${filters.dueBefore}`);
  return conditions;
}

/** Only complaints with a running deadline can match. */
const needsDeadline = (filters: InboxFilters) => Boolean(filters.overdueOnly || filters.dueFrom || filters.dueBefore);

export interface InboxCursor {
  nextDueAt: Date | null;
  submittedAt: Date;
  id: string;
  /** Set when the list is sorted by support: the keyset is (support_count DESC, submitted_at, id). */
  supportCount?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/** `<nextDueAt ms or "-">.<submittedAt ms>.<id>`: opaque to users, safe in a URL. */
export function encodeCursor(cursor: InboxCursor): string {
  if (cursor.supportCount !== undefined) return `d${cursor.supportCount}.${cursor.submittedAt.getTime()}.${cursor.id}`;
  return `${cursor.nextDueAt ? cursor.nextDueAt.getTime() : "-"}.${cursor.submittedAt.getTime()}.${cursor.id}`;
}

export function decodeCursor(value: string | null | undefined): InboxCursor | null {
  const bySupport = value?.match(/^d(\d{1,9})\.(\d{1,15})\.([0-9a-fA-F-]{36})$/);
  if (bySupport) {
    if (!isUuid(bySupport[3])) return null;
    return { nextDueAt: null, supportCount: Number(bySupport[1]), submittedAt: new Date(Number(bySupport[2])), id: bySupport[3]!.toLowerCase() };
  }
  const match = value?.match(/^(-|\d{1,15})\.(\d{1,15})\.([0-9a-fA-F-]{36})$/);
  if (!match || !isUuid(match[3])) return null;
  return { nextDueAt: match[1] === "-" ? null : new Date(Number(match[1])), submittedAt: new Date(Number(match[2])), id: match[3]!.toLowerCase() };
}

interface InboxRowRaw {
  id: string;
  tracking_code: string;
  status: ComplaintStatus;
  escalation_level: number;
  next_due_at: Date | null;
  next_due_stage: string | null;
  submitted_at: Date;
  unit_id: string | null;
  product_id: string | null;
  maladministration_code: string | null;
  assigned_officer_id: string | null;
  support_count: number;
}

/** One inbox row as stored, with the names of its unit and product. */
export interface InboxRecord {
  id: string;
  trackingCode: string;
  status: ComplaintStatus;
  escalationLevel: number;
  nextDueAt: Date | null;
  nextDueStage: string | null;
  submittedAt: Date;
  unitId: string | null;
  unitName: string | null;
  productName: string | null;
  productNameEn: string | null;
  assignedOfficerId: string | null;
  assignedOfficerName: string | null;
  priority: Priority;
  visibility: Visibility;
  title: string | null;
  description: string;
  /** Citizens who support it (#14, ADR 038). */
  supportCount: number;
  /** Only to blank out of the summary; never shown. */
  complainant: ComplainantToBlank | null;
  /** SendGrid reported the complainant's address unreachable (issue #15): read in the same join. */
  emailUndeliverable: boolean;
}

export interface ComplainantToBlank {
  name: string | null;
  email: string | null;
  phone: string | null;
  nik: string | null;
  address: string | null;
}

const ROW_DETAILS = {
  priority: true,
  visibility: true,
  title: true,
  description: true,
  supportCount: true,
  assignedOfficer: { select: { name: true } },
  complainant: { select: { ...IDENTITY_TO_BLANK_SELECT, emailUndeliverableAt: true } },
} as const;

/** The row's complainant split into what is blanked from the summary and the undeliverable mark. */
function complainantParts(complainant: (ComplainantToBlank & { emailUndeliverableAt: Date | null }) | null | undefined): Pick<InboxRecord, "complainant" | "emailUndeliverable"> {
  if (!complainant) return { complainant: null, emailUndeliverable: false };
  const { emailUndeliverableAt, ...identity } = complainant;
  return { complainant: identity, emailUndeliverable: emailUndeliverableAt !== null };
}

/** `"schema"."TypeName"` of an enum type in the client's schema. */
function qualifiedType(db: object, type: string): Prisma.Sql {
  const table = qualifiedTable(db, "complaint").sql;
  return Prisma.raw(`${table.slice(0, table.lastIndexOf("."))}."${type}"`);
}

/**
 * One page of the complaints in `scope` with one of `statuses`, soonest deadline first, and the
 * cursor of the next page (null on the last one).
 */
export async function listInboxRecords(
  db: Db,
  {
    scope,
    statuses,
    filters,
    cursor,
    now,
    limit,
  }: { scope: InboxScope; statuses: readonly ComplaintStatus[]; filters: InboxFilters; cursor: InboxCursor | null; now: Date; limit: number },
): Promise<{ records: InboxRecord[]; nextCursor: string | null }> {
  if ((scope.unitIds.length === 0 && !scope.includeUnassigned) || statuses.length === 0) return { records: [], nextCursor: null };
  // Past every dated row and only dated rows wanted: nothing left.
  if (needsDeadline(filters) && cursor && !cursor.nextDueAt) return { records: [], nextCursor: null };
  const complaint = qualifiedTable(db, "complaint");
  const statusType = qualifiedType(db, "ComplaintStatus");

  const conditions = filterConditions(filters, now);
  const extra = conditions.length > 0 ? Prisma.sql`AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const columns = Prisma.sql`c.id, c.tracking_code, c.status::text AS status, c.escalation_level, c.next_due_at, c.next_due_stage::text AS next_due_stage,
    c.submitted_at, c.unit_id, c.product_id, c.maladministration_code, c.assigned_officer_id, c.support_count`;
  const order = Prisma.sql`ORDER BY c.next_due_at ASC NULLS LAST, c.submitted_at ASC, c.id ASC`;
  const take = limit + 1;
  if (filters.sortBySupport) {
    // Sorted by support: one scan of the scope, no per-(unit, status) merge. A unit's open
    // complaints are a few hundred at most, so the sort is cheap; the keyset keeps paging stable.
    const keyset =
      cursor?.supportCount !== undefined
        ? Prisma.sql`AND (c.support_count < ${cursor.supportCount} OR (c.support_count = ${cursor.supportCount} AND (c.submitted_at, c.id) > (${cursor.submittedAt}, ${cursor.id}::uuid)))`
        : Prisma.empty;
    const inScope = scope.includeUnassigned
      ? Prisma.sql`(c.unit_id = ANY(${scope.unitIds}::uuid[]) OR c.unit_id IS NULL)`
      : Prisma.sql`c.unit_id = ANY(${scope.unitIds}::uuid[])`;
    const deadline = needsDeadline(filters) ? Prisma.sql`AND c.next_due_at IS NOT NULL` : Prisma.empty;
    const rows = await db.$queryRaw<InboxRowRaw[]>`
      SELECT ${columns} FROM ${complaint} c
      WHERE ${inScope} AND c.status = ANY(${statuses}::${statusType}[]) ${deadline} ${keyset} ${extra}
      ORDER BY c.support_count DESC, c.submitted_at ASC, c.id ASC LIMIT ${take}`;
    return pageOf(db, rows, limit, (last) => ({ nextDueAt: null, supportCount: last.support_count, submittedAt: last.submitted_at, id: last.id }));
  }

  // ORDER BY next_due_at ASC NULLS LAST, submitted_at, id, split in two index-driven parts so the
  // cursor is an index bound (`next_due_at >= …`), not a filter over every earlier row:
  // rows with a deadline after the cursor, then rows without one.
  const parts = (scopeCondition: Prisma.Sql): Prisma.Sql => {
    const sql: Prisma.Sql[] = [];
    if (!cursor || cursor.nextDueAt) {
      const keyset = cursor?.nextDueAt
        ? Prisma.sql`AND c.next_due_at >= ${cursor.nextDueAt}
            AND (c.next_due_at > ${cursor.nextDueAt} OR (c.submitted_at, c.id) > (${cursor.submittedAt}, ${cursor.id}::uuid))`
        : Prisma.empty;
      sql.push(Prisma.sql`(SELECT ${columns} FROM ${complaint} c
        WHERE ${scopeCondition} AND c.next_due_at IS NOT NULL ${keyset} ${extra}
        ${order} LIMIT ${take})`);
    }
    if (!needsDeadline(filters)) {
      const keyset = cursor && !cursor.nextDueAt ? Prisma.sql`AND (c.submitted_at, c.id) > (${cursor.submittedAt}, ${cursor.id}::uuid)` : Prisma.empty;
      sql.push(Prisma.sql`(SELECT ${columns} FROM ${complaint} c
        WHERE ${scopeCondition} AND c.next_due_at IS NULL ${keyset} ${extra}
        ORDER BY c.submitted_at ASC, c.id ASC LIMIT ${take})`);
    }
    return Prisma.join(sql, " UNION ALL ");
  };

  const branches: Prisma.Sql[] = [];
  if (scope.unitIds.length > 0) {
    branches.push(Prisma.sql`
      SELECT page.* FROM unnest(${scope.unitIds}::uuid[]) AS u(id)
      CROSS JOIN unnest(${statuses}::${statusType}[]) AS s(status)
      CROSS JOIN LATERAL (${parts(Prisma.sql`c.unit_id = u.id AND c.status = s.status`)}) page`);
  }
  if (scope.includeUnassigned) {
    branches.push(Prisma.sql`
      SELECT page.* FROM unnest(${statuses}::${statusType}[]) AS s(status)
      CROSS JOIN LATERAL (${parts(Prisma.sql`c.unit_id IS NULL AND c.status = s.status`)}) page`);
  }
  const raw = await db.$queryRaw<InboxRowRaw[]>`
    SELECT c.* FROM (${Prisma.join(branches, " UNION ALL ")}) c
    ${order} LIMIT ${take}`;
  return pageOf(db, raw, limit, (last) => ({ nextDueAt: last.next_due_at, submittedAt: last.submitted_at, id: last.id }));
}

/** The page's rows with their names and details, and the cursor after its last row (null on the last page). */
async function pageOf(db: Db, raw: InboxRowRaw[], limit: number, cursorOf: (last: InboxRowRaw) => InboxCursor): Promise<{ records: InboxRecord[]; nextCursor: string | null }> {
  const pageRows = raw.slice(0, limit);
  const last = raw.length > limit ? pageRows[pageRows.length - 1] : undefined;
  const productIds = [...new Set(pageRows.map((row) => row.product_id).filter((id): id is string => id !== null))];
  const unitIds = [...new Set(pageRows.map((row) => row.unit_id).filter((id): id is string => id !== null))];
  const [products, units, details] = await Promise.all([
    productIds.length > 0 ? db.serviceProduct.findMany({ where: { id: { in: productIds } }, select: { id: true, name: true, nameEn: true } }) : [],
    unitIds.length > 0 ? db.serviceUnit.findMany({ where: { id: { in: unitIds } }, select: { id: true, shortName: true } }) : [],
    pageRows.length > 0 ? db.complaint.findMany({ where: { id: { in: pageRows.map((row) => row.id) } }, select: { id: true, ...ROW_DETAILS } }) : [],
  ]);
  const productById = new Map(products.map((p) => [p.id, p]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const detailById = new Map(details.map((d) => [d.id, d]));
  const records = pageRows.map((row): InboxRecord => {
    const product = row.product_id ? productById.get(row.product_id) : undefined;
    const detail = detailById.get(row.id);
    return {
      id: row.id,
      trackingCode: row.tracking_code,
      status: row.status,
      escalationLevel: row.escalation_level,
      nextDueAt: row.next_due_at,
      nextDueStage: row.next_due_stage,
      submittedAt: row.submitted_at,
      unitId: row.unit_id,
      unitName: row.unit_id ? (unitById.get(row.unit_id)?.shortName ?? null) : null,
      productName: product?.name ?? null,
      productNameEn: product?.nameEn ?? null,
      assignedOfficerId: row.assigned_officer_id,
      assignedOfficerName: detail?.assignedOfficer?.name ?? null,
      priority: detail?.priority ?? "NORMAL",
      visibility: detail?.visibility ?? "ANONIM",
      title: detail?.title ?? null,
      description: detail?.description ?? "",
      supportCount: detail?.supportCount ?? 0,
      ...complainantParts(detail?.complainant),
    };
  });
  return {
    records,
    nextCursor: last ? encodeCursor(cursorOf(last)) : null,
  };
}

/**
 * How many complaints `listInboxRecords` would list over all its pages for the same scope,
 * statuses and filters: the same conditions, counted (a queue's count is its list's length).
 */
export async function countInboxRecords(
  db: Db,
  { scope, statuses, filters, now }: { scope: InboxScope; statuses: readonly ComplaintStatus[]; filters: InboxFilters; now: Date },
): Promise<number> {
  if ((scope.unitIds.length === 0 && !scope.includeUnassigned) || statuses.length === 0) return 0;
  const complaint = qualifiedTable(db, "complaint");
  const statusType = qualifiedType(db, "ComplaintStatus");
  const conditions = filterConditions(filters, now);
  if (needsDeadline(filters)) conditions.push(Prisma.sql`c.next_due_at IS NOT NULL`);
  const extra = conditions.length > 0 ? Prisma.sql`AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const inScope = scope.includeUnassigned
    ? Prisma.sql`(c.unit_id = ANY(${scope.unitIds}::uuid[]) OR c.unit_id IS NULL)`
    : Prisma.sql`c.unit_id = ANY(${scope.unitIds}::uuid[])`;
  const rows = await db.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM ${complaint} c
    WHERE ${inScope} AND c.status = ANY(${statuses}::${statusType}[]) ${extra}`;
  return Number(rows[0]?.count ?? 0);
}

/** Choices for the filter form: products of the units in scope, the ten forms of maladministration. */
export async function inboxFilterOptions(db: DbClient, scope: InboxScope) {
  const [products, forms, kecamatan] = await Promise.all([
    db.serviceProduct.findMany({
      where: scope.includeUnassigned ? {} : { unitId: { in: scope.unitIds } },
      select: { id: true, name: true, nameEn: true },
      orderBy: { name: "asc" },
    }),
    db.maladministrationForm.findMany({ select: { code: true, nameId: true, nameEn: true }, orderBy: { sortOrder: "asc" } }),
    db.region.findMany({ where: { kind: "KECAMATAN" }, select: { code: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { products, forms, kecamatan };
}

/**
 * The complaint with this tracking code (canonical form) if it lies in `scope`, whatever its status:
 * a code from a mail or a phone call may name a closed complaint too. One lookup on the unique code;
 * a complaint outside the scope is answered as not found, so the search tells nobody it exists.
 */
export async function findInboxRecordByCode(db: DbClient, { scope, trackingCode }: { scope: InboxScope; trackingCode: string }): Promise<InboxRecord | null> {
  const row = await db.complaint.findUnique({
    where: { trackingCode },
    select: {
      id: true,
      trackingCode: true,
      status: true,
      escalationLevel: true,
      nextDueAt: true,
      nextDueStage: true,
      submittedAt: true,
      unitId: true,
      assignedOfficerId: true,
      unit: { select: { shortName: true } },
      product: { select: { name: true, nameEn: true } },
      ...ROW_DETAILS,
    },
  });
  if (!row) return null;
  const inScope = row.unitId === null ? scope.includeUnassigned : scope.unitIds.includes(row.unitId);
  if (!inScope) return null;
  const { unit, product, assignedOfficer, complainant, ...record } = row;
  return {
    ...record,
    ...complainantParts(complainant),
    unitName: unit?.shortName ?? null,
    productName: product?.name ?? null,
    productNameEn: product?.nameEn ?? null,
    assignedOfficerName: assignedOfficer?.name ?? null,
  };
}

/** Tracking code and unit of each of these complaints that exists (for a bulk action's summary). */
export async function findComplaintCodes(db: DbClient, ids: readonly string[]): Promise<{ id: string; trackingCode: string; unitId: string | null }[]> {
  if (ids.length === 0) return [];
  return db.complaint.findMany({ where: { id: { in: [...ids] } }, select: { id: true, trackingCode: true, unitId: true } });
}

/** Active officers and heads of these units, by unit: whom a complaint of the unit may be given to. */
export async function findUnitStaff(db: DbClient, unitIds: readonly string[]): Promise<{ unitId: string; unitName: string; userId: string; name: string }[]> {
  if (unitIds.length === 0) return [];
  const rows = await db.membership.findMany({
    where: { unitId: { in: [...unitIds] }, role: { in: ["OFFICER", "UNIT_HEAD"] }, user: { isActive: true } },
    select: { unitId: true, userId: true, unit: { select: { shortName: true } }, user: { select: { name: true } } },
    orderBy: [{ unit: { shortName: "asc" } }, { user: { name: "asc" } }],
  });
  const seen = new Set<string>();
  return rows
    .filter((row) => (seen.has(`${row.unitId}/${row.userId}`) ? false : (seen.add(`${row.unitId}/${row.userId}`), true)))
    .map((row) => ({ unitId: row.unitId, unitName: row.unit.shortName, userId: row.userId, name: row.user.name }));
}
