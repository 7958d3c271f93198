// The staff inbox's rules: which complaints a user may read (the permission table), what the page's
// query string may ask for, and each row's SLA badge (working time left on its unit's calendar).
// The rows themselves come from app/models/inbox.server.ts.
import { canAccessComplaint, hasPermission, unitTreeFrom, type UnitTree, type UserLike } from "~/domain/auth/permissions";
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

/** Which units' complaints the user may read, by asking canAccessComplaint of each unit. */
export function inboxScope(user: UserLike, units: readonly { id: string; parentId: string | null }[]): InboxScope {
  const tree = unitTreeFrom(units);
  return {
    unitIds: units.filter((unit) => canAccessComplaint(user, { unitId: unit.id }, tree, "read")).map((unit) => unit.id),
    includeUnassigned: hasPermission(user, "read:complaint:any"),
  };
}

/** Reads the GET query of the inbox page; anything unknown is ignored (never an error page). */
export function parseInboxQuery(params: URLSearchParams, userId: string): { filters: InboxFilters; cursor: InboxCursor | null } {
  const status = params.get("status");
  const productId = params.get("produk");
  const form = params.get("bentuk");
  return {
    filters: {
      ...(status && (COMPLAINT_STATUSES as readonly string[]).includes(status) ? { status: status as ComplaintStatus } : {}),
      ...(isUuid(productId) ? { productId: productId.toLowerCase() } : {}),
      ...(form && /^[A-Z_]{1,64}$/.test(form) ? { maladministrationCode: form } : {}),
      ...(params.get("terlambat") === "1" ? { overdueOnly: true } : {}),
      ...(params.get("saya") === "1" ? { assignedToUserId: userId } : {}),
    },
    cursor: decodeCursor(params.get("setelah")),
  };
}

export interface InboxRow {
  id: string;
  trackingCode: string;
  status: ComplaintStatus;
  escalationLevel: number;
  nextDueAt: string | null;
  nextDueStage: string | null;
  submittedAt: string;
  unitName: string | null;
  productName: string | null;
  productNameEn: string | null;
  assignedToMe: boolean;
  sla: SlaBadgeState;
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

/** One page of the inbox: the open complaints in scope (or those of the filtered status), soonest deadline first. */
export async function listInbox(
  db: Db,
  {
    scope,
    filters,
    cursor,
    now,
    userId,
    limit = INBOX_PAGE_SIZE,
  }: { scope: InboxScope; filters: InboxFilters; cursor: InboxCursor | null; now: Date; userId: string; limit?: number },
): Promise<InboxPage> {
  const statuses: readonly ComplaintStatus[] = filters.status ? [filters.status] : OPEN_STATUSES;
  const { records, nextCursor } = await listInboxRecords(db, { scope, statuses, filters, cursor, now, limit });
  const calendarFor = calendarCache(db);
  const rows: InboxRow[] = [];
  for (const record of records) rows.push(await inboxRow(record, now, userId, calendarFor));
  return { rows, nextCursor };
}

async function inboxRow(record: InboxRecord, now: Date, userId: string, calendarFor: (unitId: string | null) => Promise<CompiledCalendar>): Promise<InboxRow> {
  return {
    id: record.id,
    trackingCode: record.trackingCode,
    status: record.status,
    escalationLevel: record.escalationLevel,
    nextDueAt: record.nextDueAt?.toISOString() ?? null,
    nextDueStage: record.nextDueStage,
    submittedAt: record.submittedAt.toISOString(),
    unitName: record.unitName,
    productName: record.productName,
    productNameEn: record.productNameEn,
    assignedToMe: record.assignedOfficerId === userId,
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
