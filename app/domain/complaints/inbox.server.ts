// The staff inbox's rules: which complaints a user may read (the permission table), what the page's
// query string may ask for (a saved view, filters), each row's one-line summary (redacted) and its
// SLA badge (working time left on its unit's calendar). The rows come from app/models/inbox.server.ts.
import { canAccessComplaint, hasPermission, unitTreeFrom, type UnitTree, type UserLike } from "~/domain/auth/permissions";
import { redactIdentity } from "~/domain/publication/publication";
import { isWorkQueueView, workQueueCriteria, type WorkQueueView } from "./work-queue-views";
import { workingMinutesBetween, type CompiledCalendar } from "~/domain/calendar/working-time";
import { COMPLAINT_STATUSES, OPEN_STATUSES, type ComplaintStatus } from "~/domain/complaints/workflow";
import { loadCalendarForUnit } from "~/domain/calendar/unit-calendars.server";
import { decodeCursor, findInboxRecordByCode, isUuid, listInboxRecords, loadUnits, type InboxCursor, type InboxFilters, type InboxRecord, type InboxScope } from "~/models/inbox.server";
import { normalizeTrackingCode } from "./tracking-code";
import type { Db } from "~/services/db.server";
import type { DbClient } from "~/services/db-types.server";

export const INBOX_PAGE_SIZE = 25;

export async function loadUnitTree(db: DbClient): Promise<UnitTree> {
  return unitTreeFrom(await loadUnits(db));
}

const READ_COMPLAINTS = ["read:complaint:unit", "read:complaint:subtree", "read:complaint:any"] as const;

/** Whether the user has an inbox at all (administrators run the system, not complaints). */
export function readsComplaints(user: UserLike): boolean {
  return READ_COMPLAINTS.some((permission) => hasPermission(user, permission));
}

/** Whether the user may give complaints to officers somewhere (canAssignOfficer decides per complaint). */
export function canAssignInScope(user: UserLike): boolean {
  return hasPermission(user, "assign:complaint:subtree") || hasPermission(user, "triage:complaint:any");
}

/** Which units' complaints the user may read, by asking canAccessComplaint of each unit. */
export function inboxScope(user: UserLike, units: readonly { id: string; parentId: string | null }[]): InboxScope {
  const tree = unitTreeFrom(units);
  return {
    unitIds: units.filter((unit) => canAccessComplaint(user, { unitId: unit.id }, tree, "read")).map((unit) => unit.id),
    includeUnassigned: hasPermission(user, "read:complaint:any"),
  };
}

/** Reads the GET query of the inbox page; anything unknown is ignored (never an error page). */
export function parseInboxQuery(params: URLSearchParams, userId: string): { view: WorkQueueView | null; filters: InboxFilters; cursor: InboxCursor | null } {
  const status = params.get("status");
  const productId = params.get("produk");
  const form = params.get("bentuk");
  const kecamatan = params.get("kecamatan");
  const view = params.get("tampilan");
  const sortBySupport = params.get(INBOX_SORT_PARAM) === INBOX_SORT_SUPPORT;
  const cursor = decodeCursor(params.get("setelah"));
  return {
    view: isWorkQueueView(view) ? view : null,
    filters: {
      ...(status && (COMPLAINT_STATUSES as readonly string[]).includes(status) ? { status: status as ComplaintStatus } : {}),
      ...(isUuid(productId) ? { productId: productId.toLowerCase() } : {}),
      ...(form && /^[A-Z_]{1,64}$/.test(form) ? { maladministrationCode: form } : {}),
      // Region codes are Kemendagri's dotted digits (19.71.01); anything else cannot match a row.
      ...(kecamatan && /^[0-9.]{1,20}$/.test(kecamatan) ? { kecamatanCode: kecamatan } : {}),
      ...(params.get("terlambat") === "1" ? { overdueOnly: true } : {}),
      ...(params.get("saya") === "1" ? { assignedToUserId: userId } : {}),
      ...(sortBySupport ? { sortBySupport: true } : {}),
    },
    // A cursor of the other order would skip rows: start from the top instead.
    cursor: cursor && (cursor.supportCount !== undefined) === sortBySupport ? cursor : null,
  };
}

/** `?urut=dukungan`: most supported first ("Terbanyak didukung", #14, ADR 038); otherwise soonest deadline first. */
export const INBOX_SORT_PARAM = "urut";
export const INBOX_SORT_SUPPORT = "dukungan";

export interface InboxRow {
  id: string;
  trackingCode: string;
  unitId: string | null;
  status: ComplaintStatus;
  escalationLevel: number;
  nextDueAt: string | null;
  nextDueStage: string | null;
  submittedAt: string;
  unitName: string | null;
  productName: string | null;
  productNameEn: string | null;
  assignedToMe: boolean;
  assigneeName: string | null;
  /** Citizens who support it on its public page (#14, ADR 038). */
  supportCount: number;
  /** "E-mail tidak terkirim": the complainant's address is undeliverable (issue #15). */
  emailUndeliverable: boolean;
  priority: "LOW" | "NORMAL" | "HIGH" | "URGENT";
  /** The title, else the description, on one line, cut at SUMMARY_LENGTH; name and contacts blanked. */
  summary: string;
  sla: SlaBadgeState;
}

export const SUMMARY_LENGTH = 120;

/**
 * One line of what the citizen wrote, for the inbox row. Whatever the visibility, the complainant's
 * own name, e-mail, phone, NIK and address and any contact-shaped text are blanked (publication.ts):
 * the row is read at a glance, over a shoulder, by colleagues who may not see an ANONIM identity.
 * Blanked before it is cut, so a cut never leaves half a name that no longer matches.
 */
export function inboxSummary(record: Pick<InboxRecord, "title" | "description" | "complainant">): string {
  const text = (record.title?.trim() ? record.title : record.description).replace(/\s+/g, " ").trim();
  const blanked = redactIdentity(text, record.complainant);
  if (blanked.length <= SUMMARY_LENGTH) return blanked;
  const cut = blanked.slice(0, SUMMARY_LENGTH);
  const space = cut.lastIndexOf(" ");
  return `${(space > SUMMARY_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export type SlaBadgeState = { kind: "none" } | { kind: "overdue" } | { kind: "left"; workingMinutes: number };

export interface InboxPage {
  rows: InboxRow[];
  nextCursor: string | null;
}

/** Calendars cached per unit for one request (loadCalendarForUnit reads the holiday table). */
export function calendarCache(db: DbClient): (unitId: string | null) => Promise<CompiledCalendar> {
  const cache = new Map<string, Promise<CompiledCalendar>>();
  return (unitId) => {
    const key = unitId ?? "";
    let calendar = cache.get(key);
    if (!calendar) {
      calendar = loadCalendarForUnit(db, unitId);
      cache.set(key, calendar);
    }
    return calendar;
  };
}

export async function slaBadgeState(nextDueAt: Date | null, now: Date, calendar: () => Promise<CompiledCalendar>): Promise<SlaBadgeState> {
  if (!nextDueAt) return { kind: "none" };
  if (nextDueAt.getTime() <= now.getTime()) return { kind: "overdue" };
  return { kind: "left", workingMinutes: workingMinutesBetween(now, nextDueAt, await calendar()) };
}

/**
 * The statuses and filters a page lists: a saved view's criteria (work-queue-views.ts) narrowed by
 * the filter form, or without a view the open complaints (or those of the filtered status).
 */
export function inboxCriteria(view: WorkQueueView | null, filters: InboxFilters, { userId, now }: { userId: string; now: Date }): { statuses: readonly ComplaintStatus[]; filters: InboxFilters } {
  if (!view) return { statuses: filters.status ? [filters.status] : OPEN_STATUSES, filters };
  const { statuses, ...criteria } = workQueueCriteria(view, { userId, now });
  return { statuses: filters.status ? statuses.filter((status) => status === filters.status) : statuses, filters: { ...filters, ...criteria } };
}

/** One page of the inbox: the complaints of the view (default: all open ones) in scope, soonest deadline first. */
export async function listInbox(
  db: Db,
  {
    scope,
    view = null,
    filters,
    cursor,
    now,
    userId,
    limit = INBOX_PAGE_SIZE,
  }: { scope: InboxScope; view?: WorkQueueView | null; filters: InboxFilters; cursor: InboxCursor | null; now: Date; userId: string; limit?: number },
): Promise<InboxPage> {
  const criteria = inboxCriteria(view, filters, { userId, now });
  const { records, nextCursor } = await listInboxRecords(db, { scope, statuses: criteria.statuses, filters: criteria.filters, cursor, now, limit });
  const calendarFor = calendarCache(db);
  const rows: InboxRow[] = [];
  for (const record of records) rows.push(await inboxRow(record, now, userId, calendarFor));
  return { rows, nextCursor };
}

async function inboxRow(record: InboxRecord, now: Date, userId: string, calendarFor: (unitId: string | null) => Promise<CompiledCalendar>): Promise<InboxRow> {
  return {
    id: record.id,
    trackingCode: record.trackingCode,
    unitId: record.unitId,
    status: record.status,
    escalationLevel: record.escalationLevel,
    nextDueAt: record.nextDueAt?.toISOString() ?? null,
    nextDueStage: record.nextDueStage,
    submittedAt: record.submittedAt.toISOString(),
    unitName: record.unitName,
    productName: record.productName,
    productNameEn: record.productNameEn,
    assignedToMe: record.assignedOfficerId === userId,
    assigneeName: record.assignedOfficerName,
    supportCount: record.supportCount,
    emailUndeliverable: record.emailUndeliverable,
    priority: record.priority,
    summary: inboxSummary(record),
    sla: await slaBadgeState(record.nextDueAt, now, () => calendarFor(record.unitId)),
  };
}

export type InboxCodeSearch = { outcome: "invalid" } | { outcome: "notFound"; code: string } | { outcome: "found"; code: string; row: InboxRow };

/**
 * The inbox's search by tracking code (issue #20): what was typed is read as a code the way the
 * citizen's tracking form reads it (any case, spaces, O/I/L for 0/1/1), then the one complaint with
 * that exact code in the user's scope, open or closed. Out of scope reads as not found.
 */
export async function findInboxRowByCode(db: Db, { scope, input, now, userId }: { scope: InboxScope; input: string; now: Date; userId: string }): Promise<InboxCodeSearch> {
  const code = normalizeTrackingCode(input);
  if (!code) return { outcome: "invalid" };
  const record = await findInboxRecordByCode(db, { scope, trackingCode: code });
  if (!record) return { outcome: "notFound", code };
  return { outcome: "found", code, row: await inboxRow(record, now, userId, calendarCache(db)) };
}
