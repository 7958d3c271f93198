import { describe, expect, it } from "vitest";
import { missingHolidayYears } from "./holiday-coverage";

const wib = (local: string) => new Date(`${local}+07:00`);

describe("missingHolidayYears", () => {
  it("asks for the current year always, and for the next from October (WIB)", () => {
    expect(missingHolidayYears(wib("2027-09-30T23:59:00"), new Set([2027]))).toEqual([]);
    // 1 October in Jakarta is still 30 September in UTC: the WIB date decides.
    expect(missingHolidayYears(wib("2027-10-01T00:30:00"), new Set([2027]))).toEqual([2028]);
    expect(missingHolidayYears(wib("2027-10-01T00:30:00"), new Set([2027, 2028]))).toEqual([]);
    expect(missingHolidayYears(wib("2028-01-02T08:00:00"), new Set([2027]))).toEqual([2028]);
    expect(missingHolidayYears(wib("2028-11-02T08:00:00"), new Set())).toEqual([2028, 2029]);
  });
});
