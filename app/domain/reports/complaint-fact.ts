// One complaint as the reports count it. Pure: the reports worker loads the complaint, its events,
// its SLA policy and calendar, and stores what this returns. The definitions here are the ones the
// dashboard, the public statistics and the handling index share (docs/decisions/014).
import { workingMinutesBetween, type CompiledCalendar } from "~/domain/calendar/working-time";
import { TERMINAL_STATUSES, type ComplaintStatus, type SlaStage } from "~/domain/complaints/workflow";
import { computeSlaSnapshot, type ClockEvent, type SlaPolicyTargets, type StageClock } from "~/domain/sla/clock";
import type { FactSource } from "~/models/report-facts.server";
import type { ComplaintFact, StageOutcome } from "~/models/report-types";

// The fact's shape is the fact table's row (ADR 032: shared types live in the lowest layer).
export type { ComplaintFact, StageOutcome } from "~/models/report-types";

export interface FactInput {
  /** The complaint's columns as the model reads them (loadFactSource). */
  complaint: FactSource["complaint"];
  /** Every timeline event; the clocks replay those with a status (as the SLA worker does), the flags read the rest (ESCALATED). */
  events: readonly ClockEvent[];
  policy: SlaPolicyTargets;
  calendar: CompiledCalendar;
  now: Date;
}

const WIB_OFFSET_MS = 7 * 3600_000;
const REPORTED_STAGES: readonly SlaStage[] = ["VERIFICATION", "FIRST_RESPONSE", "RESOLUTION"];

/** First day of the month of `at` in Asia/Jakarta (UTC+7, no DST), as "YYYY-MM-01". */
export function periodMonthOf(at: Date): string {
  const wib = new Date(at.getTime() + WIB_OFFSET_MS);
  return `${wib.getUTCFullYear()}-${String(wib.getUTCMonth() + 1).padStart(2, "0")}-01`;
}

export function rollupGroupKey(fact: Pick<ComplaintFact, "periodMonth" | "unitId" | "productId" | "maladministrationCode">): string {
  return [fact.periodMonth, fact.unitId ?? "-", fact.productId ?? "-", fact.maladministrationCode ?? "-"].join("|");
}

/** A stage counts once decided: stopped (in time or late) or still running past its deadline. */
export function stageOutcome(clock: StageClock | undefined): StageOutcome | null {
  if (!clock) return null;
  if (clock.state === "met") return "met";
  if (clock.state === "missed" || clock.state === "missed_and_met") return "missed";
  return null;
}

export function computeComplaintFact({ complaint, events, policy, calendar, now }: FactInput): ComplaintFact {
  const snapshot = computeSlaSnapshot(events.filter((e) => e.toStatus !== null), policy, calendar, now);
  const minutesOf = (clock: StageClock | undefined) =>
    clock && clock.stoppedAt && clock.state !== "cancelled"
      ? Math.round(workingMinutesBetween(clock.startedAt, clock.stoppedAt, calendar, snapshot.pauses))
      : null;
  // A running clock changes from "not yet decided" to "missed" at its deadline, with no event.
  const staleAt = REPORTED_STAGES.map((stage) => snapshot.stages[stage])
    .filter((clock): clock is StageClock => !!clock && clock.state === "running" && !!clock.dueAt && clock.dueAt > now)
    .reduce<Date | null>((earliest, clock) => (!earliest || clock.dueAt! < earliest ? clock.dueAt : earliest), null);

  const base = {
    periodMonth: periodMonthOf(complaint.submittedAt),
    unitId: complaint.unitId,
    productId: complaint.productId,
    maladministrationCode: complaint.maladministrationCode,
  };
  const rejected = complaint.status === "REJECTED" || complaint.status === "DUPLICATE";
  return {
    complaintId: complaint.id,
    groupKey: rollupGroupKey(base),
    ...base,
    channel: complaint.channel,
    status: complaint.status,
    submittedAt: complaint.submittedAt,
    rejected,
    // Reached a unit's desk: its first-response clock started.
    handled: !rejected && snapshot.stages.FIRST_RESPONSE !== undefined,
    open: !TERMINAL_STATUSES.includes(complaint.status),
    closed: complaint.status === "CLOSED",
    verificationOutcome: stageOutcome(snapshot.stages.VERIFICATION),
    firstResponseOutcome: stageOutcome(snapshot.stages.FIRST_RESPONSE),
    resolutionOutcome: stageOutcome(snapshot.stages.RESOLUTION),
    firstResponseMinutes: minutesOf(snapshot.stages.FIRST_RESPONSE),
    resolutionMinutes: minutesOf(snapshot.stages.RESOLUTION),
    reopened: events.some((e) => e.toStatus === "REOPENED"),
    appealed: events.some((e) => e.type === "APPEALED"),
    escalated: events.some((e) => e.type === "ESCALATED"),
    rating: complaint.rating,
    staleAt,
  };
}
