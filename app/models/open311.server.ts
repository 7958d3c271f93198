// Queries behind the Open311 endpoints. The publication rule's where clause (verified, not
// RAHASIA) is part of every query, so a RAHASIA complaint cannot come back from here at all. The
// complainant's name, email, phone, NIK and address are read for one purpose only: the domain's
// publication rule blanks them out of the free text about to be published
// (app/domain/publication/publication.ts); they never leave the server, so nobody sees them and no
// IdentityAccess row is due (ADR 006, ADR 012, ADR 026).
import type { ComplaintStatus, Prisma } from "~/generated/prisma/client";
import type { DbClient } from "~/services/db-types.server";
import { IDENTITY_TO_BLANK_SELECT } from "./identity-to-blank.server";

export interface ServiceSource {
  code: string;
  name: string;
  nameEn: string;
  description: string | null;
  unitName: string;
}

export async function listOpen311Services(db: DbClient): Promise<ServiceSource[]> {
  const products = await db.serviceProduct.findMany({
    where: { isActive: true, unit: { isActive: true } },
    orderBy: [{ unit: { name: "asc" } }, { name: "asc" }],
    select: { code: true, name: true, nameEn: true, description: true, unit: { select: { name: true } } },
  });
  return products.map((p) => ({ code: p.code, name: p.name, nameEn: p.nameEn, description: p.description, unitName: p.unit.name }));
}

/** An active product by its code: the Open311 service_code. */
export async function findOpen311Service(db: DbClient, code: string): Promise<{ id: string; code: string } | null> {
  return db.serviceProduct.findFirst({ where: { code, isActive: true, unit: { isActive: true } }, select: { id: true, code: true } });
}

/** An active product's names by its code. */
export async function findOpen311ServiceNames(db: DbClient, code: string): Promise<{ code: string; name: string; nameEn: string } | null> {
  return db.serviceProduct.findFirst({ where: { code, isActive: true, unit: { isActive: true } }, select: { code: true, name: true, nameEn: true } });
}

export async function listMaladministrationForms(db: DbClient) {
  return db.maladministrationForm.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, nameId: true, nameEn: true } });
}

/** The publication rule as a where clause: verified content in one of `statuses`, never RAHASIA. */
export function publishedWhere(statuses: readonly ComplaintStatus[]): Prisma.ComplaintWhereInput {
  return { visibility: { not: "RAHASIA" }, verifiedAt: { not: null }, status: { in: [...statuses] } };
}

const REQUEST_SELECT = {
  id: true,
  trackingCode: true,
  status: true,
  visibility: true,
  verifiedAt: true,
  description: true,
  submittedAt: true,
  updatedAt: true,
  resolutionDueAt: true,
  address: true,
  latitude: true,
  longitude: true,
  publicTextHiddenAt: true,
  product: { select: { code: true, name: true, nameEn: true } },
  unit: { select: { name: true } },
  kelurahan: { select: { name: true } },
  kecamatan: { select: { name: true } },
  complainant: { select: IDENTITY_TO_BLANK_SELECT },
} satisfies Prisma.ComplaintSelect;

/** A published complaint as stored, with the identity the publication rule blanks out. */
export type PublishableComplaintRecord = Omit<Prisma.ComplaintGetPayload<{ select: typeof REQUEST_SELECT }>, "latitude" | "longitude"> & {
  latitude: number | null;
  longitude: number | null;
  /** The last public event (updatedAt moves with internal notes and SLA checks too). */
  lastPublicEventAt: Date | null;
};

async function withLastPublicEvent(db: DbClient, rows: Prisma.ComplaintGetPayload<{ select: typeof REQUEST_SELECT }>[]): Promise<PublishableComplaintRecord[]> {
  const latest =
    rows.length > 0
      ? await db.complaintEvent.groupBy({ by: ["complaintId"], where: { complaintId: { in: rows.map((r) => r.id) }, visibility: "PUBLIC" }, _max: { occurredAt: true } })
      : [];
  const lastEvent = new Map(latest.map((row) => [row.complaintId, row._max.occurredAt]));
  return rows.map((row) => ({
    ...row,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    lastPublicEventAt: lastEvent.get(row.id) ?? null,
  }));
}

export type PublishedRequestFilter =
  | { kind: "ids"; trackingCodes: string[] }
  | { kind: "search"; serviceCodes: string[] | null; withoutService: boolean; start: Date; end: Date };

/**
 * `statuses` is the publication rule's list (narrowed by a status filter). A search by service
 * codes matches products by code, and with `withoutService` also complaints filed without one.
 */
export async function findPublishableComplaints(
  db: DbClient,
  filter: PublishedRequestFilter,
  statuses: readonly ComplaintStatus[],
  limit: number,
): Promise<PublishableComplaintRecord[]> {
  const byService = (f: Extract<PublishedRequestFilter, { kind: "search" }>): Prisma.ComplaintWhereInput => {
    if (!f.serviceCodes && !f.withoutService) return {};
    const OR: Prisma.ComplaintWhereInput[] = [];
    if (f.serviceCodes && f.serviceCodes.length > 0) OR.push({ product: { code: { in: f.serviceCodes } } });
    if (f.withoutService) OR.push({ productId: null });
    return { OR };
  };
  const where: Prisma.ComplaintWhereInput =
    filter.kind === "ids"
      ? { ...publishedWhere(statuses), trackingCode: { in: filter.trackingCodes } }
      : { ...publishedWhere(statuses), submittedAt: { gte: filter.start, lte: filter.end }, ...byService(filter) };
  const rows = await db.complaint.findMany({ where, orderBy: [{ submittedAt: "desc" }, { id: "asc" }], take: limit, select: REQUEST_SELECT });
  return withLastPublicEvent(db, rows);
}

/** Public timeline events of published complaints, oldest first (FixMyStreet reads them in order). */
export async function findPublishableEvents(db: DbClient, { start, end, limit }: { start: Date; end: Date; limit: number }, statuses: readonly ComplaintStatus[]) {
  return db.complaintEvent.findMany({
    where: { visibility: "PUBLIC", occurredAt: { gte: start, lte: end }, complaint: publishedWhere(statuses) },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    take: limit,
    select: {
      id: true,
      type: true,
      toStatus: true,
      occurredAt: true,
      actorKind: true,
      message: true,
      complaint: { select: { trackingCode: true, status: true, visibility: true, complainant: { select: IDENTITY_TO_BLANK_SELECT } } },
    },
  });
}

/**
 * The token handed back on POST is the complaint's id (random, unguessable, given only to the client
 * that filed it); it resolves to the tracking code and nothing else, for Open311 filings only.
 */
export async function findToken(db: DbClient, token: string): Promise<{ trackingCode: string } | null> {
  return db.complaint.findFirst({ where: { id: token, channel: "OPEN311", apiClientId: { not: null } }, select: { trackingCode: true } });
}

/** A complaint this client filed, by its tracking code (for posted updates). */
export async function findClientComplaint(db: DbClient, trackingCode: string, apiClientId: string) {
  return db.complaint.findFirst({ where: { trackingCode, apiClientId }, select: { id: true, status: true, trackingCode: true } });
}
