// What the SLA worker owes a complaint right now: escalation levels reached by a missed deadline,
// reminders before a deadline, and the auto-close of a lapsed citizen window. Pure: the worker
// stores what this returns, idempotently.
import { addWorkingTime, workingMinutesBetween, type CompiledCalendar, type Duration } from "~/domain/calendar/working-time";
import type { SlaStage } from "~/domain/complaints/workflow";
import type { SlaSnapshot, StageClock } from "./clock";

export type EscalationRole = "UNIT_HEAD" | "INSPECTORATE" | "LIAISON";

/** DESIGN.md: unit → unit head → Inspektorat → the ombudsman liaison. */
export const ESCALATION_LADDER: readonly { level: number; role: EscalationRole }[] = [
  { level: 1, role: "UNIT_HEAD" },
  { level: 2, role: "INSPECTORATE" },
  { level: 3, role: "LIAISON" },
];

/** Stages whose miss escalates. The citizen's own windows lapse into an auto-close instead. */
export const ESCALATING_STAGES: readonly SlaStage[] = ["VERIFICATION", "FIRST_RESPONSE", "RESOLUTION", "APPEAL_REVIEW"];
export const AUTO_CLOSING_STAGES: readonly SlaStage[] = ["CITIZEN_REPLY", "CONFIRMATION"];

export interface DueEscalation {
  stage: SlaStage;
  level: number;
  role: EscalationRole;
  /** The missed deadline: with stage and level it names the breach. */
  breachedDueAt: Date;
  /** When this level was reached. */
  reachedAt: Date;
  /** When this level's own deadline passes and the next level is reached (null at the top). */
  nextLevelAt: Date | null;
}

export interface DueReminder {
  stage: SlaStage;
  stageStartedAt: Date;
  dueAt: Date;
  remindAt: Date;
}

export interface DoneDuties {
  /** Keys of escalations already recorded: escalationKey(...). */
  escalations: ReadonlySet<string>;
  /** Keys of reminders already sent: reminderKey(...). */
  reminders: ReadonlySet<string>;
}

export const escalationKey = (stage: SlaStage, level: number, breachedDueAt: Date) => `${stage}|${level}|${breachedDueAt.getTime()}`;
export const reminderKey = (stage: SlaStage, stageStartedAt: Date) => `${stage}|${stageStartedAt.getTime()}`;
/** The stages that have ever been escalated, read back from the keys escalationKey wrote. */
export const escalatedStages = (done: DoneDuties): Set<SlaStage> => new Set([...done.escalations].map((key) => key.split("|")[0] as SlaStage));
const NOTHING_DONE: DoneDuties = { escalations: new Set(), reminders: new Set() };

export interface SlaDuties {
  escalations: DueEscalation[];
  reminders: DueReminder[];
  /** A citizen window that lapsed: the complaint closes by itself. */
  autoClose: SlaStage | null;
  /** When to look again: now while anything above is owed, else the next instant something falls due. */
  nextCheckAt: Date | null;
}

/**
 * When each level is reached: the missed deadline, then one step later each. A deadline usually
 * falls on a closing time, which the calendar treats as already outside that day; counting from
 * just before it keeps "two working days after Monday's close" at Wednesday's close.
 */
function levelTimes(stage: StageClock & { dueAt: Date }, step: Duration, calendar: CompiledCalendar): Date[] {
  const times = [stage.dueAt];
  for (let i = 1; i < ESCALATION_LADDER.length; i += 1) {
    const from = new Date(times[i - 1]!.getTime() - 1);
    const next = addWorkingTime(from, step, calendar);
    times.push(next > times[i - 1]! ? next : addWorkingTime(times[i - 1]!, step, calendar));
  }
  return times;
}

/** When a stage's reminder falls: `percent` of its working time after the start (calendar time for calendar-day targets). */
export function reminderTime(stage: StageClock & { dueAt: Date }, target: Duration, percent: number, calendar: CompiledCalendar): Date {
  if (target.unit === "CALENDAR_DAYS") {
    return new Date(stage.startedAt.getTime() + ((stage.dueAt.getTime() - stage.startedAt.getTime()) * percent) / 100);
  }
  const total = workingMinutesBetween(stage.startedAt, stage.dueAt, calendar);
  return addWorkingTime(stage.startedAt, { amount: (total * percent) / 100, unit: "WORKING_MINUTES" }, calendar);
}

export function computeSlaDuties(
  snapshot: SlaSnapshot,
  policy: { targets: Partial<Record<SlaStage, Duration>>; reminderPercent: number; escalationStep: Duration },
  calendar: CompiledCalendar,
  now: Date,
  done: DoneDuties = NOTHING_DONE,
): SlaDuties {
  const escalations: DueEscalation[] = [];
  const reminders: DueReminder[] = [];
  let autoClose: SlaStage | null = null;
  const future: Date[] = [];

  for (const stage of Object.values(snapshot.stages)) {
    if (!stage || stage.stoppedAt || !stage.dueAt) continue;
    const clock = stage as StageClock & { dueAt: Date };
    if (clock.dueAt > now) {
      future.push(clock.dueAt);
      const target = policy.targets[clock.stage];
      if (target && ESCALATING_STAGES.includes(clock.stage) && policy.reminderPercent > 0 && policy.reminderPercent < 100) {
        const remindAt = reminderTime(clock, target, policy.reminderPercent, calendar);
        if (remindAt > now) future.push(remindAt);
        else if (!done.reminders.has(reminderKey(clock.stage, clock.startedAt))) {
          reminders.push({ stage: clock.stage, stageStartedAt: clock.startedAt, dueAt: clock.dueAt, remindAt });
        }
      }
      continue;
    }
    if (AUTO_CLOSING_STAGES.includes(clock.stage)) {
      autoClose ??= clock.stage;
      continue;
    }
    if (!ESCALATING_STAGES.includes(clock.stage)) continue;
    const times = levelTimes(clock, policy.escalationStep, calendar);
    ESCALATION_LADDER.forEach(({ level, role }, index) => {
      const reachedAt = times[index]!;
      if (reachedAt > now) future.push(reachedAt);
      else if (!done.escalations.has(escalationKey(clock.stage, level, clock.dueAt))) {
        escalations.push({ stage: clock.stage, level, role, breachedDueAt: clock.dueAt, reachedAt, nextLevelAt: times[index + 1] ?? null });
      }
    });
  }
  const owed = autoClose !== null || escalations.length > 0 || reminders.length > 0;
  const nextCheckAt = owed ? now : future.reduce<Date | null>((min, t) => (!min || t < min ? t : min), null);
  return { escalations, reminders, autoClose, nextCheckAt };
}
