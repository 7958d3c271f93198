import { describe, expect, it } from "vitest";
import { createCalendar, DEFAULT_OFFICE_HOURS, type CalendarHoliday } from "~/domain/calendar/working-time";
import { computeSlaSnapshot, type ClockEvent, type SlaPolicyTargets } from "./clock";

// 2026 national holidays and cuti bersama around the cases below (SKB 1497/2025, 2/2025, 5/2025).
const HOLIDAYS: CalendarHoliday[] = [
  { date: "2026-02-16", kind: "CUTI_BERSAMA" },
  { date: "2026-02-17", kind: "NATIONAL" },
  { date: "2026-08-17", kind: "NATIONAL" },
];
const calendar = createCalendar({ timezone: "Asia/Jakarta", weeklyHours: DEFAULT_OFFICE_HOURS, holidays: HOLIDAYS, observesCutiBersama: true });
const policy: SlaPolicyTargets = {
  targets: {
    VERIFICATION: { amount: 3, unit: "WORKING_DAYS" },
    FIRST_RESPONSE: { amount: 5, unit: "WORKING_DAYS" },
    RESOLUTION: { amount: 60, unit: "CALENDAR_DAYS" },
    CITIZEN_REPLY: { amount: 10, unit: "WORKING_DAYS" },
    CONFIRMATION: { amount: 10, unit: "WORKING_DAYS" },
  },
  pauseStatuses: ["AWAITING_CITIZEN"],
};
const wib = (local: string) => new Date(`${local}+07:00`);
const event = (type: string, toStatus: ClockEvent["toStatus"], at: string): ClockEvent => ({ type, toStatus, occurredAt: wib(at) });

describe("SLA clocks replayed from the timeline", () => {
  it("gives a complaint filed Friday 15:55 WIB before cuti bersama and Imlek its verification deadline", () => {
    // Friday 13 Feb is day 0; Mon 16 (cuti bersama) and Tue 17 (Imlek) are closed: Wed 18, Thu 19, Fri 20.
    const snapshot = computeSlaSnapshot([event("SUBMITTED", "SUBMITTED", "2026-02-13T15:55:00")], policy, calendar, wib("2026-02-13T16:00:00"));
    expect(snapshot.stages.VERIFICATION).toMatchObject({ state: "running", dueAt: wib("2026-02-20T16:30:00") });
    expect(snapshot.nextDue).toEqual({ stage: "VERIFICATION", dueAt: wib("2026-02-20T16:30:00") });
  });

  it("stops verification at VERIFIED and starts the unit's clocks at assignment", () => {
    const snapshot = computeSlaSnapshot(
      [
        event("SUBMITTED", "SUBMITTED", "2026-08-10T09:00:00"),
        event("VERIFIED", "VERIFIED", "2026-08-11T10:00:00"),
        event("ASSIGNED", "ASSIGNED", "2026-08-11T10:05:00"),
      ],
      policy,
      calendar,
      wib("2026-08-12T08:00:00"),
    );
    expect(snapshot.stages.VERIFICATION).toMatchObject({ state: "met", stoppedAt: wib("2026-08-11T10:00:00") });
    // Tue 11 Aug is day 0; Mon 17 Aug is a holiday: Wed 12, Thu 13, Fri 14, Tue 18, Wed 19.
    expect(snapshot.stages.FIRST_RESPONSE).toMatchObject({ state: "running", dueAt: wib("2026-08-19T16:00:00") });
    // 60 calendar days from Tue 11 Aug end on Sat 10 Oct, a closed day: Monday's close (issue #20; was Sat 10:05).
    expect(snapshot.stages.RESOLUTION?.dueAt).toEqual(wib("2026-10-12T16:00:00"));
    expect(snapshot.nextDue?.stage).toBe("FIRST_RESPONSE");
  });

  it("pauses the unit's clocks while waiting for the citizen and resumes them on the reply", () => {
    const base = [
      event("SUBMITTED", "SUBMITTED", "2026-03-02T08:00:00"),
      event("VERIFIED", "VERIFIED", "2026-03-02T09:00:00"),
      event("ASSIGNED", "ASSIGNED", "2026-03-02T09:00:00"),
      event("ACKNOWLEDGED", "IN_PROGRESS", "2026-03-02T10:00:00"),
      event("INFO_REQUESTED", "AWAITING_CITIZEN", "2026-03-03T07:30:00"),
    ];
    const waiting = computeSlaSnapshot(base, policy, calendar, wib("2026-03-04T12:00:00"));
    expect(waiting.paused).toBe(true);
    // Asking for information is the first substantive response; resolution stands still.
    expect(waiting.stages.FIRST_RESPONSE?.state).toBe("met");
    expect(waiting.stages.RESOLUTION).toMatchObject({ state: "paused", dueAt: null });
    expect(waiting.stages.CITIZEN_REPLY).toMatchObject({ state: "running", dueAt: wib("2026-03-17T16:00:00") });
    expect(waiting.nextDue).toEqual({ stage: "CITIZEN_REPLY", dueAt: wib("2026-03-17T16:00:00") });

    const unpausedDue = computeSlaSnapshot(base.slice(0, 4), policy, calendar, wib("2026-03-03T07:00:00")).stages.RESOLUTION!.dueAt!;
    expect(unpausedDue).toEqual(wib("2026-05-01T16:30:00"));
    // Two whole days waiting (Tue 07:30 → Thu 07:30) move the 60-day clock's last day by exactly
    // that, from Fri 1 May to Sun 3 May; a closed day, so it ends at Monday's close (issue #20:
    // the deadline used to move by exactly 48 hours).
    const replied = computeSlaSnapshot([...base, event("CITIZEN_REPLIED", "IN_PROGRESS", "2026-03-05T07:30:00")], policy, calendar, wib("2026-03-05T08:00:00"));
    expect(replied.paused).toBe(false);
    expect(replied.stages.CITIZEN_REPLY?.state).toBe("met");
    expect(replied.stages.RESOLUTION?.dueAt).toEqual(wib("2026-05-04T16:00:00"));
  });

  it("marks a missed deadline as missed, and cancels clocks on withdrawal", () => {
    const events = [event("SUBMITTED", "SUBMITTED", "2026-08-03T09:00:00")];
    expect(computeSlaSnapshot(events, policy, calendar, wib("2026-08-06T16:01:00")).stages.VERIFICATION?.state).toBe("missed");
    const withdrawn = computeSlaSnapshot([...events, event("WITHDRAWN", "WITHDRAWN", "2026-08-04T09:00:00")], policy, calendar, wib("2026-08-10T09:00:00"));
    expect(withdrawn.stages.VERIFICATION?.state).toBe("cancelled");
    expect(withdrawn.nextDue).toBeNull();
  });

  it("restarts the resolution clock when the citizen rejects the resolution", () => {
    const snapshot = computeSlaSnapshot(
      [
        event("SUBMITTED", "SUBMITTED", "2026-04-06T08:00:00"),
        event("VERIFIED", "VERIFIED", "2026-04-06T09:00:00"),
        event("ASSIGNED", "ASSIGNED", "2026-04-06T09:00:00"),
        event("ACKNOWLEDGED", "IN_PROGRESS", "2026-04-06T10:00:00"),
        event("RESOLUTION_PROPOSED", "RESOLVED", "2026-04-07T10:00:00"),
        event("RESOLUTION_REJECTED", "REOPENED", "2026-04-08T10:00:00"),
      ],
      policy,
      calendar,
      wib("2026-04-08T11:00:00"),
    );
    expect(snapshot.stages.CONFIRMATION?.state).toBe("met");
    expect(snapshot.stages.RESOLUTION).toMatchObject({ state: "running", startedAt: wib("2026-04-08T10:00:00") });
  });
});
