import { createCalendar, DEFAULT_OFFICE_HOURS, type CalendarHoliday, type CompiledCalendar, type OfficeHours } from "~/domain/calendar/working-time";
import type { DbClient } from "~/services/db-types.server";

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

type StoredCalendar = { timezone: string; weeklyHours: unknown; observesCutiBersama: boolean } | null;

function compile(calendar: StoredCalendar, holidays: { date: string; kind: CalendarHoliday["kind"] }[]): CompiledCalendar {
  return createCalendar({
    timezone: calendar?.timezone ?? "Asia/Jakarta",
    weeklyHours: (calendar?.weeklyHours as OfficeHours[] | undefined) ?? DEFAULT_OFFICE_HOURS,
    holidays,
    observesCutiBersama: calendar?.observesCutiBersama ?? true,
  });
}

const holidayList = (rows: { date: Date; kind: CalendarHoliday["kind"] }[]) => rows.map((h) => ({ date: isoDate(h.date), kind: h.kind }));

/** The unit's own calendar if it has one, else the default; with every holiday row. */
export async function loadCalendarForUnit(db: DbClient, unitId: string | null): Promise<CompiledCalendar> {
  const unit = unitId ? await db.serviceUnit.findUnique({ where: { id: unitId }, select: { calendar: true } }) : null;
  const calendar = unit?.calendar ?? (await db.workCalendar.findFirst({ where: { isDefault: true } }));
  const holidays = await db.holiday.findMany({ select: { date: true, kind: true } });
  return compile(calendar, holidayList(holidays));
}

export interface CalendarBook {
  /** The unit's own calendar if it has one, else the default (as loadCalendarForUnit). */
  forUnit(unitId: string | null): CompiledCalendar;
}

/**
 * Every calendar with the holidays, read in three queries and compiled once per calendar: for a
 * batch of complaints across many units (the SLA sweeper, ADR 019).
 */
export async function loadCalendarBook(db: DbClient): Promise<CalendarBook> {
  const [calendars, units, holidayRows] = await Promise.all([
    db.workCalendar.findMany(),
    db.serviceUnit.findMany({ where: { calendarId: { not: null } }, select: { id: true, calendarId: true } }),
    db.holiday.findMany({ select: { date: true, kind: true } }),
  ]);
  const holidays = holidayList(holidayRows);
  const byId = new Map(calendars.map((c) => [c.id, c]));
  const calendarOfUnit = new Map(units.map((u) => [u.id, u.calendarId!]));
  const defaultCalendar = calendars.find((c) => c.isDefault) ?? null;
  const compiled = new Map<string, CompiledCalendar>();
  return {
    forUnit(unitId) {
      const calendar = (unitId ? byId.get(calendarOfUnit.get(unitId) ?? "") : undefined) ?? defaultCalendar;
      const key = calendar?.id ?? "-";
      let found = compiled.get(key);
      if (!found) compiled.set(key, (found = compile(calendar, holidays)));
      return found;
    },
  };
}

/** The years from `fromYear` on that have at least one holiday row. */
export async function holidayYearsFrom(db: DbClient, fromYear: number): Promise<Set<number>> {
  const rows = await db.holiday.findMany({ where: { date: { gte: new Date(Date.UTC(fromYear, 0, 1)) } }, select: { date: true } });
  return new Set(rows.map((row) => row.date.getUTCFullYear()));
}
