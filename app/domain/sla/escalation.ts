// What the SLA worker owes a complaint right now: escalation levels reached by a missed deadline,
// reminders before a deadline, and the auto-close of a lapsed citizen window. Pure: the worker
// stores what this returns, idempotently.
import { addWorkingTime, nextWorkingInstant, workingMinutesBetween, type CompiledCalendar, type Duration } from "~/domain/calendar/working-time";
import type { SlaStage } from "~/domain/complaints/workflow";
import type { EscalationRole, RecordedEscalation } from "~/models/sla-types";
import type { SlaSnapshot, StageClock } from "./clock";

// Declared with the rows they describe (ADR 032: shared types live in the lowest layer).
export type { EscalationRole, EscalationSettlement, RecordedEscalation } from "~/models/sla-types";

/**
 * What a level is asked to do. ACT: meet the missed obligation themselves (verify, answer, decide the
 * appeal). OVERSEE: see that those below do it; they read every complaint but do not work it
 * (permissions.ts).
 */
export type EscalationDuty = "ACT" | "OVERSEE";

export interface EscalationStep {
  level: number;
  role: EscalationRole;
  duty: EscalationDuty;
}

export interface EscalationLadder {
  steps: readonly EscalationStep[];
  source: string;
  confirmed: boolean;
}

/** Stages whose miss escalates. The citizen's own windows lapse into an auto-close instead. */
export const ESCALATING_STAGES = ["VERIFICATION", "FIRST_RESPONSE", "RESOLUTION", "APPEAL_REVIEW"] as const satisfies readonly SlaStage[];
export type EscalatingStage = (typeof ESCALATING_STAGES)[number];
export const AUTO_CLOSING_STAGES: readonly SlaStage[] = ["CITIZEN_REPLY", "CONFIRMATION"];

const OVERSIGHT: readonly EscalationStep[] = [
  { level: 2, role: "INSPECTORATE", duty: "OVERSEE" },
  { level: 3, role: "LIAISON", duty: "OVERSEE" },
];
const UNIT_LADDER: EscalationLadder = {
  steps: [{ level: 1, role: "UNIT_HEAD", duty: "ACT" }, ...OVERSIGHT],
  source:
    "DESIGN.md Workflow: level 1 unit head, level 2 Inspektorat, level 3 ombudsman liaison. The unit's answer is its own work " +
    "(DOMAIN.md §3.3: the OPD has ≤ 5 working days to coordinate and formulate the follow-up); its head may act on the unit " +
    "and the units below it (permissions.ts act:complaint:subtree)",
  confirmed: false,
};

/**
 * Who hears of a missed deadline, level by level, per stage (issue #20, ADR 029). Level 1 is whoever
 * can do what is late; the levels above oversee. Change them here; a table test checks every level
 * against the workflow and the permissions (escalation-ladder.test.ts).
 */
export const ESCALATION_LADDERS: Record<EscalatingStage, EscalationLadder> = {
  VERIFICATION: {
    steps: [{ level: 1, role: "COORDINATOR", duty: "ACT" }, ...OVERSIGHT],
    source:
      "[C] DOMAIN.md §3.3 (SP4N-LAPOR!): verification ≤ 3 working days (LAPOR! FAQ, " +
      "http://blog.lapor.go.id/index.php/338-frequently-asked-questions-faq-seputar-lapor); the admin koordinator reviews, verifies, " +
      "dispatches and monitors (https://dishubkominfo.tasikmalayakab.go.id/?p=4780). Levels 2 and 3 as DESIGN.md Workflow [U]",
    confirmed: false,
  },
  FIRST_RESPONSE: UNIT_LADDER,
  RESOLUTION: UNIT_LADDER,
  APPEAL_REVIEW: {
    steps: [
      { level: 1, role: "LIAISON", duty: "ACT" },
      { level: 2, role: "INSPECTORATE", duty: "OVERSEE" },
    ],
    source:
      "DESIGN.md Workflow: APPEALED → liaison; only the liaison decides an appeal (workflow.ts UPHOLD_APPEAL / DISMISS_APPEAL, " +
      "permissions.ts decide:appeal:any). Above the liaison only the Inspektorat (APIP) oversees: a city choice [U]",
    confirmed: false,
  },
};

export function isEscalatingStage(stage: SlaStage): stage is EscalatingStage {
  return (ESCALATING_STAGES as readonly SlaStage[]).includes(stage);
}

export interface DueEscalation {
  stage: SlaStage;
  level: number;
  role: EscalationRole;
  /** The start of the stage clock's cycle that was missed: with stage and level it names the breach. */
  cycleStartedAt: Date;
  /** The missed deadline as it stands now (a configuration change may move it). */
  breachedDueAt: Date;
  /** When this level was reached. */
  reachedAt: Date;
  /** When this level's own deadline passes and the next level is reached (null at the top). */
  nextLevelAt: Date | null;
}

/**
 * A recorded escalation whose deadline a configuration change moved (ADR 029):
 * - KEPT: still missed; the escalation stays as it is and records the new deadline;
 * - SETTLED: no longer missed; settled as "deadline moved";
 * - REOPENED: one settled that way whose new deadline has passed too; open again.
 * None of them is a new escalation: no second row and no second notice.
 */
export interface EscalationRevision {
  stage: SlaStage;
  level: number;
  cycleStartedAt: Date;
  outcome: "KEPT" | "SETTLED" | "REOPENED";
  previousDueAt: Date;
  breachedDueAt: Date;
  nextLevelAt: Date | null;
}

export interface DueReminder {
  stage: SlaStage;
  stageStartedAt: Date;
  dueAt: Date;
  remindAt: Date;
}

export interface DoneDuties {
  /** Escalations already recorded, by escalationKey(...). */
  escalations: ReadonlyMap<string, RecordedEscalation>;
  /** Keys of reminders already sent: reminderKey(...). */
  reminders: ReadonlySet<string>;
}

/** The identity of a breach: one escalation per stage clock cycle and level, wherever its deadline moves. */
export const escalationKey = (stage: SlaStage, level: number, cycleStartedAt: Date) => `${stage}|${level}|${cycleStartedAt.getTime()}`;
export const reminderKey = (stage: SlaStage, stageStartedAt: Date) => `${stage}|${stageStartedAt.getTime()}`;

export function doneDuties({ escalations = [], reminders = [] }: { escalations?: readonly RecordedEscalation[]; reminders?: readonly string[] } = {}): DoneDuties {
  return { escalations: new Map(escalations.map((e) => [escalationKey(e.stage, e.level, e.cycleStartedAt), e])), reminders: new Set(reminders) };
}

/** The stages that have ever been escalated. */
export const escalatedStages = (done: DoneDuties): Set<SlaStage> => new Set([...done.escalations.values()].map((e) => e.stage));
const NOTHING_DONE: DoneDuties = doneDuties();

export interface SlaDuties {
  escalations: DueEscalation[];
  revisions: EscalationRevision[];
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
function levelTimes(stage: StageClock & { dueAt: Date }, levels: number, step: Duration, calendar: CompiledCalendar): Date[] {
  const times = [stage.dueAt];
  for (let i = 1; i < levels; i += 1) {
    const from = new Date(times[i - 1]!.getTime() - 1);
    const next = addWorkingTime(from, step, calendar);
    times.push(next > times[i - 1]! ? next : addWorkingTime(times[i - 1]!, step, calendar));
  }
  return times;
}

/**
 * When a stage's reminder falls: `percent` of its working time after the start. For a calendar-day
 * target, that share of the calendar time, moved to the next office hour: the deadline itself is a
 * closing time (ADR 029), and a reminder is read by people at work.
 */
export function reminderTime(stage: StageClock & { dueAt: Date }, target: Duration, percent: number, calendar: CompiledCalendar): Date {
  if (target.unit === "CALENDAR_DAYS") {
    const share = new Date(stage.startedAt.getTime() + ((stage.dueAt.getTime() - stage.startedAt.getTime()) * percent) / 100);
    return nextWorkingInstant(share, calendar);
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
  const revisions: EscalationRevision[] = [];
  const reminders: DueReminder[] = [];
  let autoClose: SlaStage | null = null;
  const future: Date[] = [];

  for (const stage of Object.values(snapshot.stages)) {
    if (!stage || stage.stoppedAt || !stage.dueAt) continue;
    const clock = stage as StageClock & { dueAt: Date };
    const missed = clock.dueAt <= now;
    if (!missed) {
      future.push(clock.dueAt);
      const target = policy.targets[clock.stage];
      if (target && isEscalatingStage(clock.stage) && policy.reminderPercent > 0 && policy.reminderPercent < 100) {
        const remindAt = reminderTime(clock, target, policy.reminderPercent, calendar);
        if (remindAt > now) future.push(remindAt);
        else if (!done.reminders.has(reminderKey(clock.stage, clock.startedAt))) {
          reminders.push({ stage: clock.stage, stageStartedAt: clock.startedAt, dueAt: clock.dueAt, remindAt });
        }
      }
    } else if (AUTO_CLOSING_STAGES.includes(clock.stage)) {
      autoClose ??= clock.stage;
      continue;
    }
    if (!isEscalatingStage(clock.stage)) continue;
    // The ladder is walked for a deadline not yet missed too: an escalation recorded for this
    // cycle before a change moved its deadline into the future is settled.
    const { steps } = ESCALATION_LADDERS[clock.stage];
    const times = levelTimes(clock, steps.length, policy.escalationStep, calendar);
    steps.forEach(({ level, role }, index) => {
      const reachedAt = times[index]!;
      const reached = reachedAt <= now;
      const nextLevelAt = times[index + 1] ?? null;
      const recorded = done.escalations.get(escalationKey(clock.stage, level, clock.startedAt));
      const revise = (outcome: EscalationRevision["outcome"]) =>
        revisions.push({ stage: clock.stage, level, cycleStartedAt: clock.startedAt, outcome, previousDueAt: recorded!.breachedDueAt, breachedDueAt: clock.dueAt, nextLevelAt });
      if (!recorded) {
        if (reached) escalations.push({ stage: clock.stage, level, role, cycleStartedAt: clock.startedAt, breachedDueAt: clock.dueAt, reachedAt, nextLevelAt });
        else if (missed) future.push(reachedAt);
      } else if (recorded.settledReason === null) {
        // A level reached before the deadline moved later stays escalated while the stage is
        // still late, even if the moved deadline would only reach it later.
        if (!missed) revise("SETTLED");
        else if (recorded.breachedDueAt.getTime() !== clock.dueAt.getTime()) revise("KEPT");
      } else if (recorded.settledReason === "DEADLINE_MOVED" && missed) {
        if (reached) revise("REOPENED");
        else future.push(reachedAt);
      }
    });
  }
  const owed = autoClose !== null || escalations.length > 0 || revisions.length > 0 || reminders.length > 0;
  const nextCheckAt = owed ? now : future.reduce<Date | null>((min, t) => (!min || t < min ? t : min), null);
  return { escalations, revisions, reminders, autoClose, nextCheckAt };
}

/** What is recorded once `duties` are: the state a second look at the same instant starts from. */
export function withDutiesDone(done: DoneDuties, duties: Pick<SlaDuties, "escalations" | "revisions" | "reminders">): DoneDuties {
  const escalations = new Map(done.escalations);
  for (const e of duties.escalations) {
    escalations.set(escalationKey(e.stage, e.level, e.cycleStartedAt), { stage: e.stage, level: e.level, cycleStartedAt: e.cycleStartedAt, breachedDueAt: e.breachedDueAt, settledReason: null });
  }
  for (const r of duties.revisions) {
    escalations.set(escalationKey(r.stage, r.level, r.cycleStartedAt), {
      stage: r.stage,
      level: r.level,
      cycleStartedAt: r.cycleStartedAt,
      breachedDueAt: r.breachedDueAt,
      settledReason: r.outcome === "SETTLED" ? "DEADLINE_MOVED" : null,
    });
  }
  return { escalations, reminders: new Set([...done.reminders, ...duties.reminders.map((r) => reminderKey(r.stage, r.stageStartedAt))]) };
}
