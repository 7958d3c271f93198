// Properties of the working-time module over random Jakarta calendars, instants in 2025–2027,
// durations and pauses. Where a property needs "is the office open", it asks an oracle written
// here with plain UTC+7 arithmetic, so the module's Intl offset resolution and memo tables are
// checked rather than trusted.
import fc from "fast-check";
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
  type CompiledCalendar,
  type Duration,
  type Interval,
  type IsoWeekday,
  type OfficeHours,
  type WorkingCalendar,
} from "./working-time";

const NUM_RUNS = 300;
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
const WIB_OFFSET_MS = 7 * MS_PER_HOUR;
const FIRST_INSTANT_MS = Date.UTC(2025, 0, 1) - WIB_OFFSET_MS;
const LAST_INSTANT_MS = Date.UTC(2028, 0, 1) - WIB_OFFSET_MS - 1;
const TOLERANCE_MINUTES = 1e-6;

const HOLIDAYS_2026: CalendarHoliday[] = [
  ...["2026-01-01", "2026-01-16", "2026-02-17", "2026-03-19", "2026-03-21", "2026-03-22", "2026-04-03", "2026-04-05",
    "2026-05-01", "2026-05-14", "2026-05-27", "2026-05-31", "2026-06-01", "2026-06-16", "2026-08-17", "2026-08-25",
    "2026-12-25"].map((date): CalendarHoliday => ({ date, kind: "NATIONAL" })),
  ...["2026-02-16", "2026-03-18", "2026-03-20", "2026-03-23", "2026-03-24", "2026-05-15", "2026-05-28",
    "2026-12-24"].map((date): CalendarHoliday => ({ date, kind: "CUTI_BERSAMA" })),
];

// ───────────────────────────── oracle (Asia/Jakarta only) ─────────────────────────────

interface Scenario {
  definition: WorkingCalendar;
  cal: CompiledCalendar;
  closedLocalDays: Set<number>;
  hoursByWeekday: Map<number, { openMs: number; closeMs: number }>;
}

function scenarioOf(definition: WorkingCalendar): Scenario {
  const closedLocalDays = new Set(
    definition.holidays
      .filter((holiday) => holiday.kind !== "CUTI_BERSAMA" || definition.observesCutiBersama)
      .map((holiday) => Date.parse(`${holiday.date}T00:00:00Z`) / MS_PER_DAY),
  );
  const toMs = (time: string) => (Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))) * MS_PER_MINUTE;
  const hoursByWeekday = new Map(
    definition.weeklyHours.map((hours) => [hours.weekday, { openMs: toMs(hours.open), closeMs: toMs(hours.close) }]),
  );
  return { definition, cal: createCalendar(definition), closedLocalDays, hoursByWeekday };
}

/** Office hours of a WIB local day as UTC epoch ms, or undefined when closed. */
function oracleSpan(scenario: Scenario, localDay: number): { startMs: number; endMs: number } | undefined {
  if (scenario.closedLocalDays.has(localDay)) return undefined;
  const isoWeekday = ((((localDay + 3) % 7) + 7) % 7) + 1;
  const hours = scenario.hoursByWeekday.get(isoWeekday);
  if (hours === undefined) return undefined;
  const midnightMs = localDay * MS_PER_DAY - WIB_OFFSET_MS;
  return { startMs: midnightMs + hours.openMs, endMs: midnightMs + hours.closeMs };
}

const oracleLocalDay = (utcMs: number) => Math.floor((utcMs + WIB_OFFSET_MS) / MS_PER_DAY);
const localMidnightMs = (localDay: number) => localDay * MS_PER_DAY - WIB_OFFSET_MS;

function oracleIsOpen(scenario: Scenario, utcMs: number): boolean {
  const span = oracleSpan(scenario, oracleLocalDay(utcMs));
  return span !== undefined && span.startMs <= utcMs && utcMs < span.endMs;
}

const isPaused = (pauses: readonly Interval[], utcMs: number) =>
  pauses.some((pause) => pause.start.getTime() <= utcMs && utcMs < pause.end.getTime());

// ───────────────────────────── arbitraries ─────────────────────────────

const randomWeeklyHours: fc.Arbitrary<OfficeHours[]> = fc
  .uniqueArray(
    fc.record({
      weekday: fc.integer({ min: 1, max: 7 }),
      openHalfHour: fc.integer({ min: 12, max: 36 }),
      lengthHalfHours: fc.integer({ min: 1, max: 20 }),
    }),
    { selector: (hours) => hours.weekday, minLength: 1, maxLength: 7 },
  )
  .map((days) =>
    days.map(({ weekday, openHalfHour, lengthHalfHours }) => ({
      weekday: weekday as IsoWeekday,
      open: timeOfHalfHour(openHalfHour),
      // Up to "24:00"; opening no earlier than 06:00 keeps consecutive days from touching.
      close: timeOfHalfHour(Math.min(openHalfHour + lengthHalfHours, 48)),
    })),
  );

function timeOfHalfHour(halfHour: number): string {
  return `${String(Math.floor(halfHour / 2)).padStart(2, "0")}:${halfHour % 2 === 0 ? "00" : "30"}`;
}

const randomHolidays: fc.Arbitrary<CalendarHoliday[]> = fc
  .tuple(
    fc.subarray(HOLIDAYS_2026),
    fc.array(
      fc.record({
        localDay: fc.integer({ min: oracleLocalDay(FIRST_INSTANT_MS), max: oracleLocalDay(LAST_INSTANT_MS) + 30 }),
        kind: fc.constantFrom<CalendarHoliday["kind"]>("NATIONAL", "CUTI_BERSAMA", "LOCAL"),
      }),
      { maxLength: 40 },
    ),
  )
  .map(([known, extra]) => [
    ...known,
    ...extra.map(({ localDay, kind }) => ({ date: new Date(localDay * MS_PER_DAY).toISOString().slice(0, 10), kind })),
  ]);

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    weeklyHours: fc.oneof(fc.constant(DEFAULT_OFFICE_HOURS), randomWeeklyHours),
    holidays: randomHolidays,
    observesCutiBersama: fc.boolean(),
  })
  .map((parts) => scenarioOf({ timezone: "Asia/Jakarta", ...parts }));

/** Any millisecond, or a round minute / half hour so openings and closings are hit exactly. */
const instantArb: fc.Arbitrary<Date> = fc
  .tuple(fc.integer({ min: FIRST_INSTANT_MS, max: LAST_INSTANT_MS }), fc.constantFrom(1, MS_PER_MINUTE, 30 * MS_PER_MINUTE))
  .map(([ms, grain]) => new Date(Math.floor(ms / grain) * grain));

/** Pauses around `start`: short (up to a working day) or long (up to ten days), possibly overlapping. */
function pausesAround(startArb: fc.Arbitrary<Date>, grainMs = 1) {
  return fc.tuple(
    startArb,
    fc.array(
      fc.record({
        offsetMs: fc.integer({ min: -5 * MS_PER_DAY, max: 90 * MS_PER_DAY }),
        lengthMs: fc.oneof(fc.integer({ min: 0, max: 9 * MS_PER_HOUR }), fc.integer({ min: 0, max: 10 * MS_PER_DAY })),
      }),
      { maxLength: 4 },
    ),
  ).map(([start, raw]) => ({
    start,
    pauses: raw.map(({ offsetMs, lengthMs }): Interval => {
      const from = Math.floor((start.getTime() + offsetMs) / grainMs) * grainMs;
      return { start: new Date(from), end: new Date(from + Math.floor(lengthMs / grainMs) * grainMs) };
    }),
  }));
}

const extraPauseArb = fc.record({
  offsetMs: fc.integer({ min: -2 * MS_PER_DAY, max: 60 * MS_PER_DAY }),
  lengthMs: fc.integer({ min: 0, max: 5 * MS_PER_DAY }),
});

const workingUnitArb = fc.constantFrom<Duration["unit"]>("WORKING_MINUTES", "WORKING_HOURS", "WORKING_DAYS");
const anyUnitArb = fc.constantFrom<Duration["unit"]>("WORKING_MINUTES", "WORKING_HOURS", "WORKING_DAYS", "CALENDAR_DAYS");

/** Amounts in the ranges the SLA policies use: up to 20000 minutes (333 hours) or 60 days. */
function amountArb(unit: Duration["unit"]): fc.Arbitrary<number> {
  if (unit === "WORKING_MINUTES") return fc.integer({ min: 0, max: 20_000 });
  if (unit === "WORKING_HOURS") return fc.integer({ min: 0, max: 333 });
  return fc.integer({ min: 0, max: 60 });
}

const durationArb = (units: fc.Arbitrary<Duration["unit"]>) =>
  units.chain((unit) => amountArb(unit).map((amount): Duration => ({ amount, unit })));

const durationPairArb = (units: fc.Arbitrary<Duration["unit"]>) =>
  units.chain((unit) =>
    fc.tuple(amountArb(unit), amountArb(unit)).map(([x, y]): [Duration, Duration] => [
      { amount: Math.min(x, y), unit },
      { amount: Math.max(x, y), unit },
    ]),
  );

const check = <Ts>(property: fc.IRawProperty<Ts>) => fc.assert(property, { numRuns: NUM_RUNS });

// ───────────────────────────── properties ─────────────────────────────

describe("addWorkingTime properties", () => {
  it("never lands inside a closed interval: the millisecond before a positive deadline is worked and unpaused", () => {
    check(
      fc.property(scenarioArb, pausesAround(instantArb), durationArb(workingUnitArb), (scenario, { start, pauses }, duration) => {
        fc.pre(duration.amount > 0);
        const deadlineMs = addWorkingTime(start, duration, scenario.cal, pauses).getTime();
        expect(oracleIsOpen(scenario, deadlineMs - 1)).toBe(true);
        expect(isPaused(pauses, deadlineMs - 1)).toBe(false);
      }),
    );
  });

  it("is monotone in the amount", () => {
    check(
      fc.property(scenarioArb, pausesAround(instantArb), durationPairArb(anyUnitArb), (scenario, { start, pauses }, [shorter, longer]) => {
        const early = addWorkingTime(start, shorter, scenario.cal, pauses).getTime();
        const late = addWorkingTime(start, longer, scenario.cal, pauses).getTime();
        expect(early).toBeLessThanOrEqual(late);
      }),
    );
  });

  it("adds exactly the requested working minutes (and calendar minutes for CALENDAR_DAYS)", () => {
    check(
      fc.property(scenarioArb, pausesAround(instantArb), durationArb(anyUnitArb), (scenario, { start, pauses }, duration) => {
        const deadline = addWorkingTime(start, duration, scenario.cal, pauses);
        switch (duration.unit) {
          case "WORKING_MINUTES":
          case "WORKING_HOURS": {
            const expected = duration.unit === "WORKING_HOURS" ? duration.amount * 60 : duration.amount;
            expect(Math.abs(workingMinutesBetween(start, deadline, scenario.cal, pauses) - expected)).toBeLessThan(TOLERANCE_MINUTES);
            break;
          }
          case "WORKING_DAYS": {
            // The paused deadline carries the unpaused deadline's working time, measured from the start of work.
            const workStarts = nextWorkingInstant(start, scenario.cal);
            const unpaused = addWorkingTime(start, duration, scenario.cal);
            const expected = workingMinutesBetween(workStarts, unpaused, scenario.cal);
            expect(Math.abs(workingMinutesBetween(workStarts, deadline, scenario.cal, pauses) - expected)).toBeLessThan(TOLERANCE_MINUTES);
            break;
          }
          case "CALENDAR_DAYS": {
            // Issue #20 changed this case from "exactly N × 1440 unpaused minutes" to: the close of
            // the first open day on or after the day by whose end they have run (ADR 029).
            const day = oracleLocalDay(deadline.getTime() - 1);
            expect(oracleSpan(scenario, day)?.endMs).toBe(deadline.getTime());
            expect(day).toBeGreaterThanOrEqual(oracleLocalDay(start.getTime()) + duration.amount);
            const runBy = (localDay: number) => elapsedMinutesBetween(start, new Date(localMidnightMs(localDay + 1) - 1), pauses) >= duration.amount * 1440;
            expect(runBy(day)).toBe(true);
            for (let earlier = oracleLocalDay(start.getTime()) + duration.amount; earlier < day; earlier++) {
              const span = oracleSpan(scenario, earlier);
              expect(!runBy(earlier) || span === undefined || span.endMs < start.getTime()).toBe(true);
            }
            break;
          }
        }
      }),
    );
  });

  it("is never shortened by a pause, nor by adding another pause", () => {
    check(
      fc.property(
        scenarioArb,
        pausesAround(instantArb),
        durationArb(anyUnitArb),
        extraPauseArb,
        (scenario, { start, pauses }, duration, extra) => {
          const unpaused = addWorkingTime(start, duration, scenario.cal).getTime();
          const paused = addWorkingTime(start, duration, scenario.cal, pauses).getTime();
          const extraStart = start.getTime() + extra.offsetMs;
          const morePauses = [...pauses, { start: new Date(extraStart), end: new Date(extraStart + extra.lengthMs) }];
          const morePaused = addWorkingTime(start, duration, scenario.cal, morePauses).getTime();
          expect(paused).toBeGreaterThanOrEqual(unpaused);
          expect(morePaused).toBeGreaterThanOrEqual(paused);
        },
      ),
    );
  });

  it("never returns an instant before the start", () => {
    check(
      fc.property(scenarioArb, pausesAround(instantArb), durationArb(anyUnitArb), (scenario, { start, pauses }, duration) => {
        expect(addWorkingTime(start, duration, scenario.cal, pauses).getTime()).toBeGreaterThanOrEqual(start.getTime());
      }),
    );
  });

  it("agrees with a minute-by-minute simulation for minute-aligned inputs", () => {
    const minuteInstantArb = instantArb.map((at) => new Date(Math.floor(at.getTime() / MS_PER_MINUTE) * MS_PER_MINUTE));
    check(
      fc.property(
        scenarioArb,
        pausesAround(minuteInstantArb, MS_PER_MINUTE),
        fc.integer({ min: 0, max: 3_000 }),
        (scenario, { start, pauses }, amount) => {
          let cursorMs = start.getTime();
          for (let counted = 0; counted < amount; cursorMs += MS_PER_MINUTE) {
            if (oracleIsOpen(scenario, cursorMs) && !isPaused(pauses, cursorMs)) counted++;
          }
          const deadline = addWorkingTime(start, { amount, unit: "WORKING_MINUTES" }, scenario.cal, pauses);
          expect(deadline.getTime()).toBe(cursorMs);
        },
      ),
    );
  });

  it("puts an unpaused WORKING_DAYS deadline at the close of the N-th working day after work starts", () => {
    check(
      fc.property(scenarioArb, instantArb, fc.integer({ min: 0, max: 60 }), (scenario, start, amount) => {
        let localDay = oracleLocalDay(start.getTime());
        while (oracleSpan(scenario, localDay) === undefined || start.getTime() >= oracleSpan(scenario, localDay)!.endMs) localDay++;
        for (let counted = 0; counted < amount; ) {
          localDay++;
          if (oracleSpan(scenario, localDay) !== undefined) counted++;
        }
        const deadline = addWorkingTime(start, { amount, unit: "WORKING_DAYS" }, scenario.cal);
        expect(deadline.getTime()).toBe(oracleSpan(scenario, localDay)!.endMs);
      }),
    );
  });

  // Issue #20 replaced "whole 24-hour days" (a deadline at 23:11 on a cuti bersama day) with the
  // close of office hours on the N-th calendar day, or on the next working day when it is closed.
  it("puts an unpaused CALENDAR_DAYS deadline at the close of the N-th calendar day, or of the next working day", () => {
    check(
      fc.property(scenarioArb, instantArb, fc.integer({ min: 0, max: 60 }), (scenario, start, amount) => {
        let localDay = oracleLocalDay(start.getTime()) + amount;
        while (oracleSpan(scenario, localDay) === undefined || oracleSpan(scenario, localDay)!.endMs < start.getTime()) localDay++;
        const deadline = addWorkingTime(start, { amount, unit: "CALENDAR_DAYS" }, scenario.cal);
        expect(deadline.getTime()).toBe(oracleSpan(scenario, localDay)!.endMs);
      }),
    );
  });

  it("never puts a CALENDAR_DAYS deadline outside office hours or on a closed day, nor before the N-th day's date", () => {
    check(
      fc.property(scenarioArb, pausesAround(instantArb), fc.integer({ min: 0, max: 60 }), (scenario, { start, pauses }, amount) => {
        const deadlineMs = addWorkingTime(start, { amount, unit: "CALENDAR_DAYS" }, scenario.cal, pauses).getTime();
        // The deadline is a closing time: the millisecond before it is office time of an open day.
        expect(oracleIsOpen(scenario, deadlineMs - 1)).toBe(true);
        expect(isWorkingInstant(new Date(deadlineMs), scenario.cal)).toBe(false);
        expect(oracleLocalDay(deadlineMs - 1)).toBeGreaterThanOrEqual(oracleLocalDay(start.getTime()) + amount);
      }),
    );
  });
});

describe("workingMinutesBetween and office-hour queries", () => {
  it("is additive over adjacent ranges", () => {
    check(
      fc.property(
        scenarioArb,
        pausesAround(instantArb),
        fc.array(fc.integer({ min: 0, max: 120 * MS_PER_DAY }), { minLength: 2, maxLength: 2 }),
        (scenario, { start: a, pauses }, gaps) => {
          const [first = 0, second = 0] = gaps;
          const b = new Date(a.getTime() + first);
          const c = new Date(b.getTime() + second);
          const whole = workingMinutesBetween(a, c, scenario.cal, pauses);
          const parts = workingMinutesBetween(a, b, scenario.cal, pauses) + workingMinutesBetween(b, c, scenario.cal, pauses);
          expect(Math.abs(whole - parts)).toBeLessThan(TOLERANCE_MINUTES);
        },
      ),
    );
  });

  it("agrees with the UTC+7 oracle on whether the office is open", () => {
    check(
      fc.property(scenarioArb, instantArb, (scenario, at) => {
        expect(isWorkingInstant(at, scenario.cal)).toBe(oracleIsOpen(scenario, at.getTime()));
      }),
    );
  });

  it("finds the next opening with no working time skipped on the way", () => {
    check(
      fc.property(scenarioArb, instantArb, (scenario, at) => {
        const next = nextWorkingInstant(at, scenario.cal);
        expect(oracleIsOpen(scenario, next.getTime())).toBe(true);
        expect(workingMinutesBetween(at, next, scenario.cal)).toBe(0);
        if (oracleIsOpen(scenario, at.getTime())) expect(next.getTime()).toBe(at.getTime());
      }),
    );
  });
});
