// The morning summary a unit's staff receive: how many complaints wait to be taken up, fall due
// today, or are already late. Counts and a link only: no complaint text, no identity. A rule with
// its source, like the other reminders.
import type { UnitWorkload } from "~/models/unit-digest.server";

export const UNIT_DIGEST_RULE = {
  /**
   * The window (WIB minutes of the day) in which the e-mail sweep, every five minutes, writes the
   * day's summary; each message has a dedupe key per unit, day and person, so several sweeps in the
   * window write it once. A worker down for the whole window skips that day's summary (deadlines,
   * reminders and escalations do not depend on it).
   */
  sendFromMinute: 7 * 60,
  sendUntilMinute: 7 * 60 + 30,
  source:
    "The city's working choice: before offices open at 07:30 (Perpres 21/2023, DOMAIN.md §4.1), on working days of the " +
    "default calendar, so the first thing a clerk sees is what waits for them, not a mail per complaint.",
} as const;

// The counts' shape is the model's query result (ADR 032: shared types live in the lowest layer).
export type { UnitWorkload } from "~/models/unit-digest.server";

/** The WIB date ("YYYY-MM-DD") and minute of the day of an instant. */
export function wibClock(now: Date): { date: string; minute: number } {
  const wib = new Date(now.getTime() + 7 * 3_600_000);
  return { date: wib.toISOString().slice(0, 10), minute: wib.getUTCHours() * 60 + wib.getUTCMinutes() };
}

export const inDigestWindow = (minute: number) => minute >= UNIT_DIGEST_RULE.sendFromMinute && minute < UNIT_DIGEST_RULE.sendUntilMinute;

/** Whether a unit's workload is worth a message: something waits, falls due today, or is late. */
export const needsDigest = (load: UnitWorkload) => load.waiting + load.dueToday + load.overdue > 0;
