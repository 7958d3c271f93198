// Queries behind the public reports (/laporan-warga, its map, CSV and GeoJSON) and the moderation
// of their text. Every query carries the publication rule's where clause (publishedWhere: verified,
// never RAHASIA) with the caller's statuses, so a RAHASIA complaint cannot come back from here. The
// complainant's identity is read only for the domain's rule to blank it out of the text about to be
// published; it never leaves the server (ADR 026, ADR 037).
import type { ComplaintStatus, Prisma, PrismaClient, Visibility } from "~/generated/prisma/client";
import type { DbClient } from "~/services/db-types.server";
import { publishedWhere } from "./open311.server";
import { IDENTITY_TO_BLANK_SELECT } from "./identity-to-blank.server";

export interface PublicReportFilter {
  statuses: readonly ComplaintStatus[];
  kecamatanCode: string | null;
  unitId: string | null;
  submittedFrom: Date | null;
  submittedBefore: Date | null;
  after: { submittedAt: Date; id: string } | null;
  bbox: { south: number; west: number; north: number; east: number } | null;
}

const REPORT_SELECT = {
  id: true,
  trackingCode: true,
  status: true,
  visibility: true,
  verifiedAt: true,
  description: true,
  submittedAt: true,
  closedAt: true,
  address: true,
  latitude: true,
  longitude: true,
  supportCount: true,
  publicTextHiddenAt: true,
  product: { select: { name: true, nameEn: true } },
  unit: { select: { name: true } },
  kelurahan: { select: { name: true } },
  kecamatan: { select: { name: true } },
  complainant: { select: IDENTITY_TO_BLANK_SELECT },
} satisfies Prisma.ComplaintSelect;

type ReportPayload = Prisma.ComplaintGetPayload<{ select: typeof REPORT_SELECT }>;

/** A publishable complaint as stored, with the identity the publication rule blanks out. */
export type PublicReportRecord = Omit<ReportPayload, "latitude" | "longitude"> & { latitude: number | null; longitude: number | null };

const toRecord = (row: ReportPayload): PublicReportRecord => ({
  ...row,
  latitude: row.latitude === null ? null : Number(row.latitude),
  longitude: row.longitude === null ? null : Number(row.longitude),
});

function filterWhere(filter: PublicReportFilter): Prisma.ComplaintWhereInput {
  const and: Prisma.ComplaintWhereInput[] = [publishedWhere(filter.statuses)];
  if (filter.kecamatanCode) and.push({ kecamatanCode: filter.kecamatanCode });
  if (filter.unitId) and.push({ unitId: filter.unitId });
  if (filter.submittedFrom || filter.submittedBefore) {
    and.push({ submittedAt: { ...(filter.submittedFrom ? { gte: filter.submittedFrom } : {}), ...(filter.submittedBefore ? { lt: filter.submittedBefore } : {}) } });
  }
  if (filter.after) {
    // The redundant upper bound makes the keyset a range on the index: without it the OR is a
    // filter, and a deep page walks every newer row first.
    and.push({ submittedAt: { lte: filter.after.submittedAt } });
    and.push({ OR: [{ submittedAt: { lt: filter.after.submittedAt } }, { id: { lt: filter.after.id } }] });
  }
  if (filter.bbox) {
    and.push({ latitude: { gte: filter.bbox.south, lte: filter.bbox.north }, longitude: { gte: filter.bbox.west, lte: filter.bbox.east } });
  }
  return { AND: and };
}

/** Newest first, keyset paged on (submitted_at, id); `limit` rows at most. */
export async function findPublicReportRecords(db: DbClient, filter: PublicReportFilter, limit: number): Promise<PublicReportRecord[]> {
  const rows = await db.complaint.findMany({
    where: filterWhere(filter),
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: REPORT_SELECT,
  });
  return rows.map(toRecord);
}

export interface PublicPointRecord {
  trackingCode: string;
  status: ComplaintStatus;
  visibility: Visibility;
  verifiedAt: Date | null;
  latitude: number;
  longitude: number;
}

/** Pins for the map: only what a marker needs, no text and no identity. */
export async function findPublicPointRecords(db: DbClient, filter: PublicReportFilter, limit: number): Promise<PublicPointRecord[]> {
  const rows = await db.complaint.findMany({
    where: { AND: [filterWhere(filter), { latitude: { not: null }, longitude: { not: null } }] },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { trackingCode: true, status: true, visibility: true, verifiedAt: true, latitude: true, longitude: true },
  });
  return rows.map((row) => ({ ...row, latitude: Number(row.latitude), longitude: Number(row.longitude) }));
}

/** One report with its public timeline (events marked PUBLIC only; no actor names). */
export async function findPublicReportByCode(db: DbClient, trackingCode: string, statuses: readonly ComplaintStatus[]) {
  const row = await db.complaint.findFirst({
    where: { AND: [publishedWhere(statuses), { trackingCode }] },
    select: {
      ...REPORT_SELECT,
      events: {
        where: { visibility: "PUBLIC" },
        orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
        select: { id: true, type: true, occurredAt: true, actorKind: true, message: true },
      },
    },
  });
  if (!row) return null;
  const { events, ...report } = row;
  return { report: toRecord(report), events: events.map((event) => ({ ...event, id: event.id.toString() })) };
}

export async function listPublicFilterOptions(db: DbClient) {
  const [kecamatan, units] = await Promise.all([
    db.region.findMany({ where: { kind: "KECAMATAN" }, orderBy: { name: "asc" }, select: { code: true, name: true } }),
    db.serviceUnit.findMany({ where: { isActive: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { kecamatan, units };
}

export interface ModerationState {
  id: string;
  trackingCode: string;
  status: ComplaintStatus;
  visibility: Visibility;
  verifiedAt: Date | null;
  hiddenAt: Date | null;
  reason: string | null;
  hiddenByName: string | null;
}

export async function findModerationState(db: DbClient, complaintId: string): Promise<ModerationState | null> {
  const row = await db.complaint.findUnique({
    where: { id: complaintId },
    select: {
      id: true,
      trackingCode: true,
      status: true,
      visibility: true,
      verifiedAt: true,
      publicTextHiddenAt: true,
      publicTextHiddenReason: true,
      publicTextHiddenBy: { select: { name: true } },
    },
  });
  return row
    ? { id: row.id, trackingCode: row.trackingCode, status: row.status, visibility: row.visibility, verifiedAt: row.verifiedAt, hiddenAt: row.publicTextHiddenAt, reason: row.publicTextHiddenReason, hiddenByName: row.publicTextHiddenBy?.name ?? null } : null;
}

/**
 * Hides (hidden given) or shows again (null) a complaint's public text, with the audit row in the
 * same transaction. Only the moderation columns change: no status, no event, no deadline.
 */
export async function writePublicTextModeration(
  db: PrismaClient,
  { complaintId, actorUserId, hidden, audit }: { complaintId: string; actorUserId: string; hidden: { at: Date; reason: string } | null; audit: { action: string; data: Prisma.InputJsonObject } },
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.complaint.update({
      where: { id: complaintId },
      data: {
        publicTextHiddenAt: hidden?.at ?? null,
        publicTextHiddenReason: hidden?.reason ?? null,
        publicTextHiddenById: hidden ? actorUserId : null,
      },
    });
    await tx.auditLog.create({ data: { actorUserId, action: audit.action, entity: "complaint", entityId: complaintId, data: audit.data } });
  });
}
