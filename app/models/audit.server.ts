// Reading the two audit trails: who opened which complainant's identity (IdentityAccess, written
// by the audited accessor) and what staff changed or exported (AuditLog). Newest first, keyset
// paged, so a long history costs one index range per page.
import type { DbClient } from "~/services/db-types.server";

export interface AuditRange {
  userId?: string;
  /** Inclusive lower and exclusive upper bound. */
  from?: Date;
  to?: Date;
}

export interface IdentityAccessRow {
  id: string;
  at: Date;
  userName: string;
  userEmail: string;
  purpose: string;
  trackingCode: string;
}

export interface AuditLogRow {
  id: bigint;
  at: Date;
  userName: string | null;
  userEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  data: unknown;
}

const createdBetween = ({ from, to }: AuditRange) => (from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {});

/** One page of identity views, newest first, strictly older than `before` when given. */
export async function listIdentityAccesses(
  db: DbClient,
  range: AuditRange,
  { before, limit }: { before?: { at: Date; id: string } | null; limit: number },
): Promise<IdentityAccessRow[]> {
  const rows = await db.identityAccess.findMany({
    where: {
      ...(range.userId ? { userId: range.userId } : {}),
      ...createdBetween(range),
      ...(before ? { OR: [{ createdAt: { lt: before.at } }, { createdAt: before.at, id: { lt: before.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, createdAt: true, purpose: true, user: { select: { name: true, email: true } }, complaint: { select: { trackingCode: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    at: row.createdAt,
    userName: row.user.name,
    userEmail: row.user.email,
    purpose: row.purpose,
    trackingCode: row.complaint.trackingCode,
  }));
}

/** One page of the activity log, newest first, with ids below `beforeId` when given. */
export async function listAuditLog(db: DbClient, range: AuditRange, { beforeId, limit }: { beforeId?: bigint | null; limit: number }): Promise<AuditLogRow[]> {
  const rows = await db.auditLog.findMany({
    where: {
      ...(range.userId ? { actorUserId: range.userId } : {}),
      ...createdBetween(range),
      ...(beforeId ? { id: { lt: beforeId } } : {}),
    },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, createdAt: true, action: true, entity: true, entityId: true, data: true, actorUser: { select: { name: true, email: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    at: row.createdAt,
    userName: row.actorUser?.name ?? null,
    userEmail: row.actorUser?.email ?? null,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    data: row.data,
  }));
}

/** Staff who appear in either trail, for the filter. */
export async function listAuditedUsers(db: DbClient): Promise<{ id: string; name: string; email: string }[]> {
  return db.user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, email: true } });
}
