// Due dates of what the Ombudsman asks of the city (DOMAIN.md §3.4–3.5), as configuration with
// their legal source, and the pure arithmetic behind them. Client-safe: the form shows the rule,
// the model computes the date, the dashboard counts the days left, all from this file.
//
// Dates here are local calendar dates ("YYYY-MM-DD", Asia/Jakarta): the Ombudsman's letters and
// the laws count whole days, never hours, so a matter falls due at the end of its due date.
import { addWorkingTime, type CompiledCalendar } from "~/domain/calendar/working-time";

export const OMBUDSMAN_MATTER_KINDS = ["CLARIFICATION_REQUEST", "CORRECTIVE_ACTION", "RECOMMENDATION"] as const;
export type OmbudsmanMatterKind = (typeof OMBUDSMAN_MATTER_KINDS)[number];
export const OMBUDSMAN_MATTER_STATUSES = ["OPEN", "ANSWERED", "CLOSED"] as const;
export type OmbudsmanMatterStatus = (typeof OMBUDSMAN_MATTER_STATUSES)[number];

export type DeadlineRule =
  | { kind: "WORKING_DAYS"; days: number; source: string; confirmed: boolean }
  | { kind: "CALENDAR_DAYS"; days: number; source: string; confirmed: boolean }
  | { kind: "STATED_IN_LETTER"; source: string; confirmed: boolean };

export const OMBUDSMAN_DEADLINE_RULES: Record<OmbudsmanMatterKind, DeadlineRule> = {
  CORRECTIVE_ACTION: {
    kind: "WORKING_DAYS",
    days: 30,
    source:
      "[C] PO 58/2023 Pasal 54: an LHP/LAHP not followed up within 30 working days of receipt goes to Resolusi dan Monitoring (DOMAIN.md §3.4), https://pasal.id/en/peraturan/perban/peraturan-ori-no-58-tahun-2023/koreksi/8006073",
    confirmed: true,
  },
  RECOMMENDATION: {
    kind: "CALENDAR_DAYS",
    days: 60,
    source: "[C] UU 37/2008 Pasal 38(2): the superior of the reported party reports on the Rekomendasi within 60 days of receipt (DOMAIN.md §3.4)",
    confirmed: true,
  },
  CLARIFICATION_REQUEST: {
    kind: "STATED_IN_LETTER",
    source: "The Ombudsman's request letter states the answer date; no fixed period was found in the sources (DOMAIN.md §3.4, §3.5 [U])",
    confirmed: false,
  },
};

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** WIB is UTC+7 all year (no DST, DOMAIN.md §4.3); used only to name "today" and local midnights. */
const WIB_OFFSET_MS = 7 * 3_600_000;

export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
const dateOfDayNumber = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

export function addCalendarDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** The local (WIB) date of an instant. */
export function jakartaDate(at: Date): string {
  return new Date(at.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The N-th working day strictly after `received` (the day of receipt does not count, as in
 * "30 hari kerja sejak diterima"). addWorkingTime counts WORKING_DAYS from the day work starts
 * (day 0 = the first working day on or after the start), so starting at the next local midnight
 * with N − 1 lands on the close of the N-th working day after receipt.
 */
export function addWorkingDaysAfter(received: string, days: number, calendar: CompiledCalendar): string {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a whole number >= 1, got ${days}`);
  const nextMidnight = new Date((dayNumber(received) + 1) * MS_PER_DAY - WIB_OFFSET_MS);
  const close = addWorkingTime(nextMidnight, { amount: days - 1, unit: "WORKING_DAYS" }, calendar);
  return jakartaDate(close);
}

export type DueDateResult = { ok: true; dueOn: string } | { ok: false; reason: "stated_due_required" | "stated_due_before_received" | "invalid_received" };

/**
 * The due date of a matter received on `receivedOn`. `statedDueOn` is the date in the letter; it
 * is required for a clarification request and ignored otherwise (the law fixes those periods).
 */
export function computeOmbudsmanDueDate(
  kind: OmbudsmanMatterKind,
  receivedOn: string,
  { statedDueOn, calendar }: { statedDueOn?: string | null; calendar: CompiledCalendar },
): DueDateResult {
  if (!isLocalDate(receivedOn)) return { ok: false, reason: "invalid_received" };
  const rule = OMBUDSMAN_DEADLINE_RULES[kind];
  switch (rule.kind) {
    case "WORKING_DAYS":
      return { ok: true, dueOn: addWorkingDaysAfter(receivedOn, rule.days, calendar) };
    case "CALENDAR_DAYS":
      return { ok: true, dueOn: addCalendarDays(receivedOn, rule.days) };
    case "STATED_IN_LETTER":
      if (!statedDueOn || !isLocalDate(statedDueOn)) return { ok: false, reason: "stated_due_required" };
      if (statedDueOn < receivedOn) return { ok: false, reason: "stated_due_before_received" };
      return { ok: true, dueOn: statedDueOn };
  }
}

/** Calendar days from today (WIB) to the due date: 0 = due today, negative = overdue by that many days. */
export function daysUntil(dueOn: string, now: Date): number {
  return dayNumber(dueOn) - dayNumber(jakartaDate(now));
}

/** Only an OPEN matter can be overdue: an answered one has been dealt with, late or not. */
export function isOverdue(matter: { status: OmbudsmanMatterStatus; dueOn: string }, now: Date): boolean {
  return matter.status === "OPEN" && daysUntil(matter.dueOn, now) < 0;
}

/** Allowed status changes: answer an open matter; close an open or answered one. */
export function canMoveTo(from: OmbudsmanMatterStatus, to: "ANSWERED" | "CLOSED"): boolean {
  return to === "ANSWERED" ? from === "OPEN" : from !== "CLOSED";
}

/**
 * When the liaisons and the unit's head are reminded of an open matter: some days before its due
 * date, and once when it has passed. No regulation sets these; they are the city's working choice
 * (change them here). One reminder per step and matter: a worker that was down for days sends the
 * most urgent step that applies, not every step it missed.
 */
export const OMBUDSMAN_REMINDER_RULE = {
  daysBefore: [7, 2] as const,
  source: "City working practice (no legal source): remind 7 and 2 calendar days before the due date, and once overdue",
} as const;

export type OmbudsmanReminderStep = `before-${number}` | "overdue";

/** The reminder step a matter is at today (WIB), or null (not yet, or not OPEN). */
export function ombudsmanReminderStep(matter: { status: OmbudsmanMatterStatus; dueOn: string }, now: Date): OmbudsmanReminderStep | null {
  if (matter.status !== "OPEN") return null;
  const left = daysUntil(matter.dueOn, now);
  if (left < 0) return "overdue";
  const step = [...OMBUDSMAN_REMINDER_RULE.daysBefore].sort((a, b) => a - b).find((days) => left <= days);
  return step === undefined ? null : `before-${step}`;
}
