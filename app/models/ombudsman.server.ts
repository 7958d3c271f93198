// Reading Ombudsman matters: the liaison's list, one matter with its audit trail, and the
// dashboard's "due soon" list (also what the reminders go through). Every query takes the reader's OmbudsmanScope, so a unit head can
// never read another unit's letters through a forgotten where clause.
import type { Prisma } from "~/generated/prisma/client";
import { daysUntil, isOverdue, jakartaDate, type OmbudsmanMatterKind, type OmbudsmanMatterStatus } from "~/domain/compliance/ombudsman-deadlines";
import type { OmbudsmanFilters, OmbudsmanScope } from "~/domain/compliance/ombudsman";
import type { DbClient } from "~/services/db-types.server";

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const OMBUDSMAN_LIST_LIMIT = 200;

export interface OmbudsmanMatterRow {
  id: string;
  kind: OmbudsmanMatterKind;
  reference: string;
  summary: string | null;
  unitId: string;
  unitName: string;
  trackingCode: string | null;
  receivedOn: string;
  dueOn: string;
  status: OmbudsmanMatterStatus;
  /** Calendar days to the due date (negative = overdue by that many days). */
  daysLeft: number;
  overdue: boolean;
  answeredAt: string | null;
  closedAt: string | null;
  evidenceNote: string | null;
  closingNote: string | null;
}

const SELECT = {
  id: true,
  kind: true,
  reference: true,
  summary: true,
  unitId: true,
  unit: { select: { name: true } },
  complaint: { select: { trackingCode: true } },
  receivedOn: true,
  dueOn: true,
  status: true,
  answeredAt: true,
  closedAt: true,
  evidenceNote: true,
  closingNote: true,
} satisfies Prisma.OmbudsmanMatterSelect;

type Selected = Prisma.OmbudsmanMatterGetPayload<{ select: typeof SELECT }>;

function toRow(row: Selected, now: Date): OmbudsmanMatterRow {
  const dueOn = isoDate(row.dueOn);
  return {
    id: row.id,
    kind: row.kind,
    reference: row.reference,
    summary: row.summary,
    unitId: row.unitId,
    unitName: row.unit.name,
    trackingCode: row.complaint?.trackingCode ?? null,
    receivedOn: isoDate(row.receivedOn),
    dueOn,
    status: row.status,
    daysLeft: daysUntil(dueOn, now),
    overdue: isOverdue({ status: row.status, dueOn }, now),
    answeredAt: row.answeredAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    evidenceNote: row.evidenceNote,
    closingNote: row.closingNote,
  };
}

function scopeWhere(scope: OmbudsmanScope): Prisma.OmbudsmanMatterWhereInput {
  return scope.kind === "any" ? {} : { unitId: { in: scope.unitIds } };
}

/** Matters the reader may see, filtered, soonest due date first (at most OMBUDSMAN_LIST_LIMIT). */
export async function listOmbudsmanMatters(
  db: DbClient,
  { scope, filters, now }: { scope: OmbudsmanScope; filters: OmbudsmanFilters; now: Date },
): Promise<OmbudsmanMatterRow[]> {
  const where: Prisma.OmbudsmanMatterWhereInput = {
    AND: [
      scopeWhere(scope),
      filters.jenis ? { kind: filters.jenis } : {},
      filters.status ? { status: filters.status } : {},
      filters.unit ? { unitId: filters.unit } : {},
      // Overdue = still OPEN after its due date (answered late is no longer overdue).
      filters.terlambat ? { status: "OPEN", dueOn: { lt: dateOnly(jakartaDate(now)) } } : {},
    ],
  };
  const rows = await db.ombudsmanMatter.findMany({ where, select: SELECT, orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }], take: OMBUDSMAN_LIST_LIMIT });
  return rows.map((row) => toRow(row, now));
}

export interface OmbudsmanAuditEntry {
  action: string;
  actorName: string | null;
  at: string;
  note: string | null;
}

export async function getOmbudsmanMatter(
  db: DbClient,
  id: string,
  { scope, now }: { scope: OmbudsmanScope; now: Date },
): Promise<{ matter: OmbudsmanMatterRow; history: OmbudsmanAuditEntry[] } | null> {
  const row = await db.ombudsmanMatter.findFirst({ where: { AND: [{ id }, scopeWhere(scope)] }, select: SELECT });
  if (!row) return null;
  const audit = await db.auditLog.findMany({
    where: { entity: "ombudsman_matter", entityId: id },
    select: { action: true, createdAt: true, data: true, actorUser: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  return {
    matter: toRow(row, now),
    history: audit.map((entry) => {
      const data = entry.data as { note?: unknown } | null;
      return { action: entry.action, actorName: entry.actorUser?.name ?? null, at: entry.createdAt.toISOString(), note: typeof data?.note === "string" ? data.note : null };
    }),
  };
}

export interface OmbudsmanDeadline {
  id: string;
  kind: OmbudsmanMatterKind;
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
  const horizon = dateOnly(jakartaDate(new Date(now.getTime() + withinDays * 86_400_000)));
  const rows = await db.ombudsmanMatter.findMany({
    where: { AND: [scopeWhere(scope), { status: "OPEN", dueOn: { lte: horizon } }] },
    select: SELECT,
    orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
    ...(limit === null ? {} : { take: limit }),
  });
  return rows.map((row) => {
    const full = toRow(row, now);
    return { id: full.id, kind: full.kind, reference: full.reference, unitId: full.unitId, unitName: full.unitName, dueOn: full.dueOn, daysLeft: full.daysLeft, overdue: full.overdue };
  });
}

/** Who is reminded of these units' Ombudsman matters: every active liaison, and each unit's active heads. */
export async function listOmbudsmanReminderRecipients(
  db: DbClient,
  unitIds: readonly string[],
): Promise<{ role: "LIAISON" | "UNIT_HEAD"; unitId: string; email: string; locale: string }[]> {
  const members = await db.membership.findMany({
    where: { user: { isActive: true }, OR: [{ role: "LIAISON" }, { role: "UNIT_HEAD", unitId: { in: [...unitIds] } }] },
    select: { role: true, unitId: true, user: { select: { email: true, locale: true } } },
  });
  return members.map((m) => ({ role: m.role as "LIAISON" | "UNIT_HEAD", unitId: m.unitId, email: m.user.email, locale: m.user.locale }));
}

/** Active units for the "responsible unit" select, by name. */
export async function listUnitOptions(db: DbClient): Promise<{ id: string; name: string }[]> {
  return db.serviceUnit.findMany({ where: { isActive: true }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
