import { describe, expect, it } from "vitest";
import { createCalendar, DEFAULT_OFFICE_HOURS, isWorkingInstant, type CalendarHoliday } from "~/domain/calendar/working-time";
import { computeSlaSnapshot, type ClockEvent } from "./clock";
import { computeSlaDuties, doneDuties, escalatedStages, reminderTime, withDutiesDone, type DoneDuties } from "./escalation";

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
    // A missed verification goes to the coordinators, who verify (issue #20; it went to the unit head).
    expect(levels(wib("2026-09-10T16:00:00"))).toEqual([[1, "COORDINATOR"]]);
    expect(levels(wib("2026-09-14T15:59:00"))).toEqual([[1, "COORDINATOR"]]);
    expect(levels(wib("2026-09-14T16:00:00"))).toEqual([[1, "COORDINATOR"], [2, "INSPECTORATE"]]);
    expect(levels(wib("2026-09-16T16:00:00"))).toEqual([[1, "COORDINATOR"], [2, "INSPECTORATE"], [3, "LIAISON"]]);
  });

  it("skips what was already done and then looks again at the next level", () => {
    const breach = wib("2026-09-10T16:00:00");
    const done = doneDuties({ escalations: [{ stage: "VERIFICATION", level: 1, cycleStartedAt: submitted[0]!.occurredAt, breachedDueAt: breach, settledReason: null }] });
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
  it("reads the stages back from recorded escalations", () => {
    const at = new Date("2026-01-12T09:00:00Z");
    const recorded = (stage: "FIRST_RESPONSE" | "APPEAL_REVIEW", level: number) => ({ stage, level, cycleStartedAt: at, breachedDueAt: at, settledReason: null });
    const done = doneDuties({ escalations: [recorded("FIRST_RESPONSE", 1), recorded("FIRST_RESPONSE", 2), recorded("APPEAL_REVIEW", 1)] });
    expect(escalatedStages(done)).toEqual(new Set(["FIRST_RESPONSE", "APPEAL_REVIEW"]));
  });
});


describe("a configuration change after an escalation (issue #20)", () => {
  // Assigned Mon 15 Feb 2027: five working days end Mon 22 Feb at close. A holiday added afterwards
  // on Wed 17 Feb moves that deadline to Tue 23 Feb 16:00.
  const assigned: ClockEvent[] = [
    { type: "SUBMITTED", toStatus: "SUBMITTED", occurredAt: wib("2027-02-15T08:00:00") },
    { type: "VERIFIED", toStatus: "VERIFIED", occurredAt: wib("2027-02-15T08:30:00") },
    { type: "ASSIGNED", toStatus: "ASSIGNED", occurredAt: wib("2027-02-15T09:00:00") },
  ];
  const before = calendar;
  const after = createCalendar({ ...before.definition, holidays: [{ date: "2027-02-17", kind: "NATIONAL" } satisfies CalendarHoliday] });
  const look = (cal: typeof calendar, now: Date, done: DoneDuties) => computeSlaDuties(computeSlaSnapshot(assigned, policy, cal, now), policy, cal, now, done);
  const escalated = () => {
    const now = wib("2027-02-22T16:01:00");
    const duties = look(before, now, doneDuties());
    expect(duties.escalations.map((e) => [e.stage, e.level, e.role, e.breachedDueAt])).toEqual([["FIRST_RESPONSE", 1, "UNIT_HEAD", wib("2027-02-22T16:00:00")]]);
    return withDutiesDone(doneDuties(), duties);
  };

  it("keeps the one escalation and records the new deadline when it has passed too", () => {
    const duties = look(after, wib("2027-02-24T09:00:00"), escalated());
    expect(duties.escalations).toEqual([]);
    expect(duties.revisions).toEqual([
      expect.objectContaining({ stage: "FIRST_RESPONSE", level: 1, outcome: "KEPT", previousDueAt: wib("2027-02-22T16:00:00"), breachedDueAt: wib("2027-02-23T16:00:00") }),
    ]);
  });

  it("settles it as 'deadline moved' when the new deadline is still ahead, and reopens that same one when it passes", () => {
    let done = escalated();
    const moved = look(after, wib("2027-02-22T17:00:00"), done);
    expect(moved.escalations).toEqual([]);
    expect(moved.revisions.map((r) => [r.level, r.outcome, r.breachedDueAt])).toEqual([[1, "SETTLED", wib("2027-02-23T16:00:00")]]);
    done = withDutiesDone(done, moved);
    // Nothing more is owed until the new deadline.
    expect(look(after, wib("2027-02-22T17:00:00"), done).nextCheckAt).toEqual(wib("2027-02-23T16:00:00"));
    const missedAgain = look(after, wib("2027-02-23T16:01:00"), done);
    expect(missedAgain.escalations).toEqual([]);
    expect(missedAgain.revisions.map((r) => [r.level, r.outcome])).toEqual([[1, "REOPENED"]]);
    done = withDutiesDone(done, missedAgain);
    // Level 2 is new, from the moved deadline: two working days after Tue 23 Feb, Thu 25 Feb at close.
    expect(look(after, wib("2027-02-25T15:59:00"), done)).toMatchObject({ escalations: [], revisions: [], nextCheckAt: wib("2027-02-25T16:00:00") });
    expect(look(after, wib("2027-02-25T16:00:00"), done).escalations.map((e) => [e.level, e.role])).toEqual([[2, "INSPECTORATE"]]);
  });

  it("owes nothing when the change leaves the deadline where it was", () => {
    const done = escalated();
    expect(look(before, wib("2027-02-23T09:00:00"), done)).toMatchObject({ escalations: [], revisions: [], reminders: [] });
  });
});

describe("reminders of a calendar-day target", () => {
  it("fall inside office hours", () => {
    const events: ClockEvent[] = [
      ...submitted,
      { type: "VERIFIED", toStatus: "VERIFIED", occurredAt: wib("2026-09-07T09:00:00") },
      { type: "ASSIGNED", toStatus: "ASSIGNED", occurredAt: wib("2026-09-07T21:00:00") },
    ];
    const target = { amount: 60, unit: "CALENDAR_DAYS" as const };
    const withResolution = { ...policy, targets: { ...policy.targets, RESOLUTION: target } };
    const clock = computeSlaSnapshot(events, withResolution, calendar, wib("2026-09-08T09:00:00")).stages.RESOLUTION!;
    // 60 days after Mon 7 Sep is Fri 6 Nov, at its close.
    expect(clock.dueAt).toEqual(wib("2026-11-06T16:30:00"));
    const remindAt = reminderTime(clock as typeof clock & { dueAt: Date }, target, 75, calendar);
    // 75 % of the calendar time falls on Thu 22 Oct at 17:37, after closing: it waits for Friday's opening.
    expect(remindAt).toEqual(wib("2026-10-23T07:30:00"));
    expect(isWorkingInstant(remindAt, calendar)).toBe(true);
  });
});
