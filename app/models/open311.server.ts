// Queries behind the Open311 endpoints. The publication rule (verified, not RAHASIA) is part of
// every where clause, so a RAHASIA complaint cannot come back from here at all. The complainant's
// name, email and phone are read for one purpose only: to blank them out of the free text about to
// be published (redactIdentity); they never leave this module, so nobody sees them and no
// IdentityAccess row is due (ADR 006, ADR 012).
import type { Prisma } from "~/generated/prisma/client";
import { PUBLISHED_STATUSES, redactIdentity, type PublishedEvent, type PublishedRequest, type ServiceSource } from "~/domain/open311/georeport";
import type { ComplaintStatus } from "~/domain/complaints/workflow";
import type { DbClient } from "~/services/db-types.server";

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

export async function listMaladministrationForms(db: DbClient) {
  return db.maladministrationForm.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, nameId: true, nameEn: true } });
}

/** The publication rule as a where clause: verified content, never RAHASIA. */
export function publishedWhere(statuses: readonly ComplaintStatus[] = PUBLISHED_STATUSES): Prisma.ComplaintWhereInput {
  return {
    visibility: { not: "RAHASIA" },
    verifiedAt: { not: null },
    status: { in: [...statuses].filter((s) => (PUBLISHED_STATUSES as readonly string[]).includes(s)) },
  };
}

const IDENTITY_SELECT = { name: true, email: true, phone: true } satisfies Prisma.ComplainantSelect;

const REQUEST_SELECT = {
  id: true,
  trackingCode: true,
  status: true,
  description: true,
  submittedAt: true,
  updatedAt: true,
  resolutionDueAt: true,
  address: true,
  latitude: true,
  longitude: true,
  product: { select: { code: true, name: true, nameEn: true } },
  unit: { select: { name: true } },
  kelurahan: { select: { name: true } },
  kecamatan: { select: { name: true } },
  complainant: { select: IDENTITY_SELECT },
} satisfies Prisma.ComplaintSelect;

type RequestRecord = Prisma.ComplaintGetPayload<{ select: typeof REQUEST_SELECT }>;

async function toPublished(db: DbClient, rows: RequestRecord[]): Promise<PublishedRequest[]> {
  // updated_datetime: the last public event, not updatedAt (which internal notes and SLA checks move).
  const latest =
    rows.length > 0
      ? await db.complaintEvent.groupBy({ by: ["complaintId"], where: { complaintId: { in: rows.map((r) => r.id) }, visibility: "PUBLIC" }, _max: { occurredAt: true } })
      : [];
  const lastEvent = new Map(latest.map((row) => [row.complaintId, row._max.occurredAt]));
  return rows.map((row) => ({
    trackingCode: row.trackingCode,
    status: row.status,
    description: redactIdentity(row.description, row.complainant),
    productCode: row.product?.code ?? null,
    productName: row.product?.name ?? null,
    productNameEn: row.product?.nameEn ?? null,
    unitName: row.unit?.name ?? null,
    submittedAt: row.submittedAt,
    updatedAt: lastEvent.get(row.id) ?? row.submittedAt,
    resolutionDueAt: row.resolutionDueAt,
    address: row.address,
    kelurahanName: row.kelurahan?.name ?? null,
    kecamatanName: row.kecamatan?.name ?? null,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
  }));
}

export type PublishedRequestFilter =
  | { kind: "ids"; trackingCodes: string[] }
  | { kind: "search"; serviceCodes: string[] | null; start: Date; end: Date; statuses: readonly ComplaintStatus[] };

export async function findPublishedRequests(db: DbClient, filter: PublishedRequestFilter, limit: number): Promise<PublishedRequest[]> {
  const where: Prisma.ComplaintWhereInput =
    filter.kind === "ids"
      ? { ...publishedWhere(), trackingCode: { in: filter.trackingCodes } }
      : {
          ...publishedWhere(filter.statuses),
          submittedAt: { gte: filter.start, lte: filter.end },
          ...(filter.serviceCodes ? { product: { code: { in: filter.serviceCodes } } } : {}),
        };
  const rows = await db.complaint.findMany({ where, orderBy: [{ submittedAt: "desc" }, { id: "asc" }], take: limit, select: REQUEST_SELECT });
  return toPublished(db, rows);
}

export async function findPublishedRequest(db: DbClient, trackingCode: string): Promise<PublishedRequest | null> {
  const row = await db.complaint.findFirst({ where: { ...publishedWhere(), trackingCode }, select: REQUEST_SELECT });
  return row ? ((await toPublished(db, [row]))[0] ?? null) : null;
}

/** Public timeline events of published complaints, oldest first (FixMyStreet reads them in order). */
export async function findPublishedUpdates(db: DbClient, { start, end, limit }: { start: Date; end: Date; limit: number }): Promise<PublishedEvent[]> {
  const events = await db.complaintEvent.findMany({
    where: { visibility: "PUBLIC", occurredAt: { gte: start, lte: end }, complaint: publishedWhere() },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, type: true, toStatus: true, occurredAt: true, actorKind: true, message: true, complaint: { select: { trackingCode: true, status: true, complainant: { select: IDENTITY_SELECT } } } },
  });
  return events.map((event) => ({
    id: event.id.toString(),
    trackingCode: event.complaint.trackingCode,
    type: event.type,
    statusAfter: event.toStatus ?? event.complaint.status,
    occurredAt: event.occurredAt,
    actorKind: event.actorKind,
    message: event.message === null ? null : redactIdentity(event.message, event.complaint.complainant),
  }));
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
