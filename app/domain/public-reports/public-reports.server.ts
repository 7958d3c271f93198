// The public reports (/laporan-warga): the list, one report with its public timeline, the map's
// pins and the CSV/GeoJSON rows. Every row is built here, from the model's records, through the
// one publication rule (app/domain/publication/publication.ts) — the same functions Open311 uses
// (app/domain/open311/published.server.ts); nothing here decides for itself what of a complaint may
// be shown. On top of the rule, the coordinator's moderation can hide the citizen's text (ADR 037).
import type { ComplaintStatus } from "~/domain/complaints/workflow";
import { isPublishable, publicCitizenText, publicEventMessage, publicLocation, type PublicationSubject } from "~/domain/publication/publication";
import {
  findPublicPointRecords,
  findPublicReportByCode,
  findPublicReportRecords,
  listPublicFilterOptions,
  type PublicReportFilter,
  type PublicReportRecord,
} from "~/models/public-reports.server";
import type { DbClient } from "~/services/db-types.server";
import { normalizeTrackingCode } from "~/domain/complaints/tracking-code";
import { encodePublicCursor, monthRange, type PublicReportQuery } from "./query.server";
import { PUBLIC_LIST_STATUSES, STATUS_GROUPS, statusGroupOf, type StatusGroup } from "./status-groups";

export const LIST_PAGE_SIZE = 20;
/** Pins per map request (the visible box); more are left out and the map says so. */
export const MAP_POINT_LIMIT = 2000;
/** A list row's summary: the start of the published description, cut at a word. */
export const SUMMARY_LENGTH = 200;

export interface PublicReportRow {
  trackingCode: string;
  status: ComplaintStatus;
  group: StatusGroup | null;
  submittedAt: string;
  closedAt: string | null;
  /** The published description (cut to a summary in lists); null when hidden or left out. */
  summary: string | null;
  /** The coordinator hid the citizen's text (moderation); the rest of the report stays public. */
  textHidden: boolean;
  productName: string | null;
  productNameEn: string | null;
  unitName: string | null;
  kelurahanName: string | null;
  kecamatanName: string | null;
  latitude: number | null;
  longitude: number | null;
  supportCount: number;
}

export function summarize(text: string | null, length = SUMMARY_LENGTH): string | null {
  if (text === null) return null;
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(" ");
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

// The coordinator's moderation is part of the subject: the rule then publishes none of the citizen's text.
const subjectOf = (record: { visibility: PublicationSubject["visibility"]; complainant: PublicationSubject["identity"]; publicTextHiddenAt: Date | null }): PublicationSubject => ({
  visibility: record.visibility,
  identity: record.complainant,
  textHidden: record.publicTextHiddenAt !== null,
});

function toRow(record: PublicReportRecord, summaryLength: number | null): PublicReportRow | null {
  // The where clause already holds the rule; this is the same rule for the single row.
  if (!isPublishable(record) || !(PUBLIC_LIST_STATUSES as readonly string[]).includes(record.status)) return null;
  const subject = subjectOf(record);
  const description = publicCitizenText("description", record.description, subject);
  const location = publicLocation(record, subject);
  return {
    trackingCode: record.trackingCode,
    status: record.status,
    group: statusGroupOf(record.status),
    submittedAt: record.submittedAt.toISOString(),
    closedAt: record.closedAt?.toISOString() ?? null,
    summary: summaryLength === null ? description : summarize(description, summaryLength),
    textHidden: subject.textHidden === true,
    productName: record.product?.name ?? null,
    productNameEn: record.product?.nameEn ?? null,
    unitName: record.unit?.name ?? null,
    kelurahanName: record.kelurahan?.name ?? null,
    kecamatanName: record.kecamatan?.name ?? null,
    latitude: location?.latitude ?? null,
    longitude: location?.longitude ?? null,
    supportCount: record.supportCount,
  };
}

function toFilter(query: PublicReportQuery, withBbox: boolean): PublicReportFilter {
  const range = query.month ? monthRange(query.month) : null;
  return {
    statuses: query.group ? STATUS_GROUPS[query.group] : PUBLIC_LIST_STATUSES,
    kecamatanCode: query.kecamatanCode,
    unitId: query.unitId,
    submittedFrom: range?.start ?? null,
    submittedBefore: range?.end ?? null,
    after: query.after,
    bbox: withBbox ? query.bbox : null,
  };
}

export interface PublicReportPage {
  items: PublicReportRow[];
  /** The cursor of the next page (?setelah=), null on the last. */
  next: string | null;
}

async function page(db: DbClient, query: PublicReportQuery, limit: number, summaryLength: number | null, withBbox: boolean): Promise<PublicReportPage> {
  const records = await findPublicReportRecords(db, toFilter(query, withBbox), limit + 1);
  const more = records.length > limit;
  const shown = records.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map((record) => toRow(record, summaryLength)).filter((row): row is PublicReportRow => row !== null),
    next: more && last ? encodePublicCursor({ submittedAt: last.submittedAt, id: last.id }) : null,
  };
}

/** One page of the list (newest first). */
export function listPublicReports(db: DbClient, query: PublicReportQuery): Promise<PublicReportPage> {
  return page(db, query, LIST_PAGE_SIZE, SUMMARY_LENGTH, false);
}

/** The rows of a CSV or GeoJSON answer: the same filters, `limit` rows, the bounding box honoured. */
export function listPublicReportsForExport(db: DbClient, query: PublicReportQuery, limit: number): Promise<PublicReportPage> {
  return page(db, query, limit, SUMMARY_LENGTH, true);
}

export interface PublicPoint {
  code: string;
  group: StatusGroup | null;
  latitude: number;
  longitude: number;
}

/** The map's pins in the visible box, at the published precision. */
export async function listPublicPoints(db: DbClient, query: PublicReportQuery): Promise<{ points: PublicPoint[]; truncated: boolean }> {
  const records = await findPublicPointRecords(db, { ...toFilter(query, true), after: null }, MAP_POINT_LIMIT + 1);
  const points: PublicPoint[] = [];
  for (const record of records.slice(0, MAP_POINT_LIMIT)) {
    if (!isPublishable(record)) continue;
    const location = publicLocation(record, { visibility: record.visibility });
    if (location) points.push({ code: record.trackingCode, group: statusGroupOf(record.status), ...location });
  }
  return { points, truncated: records.length > MAP_POINT_LIMIT };
}

export interface PublicTimelineEntry {
  id: string;
  type: string;
  occurredAt: string;
  /** Staff words only, blanked by the rule; a citizen's messages are never published. */
  message: string | null;
}

export interface PublicReportView extends PublicReportRow {
  address: string | null;
  timeline: PublicTimelineEntry[];
}

/** One report's public page; null when there is no such code or it is not public. */
export async function getPublicReport(db: DbClient, code: string): Promise<PublicReportView | null> {
  const trackingCode = normalizeTrackingCode(code);
  if (!trackingCode) return null;
  const found = await findPublicReportByCode(db, trackingCode, PUBLIC_LIST_STATUSES);
  if (!found) return null;
  const row = toRow(found.report, null);
  if (!row) return null;
  const subject = subjectOf(found.report);
  return {
    ...row,
    address: publicCitizenText("address", found.report.address, subject),
    timeline: found.events.map((event) => ({
      id: event.id,
      type: event.type,
      occurredAt: event.occurredAt.toISOString(),
      message: publicEventMessage(event.actorKind, event.message, subject),
    })),
  };
}

export { listPublicFilterOptions };
