// Every level of every escalation ladder goes to someone who can act on what is late (issue #20):
// judged by the same workflow table and permission checks that guard the staff pages, not by a
// list kept beside them.
import { describe, expect, it } from "vitest";
import { canAccessComplaint, unitTreeFrom, type Role, type UserLike } from "~/domain/auth/permissions";
import { canTriage } from "~/domain/complaints/triage-actions.server";
import { availableIntents, INTENT_ACTION } from "~/domain/complaints/unit-actions.server";
import { availableActions, TRANSITIONS, type ComplaintStatus, type WorkflowAction } from "~/domain/complaints/workflow";
import { ESCALATING_STAGES, ESCALATION_LADDERS, type EscalatingStage, type EscalationLadder, type EscalationRole } from "./escalation";

// A unit below a dinas: level 1 of a unit's ladder walks up to the nearest head (ADR 010 addendum).
const CITY = "pemkot";
const DINAS = "dinas";
const UNIT = "puskesmas";
const tree = unitTreeFrom([
  { id: CITY, parentId: null },
  { id: DINAS, parentId: CITY },
  { id: UNIT, parentId: DINAS },
]);

/** Someone holding `role` where it would be held for this complaint: a head of the unit above it, the rest city-wide. */
const holder = (role: Role): UserLike => ({ memberships: [{ role, unitId: role === "UNIT_HEAD" ? DINAS : CITY }] });

/** What `user` can do to a complaint in `status` from the staff pages: the triage desk and the complaint page. */
function staffActions(user: UserLike, status: ComplaintStatus): WorkflowAction[] {
  const complaint = { unitId: UNIT, status };
  const onPage = availableIntents(user, complaint, tree).map((intent) => INTENT_ACTION[intent]);
  const atDesk = canTriage(user) ? availableActions(status, "COORDINATOR") : [];
  return [...onPage, ...atDesk];
}

/** The actions that meet (stop) a stage's clock, read from the workflow table. */
const meetingActions = (stage: EscalatingStage) => TRANSITIONS.filter((t) => t.clocks.stop?.includes(stage));

function canMeet(role: EscalationRole, stage: EscalatingStage): boolean {
  const user = holder(role);
  return meetingActions(stage).some((t) => t.from.some((status) => staffActions(user, status).includes(t.action)));
}

/** Oversight: reads every complaint, whichever unit has it and before any unit has. */
const canOversee = (role: EscalationRole) =>
  [UNIT, DINAS, null].every((unitId) => canAccessComplaint(holder(role), { unitId }, tree, "read"));

function ladderProblems(stage: EscalatingStage, ladder: EscalationLadder): string[] {
  const problems: string[] = [];
  if (ladder.steps.length === 0) problems.push("no level");
  if (ladder.source.trim() === "") problems.push("no source");
  if (ladder.steps[0]?.duty !== "ACT") problems.push("level 1 is not someone who can act");
  ladder.steps.forEach((step, index) => {
    if (step.level !== index + 1) problems.push(`level ${step.level} is step ${index + 1}`);
    if (ladder.steps.findIndex((other) => other.role === step.role) !== index) problems.push(`${step.role} twice`);
    if (step.duty === "ACT" && !canMeet(step.role, stage)) problems.push(`level ${step.level}: ${step.role} cannot act on ${stage}`);
    if (step.duty === "OVERSEE" && !canOversee(step.role)) problems.push(`level ${step.level}: ${step.role} cannot oversee ${stage}`);
  });
  return problems;
}

const table = ESCALATING_STAGES.flatMap((stage) => ESCALATION_LADDERS[stage].steps.map((step) => [stage, step.level, step.role, step.duty] as const));

describe("escalation ladders", () => {
  it("has one for every escalating stage, with its source, levels 1..n, each role once", () => {
    for (const stage of ESCALATING_STAGES) {
      // A stage no staff action could meet would fail every level 1: guard the helper too.
      expect(meetingActions(stage).length, stage).toBeGreaterThan(0);
      expect(ladderProblems(stage, ESCALATION_LADDERS[stage]), stage).toEqual([]);
    }
  });

  it.each(table)("%s level %i goes to %s, who can %s", (stage, _level, role, duty) => {
    expect(duty === "ACT" ? canMeet(role, stage) : canOversee(role)).toBe(true);
  });

  it("matches the issue: verification to the coordinators, the unit's work to its head, appeals to the liaison", () => {
    const roles = (stage: EscalatingStage) => ESCALATION_LADDERS[stage].steps.map((step) => step.role);
    expect(roles("VERIFICATION")).toEqual(["COORDINATOR", "INSPECTORATE", "LIAISON"]);
    expect(roles("FIRST_RESPONSE")).toEqual(["UNIT_HEAD", "INSPECTORATE", "LIAISON"]);
    expect(roles("RESOLUTION")).toEqual(["UNIT_HEAD", "INSPECTORATE", "LIAISON"]);
    expect(roles("APPEAL_REVIEW")).toEqual(["LIAISON", "INSPECTORATE"]);
  });

  it("refuses the old ladder, where a unit head was asked to verify and to decide appeals", () => {
    const old: EscalationLadder = {
      steps: [
        { level: 1, role: "UNIT_HEAD", duty: "ACT" },
        { level: 2, role: "INSPECTORATE", duty: "OVERSEE" },
        { level: 3, role: "LIAISON", duty: "OVERSEE" },
      ],
      source: "DESIGN.md",
      confirmed: false,
    };
    expect(ladderProblems("VERIFICATION", old)).toEqual(["level 1: UNIT_HEAD cannot act on VERIFICATION"]);
    expect(ladderProblems("APPEAL_REVIEW", old)).toEqual(["level 1: UNIT_HEAD cannot act on APPEAL_REVIEW"]);
    expect(ladderProblems("FIRST_RESPONSE", old)).toEqual([]);
    // Nor can oversight stand in for the one who acts.
    expect(canMeet("INSPECTORATE", "VERIFICATION")).toBe(false);
    expect(canMeet("INSPECTORATE", "FIRST_RESPONSE")).toBe(false);
    expect(canMeet("COORDINATOR", "APPEAL_REVIEW")).toBe(false);
  });
});
