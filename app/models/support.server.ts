// Support (dukung) and supporter subscriptions (#14, ADR 038), and the reports a citizen about to
// file may support instead. Prisma access only: which statuses count as open and published, the
// keyed hashes and the radius are the domain's (app/domain/support/).
import { Prisma, type ComplaintStatus, type Visibility } from "~/generated/prisma/client";
import type { Db } from "~/services/db.server";
import { qualifiedTable } from "~/services/db.server";
import type { DbClient } from "~/services/db-types.server";
import { IDENTITY_TO_BLANK_SELECT } from "./identity-to-blank.server";

export interface SupportTarget {
  id: string;
  trackingCode: string;
  status: ComplaintStatus;
  visibility: Visibility;
  verifiedAt: Date | null;
  supportCount: number;
}

export async function findSupportTarget(db: DbClient, trackingCode: string): Promise<SupportTarget | null> {
  return db.complaint.findUnique({
    where: { trackingCode },
    select: { id: true, trackingCode: true, status: true, visibility: true, verifiedAt: true, supportCount: true },
  });
}

/**
 * Stores one support and raises the complaint's count in the same transaction; a key that already
 * supported this complaint stores nothing (unique key, ON CONFLICT DO NOTHING) and counts nothing.
 */
export async function insertSupport(db: Db, { complaintId, supporterKey, now }: { complaintId: string; supporterKey: string; now: Date }): Promise<{ added: boolean; count: number }> {
  const support = qualifiedTable(db, "complaint_support");
  const complaint = qualifiedTable(db, "complaint");
  return db.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO ${support} (complaint_id, supporter_key, created_at) VALUES (${complaintId}::uuid, ${supporterKey}, ${now})
      ON CONFLICT (complaint_id, supporter_key) DO NOTHING`;
    if (inserted === 0) {
      const row = await tx.complaint.findUniqueOrThrow({ where: { id: complaintId }, select: { supportCount: true } });
      return { added: false, count: row.supportCount };
    }
    // The raw UPDATE leaves updated_at alone: a support is not a change to the complaint.
    const rows = await tx.$queryRaw<{ support_count: number }[]>`
      UPDATE ${complaint} SET support_count = support_count + 1 WHERE id = ${complaintId}::uuid RETURNING support_count`;
    return { added: true, count: rows[0]?.support_count ?? 0 };
  });
}

export interface SubscriptionInput {
  complaintId: string;
  email: string;
  tokenHash: string;
  locale: string;
  now: Date;
}

/** Subscribes an address to one report; an address already subscribed stays as it was. */
export async function insertSubscription(db: DbClient, input: SubscriptionInput): Promise<{ created: boolean }> {
  const rows = await db.supportSubscription.createMany({
    data: [{ complaintId: input.complaintId, email: input.email, tokenHash: input.tokenHash, locale: input.locale, createdAt: input.now }],
    skipDuplicates: true,
  });
  return { created: rows.count > 0 };
}

export async function findSubscriptionByTokenHash(db: DbClient, tokenHash: string): Promise<{ id: bigint; trackingCode: string } | null> {
  const row = await db.supportSubscription.findUnique({ where: { tokenHash }, select: { id: true, complaint: { select: { trackingCode: true } } } });
  return row ? { id: row.id, trackingCode: row.complaint.trackingCode } : null;
}

export async function deleteSubscriptionByTokenHash(db: DbClient, tokenHash: string): Promise<number> {
  return (await db.supportSubscription.deleteMany({ where: { tokenHash } })).count;
}

export interface Subscriber {
  email: string;
  locale: string;
}

export async function listSubscribers(db: DbClient, complaintId: string): Promise<Subscriber[]> {
  return db.supportSubscription.findMany({ where: { complaintId }, select: { email: true, locale: true }, orderBy: { id: "asc" } });
}

/**
 * Deletes the subscriptions of complaints in one of `endedStatuses` whose last change is before
 * `endedBefore` (closed_at when the complaint has one).
 */
export async function deleteEndedSubscriptions(db: Db, { endedStatuses, endedBefore }: { endedStatuses: readonly ComplaintStatus[]; endedBefore: Date }): Promise<number> {
  const subscription = qualifiedTable(db, "support_subscription");
  const complaint = qualifiedTable(db, "complaint");
  return db.$executeRaw`
    DELETE FROM ${subscription} s USING ${complaint} c
    WHERE s.complaint_id = c.id AND c.status::text = ANY(${[...endedStatuses]}::text[])
      AND COALESCE(c.closed_at, c.updated_at) < ${endedBefore}`;
}

// ───────────────────────────── similar reports ─────────────────────────────

export interface SimilarQuery {
  productId: string | null;
  point: { latitude: number; longitude: number } | null;
  radiusMeters: number;
  /** Open and published: passed in by the domain. */
  statuses: readonly ComplaintStatus[];
  visibilities: readonly Visibility[];
  limit: number;
}

export interface SimilarRecord {
  id: string;
  trackingCode: string;
  status: ComplaintStatus;
  visibility: Visibility;
  verifiedAt: Date | null;
  description: string;
  publicTextHidden: boolean;
  supportCount: number;
  submittedAt: Date;
  productName: string | null;
  productNameEn: string | null;
  unitName: string | null;
  kelurahanName: string | null;
  distanceMeters: number | null;
  sameProduct: boolean;
  /** Only to blank out of the published text; never shown. */
  complainant: { name: string | null; email: string | null; phone: string | null; nik: string | null; address: string | null } | null;
}

const EARTH_RADIUS_M = 6_371_000;

/**
 * The same product (newest first, on complaint(product_id, submitted_at)) and pins within the
 * radius (a bounding box on complaint(latitude, longitude), then the haversine distance), each cut
 * at the limit before they are merged: nearest first, then the most supported.
 */
export async function findSimilarRecords(db: Db, query: SimilarQuery): Promise<SimilarRecord[]> {
  if (!query.productId && !query.point) return [];
  const complaint = qualifiedTable(db, "complaint");
  const published = Prisma.sql`c.verified_at IS NOT NULL AND c.status::text = ANY(${[...query.statuses]}::text[])
    AND c.visibility::text = ANY(${[...query.visibilities]}::text[])`;
  const distance = query.point
    ? Prisma.sql`CASE WHEN c.latitude IS NULL OR c.longitude IS NULL THEN NULL ELSE
        2 * ${EARTH_RADIUS_M}::float8 * asin(sqrt(
          power(sin(radians((c.latitude::float8 - ${query.point.latitude}::float8) / 2)), 2)
          + cos(radians(${query.point.latitude}::float8)) * cos(radians(c.latitude::float8))
            * power(sin(radians((c.longitude::float8 - ${query.point.longitude}::float8) / 2)), 2))) END`
    : Prisma.sql`NULL::float8`;
  const columns = Prisma.sql`c.id, c.product_id, c.submitted_at, c.support_count, ${distance} AS distance_m`;
  const parts: Prisma.Sql[] = [];
  if (query.productId) {
    parts.push(Prisma.sql`(SELECT ${columns} FROM ${complaint} c
      WHERE c.product_id = ${query.productId}::uuid AND ${published}
      ORDER BY c.submitted_at DESC LIMIT ${query.limit})`);
  }
  if (query.point) {
    // One degree of latitude is ~111.32 km everywhere; a degree of longitude shrinks with cos(lat).
    const dLat = query.radiusMeters / 111_320;
    const dLong = query.radiusMeters / (111_320 * Math.max(Math.cos((query.point.latitude * Math.PI) / 180), 0.01));
    parts.push(Prisma.sql`(SELECT * FROM (SELECT ${columns} FROM ${complaint} c
      WHERE c.latitude BETWEEN ${query.point.latitude - dLat} AND ${query.point.latitude + dLat}
        AND c.longitude BETWEEN ${query.point.longitude - dLong} AND ${query.point.longitude + dLong}
        AND ${published}) near
      WHERE near.distance_m <= ${query.radiusMeters} ORDER BY near.distance_m ASC LIMIT ${query.limit})`);
  }
  const rows = await db.$queryRaw<{ id: string; product_id: string | null; distance_m: number | null; support_count: number; submitted_at: Date }[]>`
    SELECT DISTINCT ON (s.id) s.* FROM (${Prisma.join(parts, " UNION ALL ")}) s ORDER BY s.id`;
  rows.sort(
    (a, b) =>
      (a.distance_m ?? Number.POSITIVE_INFINITY) - (b.distance_m ?? Number.POSITIVE_INFINITY) ||
      b.support_count - a.support_count ||
      b.submitted_at.getTime() - a.submitted_at.getTime(),
  );
  const chosen = rows.slice(0, query.limit);
  if (chosen.length === 0) return [];
  const details = await db.complaint.findMany({
    where: { id: { in: chosen.map((row) => row.id) } },
    select: {
      id: true,
      trackingCode: true,
      status: true,
      visibility: true,
      verifiedAt: true,
      description: true,
      publicTextHiddenAt: true,
      supportCount: true,
      submittedAt: true,
      product: { select: { name: true, nameEn: true } },
      unit: { select: { shortName: true } },
      kelurahan: { select: { name: true } },
      complainant: { select: IDENTITY_TO_BLANK_SELECT },
    },
  });
  const byId = new Map(details.map((detail) => [detail.id, detail]));
  return chosen.flatMap((row): SimilarRecord[] => {
    const detail = byId.get(row.id);
    if (!detail) return [];
    return [
      {
        id: detail.id,
        trackingCode: detail.trackingCode,
        status: detail.status,
        visibility: detail.visibility,
        verifiedAt: detail.verifiedAt,
        description: detail.description,
        publicTextHidden: detail.publicTextHiddenAt !== null,
        supportCount: detail.supportCount,
        submittedAt: detail.submittedAt,
        productName: detail.product?.name ?? null,
        productNameEn: detail.product?.nameEn ?? null,
        unitName: detail.unit?.shortName ?? null,
        kelurahanName: detail.kelurahan?.name ?? null,
        distanceMeters: row.distance_m === null ? null : Math.round(row.distance_m),
        sameProduct: query.productId !== null && row.product_id === query.productId,
        complainant: detail.complainant,
      },
    ];
  });
}
