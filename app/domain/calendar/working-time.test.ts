import { describe, expect, it } from "vitest";
import {
  addWorkingTime,
  createCalendar,
  DEFAULT_OFFICE_HOURS,
  elapsedMinutesBetween,
  isWorkingInstant,
  nextWorkingInstant,
  workingMinutesBetween,
  type CalendarHoliday,
  type Duration,
  type Interval,
  type WorkingCalendar,
} from "./working-time";

// SKB 3 Menteri 2026: national holidays and cuti bersama.
const NATIONAL_2026 = [
  "2026-01-01", "2026-01-16", "2026-02-17", "2026-03-19", "2026-03-21", "2026-03-22", "2026-04-03", "2026-04-05",
  "2026-05-01", "2026-05-14", "2026-05-27", "2026-05-31", "2026-06-01", "2026-06-16", "2026-08-17", "2026-08-25",
  "2026-12-25",
];
const CUTI_BERSAMA_2026 = [
  "2026-02-16", "2026-03-18", "2026-03-20", "2026-03-23", "2026-03-24", "2026-05-15", "2026-05-28", "2026-12-24",
];
const HOLIDAYS_2026: CalendarHoliday[] = [
  ...NATIONAL_2026.map((date): CalendarHoliday => ({ date, kind: "NATIONAL" })),
  ...CUTI_BERSAMA_2026.map((date): CalendarHoliday => ({ date, kind: "CUTI_BERSAMA" })),
];

function calendarWith(overrides: Partial<WorkingCalendar> = {}): WorkingCalendar {
  return {
    timezone: "Asia/Jakarta",
    weeklyHours: DEFAULT_OFFICE_HOURS,
    holidays: HOLIDAYS_2026,
    observesCutiBersama: true,
    ...overrides,
  };
}

const pemkot = createCalendar(calendarWith());
const puskesmas = createCalendar(calendarWith({ observesCutiBersama: false }));
const withSaturday = createCalendar(
  calendarWith({ weeklyHours: [...DEFAULT_OFFICE_HOURS, { weekday: 6, open: "07:30", close: "12:00" }] }),
);

const WIB_OFFSET_MS = 7 * 3_600_000;

/** "2026-02-13 15:55" read as WIB wall-clock time. */
function wib(localDateTime: string): Date {
  return new Date(`${localDateTime.replace(" ", "T")}:00+07:00`);
}

/** The instant as WIB wall-clock text, computed by plain UTC+7 arithmetic (independent of Intl). */
function asWib(at: Date): string {
  const iso = new Date(at.getTime() + WIB_OFFSET_MS).toISOString();
  const minutePrecision = `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  return iso.slice(16, 23) === ":00.000" ? minutePrecision : `${minutePrecision}${iso.slice(16, 23)}`;
}

function add(startWib: string, duration: Duration, cal = pemkot, paused?: Interval[]): string {
  return asWib(addWorkingTime(wib(startWib), duration, cal, paused));
}

const minutes = (amount: number): Duration => ({ amount, unit: "WORKING_MINUTES" });
const hours = (amount: number): Duration => ({ amount, unit: "WORKING_HOURS" });
const workingDays = (amount: number): Duration => ({ amount, unit: "WORKING_DAYS" });
const calendarDays = (amount: number): Duration => ({ amount, unit: "CALENDAR_DAYS" });
const pause = (fromWib: string, toWib: string): Interval => ({ start: wib(fromWib), end: wib(toWib) });

describe("createCalendar", () => {
  it("accepts the default Pemkot calendar and keeps its definition", () => {
    expect(pemkot.timezone).toBe("Asia/Jakarta");
    expect(pemkot.definition.weeklyHours).toHaveLength(5);
    expect(Object.isFrozen(pemkot.definition.holidays)).toBe(true);
  });

  it.each([
    ["close not after open", { weeklyHours: [{ weekday: 1, open: "16:00", close: "16:00" }] }, /weeklyHours\.0\.close: close 16:00 must be after open 16:00/],
    ["close before open", { weeklyHours: [{ weekday: 2, open: "16:00", close: "07:30" }] }, /weeklyHours\.0\.close/],
    ["single-digit hour", { weeklyHours: [{ weekday: 1, open: "7:30", close: "16:00" }] }, /weeklyHours\.0\.open: must be "HH:MM"/],
    ["hour 25", { weeklyHours: [{ weekday: 1, open: "07:30", close: "25:00" }] }, /weeklyHours\.0\.close: must be "HH:MM"/],
    ["duplicate weekday", { weeklyHours: [...DEFAULT_OFFICE_HOURS, { weekday: 3, open: "08:00", close: "12:00" }] }, /weeklyHours\.5\.weekday: weekday 3 is listed more than once/],
    ["weekday out of range", { weeklyHours: [{ weekday: 8, open: "07:30", close: "16:00" }] }, /weeklyHours\.0\.weekday/],
    ["no open weekday", { weeklyHours: [] }, /weeklyHours: needs at least one open weekday/],
    ["misspelt timezone", { timezone: "Asia/Jakata" }, /timezone: is not an IANA timezone/],
    ["fixed offset instead of a zone", { timezone: "+07:00 WIB" }, /timezone/],
    ["impossible holiday date", { holidays: [{ date: "2026-02-30", kind: "NATIONAL" }] }, /holidays\.0\.date: must be an existing/],
  ])("rejects %s", (_label, overrides, message) => {
    expect(() => createCalendar(calendarWith(overrides as Partial<WorkingCalendar>))).toThrow(message);
  });

  it("accepts an office open until midnight", () => {
    const allNight = createCalendar(calendarWith({ weeklyHours: [{ weekday: 7, open: "00:00", close: "24:00" }], holidays: [] }));
    expect(workingMinutesBetween(wib("2026-01-04 00:00"), wib("2026-01-05 00:00"), allNight)).toBe(1440);
  });
});

describe("isWorkingInstant and nextWorkingInstant", () => {
  it("treats office hours as [open, close)", () => {
    expect(isWorkingInstant(new Date(wib("2026-01-05 07:30").getTime() - 1), pemkot)).toBe(false);
    expect(isWorkingInstant(wib("2026-01-05 07:30"), pemkot)).toBe(true);
    expect(isWorkingInstant(new Date(wib("2026-01-05 16:00").getTime() - 1), pemkot)).toBe(true);
    expect(isWorkingInstant(wib("2026-01-05 16:00"), pemkot)).toBe(false);
    // Friday closes half an hour later.
    expect(isWorkingInstant(wib("2026-01-09 16:15"), pemkot)).toBe(true);
    expect(isWorkingInstant(wib("2026-01-09 16:30"), pemkot)).toBe(false);
  });

  it("starts a complaint filed at 01:00 WIB Monday (18:00 UTC Sunday) at Monday 07:30", () => {
    const filed = new Date("2026-01-04T18:00:00.000Z");
    expect(asWib(filed)).toBe("2026-01-05 01:00");
    expect(isWorkingInstant(filed, pemkot)).toBe(false);
    // 07:30 WIB is 00:30 UTC.
    expect(nextWorkingInstant(filed, pemkot).toISOString()).toBe("2026-01-05T00:30:00.000Z");
  });

  it("returns the same instant when already inside office hours", () => {
    const inside = new Date(wib("2026-01-05 10:00").getTime() + 123);
    expect(nextWorkingInstant(inside, pemkot).getTime()).toBe(inside.getTime());
  });

  it("skips evenings, weekends and holidays", () => {
    expect(asWib(nextWorkingInstant(wib("2026-01-05 16:00"), pemkot))).toBe("2026-01-06 07:30");
    expect(asWib(nextWorkingInstant(wib("2026-01-09 16:30"), pemkot))).toBe("2026-01-12 07:30");
    expect(asWib(nextWorkingInstant(wib("2026-01-10 10:00"), pemkot))).toBe("2026-01-12 07:30");
    // Thu 1 Jan is Tahun Baru.
    expect(asWib(nextWorkingInstant(wib("2025-12-31 17:00"), pemkot))).toBe("2026-01-02 07:30");
    // Fri 13 Feb after close → Mon 16 cuti bersama, Tue 17 Imlek → Wed 18.
    expect(asWib(nextWorkingInstant(wib("2026-02-13 16:45"), pemkot))).toBe("2026-02-18 07:30");
  });

  it("treats cuti bersama as a working day only when the calendar does not observe it", () => {
    expect(isWorkingInstant(wib("2026-02-16 10:00"), pemkot)).toBe(false);
    expect(isWorkingInstant(wib("2026-02-16 10:00"), puskesmas)).toBe(true);
    // A national holiday stays closed either way.
    expect(isWorkingInstant(wib("2026-02-17 10:00"), puskesmas)).toBe(false);
  });

  it("opens on Saturday morning when the calendar lists weekday 6", () => {
    expect(isWorkingInstant(wib("2026-01-10 11:59"), withSaturday)).toBe(true);
    expect(isWorkingInstant(wib("2026-01-10 12:00"), withSaturday)).toBe(false);
    expect(asWib(nextWorkingInstant(wib("2026-01-09 17:00"), withSaturday))).toBe("2026-01-10 07:30");
  });
});

describe("workingMinutesBetween", () => {
  it("counts 510 minutes Mon–Thu, 540 on Friday, 2580 in a plain week", () => {
    expect(workingMinutesBetween(wib("2026-01-05 00:00"), wib("2026-01-06 00:00"), pemkot)).toBe(510);
    expect(workingMinutesBetween(wib("2026-01-09 00:00"), wib("2026-01-10 00:00"), pemkot)).toBe(540);
    expect(workingMinutesBetween(wib("2026-01-05 00:00"), wib("2026-01-12 00:00"), pemkot)).toBe(4 * 510 + 540);
  });

  it("is 0 for an empty or reversed range", () => {
    expect(workingMinutesBetween(wib("2026-01-05 10:00"), wib("2026-01-05 10:00"), pemkot)).toBe(0);
    expect(workingMinutesBetween(wib("2026-01-05 11:00"), wib("2026-01-05 10:00"), pemkot)).toBe(0);
  });

  it("returns fractional minutes", () => {
    expect(workingMinutesBetween(wib("2026-01-05 07:30"), new Date(wib("2026-01-05 07:30").getTime() + 30_000), pemkot)).toBe(0.5);
    // Everything before the opening is outside office hours.
    expect(workingMinutesBetween(wib("2026-01-05 07:00"), new Date(wib("2026-01-05 07:31").getTime() + 15_000), pemkot)).toBe(1.25);
  });

  it("finds no working time in the Lebaran closure 18–24 March 2026", () => {
    // Wed 18 CB, Thu 19 Nyepi, Fri 20 CB, Sat 21 + Sun 22 Idul Fitri, Mon 23 + Tue 24 CB.
    expect(workingMinutesBetween(wib("2026-03-17 16:00"), wib("2026-03-25 07:30"), pemkot)).toBe(0);
    // For the Puskesmas, Wed 18, Fri 20, Mon 23 and Tue 24 are working days: 510 + 540 + 510 + 510.
    expect(workingMinutesBetween(wib("2026-03-17 16:00"), wib("2026-03-25 07:30"), puskesmas)).toBe(2070);
  });

  it("excludes paused time, counting overlapping pauses once", () => {
    const day = [wib("2026-01-05 00:00"), wib("2026-01-06 00:00")] as const;
    // [09:00, 10:30) ∪ [10:00, 11:00) = [09:00, 11:00): 120 minutes, not 150.
    const overlapping = [pause("2026-01-05 09:00", "2026-01-05 10:30"), pause("2026-01-05 10:00", "2026-01-05 11:00")];
    expect(workingMinutesBetween(...day, pemkot, overlapping)).toBe(510 - 120);
    // Paused time outside office hours removes nothing.
    expect(workingMinutesBetween(...day, pemkot, [pause("2026-01-05 00:00", "2026-01-05 07:30")])).toBe(510);
  });
});

describe("addWorkingTime in WORKING_MINUTES and WORKING_HOURS", () => {
  it("carries minutes across the Friday 16:30 close into Monday", () => {
    // Fri 16:00–16:30 gives 30 minutes; the other 30 run from Mon 07:30.
    expect(add("2026-01-09 16:00", minutes(60))).toBe("2026-01-12 08:00");
  });

  it("lands on the closing time rather than the next opening when the day's time is exactly used up", () => {
    expect(add("2026-01-09 16:00", minutes(30))).toBe("2026-01-09 16:30");
    expect(add("2026-01-05 08:00", hours(8))).toBe("2026-01-05 16:00");
    expect(add("2026-01-05 08:00", hours(9))).toBe("2026-01-06 08:30");
  });

  it("returns the start unchanged for zero, even outside office hours", () => {
    expect(add("2026-01-10 10:00", minutes(0))).toBe("2026-01-10 10:00");
  });

  it("ends the first minute at 07:31 when filed over the weekend", () => {
    expect(add("2026-01-10 10:00", minutes(1))).toBe("2026-01-12 07:31");
  });

  it("skips cuti bersama and Imlek unless cuti bersama is worked", () => {
    // Fri 15:55–16:30 = 35 min; Mon 16 CB and Tue 17 Imlek closed; 25 more from Wed 07:30.
    expect(add("2026-02-13 15:55", minutes(60))).toBe("2026-02-18 07:55");
    // The Puskesmas works Mon 16 Feb.
    expect(add("2026-02-13 15:55", minutes(60), puskesmas)).toBe("2026-02-16 07:55");
  });

  it("uses Saturday morning when the calendar opens then", () => {
    // Fri 16:00–16:30 = 30 min, then 150 min from Sat 07:30.
    expect(add("2026-01-09 16:00", hours(3), withSaturday)).toBe("2026-01-10 10:00");
    // Fri 30 min + Sat 07:30–12:00 270 min = 300: the 300th minute ends exactly at Saturday's close.
    expect(add("2026-01-09 16:00", minutes(300), withSaturday)).toBe("2026-01-10 12:00");
    expect(add("2026-01-09 16:00", minutes(301), withSaturday)).toBe("2026-01-12 07:31");
  });

  it("accepts fractional amounts to the millisecond", () => {
    expect(add("2026-01-05 10:00", minutes(0.1))).toBe("2026-01-05 10:00:06.000");
    expect(add("2026-01-05 10:00", hours(1.5))).toBe("2026-01-05 11:30");
  });
});

describe("addWorkingTime in WORKING_DAYS", () => {
  it("ends at the close of the N-th working day after the day work starts", () => {
    // Mon 5 Jan is day 0; Tue, Wed, Thu are days 1–3.
    expect(add("2026-01-05 10:00", workingDays(3))).toBe("2026-01-08 16:00");
    // Day 3 is a Friday, so the deadline is its 16:30 close.
    expect(add("2026-01-06 10:00", workingDays(3))).toBe("2026-01-09 16:30");
  });

  it("counts from the Friday of a complaint filed at 15:55 before the February long weekend", () => {
    // Fri 13 Feb 15:55 is inside office hours, so Friday is day 0. Mon 16 (cuti bersama) and
    // Tue 17 (Imlek) are closed, so day 1 is Wed 18 Feb → its close, 16:00.
    expect(add("2026-02-13 15:55", workingDays(1))).toBe("2026-02-18 16:00");
    // If cuti bersama is worked, Mon 16 Feb is day 1.
    expect(add("2026-02-13 15:55", workingDays(1), puskesmas)).toBe("2026-02-16 16:00");
  });

  it("starts counting at the next opening for complaints filed outside office hours", () => {
    // Saturday → work starts Mon 12 Jan (day 0); Tue, Wed, Thu → Thu 15 Jan close.
    expect(add("2026-01-10 09:00", workingDays(3))).toBe("2026-01-15 16:00");
    // Fri 9 Jan 17:00 (after the 16:30 close) → work starts Mon 12 Jan; day 1 is Tue 13 Jan.
    expect(add("2026-01-09 17:00", workingDays(1))).toBe("2026-01-13 16:00");
    // 01:00 WIB Monday = 18:00 UTC Sunday → Monday is day 0 → Tue 6 Jan 16:00 WIB = 09:00 UTC.
    expect(addWorkingTime(new Date("2026-01-04T18:00:00.000Z"), workingDays(1), pemkot).toISOString()).toBe(
      "2026-01-06T09:00:00.000Z",
    );
  });

  it("reads zero working days as the close of the day work starts", () => {
    expect(add("2026-01-05 10:00", workingDays(0))).toBe("2026-01-05 16:00");
    expect(add("2026-01-10 10:00", workingDays(0))).toBe("2026-01-12 16:00");
  });

  it("skips the whole Lebaran closure", () => {
    // Tue 17 Mar 09:00 is day 0. Closed: Wed 18 (CB), Thu 19 (Nyepi), Fri 20 (CB), Sat 21 and
    // Sun 22 (Idul Fitri), Mon 23 and Tue 24 (CB). Days 1–3 are Wed 25, Thu 26, Fri 27 → Friday close 16:30.
    expect(add("2026-03-17 09:00", workingDays(3))).toBe("2026-03-27 16:30");
    // The Puskesmas works the cuti bersama: Wed 18 (1), Fri 20 (2), Mon 23 (3).
    expect(add("2026-03-17 09:00", workingDays(3), puskesmas)).toBe("2026-03-23 16:00");
    // Filed on Nyepi → work starts Wed 25 Mar 07:30 (day 0) → day 1 is Thu 26.
    expect(add("2026-03-19 10:00", workingDays(1))).toBe("2026-03-26 16:00");
  });

  it("skips the Idul Adha / Waisak / Pancasila cluster and the Christmas break", () => {
    // Tue 26 May is day 0. Wed 27 Idul Adha, Thu 28 CB, Fri 29 (1), Sun 31 Waisak, Mon 1 Jun
    // Pancasila, Tue 2 Jun (2), Wed 3 Jun (3).
    expect(add("2026-05-26 10:00", workingDays(3))).toBe("2026-06-03 16:00");
    // Wed 23 Dec is day 0. Thu 24 CB, Fri 25 Christmas, Mon 28 (1), Tue 29 (2).
    expect(add("2026-12-23 10:00", workingDays(2))).toBe("2026-12-29 16:00");
  });

  it("extends the deadline by exactly the working time paused", () => {
    // Unpaused: Mon 5 Jan 10:00 + 3 WD = Thu 8 Jan 16:00, i.e. 360 + 510 + 510 + 510 = 1890 working minutes.
    // Pausing all of Tuesday removes 510 of them, which are made up from Fri 07:30 → Fri 16:00
    // (not the Friday close: the pause is worth one Tuesday, not one Friday).
    const tuesdayPaused = [pause("2026-01-06 07:30", "2026-01-07 07:30")];
    expect(add("2026-01-05 10:00", workingDays(3), pemkot, tuesdayPaused)).toBe("2026-01-09 16:00");
    expect(workingMinutesBetween(wib("2026-01-05 10:00"), wib("2026-01-09 16:00"), pemkot, tuesdayPaused)).toBe(1890);
  });

  it("lets a pause that begins before office hours delay the start", () => {
    // Filed Mon 01:00 and paused until Tue 12:00 (waiting for the reporter). Work would start Mon
    // 07:30; 1 WD = Mon + Tue = 1020 working minutes. Unpaused from Tue 12:00: Tue 240, Wed 510,
    // then 270 minutes from Thu 07:30 → Thu 12:00.
    const waiting = [pause("2026-01-05 01:00", "2026-01-06 12:00")];
    expect(add("2026-01-05 01:00", workingDays(1), pemkot, waiting)).toBe("2026-01-08 12:00");
  });
});

describe("pauses in working units", () => {
  it("pushes a WORKING_HOURS deadline by exactly the 2 working hours paused", () => {
    const unpaused = addWorkingTime(wib("2026-01-05 08:00"), hours(8), pemkot);
    const paused = addWorkingTime(wib("2026-01-05 08:00"), hours(8), pemkot, [pause("2026-01-05 09:00", "2026-01-05 11:00")]);
    expect(asWib(unpaused)).toBe("2026-01-05 16:00");
    // 120 minutes from Tue 07:30.
    expect(asWib(paused)).toBe("2026-01-06 09:30");
    expect(workingMinutesBetween(unpaused, paused, pemkot)).toBe(120);
  });

  it("changes nothing when the pause lies entirely outside office hours", () => {
    const outside = [pause("2026-01-05 16:00", "2026-01-06 07:30"), pause("2026-01-09 16:30", "2026-01-12 07:30")];
    expect(add("2026-01-05 08:00", hours(20), pemkot, outside)).toBe(add("2026-01-05 08:00", hours(20)));
    expect(add("2026-01-05 08:00", workingDays(5), pemkot, outside)).toBe(add("2026-01-05 08:00", workingDays(5)));
  });

  it("counts overlapping pauses once", () => {
    const overlapping = [pause("2026-01-05 09:00", "2026-01-05 10:30"), pause("2026-01-05 10:00", "2026-01-05 11:00")];
    const merged = [pause("2026-01-05 09:00", "2026-01-05 11:00")];
    expect(add("2026-01-05 08:00", hours(8), pemkot, overlapping)).toBe("2026-01-06 09:30");
    expect(add("2026-01-05 08:00", hours(8), pemkot, overlapping)).toBe(add("2026-01-05 08:00", hours(8), pemkot, merged));
  });

  it("resumes the clock at the end of a pause that covers the start", () => {
    expect(add("2026-01-05 10:00", minutes(30), pemkot, [pause("2026-01-05 09:00", "2026-01-05 14:00")])).toBe("2026-01-05 14:30");
  });

  it("ignores empty pauses and rejects reversed ones", () => {
    expect(add("2026-01-05 10:00", minutes(30), pemkot, [pause("2026-01-05 10:10", "2026-01-05 10:10")])).toBe("2026-01-05 10:30");
    expect(() => addWorkingTime(wib("2026-01-05 10:00"), minutes(30), pemkot, [pause("2026-01-05 11:00", "2026-01-05 10:00")])).toThrow(
      /paused\[0\] ends before it starts/,
    );
  });
});

describe("addWorkingTime in CALENDAR_DAYS", () => {
  // Issue #20 changed the rule: the limit no longer ends N × 24 h later at whatever hour, but at the
  // close of office hours on its last day, or of the next working day when that day is closed (ADR 029).
  it("counts weekends and holidays as days, and ends at the close of the last day", () => {
    // 5 Jan + 60 days: 26 to 31 Jan, 28 to 28 Feb, 6 more → Fri 6 Mar, which closes at 16:30.
    expect(add("2026-01-05 10:00", calendarDays(60))).toBe("2026-03-06 16:30");
    // Filed at night: the date counts, not the hour (Thu 16 Apr closes at 16:00).
    expect(add("2026-03-17 21:15", calendarDays(30))).toBe("2026-04-16 16:00");
  });

  it("runs on to the next working day's close when the last day is closed", () => {
    // Issue #20: assigned Mon 7 Dec 2026 23:11; 5 Feb 2027 is cuti bersama (Imlek), then a weekend.
    const with2027 = createCalendar(calendarWith({ holidays: [...HOLIDAYS_2026, { date: "2027-02-05", kind: "CUTI_BERSAMA" }, { date: "2027-02-06", kind: "NATIONAL" }] }));
    expect(add("2026-12-07 23:11", calendarDays(60), with2027)).toBe("2027-02-08 16:00");
    // A unit that works on cuti bersama keeps that Friday.
    const open2027 = createCalendar(calendarWith({ observesCutiBersama: false, holidays: [{ date: "2027-02-05", kind: "CUTI_BERSAMA" }] }));
    expect(add("2026-12-07 23:11", calendarDays(60), open2027)).toBe("2027-02-05 16:30");
    // 14 Mar + 5 = Thu 19 Mar (Nyepi), then cuti bersama, Idul Fitri and a weekend until Wed 25 Mar.
    expect(add("2026-03-14 09:00", calendarDays(5))).toBe("2026-03-25 16:00");
    expect(add("2026-03-14 09:00", calendarDays(6))).toBe("2026-03-25 16:00");
    // A Saturday office closes that day at noon.
    expect(add("2026-01-03 09:00", calendarDays(7), withSaturday)).toBe("2026-01-10 12:00");
  });

  it("ends at the close of the start's own day for N = 0, or the next working day's once it has closed", () => {
    expect(add("2026-01-05 10:00", calendarDays(0))).toBe("2026-01-05 16:00");
    expect(add("2026-01-05 19:00", calendarDays(0))).toBe("2026-01-06 16:00");
    expect(add("2026-01-03 10:00", calendarDays(0))).toBe("2026-01-05 16:00");
  });

  it("extends the last day by pause time between the start and the deadline only", () => {
    // Two days paused: 60 days of running time end on Sun 8 Mar → Mon 9 Mar at close.
    expect(add("2026-01-05 10:00", calendarDays(60), pemkot, [pause("2026-02-01 00:00", "2026-02-03 00:00")])).toBe("2026-03-09 16:00");
    // Only the day of this pause after the start counts: Sat 7 Mar → Mon 9 Mar.
    expect(add("2026-01-05 10:00", calendarDays(60), pemkot, [pause("2026-01-04 10:00", "2026-01-06 10:00")])).toBe("2026-03-09 16:00");
    // Six hours paused move the running time's end past midnight only when it was close to it.
    expect(add("2026-01-05 10:00", calendarDays(60), pemkot, [pause("2026-02-01 00:00", "2026-02-01 06:00")])).toBe("2026-03-06 16:30");
    expect(add("2026-01-05 20:00", calendarDays(60), pemkot, [pause("2026-02-01 00:00", "2026-02-01 06:00")])).toBe("2026-03-09 16:00");
    // A pause after the deadline has no effect; overlapping pauses count once.
    expect(add("2026-01-05 10:00", calendarDays(60), pemkot, [pause("2026-04-01 00:00", "2026-04-05 00:00")])).toBe("2026-03-06 16:30");
    const overlapping = [pause("2026-02-01 00:00", "2026-02-02 12:00"), pause("2026-02-02 00:00", "2026-02-03 00:00")];
    expect(add("2026-01-05 10:00", calendarDays(60), pemkot, overlapping)).toBe("2026-03-09 16:00");
    expect(elapsedMinutesBetween(wib("2026-01-05 10:00"), wib("2026-03-08 10:00"), overlapping)).toBe(60 * 1440);
  });
});

describe("duration validation", () => {
  it.each([
    [{ amount: -1, unit: "WORKING_MINUTES" }, /finite number >= 0/],
    [{ amount: Number.NaN, unit: "WORKING_HOURS" }, /finite number >= 0/],
    [{ amount: 1.5, unit: "WORKING_DAYS" }, /whole number of days/],
    [{ amount: 0.5, unit: "CALENDAR_DAYS" }, /whole number of days/],
  ] satisfies Array<[Duration, RegExp]>)("rejects %o", (duration, message) => {
    expect(() => addWorkingTime(wib("2026-01-05 10:00"), duration, pemkot)).toThrow(message);
  });

  it("rejects an invalid Date", () => {
    expect(() => addWorkingTime(new Date(Number.NaN), minutes(1), pemkot)).toThrow(/start is an invalid Date/);
  });
});

describe("timezones with daylight saving time", () => {
  // Amsterdam moves to CEST on Sun 29 Mar 2026 and back to CET on Sun 25 Oct 2026.
  const sundayAllDay = createCalendar({
    timezone: "Europe/Amsterdam",
    weeklyHours: [{ weekday: 7, open: "00:00", close: "24:00" }],
    holidays: [],
    observesCutiBersama: true,
  });
  const amsterdamOffice = createCalendar({
    timezone: "Europe/Amsterdam",
    weeklyHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1 | 2 | 3 | 4 | 5, open: "09:00", close: "17:00" })),
    holidays: [],
    observesCutiBersama: true,
  });

  it("gives the short and long Sundays their true length", () => {
    // Saturday noon to Monday noon UTC covers the whole local Sunday and no other open time.
    const minutesOnSunday = (saturday: string, monday: string) =>
      workingMinutesBetween(new Date(`${saturday}T12:00:00Z`), new Date(`${monday}T12:00:00Z`), sundayAllDay);
    expect(minutesOnSunday("2026-03-28", "2026-03-30")).toBe(23 * 60);
    expect(minutesOnSunday("2026-10-24", "2026-10-26")).toBe(25 * 60);
    expect(minutesOnSunday("2026-01-10", "2026-01-12")).toBe(24 * 60);
    // Local midnight after the spring switch is 22:00 UTC (CEST), before it 23:00 UTC (CET).
    expect(isWorkingInstant(new Date("2026-03-28T22:59:59.999Z"), sundayAllDay)).toBe(false);
    expect(isWorkingInstant(new Date("2026-03-28T23:00:00.000Z"), sundayAllDay)).toBe(true);
    expect(isWorkingInstant(new Date("2026-03-29T21:59:59.999Z"), sundayAllDay)).toBe(true);
    expect(isWorkingInstant(new Date("2026-03-29T22:00:00.000Z"), sundayAllDay)).toBe(false);
  });

  it("resolves skipped and repeated wall-clock times like Temporal's 'compatible' mode", () => {
    const earlySunday = createCalendar({
      timezone: "Europe/Amsterdam",
      weeklyHours: [{ weekday: 7, open: "02:30", close: "04:00" }],
      holidays: [],
      observesCutiBersama: true,
    });
    // 29 Mar: 02:30 does not exist (02:00 CET → 03:00 CEST) and is pushed forward to 03:30 CEST.
    expect(nextWorkingInstant(new Date("2026-03-28T12:00:00Z"), earlySunday).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(workingMinutesBetween(new Date("2026-03-28T12:00:00Z"), new Date("2026-03-30T00:00:00Z"), earlySunday)).toBe(30);
    // 25 Oct: 02:30 happens twice; the earlier one (CEST, 00:30 UTC) opens, 04:00 CET closes.
    expect(nextWorkingInstant(new Date("2026-10-24T12:00:00Z"), earlySunday).toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(workingMinutesBetween(new Date("2026-10-24T12:00:00Z"), new Date("2026-10-26T00:00:00Z"), earlySunday)).toBe(150);
  });

  it("resolves openings on each side of the switch with the offset then in force", () => {
    // Friday 17:00 CET = 16:00 UTC; Monday 09:00 CEST = 07:00 UTC.
    expect(isWorkingInstant(new Date("2026-03-27T15:59:59.999Z"), amsterdamOffice)).toBe(true);
    expect(isWorkingInstant(new Date("2026-03-27T16:00:00.000Z"), amsterdamOffice)).toBe(false);
    expect(nextWorkingInstant(new Date("2026-03-27T16:00:00.000Z"), amsterdamOffice).toISOString()).toBe("2026-03-30T07:00:00.000Z");
  });
});
