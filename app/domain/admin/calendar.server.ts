// Administration of the working-time inputs of every SLA clock: the holiday table (national
// holidays, cuti bersama from each year's SKB, local holidays) and the office-hours calendars
// assigned to units. Calendars are validated with createCalendar (the same code that computes
// deadlines) before they are saved. Every change writes an AuditLog row.
//
// Deadlines already stored on open complaints are a cache of the replay (ADR 007): they follow a
// change at the complaint's next transition or recomputation, not at once.
import { z } from "zod";
import { Prisma } from "~/generated/prisma/client";
import { createCalendar, type OfficeHours } from "~/domain/calendar/working-time";
import { hasPermission, type UserLike } from "~/domain/auth/permissions";
import type { Db } from "~/services/db.server";
import type { DbClient } from "~/services/db-types.server";
import { requestSlaRecheck } from "~/domain/sla/recheck.server";

import { HOLIDAY_KINDS, WEEKDAYS, type HolidayKind } from "./form-options";
import { blankToUndefined } from "~/services/form-values";

export { HOLIDAY_KINDS, WEEKDAYS, type HolidayKind } from "./form-options";

/** Holidays and calendars are both the working-time table: manage:holiday:any (ADMIN). */
export const canManageCalendars = (user: UserLike) => hasPermission(user, "manage:holiday:any");

const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === "1", z.boolean());
const text = (max: number, required: string) =>
  z.string({ message: required }).trim().min(1, { message: required }).max(max, { message: "adminSla.error.tooLong" });

function isExistingDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const HolidayFormSchema = z.object({
  date: z.string({ message: "adminSla.error.date" }).trim().refine(isExistingDate, { message: "adminSla.error.date" }),
  kind: z.enum(HOLIDAY_KINDS, { message: "adminSla.error.holidayKind" }),
  name: text(200, "adminSla.error.nameRequired"),
  nameEn: text(200, "adminSla.error.nameEnRequired"),
  source: text(500, "adminSla.error.sourceRequired"),
  sourceUrl: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, message: "adminSla.error.sourceUrl" })
      .max(1000, { message: "adminSla.error.tooLong" })
      .optional(),
  ),
  confirmed: checkbox,
});
export type HolidayFormInput = z.infer<typeof HolidayFormSchema>;

export interface HolidayRow {
  id: string;
  date: string;
  kind: HolidayKind;
  name: string;
  nameEn: string;
  source: string;
  sourceUrl: string | null;
  confirmed: boolean;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

async function audit(db: DbClient, actorUserId: string, action: string, entity: string, entityId: string, data: Prisma.InputJsonObject) {
  await db.auditLog.create({ data: { actorUserId, action, entity, entityId, data } });
}

export async function listHolidays(db: DbClient, year: number): Promise<HolidayRow[]> {
  const rows = await db.holiday.findMany({
    where: { date: { gte: dateOnly(`${year}-01-01`), lt: dateOnly(`${year + 1}-01-01`) } },
    orderBy: [{ date: "asc" }, { kind: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    date: isoDate(row.date),
    kind: row.kind,
    name: row.name,
    nameEn: row.nameEn,
    source: row.source,
    sourceUrl: row.sourceUrl,
    confirmed: row.confirmed,
  }));
}

export type HolidayOutcome = { ok: true; id: string; year: number } | { ok: false; reason: "not_found" | "duplicate" };

/** Creates (`id` null) or updates a holiday; a date that already has that kind is refused ("duplicate"). */
export async function saveHoliday(db: Db, id: string | null, input: HolidayFormInput, { actorUserId }: { actorUserId: string }): Promise<HolidayOutcome> {
  const data = { ...input, date: dateOnly(input.date), sourceUrl: input.sourceUrl ?? null };
  const year = Number(input.date.slice(0, 4));
  try {
    return await db.$transaction(async (tx) => {
      const clash = await tx.holiday.findFirst({ where: { date: data.date, kind: data.kind, ...(id ? { NOT: { id } } : {}) }, select: { id: true } });
      if (clash) return { ok: false, reason: "duplicate" } as const;
      if (id === null) {
        const row = await tx.holiday.create({ data, select: { id: true } });
        await audit(tx, actorUserId, "holiday.create", "holiday", row.id, { date: input.date, kind: input.kind, source: input.source, confirmed: input.confirmed });
        await requestSlaRecheck(db, tx, new Date());
        return { ok: true, id: row.id, year } as const;
      }
      const before = await tx.holiday.findUnique({ where: { id } });
      if (!before) return { ok: false, reason: "not_found" } as const;
      await tx.holiday.update({ where: { id }, data });
      await audit(tx, actorUserId, "holiday.update", "holiday", id, {
        before: { date: isoDate(before.date), kind: before.kind, source: before.source, confirmed: before.confirmed },
        after: { date: input.date, kind: input.kind, source: input.source, confirmed: input.confirmed },
      });
      await requestSlaRecheck(db, tx, new Date());
      return { ok: true, id, year } as const;
    });
  } catch (error) {
    // Two admins adding the same date at once: the unique index has the last word.
    if (isUniqueViolation(error)) return { ok: false, reason: "duplicate" };
    throw error;
  }
}

export async function deleteHoliday(db: Db, id: string, { actorUserId }: { actorUserId: string }): Promise<HolidayOutcome> {
  return db.$transaction(async (tx) => {
    const before = await tx.holiday.findUnique({ where: { id } });
    if (!before) return { ok: false, reason: "not_found" } as const;
    await tx.holiday.delete({ where: { id } });
    await audit(tx, actorUserId, "holiday.delete", "holiday", id, { date: isoDate(before.date), kind: before.kind, name: before.name, source: before.source });
    await requestSlaRecheck(db, tx, new Date());
    return { ok: true, id, year: before.date.getUTCFullYear() } as const;
  });
}

// ───────────────────────────── calendars ─────────────────────────────

const TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const CALENDAR_CODE = /^[A-Z0-9]+(?:[-_][A-Z0-9]+)*$/;

export type CalendarField = "code" | "name" | "source" | "observesCutiBersama" | "hours" | `open${number}` | `close${number}`;

export interface CalendarFormInput {
  code: string;
  name: string;
  source: string;
  observesCutiBersama: boolean;
  weeklyHours: OfficeHours[];
}

const CalendarBaseSchema = z.object({
  code: z
    .string({ message: "adminSla.error.codeRequired" })
    .trim()
    .toUpperCase()
    .min(1, { message: "adminSla.error.codeRequired" })
    .max(40, { message: "adminSla.error.tooLong" })
    .regex(CALENDAR_CODE, { message: "adminSla.error.codeFormat" }),
  name: text(200, "adminSla.error.nameRequired"),
  source: text(500, "adminSla.error.sourceRequired"),
  observesCutiBersama: checkbox,
});

/**
 * Reads the calendar form: `open1`/`close1` … `open7`/`close7` ("HH:MM"; both empty = closed that
 * weekday), then asks createCalendar, whose problems are mapped back to the weekday's fields.
 */
export function parseCalendarForm(values: Record<string, string>): { ok: true; input: CalendarFormInput } | { ok: false; errors: Partial<Record<CalendarField, string>> } {
  const errors: Partial<Record<CalendarField, string>> = {};
  const base = CalendarBaseSchema.safeParse(values);
  if (!base.success) {
    for (const issue of base.error.issues) {
      const field = String(issue.path[0] ?? "form") as CalendarField;
      errors[field] ??= issue.message;
    }
  }
  const weeklyHours: OfficeHours[] = [];
  for (const weekday of WEEKDAYS) {
    const open = (values[`open${weekday}`] ?? "").trim();
    const close = (values[`close${weekday}`] ?? "").trim();
    if (open === "" && close === "") continue;
    if (!TIME.test(open)) errors[`open${weekday}`] = "adminSla.error.time";
    if (!TIME.test(close)) errors[`close${weekday}`] = "adminSla.error.time";
    if (TIME.test(open) && TIME.test(close)) weeklyHours.push({ weekday, open, close });
  }
  if (Object.keys(errors).length === 0) {
    try {
      createCalendar({ timezone: "Asia/Jakarta", weeklyHours, holidays: [], observesCutiBersama: base.success ? base.data.observesCutiBersama : true });
    } catch (error) {
      const message = error instanceof Error ? error.message : "";
      const closeAfter = [...message.matchAll(/weeklyHours\.(\d+)\.close/g)];
      for (const match of closeAfter) {
        const hours = weeklyHours[Number(match[1])];
        if (hours) errors[`close${hours.weekday}`] = "adminSla.error.closeAfterOpen";
      }
      if (closeAfter.length === 0) errors.hours = weeklyHours.length === 0 ? "adminSla.error.noOpenDay" : "adminSla.error.hoursInvalid";
    }
  }
  if (!base.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: { ...base.data, weeklyHours } };
}

export interface CalendarRow {
  id: string;
  code: string;
  name: string;
  source: string;
  isDefault: boolean;
  observesCutiBersama: boolean;
  weeklyHours: OfficeHours[];
  units: { id: string; name: string }[];
}

export async function listCalendars(db: DbClient): Promise<CalendarRow[]> {
  const rows = await db.workCalendar.findMany({
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    include: { units: { select: { id: true, name: true }, orderBy: { name: "asc" } } },
  });
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    source: row.source,
    isDefault: row.isDefault,
    observesCutiBersama: row.observesCutiBersama,
    weeklyHours: (row.weeklyHours as unknown as OfficeHours[]) ?? [],
    units: row.units,
  }));
}

export type CalendarOutcome = { ok: true; id: string } | { ok: false; reason: "not_found" | "code_taken" | "unit_not_found" };

/** Creates (`id` null) or updates a calendar (already validated by parseCalendarForm). */
export async function saveCalendar(db: Db, id: string | null, input: CalendarFormInput, { actorUserId }: { actorUserId: string }): Promise<CalendarOutcome> {
  const weeklyHours = input.weeklyHours.map(({ weekday, open, close }) => ({ weekday, open, close }));
  const data = { code: input.code, name: input.name, source: input.source, observesCutiBersama: input.observesCutiBersama, weeklyHours };
  try {
    return await db.$transaction(async (tx) => {
      const clash = await tx.workCalendar.findFirst({ where: { code: input.code, ...(id ? { NOT: { id } } : {}) }, select: { id: true } });
      if (clash) return { ok: false, reason: "code_taken" } as const;
      if (id === null) {
        const row = await tx.workCalendar.create({ data, select: { id: true } });
        await audit(tx, actorUserId, "calendar.create", "work_calendar", row.id, data);
        return { ok: true, id: row.id } as const;
      }
      const before = await tx.workCalendar.findUnique({ where: { id } });
      if (!before) return { ok: false, reason: "not_found" } as const;
      await tx.workCalendar.update({ where: { id }, data });
      await audit(tx, actorUserId, "calendar.update", "work_calendar", id, {
        before: { code: before.code, name: before.name, source: before.source, observesCutiBersama: before.observesCutiBersama, weeklyHours: before.weeklyHours as Prisma.InputJsonValue },
        after: data,
      });
      await requestSlaRecheck(db, tx, new Date());
      return { ok: true, id } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "code_taken" };
    throw error;
  }
}

/** Gives a unit its own calendar, or (`calendarId` null) back to the default one. */
export async function assignCalendar(db: Db, unitId: string, calendarId: string | null, { actorUserId }: { actorUserId: string }): Promise<CalendarOutcome> {
  return db.$transaction(async (tx) => {
    const unit = await tx.serviceUnit.findUnique({ where: { id: unitId }, select: { id: true, calendarId: true } });
    if (!unit) return { ok: false, reason: "unit_not_found" } as const;
    if (calendarId !== null && !(await tx.workCalendar.findUnique({ where: { id: calendarId }, select: { id: true } }))) {
      return { ok: false, reason: "not_found" } as const;
    }
    await tx.serviceUnit.update({ where: { id: unitId }, data: { calendarId } });
    await audit(tx, actorUserId, "calendar.assign", "service_unit", unitId, { before: unit.calendarId, after: calendarId });
    await requestSlaRecheck(db, tx, new Date());
    return { ok: true, id: unitId } as const;
  });
}
