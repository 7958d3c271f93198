// What Open311 publishes of complaints and their timelines: the queries' rows passed through the
// one publication rule (app/domain/publication/publication.ts) before any serialiser sees them.
import type { ComplaintStatus } from "~/domain/complaints/workflow";
import { isPublishable, PUBLISHED_STATUSES, publicCitizenText, publicEventMessage, publicLocation, type PublicationSubject } from "~/domain/publication/publication";
import { findOpen311ServiceNames, findPublishableComplaints, findPublishableEvents, type PublishableComplaintRecord } from "~/models/open311.server";
import type { DbClient } from "~/services/db-types.server";
import { GENERAL_SERVICE_CODE, type PublishedEvent, type PublishedRequest } from "./georeport";

export type PublishedRequestQuery =
  | { kind: "ids"; trackingCodes: string[] }
  | { kind: "search"; serviceCodes: string[] | null; start: Date; end: Date; statuses: readonly ComplaintStatus[] };

type ServiceNames = { code: string; name: string; nameEn: string };

function toPublished(record: PublishableComplaintRecord, general: ServiceNames | null): PublishedRequest | null {
  // The where clause already holds the rule; this is the same rule for the single row, so a query
  // that one day forgets it still publishes nothing it may not.
  if (!isPublishable(record)) return null;
  const subject: PublicationSubject = { visibility: record.visibility, identity: record.complainant, textHidden: record.publicTextHiddenAt !== null };
  const location = publicLocation(record, subject);
  // Filed without a service: published under the catch-all (ADR 027).
  const product = record.product ?? general;
  return {
    trackingCode: record.trackingCode,
    status: record.status,
    description: publicCitizenText("description", record.description, subject),
    productCode: product?.code ?? null,
    productName: product?.name ?? null,
    productNameEn: product?.nameEn ?? null,
    unitName: record.unit?.name ?? null,
    submittedAt: record.submittedAt,
    updatedAt: record.lastPublicEventAt ?? record.submittedAt,
    resolutionDueAt: record.resolutionDueAt,
    address: publicCitizenText("address", record.address, subject),
    kelurahanName: record.kelurahan?.name ?? null,
    kecamatanName: record.kecamatan?.name ?? null,
    latitude: location?.latitude ?? null,
    longitude: location?.longitude ?? null,
  };
}

async function published(db: DbClient, records: PublishableComplaintRecord[]): Promise<PublishedRequest[]> {
  const general = records.some((record) => record.product === null) ? await findOpen311ServiceNames(db, GENERAL_SERVICE_CODE) : null;
  return records.map((record) => toPublished(record, general)).filter((row): row is PublishedRequest => row !== null);
}

export async function findPublishedRequests(db: DbClient, query: PublishedRequestQuery, limit: number): Promise<PublishedRequest[]> {
  if (query.kind === "ids") return published(db, await findPublishableComplaints(db, query, PUBLISHED_STATUSES, limit));
  const codes = query.serviceCodes;
  const filter = {
    kind: "search" as const,
    serviceCodes: codes ? codes.filter((code) => code !== GENERAL_SERVICE_CODE) : null,
    withoutService: codes?.includes(GENERAL_SERVICE_CODE) ?? false,
    start: query.start,
    end: query.end,
  };
  const statuses = query.statuses.filter((status) => (PUBLISHED_STATUSES as readonly string[]).includes(status));
  return published(db, await findPublishableComplaints(db, filter, statuses, limit));
}

export async function findPublishedRequest(db: DbClient, trackingCode: string): Promise<PublishedRequest | null> {
  return (await findPublishedRequests(db, { kind: "ids", trackingCodes: [trackingCode] }, 1))[0] ?? null;
}

export async function findPublishedUpdates(db: DbClient, range: { start: Date; end: Date; limit: number }): Promise<PublishedEvent[]> {
  const events = await findPublishableEvents(db, range, PUBLISHED_STATUSES);
  return events.map((event) => ({
    id: event.id.toString(),
    trackingCode: event.complaint.trackingCode,
    type: event.type,
    statusAfter: event.toStatus ?? event.complaint.status,
    occurredAt: event.occurredAt,
    actorKind: event.actorKind,
    visibility: event.complaint.visibility,
    message: publicEventMessage(event.actorKind, event.message, { visibility: event.complaint.visibility, identity: event.complaint.complainant }),
  }));
}
