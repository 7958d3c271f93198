// Issue #20: whatever holidays and SLA policies an admin adds, removes or edits between sweeps, a
// complaint gets at most one escalation per stage clock cycle and level; an escalation whose
// deadline moved records the new one, and one whose deadline is no longer missed is settled.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCalendar, DEFAULT_OFFICE_HOURS, type CalendarHoliday, type Duration } from "~/domain/calendar/working-time";
import { computeSlaSnapshot, type ClockEvent } from "./clock";
import { computeSlaDuties, doneDuties, escalationKey, withDutiesDone, type DoneDuties } from "./escalation";

const MS_PER_MINUTE = 60_000;
const wib = (local: string) => new Date(`${local}+07:00`);
const START = wib("2027-02-15T09:00:00"); // Monday

// Working days in the weeks the clocks run, any of which an admin may declare closed.
const CANDIDATE_HOLIDAYS = ["2027-02-16", "2027-02-17", "2027-02-18", "2027-02-19", "2027-02-22", "2027-02-23", "2027-02-24", "2027-02-26", "2027-03-01", "2027-03-03", "2027-03-10"];

type Step =
  | { kind: "holiday"; date: string; add: boolean }
  | { kind: "policy"; firstResponse: number; resolution: Duration; step: number }
  | { kind: "sweep"; afterMinutes: number }
  | { kind: "transfer" };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("holiday" as const), date: fc.constantFrom(...CANDIDATE_HOLIDAYS), add: fc.boolean() }),
  fc.record({
    kind: fc.constant("policy" as const),
    firstResponse: fc.integer({ min: 1, max: 8 }),
    resolution: fc.oneof(
      fc.integer({ min: 5, max: 30 }).map((amount): Duration => ({ amount, unit: "CALENDAR_DAYS" })),
      fc.integer({ min: 5, max: 20 }).map((amount): Duration => ({ amount, unit: "WORKING_DAYS" })),
    ),
    step: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ kind: fc.constant("sweep" as const), afterMinutes: fc.oneof(fc.integer({ min: 0, max: 240 }), fc.integer({ min: 0, max: 7 * 1_440 })) }),
  fc.record({ kind: fc.constant("transfer" as const) }),
);

describe("escalation identity under configuration changes", () => {
  it("never escalates a stage cycle's level twice, and keeps recorded escalations in step with the deadline", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 30 }), (steps) => {
        const events: ClockEvent[] = [
          { type: "SUBMITTED", toStatus: "SUBMITTED", occurredAt: new Date(START.getTime() - 60 * MS_PER_MINUTE) },
          { type: "VERIFIED", toStatus: "VERIFIED", occurredAt: new Date(START.getTime() - 30 * MS_PER_MINUTE) },
          { type: "ASSIGNED", toStatus: "ASSIGNED", occurredAt: START },
        ];
        const holidays = new Set<string>();
        let policy = {
          targets: { FIRST_RESPONSE: { amount: 5, unit: "WORKING_DAYS" } as Duration, RESOLUTION: { amount: 14, unit: "CALENDAR_DAYS" } as Duration },
          pauseStatuses: ["AWAITING_CITIZEN" as const],
          reminderPercent: 75,
          escalationStep: { amount: 2, unit: "WORKING_DAYS" } as Duration,
        };
        let now = START;
        let done: DoneDuties = doneDuties();
        const escalatedOnce = new Set<string>();
        const calendar = () =>
          createCalendar({ timezone: "Asia/Jakarta", weeklyHours: DEFAULT_OFFICE_HOURS, holidays: [...holidays].map((date): CalendarHoliday => ({ date, kind: "NATIONAL" })), observesCutiBersama: true });

        for (const step of steps) {
          if (step.kind === "holiday") {
            if (step.add) holidays.add(step.date);
            else holidays.delete(step.date);
            continue;
          }
          if (step.kind === "policy") {
            policy = { ...policy, targets: { FIRST_RESPONSE: { amount: step.firstResponse, unit: "WORKING_DAYS" }, RESOLUTION: step.resolution }, escalationStep: { amount: step.step, unit: "WORKING_DAYS" } };
            continue;
          }
          if (step.kind === "transfer") {
            // A new cycle of the unit's clocks, after everything that happened so far.
            now = new Date(now.getTime() + MS_PER_MINUTE);
            events.push({ type: "TRANSFERRED", toStatus: "ASSIGNED", occurredAt: now });
            continue;
          }
          now = new Date(now.getTime() + step.afterMinutes * MS_PER_MINUTE);
          const cal = calendar();
          const snapshot = computeSlaSnapshot(events, policy, cal, now);
          const duties = computeSlaDuties(snapshot, policy, cal, now, done);
          for (const e of duties.escalations) {
            const key = escalationKey(e.stage, e.level, e.cycleStartedAt);
            expect(escalatedOnce.has(key), `second escalation ${key}`).toBe(false);
            escalatedOnce.add(key);
          }
          for (const r of duties.revisions) expect(done.escalations.has(escalationKey(r.stage, r.level, r.cycleStartedAt))).toBe(true);
          done = withDutiesDone(done, duties);

          // A second look at the same moment owes nothing: every duty was recorded.
          const again = computeSlaDuties(snapshot, policy, cal, now, done);
          expect(again).toMatchObject({ escalations: [], revisions: [], reminders: [] });

          // What is recorded for a running cycle follows its deadline as it stands now.
          for (const clock of Object.values(snapshot.stages)) {
            if (!clock?.dueAt || clock.stoppedAt) continue;
            for (const recorded of done.escalations.values()) {
              if (recorded.stage !== clock.stage || recorded.cycleStartedAt.getTime() !== clock.startedAt.getTime()) continue;
              if (clock.dueAt > now) expect(recorded.settledReason).toBe("DEADLINE_MOVED");
              if (recorded.settledReason === null) expect(recorded.breachedDueAt).toEqual(clock.dueAt);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
