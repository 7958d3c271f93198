// The SLA badge's time left in a short working form ("2 hr 3 j" / "2 d 3 h") and in words for
// screen readers ("2 hari 3 jam kerja lagi"). Pure, client-safe.
//
// A "day" here is one default office day as the SLA clock counts it: 07:30–16:00, 8.5 working
// hours (DEFAULT_OFFICE_HOURS, Monday; the clock runs through the breaks, so this is not the 7.5 h
// of Perpres 21/2023's 37.5-hour week). Deadlines of N working days close at the end of an office
// day, so a complaint filed Monday 10:00 with 3 working days shows "3 hr 6 j" (the rest of Monday
// plus three days). Friday's half hour more and a unit's own hours make the day count approximate,
// never the deadline itself: the badge says how much work time is left at a glance; the exact
// closing time is on the complaint page.
import { DEFAULT_OFFICE_HOURS } from "~/domain/calendar/office-hours";
import type { MessageKey, MessageVars } from "~/services/i18n";

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const monday = DEFAULT_OFFICE_HOURS.find((hours) => hours.weekday === 1)!;

/** 510: the default Monday–Thursday office day, in working minutes. */
export const WORKING_DAY_MINUTES = minutesOf(monday.close) - minutesOf(monday.open);

export type SlaState = { kind: "none" } | { kind: "overdue" } | { kind: "left"; workingMinutes: number };

export interface Message {
  key: MessageKey;
  vars?: MessageVars;
}

export interface SlaTimeLeft {
  /** What the badge shows. */
  short: Message;
  /** The same in words, for assistive technology (abbreviations read badly aloud). */
  long: Message;
  tone: "none" | "overdue" | "soon" | "ok";
}

/** Whole working days and hours left (minutes dropped: the short form never over-promises). */
export function splitWorkingMinutes(workingMinutes: number): { days: number; hours: number; minutes: number } {
  const total = Math.max(0, Math.floor(workingMinutes));
  const days = Math.floor(total / WORKING_DAY_MINUTES);
  const rest = total - days * WORKING_DAY_MINUTES;
  return { days, hours: Math.floor(rest / 60), minutes: rest % 60 };
}

export function slaTimeLeft(state: SlaState): SlaTimeLeft {
  if (state.kind === "none") return { short: { key: "inbox.sla.none" }, long: { key: "inbox.sla.none" }, tone: "none" };
  if (state.kind === "overdue") return { short: { key: "inbox.sla.overdue" }, long: { key: "inbox.sla.overdue" }, tone: "overdue" };
  const { days, hours, minutes } = splitWorkingMinutes(state.workingMinutes);
  const tone = state.workingMinutes < WORKING_DAY_MINUTES ? "soon" : "ok";
  if (days === 0 && hours === 0) return { short: { key: "inbox.sla.short.underHour" }, long: { key: "inbox.sla.minutes", vars: { minutes } }, tone };
  if (days === 0) return { short: { key: "inbox.sla.short.hours", vars: { hours } }, long: { key: "inbox.sla.hours", vars: { hours, minutes } }, tone };
  if (hours === 0) return { short: { key: "inbox.sla.short.days", vars: { days } }, long: { key: "inbox.sla.long.days", vars: { days } }, tone };
  return { short: { key: "inbox.sla.short.daysHours", vars: { days, hours } }, long: { key: "inbox.sla.long.daysHours", vars: { days, hours } }, tone };
}
