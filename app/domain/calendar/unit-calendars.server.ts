// The working-time calendar a unit's deadlines are counted on: its own work calendar if it has
// one, else the city's default, with every holiday, compiled for the clock (working-time.ts).
import { findAllCalendars, findCalendarOfUnit, type StoredCalendar, type StoredHoliday } from "~/models/calendar.server";
import type { DbClient } from "~/services/db-types.server";
import { createCalendar, DEFAULT_OFFICE_HOURS, type CompiledCalendar, type OfficeHours } from "./working-time";

function compile(calendar: StoredCalendar | null, holidays: StoredHoliday[]): CompiledCalendar {
  return createCalendar({
    timezone: calendar?.timezone ?? "Asia/Jakarta",
    weeklyHours: (calendar?.weeklyHours as OfficeHours[] | undefined) ?? DEFAULT_OFFICE_HOURS,
    holidays,
    observesCutiBersama: calendar?.observesCutiBersama ?? true,
  });
}

/** The unit's own calendar if it has one, else the default; with every holiday row. */
export async function loadCalendarForUnit(db: DbClient, unitId: string | null): Promise<CompiledCalendar> {
  const { calendar, holidays } = await findCalendarOfUnit(db, unitId);
  return compile(calendar, holidays);
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
  const { calendars, calendarOfUnit, holidays } = await findAllCalendars(db);
  const byId = new Map(calendars.map((c) => [c.id, c]));
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
