import { createCalendar, DEFAULT_OFFICE_HOURS, type CompiledCalendar, type OfficeHours } from "~/domain/calendar/working-time";
import type { DbClient } from "~/services/db-types.server";

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The unit's own calendar if it has one, else the default; with every holiday row. */
export async function loadCalendarForUnit(db: DbClient, unitId: string | null): Promise<CompiledCalendar> {
  const unit = unitId ? await db.serviceUnit.findUnique({ where: { id: unitId }, select: { calendar: true } }) : null;
  const calendar = unit?.calendar ?? (await db.workCalendar.findFirst({ where: { isDefault: true } }));
  const holidays = await db.holiday.findMany({ select: { date: true, kind: true } });
  return createCalendar({
    timezone: calendar?.timezone ?? "Asia/Jakarta",
    weeklyHours: (calendar?.weeklyHours as OfficeHours[] | undefined) ?? DEFAULT_OFFICE_HOURS,
    holidays: holidays.map((h) => ({ date: isoDate(h.date), kind: h.kind })),
    observesCutiBersama: calendar?.observesCutiBersama ?? true,
  });
}
