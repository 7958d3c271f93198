// SLA clocks replayed from a complaint's event history (as Zammad does): each stage starts and
// stops at events, paused statuses add their time back, and the deadline is computed in working
// time by the calendar. Pure: the SLA worker and the submit use-case store what this returns.
import { addWorkingTime, type CompiledCalendar, type Duration, type Interval } from "~/domain/calendar/working-time";
import { ACTION_EVENT, SLA_STAGES, TRANSITIONS, type ComplaintStatus, type SlaStage, type ClockEffect } from "~/domain/complaints/workflow";
import type { StoredDeadlines } from "~/models/sla-types";

// Declared with the complaint columns it fills (ADR 032: shared types live in the lowest layer).
export type { StoredDeadlines } from "~/models/sla-types";

export interface ClockEvent {
  /** EventType name, e.g. "SUBMITTED", "INFO_REQUESTED". */
  type: string;
  toStatus: ComplaintStatus | null;
  occurredAt: Date;
}

export interface SlaPolicyTargets {
  targets: Partial<Record<SlaStage, Duration>>;
  /** Statuses during which the unit's clocks stand still (e.g. AWAITING_CITIZEN). */
  pauseStatuses: readonly ComplaintStatus[];
}

export type StageState = "running" | "paused" | "met" | "missed_and_met" | "missed" | "cancelled";

export interface StageClock {
  stage: SlaStage;
  startedAt: Date;
  /** Null while the clock is paused with no end in sight: the deadline is not yet known. */
  dueAt: Date | null;
  stoppedAt: Date | null;
  state: StageState;
}

export interface SlaSnapshot {
  stages: Partial<Record<SlaStage, StageClock>>;
  /** The earliest deadline still owed: what the inbox sorts on and the sweeper watches. */
  nextDue: { stage: SlaStage; dueAt: Date } | null;
  paused: boolean;
  /** Intervals spent in pause statuses; one still open runs up to `now`. */
  pauses: Interval[];
}

// The citizen's own clock runs while the unit's clocks are paused waiting for the citizen.
const NEVER_PAUSED: readonly SlaStage[] = ["CITIZEN_REPLY", "CONFIRMATION"];

const EFFECTS_BY_EVENT = new Map<string, { to: ComplaintStatus | "SAME" | "RETURN"; clocks: ClockEffect }[]>();
for (const transition of TRANSITIONS) {
  const type = ACTION_EVENT[transition.action];
  const list = EFFECTS_BY_EVENT.get(type) ?? [];
  list.push({ to: transition.to, clocks: transition.clocks });
  EFFECTS_BY_EVENT.set(type, list);
}

/** The clock effect of one timeline event; APPEAL_DECIDED is told apart by where it led. */
export function clockEffectOf(event: Pick<ClockEvent, "type" | "toStatus">): ClockEffect {
  const candidates = EFFECTS_BY_EVENT.get(event.type) ?? [];
  if (candidates.length <= 1) return candidates[0]?.clocks ?? {};
  return candidates.find((c) => c.to === event.toStatus)?.clocks ?? candidates[0]!.clocks;
}

function stageState(clock: { cancelled: boolean; stopped: boolean; pausedNow: boolean; late: boolean }): StageState {
  if (clock.cancelled) return "cancelled";
  if (clock.stopped) return clock.late ? "missed_and_met" : "met";
  if (clock.pausedNow) return "paused";
  return clock.late ? "missed" : "running";
}

/**
 * Replays `events` (any order; sorted here) against `policy` and `calendar` as of `now`.
 * Stages without a target in the policy are not tracked.
 */
export function computeSlaSnapshot(events: readonly ClockEvent[], policy: SlaPolicyTargets, calendar: CompiledCalendar, now: Date): SlaSnapshot {
  const ordered = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const pauses: Interval[] = [];
  let pausedSince: Date | null = null;
  const open = new Map<SlaStage, { startedAt: Date; stoppedAt: Date | null; cancelled: boolean }>();

  for (const event of ordered) {
    if (event.toStatus) {
      const pausing = policy.pauseStatuses.includes(event.toStatus);
      if (pausing && !pausedSince) pausedSince = event.occurredAt;
      if (!pausing && pausedSince) {
        pauses.push({ start: pausedSince, end: event.occurredAt });
        pausedSince = null;
      }
    }
    const effect = clockEffectOf(event);
    for (const stage of effect.stop ?? []) {
      const clock = open.get(stage);
      if (clock && !clock.stoppedAt) clock.stoppedAt = event.occurredAt;
    }
    for (const stage of effect.cancel ?? []) {
      const clock = open.get(stage);
      if (clock && !clock.stoppedAt) Object.assign(clock, { stoppedAt: event.occurredAt, cancelled: true });
    }
    for (const stage of effect.start ?? []) open.set(stage, { startedAt: event.occurredAt, stoppedAt: null, cancelled: false });
  }

  const stages: Partial<Record<SlaStage, StageClock>> = {};
  let nextDue: SlaSnapshot["nextDue"] = null;
  for (const stage of SLA_STAGES) {
    const clock = open.get(stage);
    const target = policy.targets[stage];
    if (!clock || !target) continue;
    const pausable = !NEVER_PAUSED.includes(stage);
    const pausedNow = pausable && pausedSince !== null && !clock.stoppedAt;
    let dueAt: Date | null = null;
    if (!pausedNow) {
      // Only pause time inside the clock's own life counts; a pause still open when it stopped
      // counts up to the stop.
      const lifeEnd = clock.stoppedAt ?? now;
      const relevant = pausable ? [...pauses, ...(pausedSince ? [{ start: pausedSince, end: lifeEnd }] : [])] : [];
      const clipped = relevant
        .map((p) => ({ start: p.start, end: p.end > lifeEnd ? lifeEnd : p.end }))
        .filter((p) => p.end > clock.startedAt && p.end > p.start);
      dueAt = addWorkingTime(clock.startedAt, target, calendar, clipped);
    }
    const end = clock.stoppedAt ?? now;
    const late = dueAt !== null && end > dueAt;
    const state = stageState({ cancelled: clock.cancelled, stopped: clock.stoppedAt !== null, pausedNow, late });
    stages[stage] = { stage, startedAt: clock.startedAt, dueAt, stoppedAt: clock.stoppedAt, state };
    if (!clock.stoppedAt && dueAt && (!nextDue || dueAt < nextDue.dueAt)) nextDue = { stage, dueAt };
  }
  const allPauses = pausedSince && pausedSince < now ? [...pauses, { start: pausedSince, end: now }] : pauses;
  return { stages, nextDue, paused: pausedSince !== null, pauses: allPauses };
}

export function storedDeadlines(snapshot: SlaSnapshot): StoredDeadlines {
  const due = (stage: SlaStage) => {
    const clock = snapshot.stages[stage];
    return clock && !clock.stoppedAt ? clock.dueAt : null;
  };
  return {
    verificationDueAt: due("VERIFICATION"),
    firstResponseDueAt: due("FIRST_RESPONSE"),
    resolutionDueAt: due("RESOLUTION"),
    citizenReplyDueAt: due("CITIZEN_REPLY"),
    confirmationDueAt: due("CONFIRMATION"),
    nextDueAt: snapshot.nextDue?.dueAt ?? null,
    nextDueStage: snapshot.nextDue?.stage ?? null,
  };
}
