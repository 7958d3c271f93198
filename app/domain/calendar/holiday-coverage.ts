// Are the holidays of the years the SLA clocks will run through entered? A missing year does not
// fail anything: its holidays and cuti bersama silently count as working days and deadlines come
// early. So the administrator is told in time, as a rule with its source.

export const HOLIDAY_COVERAGE_RULE = {
  /** From this month (WIB) on, next year's list is expected. */
  expectNextYearFromMonth: 10,
  source:
    "The joint decree (SKB 3 Menteri) for 2026 was signed in September 2025 and the one for 2027 on 15 September 2026 " +
    "(prisma/seed/data/holidays.ts); a month's slack before asking.",
} as const;

/** The years whose holidays should be entered by `now` but have none, current year first. */
export function missingHolidayYears(now: Date, yearsWithHolidays: ReadonlySet<number>): number[] {
  const wib = new Date(now.getTime() + 7 * 3_600_000);
  const year = wib.getUTCFullYear();
  const expected = wib.getUTCMonth() + 1 >= HOLIDAY_COVERAGE_RULE.expectNextYearFromMonth ? [year, year + 1] : [year];
  return expected.filter((y) => !yearsWithHolidays.has(y));
}
