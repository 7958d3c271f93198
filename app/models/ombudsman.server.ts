// Reading Ombudsman matters: the liaison's list, one matter with its audit trail, and the
// dashboard's "due soon" list (also what the reminders go through). Every query takes the reader's OmbudsmanScope, so a unit head can
// never read another unit's letters through a forgotten where clause. Days left and what counts as
// overdue are the domain's (app/domain/compliance/ombudsman-lists.server.ts).
import type { OmbudsmanMatterKind, OmbudsmanMatterStatus, Prisma } from "~/generated/prisma/client";
import type { DbClient } from "~/services/db-types.server";

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const OMBUDSMAN_LIST_LIMIT = 200;

/**
 * Which matters a reader may see: all of them, or those of some units. Decided by the domain
 * (ombudsmanScopeFor); declared here because every query below is cut by it (ADR 032).
 */
export type OmbudsmanScope = { kind: "any" } | { kind: "units"; unitIds: string[] };

/** A matter as stored; dates are local calendar dates ("YYYY-MM-DD"). */
export interface OmbudsmanMatterRecord {
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

function toRecord(row: Selected): OmbudsmanMatterRecord {
  return {
    id: row.id,
    kind: row.kind,
    reference: row.reference,
    summary: row.summary,
    unitId: row.unitId,
    unitName: row.unit.name,
    trackingCode: row.complaint?.trackingCode ?? null,
    receivedOn: isoDate(row.receivedOn),
    dueOn: isoDate(row.dueOn),
    status: row.status,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    evidenceNote: row.evidenceNote,
    closingNote: row.closingNote,
  };
}

function scopeWhere(scope: OmbudsmanScope): Prisma.OmbudsmanMatterWhereInput {
  return scope.kind === "any" ? {} : { unitId: { in: scope.unitIds } };
}

export interface OmbudsmanMatterQuery {
  kind?: OmbudsmanMatterKind | undefined;
  status?: OmbudsmanMatterStatus | undefined;
  unitId?: string | undefined;
  /** Only OPEN matters due before this local date ("YYYY-MM-DD"). */
  openAndDueBefore?: string | null;
}

/** Matters in the scope that match the query, soonest due date first (at most OMBUDSMAN_LIST_LIMIT). */
export async function findOmbudsmanMatters(db: DbClient, { scope, query }: { scope: OmbudsmanScope; query: OmbudsmanMatterQuery }): Promise<OmbudsmanMatterRecord[]> {
  const where: Prisma.OmbudsmanMatterWhereInput = {
    AND: [
      scopeWhere(scope),
      query.kind ? { kind: query.kind } : {},
      query.status ? { status: query.status } : {},
      query.unitId ? { unitId: query.unitId } : {},
      query.openAndDueBefore ? { status: "OPEN", dueOn: { lt: dateOnly(query.openAndDueBefore) } } : {},
    ],
  };
  const rows = await db.ombudsmanMatter.findMany({ where, select: SELECT, orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }], take: OMBUDSMAN_LIST_LIMIT });
  return rows.map(toRecord);
}

export interface OmbudsmanAuditEntry {
  action: string;
  actorName: string | null;
  at: string;
  note: string | null;
}

/** One matter in the scope with its audit trail, oldest entry first; null if unknown or out of scope. */
export async function findOmbudsmanMatter(
  db: DbClient,
  id: string,
  scope: OmbudsmanScope,
): Promise<{ matter: OmbudsmanMatterRecord; history: OmbudsmanAuditEntry[] } | null> {
  const row = await db.ombudsmanMatter.findFirst({ where: { AND: [{ id }, scopeWhere(scope)] }, select: SELECT });
  if (!row) return null;
  const audit = await db.auditLog.findMany({
    where: { entity: "ombudsman_matter", entityId: id },
    select: { action: true, createdAt: true, data: true, actorUser: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  return {
    matter: toRecord(row),
    history: audit.map((entry) => {
      const data = entry.data as { note?: unknown } | null;
      return { action: entry.action, actorName: entry.actorUser?.name ?? null, at: entry.createdAt.toISOString(), note: typeof data?.note === "string" ? data.note : null };
    }),
  };
}

/** OPEN matters in the scope due on or before a local date, soonest first, at most `limit` (null: all). */
export async function findOpenOmbudsmanMattersDueBy(
  db: DbClient,
  { scope, dueOnOrBefore, limit }: { scope: OmbudsmanScope; dueOnOrBefore: string; limit: number | null },
): Promise<OmbudsmanMatterRecord[]> {
  const rows = await db.ombudsmanMatter.findMany({
    where: { AND: [scopeWhere(scope), { status: "OPEN", dueOn: { lte: dateOnly(dueOnOrBefore) } }] },
    select: SELECT,
    orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
    ...(limit === null ? {} : { take: limit }),
  });
  return rows.map(toRecord);
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
