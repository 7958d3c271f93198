import { describe, expect, it } from "vitest";
import { inDigestWindow, needsDigest, wibClock } from "./unit-digest";

describe("unit digest rule", () => {
  it("reads the WIB date and minute (07:10 WIB is 00:10 UTC, the same date)", () => {
    expect(wibClock(new Date("2026-11-23T00:10:00Z"))).toEqual({ date: "2026-11-23", minute: 7 * 60 + 10 });
    expect(wibClock(new Date("2026-11-23T17:30:00Z"))).toEqual({ date: "2026-11-24", minute: 30 });
  });

  it("is written between 07:00 and 07:30 WIB only", () => {
    expect(inDigestWindow(6 * 60 + 59)).toBe(false);
    expect(inDigestWindow(7 * 60)).toBe(true);
    expect(inDigestWindow(7 * 60 + 29)).toBe(true);
    expect(inDigestWindow(7 * 60 + 30)).toBe(false);
  });

  it("writes only to units with something to do", () => {
    expect(needsDigest({ waiting: 0, dueToday: 0, overdue: 0 })).toBe(false);
    expect(needsDigest({ waiting: 0, dueToday: 0, overdue: 1 })).toBe(true);
  });
});
