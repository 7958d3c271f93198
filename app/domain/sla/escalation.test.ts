import { describe, expect, it } from "vitest";
import { createCalendar, DEFAULT_OFFICE_HOURS } from "~/domain/calendar/working-time";
import { computeSlaSnapshot, type ClockEvent } from "./clock";
import { computeSlaDuties, escalatedStages, escalationKey } from "./escalation";

const calendar = createCalendar({ timezone: "Asia/Jakarta", weeklyHours: DEFAULT_OFFICE_HOURS, holidays: [], observesCutiBersama: true });
const policy = {
  targets: {
    VERIFICATION: { amount: 3, unit: "WORKING_DAYS" as const },
    FIRST_RESPONSE: { amount: 5, unit: "WORKING_DAYS" as const },
    CONFIRMATION: { amount: 10, unit: "WORKING_DAYS" as const },
  },
  pauseStatuses: ["AWAITING_CITIZEN" as const],
  reminderPercent: 75,
  escalationStep: { amount: 2, unit: "WORKING_DAYS" as const },
};
const wib = (local: string) => new Date(`${local}+07:00`);
const submitted: ClockEvent[] = [{ type: "SUBMITTED", toStatus: "SUBMITTED", occurredAt: wib("2026-09-07T08:00:00") }]; // Monday; due Thu 10 Sep 16:00
const duties = (now: Date, events = submitted, done?: Parameters<typeof computeSlaDuties>[4]) =>
  computeSlaDuties(computeSlaSnapshot(events, policy, calendar, now), policy, calendar, now, done);

describe("SLA duties", () => {
  it("owes nothing before the reminder, and says when to look", () => {
    const result = duties(wib("2026-09-08T08:00:00"));
    expect(result).toMatchObject({ escalations: [], reminders: [], autoClose: null });
    expect(result.nextCheckAt!.getTime()).toBeGreaterThan(wib("2026-09-08T08:00:00").getTime());
  });

  it("climbs the ladder one level per escalation step after the missed deadline", () => {
    const levels = (now: Date) => duties(now).escalations.map((e) => [e.level, e.role]);
    expect(levels(wib("2026-09-10T16:00:00"))).toEqual([[1, "UNIT_HEAD"]]);
    expect(levels(wib("2026-09-14T15:59:00"))).toEqual([[1, "UNIT_HEAD"]]);
    expect(levels(wib("2026-09-14T16:00:00"))).toEqual([[1, "UNIT_HEAD"], [2, "INSPECTORATE"]]);
    expect(levels(wib("2026-09-16T16:00:00"))).toEqual([[1, "UNIT_HEAD"], [2, "INSPECTORATE"], [3, "LIAISON"]]);
  });

  it("skips what was already done and then looks again at the next level", () => {
    const breach = wib("2026-09-10T16:00:00");
    const done = { escalations: new Set([escalationKey("VERIFICATION", 1, breach)]), reminders: new Set<string>() };
    const result = duties(wib("2026-09-11T09:00:00"), submitted, done);
    expect(result.escalations).toEqual([]);
    expect(result.nextCheckAt).toEqual(wib("2026-09-14T16:00:00"));
  });

  it("auto-closes a lapsed confirmation window instead of escalating it", () => {
    const events: ClockEvent[] = [
      ...submitted,
      { type: "VERIFIED", toStatus: "VERIFIED", occurredAt: wib("2026-09-07T09:00:00") },
      { type: "ASSIGNED", toStatus: "ASSIGNED", occurredAt: wib("2026-09-07T09:00:00") },
      { type: "ACKNOWLEDGED", toStatus: "IN_PROGRESS", occurredAt: wib("2026-09-07T10:00:00") },
      { type: "RESOLUTION_PROPOSED", toStatus: "RESOLVED", occurredAt: wib("2026-09-07T11:00:00") },
    ];
    const result = duties(wib("2026-10-01T09:00:00"), events);
    expect(result.autoClose).toBe("CONFIRMATION");
    expect(result.escalations).toEqual([]);
  });
});

describe("escalatedStages", () => {
  it("reads the stages back from recorded escalation keys", () => {
    const at = new Date("2026-01-12T09:00:00Z");
    const done = { escalations: new Set([escalationKey("FIRST_RESPONSE", 1, at), escalationKey("FIRST_RESPONSE", 2, at), escalationKey("APPEAL_REVIEW", 1, at)]), reminders: new Set<string>() };
    expect(escalatedStages(done)).toEqual(new Set(["FIRST_RESPONSE", "APPEAL_REVIEW"]));
  });
});

