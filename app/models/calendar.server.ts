// The stored work calendars and holidays, as rows; compiling them into a working-time calendar is
// the domain's (app/domain/calendar/unit-calendars.server.ts).
import type { HolidayKind } from "~/generated/prisma/client";
import type { DbClient } from "~/services/db-types.server";

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** A work calendar's settings; `weeklyHours` is the JSON column as stored. */
export interface StoredCalendar {
  id: string;
  timezone: string;
  weeklyHours: unknown;
  observesCutiBersama: boolean;
  isDefault: boolean;
}

/** A holiday row, its date as the local date "YYYY-MM-DD". */
export interface StoredHoliday {
  date: string;
  kind: HolidayKind;
}

const CALENDAR_SELECT = { id: true, timezone: true, weeklyHours: true, observesCutiBersama: true, isDefault: true } as const;

async function findHolidays(db: DbClient): Promise<StoredHoliday[]> {
  const rows = await db.holiday.findMany({ select: { date: true, kind: true } });
  return rows.map((h) => ({ date: isoDate(h.date), kind: h.kind }));
}

/** The unit's own calendar if it has one, else the default (null if there is none); with every holiday row. */
export async function findCalendarOfUnit(db: DbClient, unitId: string | null): Promise<{ calendar: StoredCalendar | null; holidays: StoredHoliday[] }> {
  const unit = unitId ? await db.serviceUnit.findUnique({ where: { id: unitId }, select: { calendar: { select: CALENDAR_SELECT } } }) : null;
  const calendar = unit?.calendar ?? (await db.workCalendar.findFirst({ where: { isDefault: true }, select: CALENDAR_SELECT }));
  return { calendar, holidays: await findHolidays(db) };
}

/** Every calendar, which unit has its own, and every holiday row: three queries, for a batch across many units (ADR 019). */
export async function findAllCalendars(db: DbClient): Promise<{ calendars: StoredCalendar[]; calendarOfUnit: Map<string, string>; holidays: StoredHoliday[] }> {
  const [calendars, units, holidays] = await Promise.all([
    db.workCalendar.findMany({ select: CALENDAR_SELECT }),
    db.serviceUnit.findMany({ where: { calendarId: { not: null } }, select: { id: true, calendarId: true } }),
    findHolidays(db),
  ]);
  return { calendars, calendarOfUnit: new Map(units.map((u) => [u.id, u.calendarId!])), holidays };
}

/** The years from `fromYear` on that have at least one holiday row. */
export async function holidayYearsFrom(db: DbClient, fromYear: number): Promise<Set<number>> {
  const rows = await db.holiday.findMany({ where: { date: { gte: new Date(Date.UTC(fromYear, 0, 1)) } }, select: { date: true } });
  return new Set(rows.map((row) => row.date.getUTCFullYear()));
}
