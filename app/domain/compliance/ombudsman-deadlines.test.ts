import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOLIDAYS } from "../../../prisma/seed/data/holidays";
import { createCalendar, DEFAULT_OFFICE_HOURS } from "~/domain/calendar/working-time";
import {
  addCalendarDays,
  addWorkingDaysAfter,
  canMoveTo,
  computeOmbudsmanDueDate,
  daysUntil,
  isOverdue,
  jakartaDate,
  OMBUDSMAN_DEADLINE_RULES,
  OMBUDSMAN_MATTER_KINDS,
  ombudsmanReminderStep,
} from "./ombudsman-deadlines";

// The city's calendar as seeded: SKB holidays and cuti bersama 2025–2027, Mon–Fri office hours.
const city = createCalendar({
  timezone: "Asia/Jakarta",
  weeklyHours: DEFAULT_OFFICE_HOURS,
  holidays: HOLIDAYS.map((h) => ({ date: h.date, kind: h.kind })),
  observesCutiBersama: true,
});
const noHolidays = createCalendar({ timezone: "Asia/Jakarta", weeklyHours: DEFAULT_OFFICE_HOURS, holidays: [], observesCutiBersama: true });

describe("Ombudsman deadline rules", () => {
  it("are configuration with their legal source", () => {
    expect(OMBUDSMAN_DEADLINE_RULES.CORRECTIVE_ACTION).toMatchObject({ kind: "WORKING_DAYS", days: 30 });
    expect(OMBUDSMAN_DEADLINE_RULES.CORRECTIVE_ACTION.source).toContain("PO 58/2023 Pasal 54");
    expect(OMBUDSMAN_DEADLINE_RULES.RECOMMENDATION).toMatchObject({ kind: "CALENDAR_DAYS", days: 60 });
    expect(OMBUDSMAN_DEADLINE_RULES.RECOMMENDATION.source).toContain("UU 37/2008 Pasal 38(2)");
    expect(OMBUDSMAN_DEADLINE_RULES.CLARIFICATION_REQUEST.kind).toBe("STATED_IN_LETTER");
  });

  it("corrective action: 30 working days after receipt, skipping the 2026 Nyepi/Idulfitri holidays and cuti bersama, Good Friday and Labour Day", () => {
    // Received Fri 13 March 2026. Without holidays the 30th weekday after it is Fri 24 April; the
    // seeded calendar closes 18, 19, 20, 23, 24 March (Nyepi, Idulfitri and their cuti bersama),
    // 3 April (Good Friday) and 1 May (Labour Day), which pushes it to Tue 5 May.
    expect(addWorkingDaysAfter("2026-03-13", 30, noHolidays)).toBe("2026-04-24");
    expect(computeOmbudsmanDueDate("CORRECTIVE_ACTION", "2026-03-13", { calendar: city })).toEqual({ ok: true, dueOn: "2026-05-05" });
  });

  it("corrective action: the day of receipt never counts, a weekend receipt starts on Monday", () => {
    // Received Thu 2026-11-19 → the first working day after it is Fri 20th.
    expect(addWorkingDaysAfter("2026-11-19", 1, city)).toBe("2026-11-20");
    // Received Sat 2026-11-21 → Mon 23rd is working day 1.
    expect(addWorkingDaysAfter("2026-11-21", 1, city)).toBe("2026-11-23");
    // Received Wed 23 Dec 2026: 24th cuti bersama, 25th Christmas, weekend → Mon 28th.
    expect(addWorkingDaysAfter("2026-12-23", 1, city)).toBe("2026-12-28");
  });

  it("recommendation: 60 calendar days after receipt, holidays included", () => {
    expect(computeOmbudsmanDueDate("RECOMMENDATION", "2026-03-13", { calendar: city })).toEqual({ ok: true, dueOn: "2026-05-12" });
    expect(computeOmbudsmanDueDate("RECOMMENDATION", "2026-12-15", { calendar: city })).toEqual({ ok: true, dueOn: "2027-02-13" });
  });

  it("clarification request: the date stated in the letter, required and not before receipt", () => {
    expect(computeOmbudsmanDueDate("CLARIFICATION_REQUEST", "2026-11-02", { calendar: city, statedDueOn: "2026-11-16" })).toEqual({ ok: true, dueOn: "2026-11-16" });
    expect(computeOmbudsmanDueDate("CLARIFICATION_REQUEST", "2026-11-02", { calendar: city })).toEqual({ ok: false, reason: "stated_due_required" });
    expect(computeOmbudsmanDueDate("CLARIFICATION_REQUEST", "2026-11-02", { calendar: city, statedDueOn: "2026-02-30" })).toEqual({ ok: false, reason: "stated_due_required" });
    expect(computeOmbudsmanDueDate("CLARIFICATION_REQUEST", "2026-11-02", { calendar: city, statedDueOn: "2026-11-01" })).toEqual({ ok: false, reason: "stated_due_before_received" });
    // The stated date is ignored where the law fixes the period.
    expect(computeOmbudsmanDueDate("RECOMMENDATION", "2026-11-02", { calendar: city, statedDueOn: "2026-11-03" })).toEqual({ ok: true, dueOn: "2027-01-01" });
    expect(computeOmbudsmanDueDate("RECOMMENDATION", "02-11-2026", { calendar: city })).toEqual({ ok: false, reason: "invalid_received" });
  });

  it("days left and overdue are counted on the Jakarta date", () => {
    // 17:30 UTC on the 15th is already 00:30 WIB on the 16th.
    const now = new Date("2026-11-15T17:30:00Z");
    expect(jakartaDate(now)).toBe("2026-11-16");
    expect(daysUntil("2026-11-16", now)).toBe(0);
    expect(daysUntil("2026-11-20", now)).toBe(4);
    expect(daysUntil("2026-11-13", now)).toBe(-3);
    expect(isOverdue({ status: "OPEN", dueOn: "2026-11-15" }, now)).toBe(true);
    expect(isOverdue({ status: "OPEN", dueOn: "2026-11-16" }, now)).toBe(false);
    expect(isOverdue({ status: "ANSWERED", dueOn: "2026-11-01" }, now)).toBe(false);
  });

  it("status moves: answer an open matter, close an open or answered one", () => {
    expect(canMoveTo("OPEN", "ANSWERED")).toBe(true);
    expect(canMoveTo("ANSWERED", "ANSWERED")).toBe(false);
    expect(canMoveTo("OPEN", "CLOSED")).toBe(true);
    expect(canMoveTo("ANSWERED", "CLOSED")).toBe(true);
    expect(canMoveTo("CLOSED", "CLOSED")).toBe(false);
    expect(canMoveTo("CLOSED", "ANSWERED")).toBe(false);
  });

  it("property: the due date is never before receipt and never earlier for a later receipt", () => {
    // Receipts across 2025–2026 so 30 working days stay inside the seeded calendar (to early 2027).
    const day = fc.integer({ min: 0, max: 729 }).map((n) => addCalendarDays("2025-01-01", n));
    fc.assert(
      fc.property(fc.constantFrom(...OMBUDSMAN_MATTER_KINDS), day, day, fc.integer({ min: 0, max: 90 }), (kind, a, b, statedOffset) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const due = (received: string) => {
          const result = computeOmbudsmanDueDate(kind, received, { calendar: city, statedDueOn: addCalendarDays(received, statedOffset) });
          if (!result.ok) throw new Error(result.reason);
          return result.dueOn;
        };
        const dueEarly = due(early);
        const dueLate = due(late);
        expect(dueEarly >= early).toBe(true);
        if (kind !== "CLARIFICATION_REQUEST") {
          // Fixed periods: strictly after receipt and monotone in the receipt date.
          expect(dueEarly > early).toBe(true);
          expect(dueLate >= dueEarly).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("ombudsmanReminderStep", () => {
  const wibNoon = (date: string) => new Date(`${date}T12:00:00+07:00`);
  const open = (dueOn: string) => ({ status: "OPEN" as const, dueOn });
  it("is nothing early, then 7 days before, 2 days before (the most urgent that applies), then overdue", () => {
    expect(ombudsmanReminderStep(open("2026-12-20"), wibNoon("2026-12-12"))).toBeNull();
    expect(ombudsmanReminderStep(open("2026-12-20"), wibNoon("2026-12-13"))).toBe("before-7");
    expect(ombudsmanReminderStep(open("2026-12-20"), wibNoon("2026-12-17"))).toBe("before-7");
    expect(ombudsmanReminderStep(open("2026-12-20"), wibNoon("2026-12-18"))).toBe("before-2");
    expect(ombudsmanReminderStep(open("2026-12-20"), wibNoon("2026-12-20"))).toBe("before-2");
    expect(ombudsmanReminderStep(open("2026-12-20"), wibNoon("2026-12-21"))).toBe("overdue");
    // Late evening UTC is already the next day in Pangkalpinang.
    expect(ombudsmanReminderStep(open("2026-12-20"), new Date("2026-12-20T17:30:00Z"))).toBe("overdue");
  });

  it("is nothing for an answered or closed matter", () => {
    expect(ombudsmanReminderStep({ status: "ANSWERED", dueOn: "2026-12-20" }, wibNoon("2026-12-25"))).toBeNull();
    expect(ombudsmanReminderStep({ status: "CLOSED", dueOn: "2026-12-20" }, wibNoon("2026-12-19"))).toBeNull();
  });
});
