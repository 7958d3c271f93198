// The complaint workflow as data: which action moves a complaint from which status to which,
// who may take it, and what it does to the SLA clocks. Pure, so the web app, the workers and the
// tests all read the same table. DESIGN.md "Workflow"; docs/decisions/007-workflow-as-data.md.

export const COMPLAINT_STATUSES = [
  "SUBMITTED",
  "ON_HOLD",
  "VERIFIED",
  "REJECTED",
  "DUPLICATE",
  "ASSIGNED",
  "IN_PROGRESS",
  "AWAITING_CITIZEN",
  "RESOLVED",
  "REOPENED",
  "APPEALED",
  "CLOSED",
  "WITHDRAWN",
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const SLA_STAGES = ["VERIFICATION", "FIRST_RESPONSE", "RESOLUTION", "CITIZEN_REPLY", "CONFIRMATION", "APPEAL_REVIEW"] as const;
export type SlaStage = (typeof SLA_STAGES)[number];

/** Who acts. SYSTEM is the workers (routing, SLA, auto-close). */
export type Actor = "CITIZEN" | "OFFICER" | "UNIT_HEAD" | "COORDINATOR" | "INSPECTORATE" | "LIAISON" | "ADMIN" | "SYSTEM";

export type WorkflowAction =
  | "SUBMIT"
  | "VERIFY"
  | "REJECT"
  | "HOLD"
  | "RELEASE"
  | "MARK_DUPLICATE"
  | "ASSIGN"
  | "ACKNOWLEDGE"
  | "REQUEST_INFO"
  | "CITIZEN_REPLY"
  | "RESPOND"
  | "PROPOSE_RESOLUTION"
  | "CONFIRM_RESOLUTION"
  | "REJECT_RESOLUTION"
  | "AUTO_CLOSE"
  | "TRANSFER"
  | "APPEAL"
  | "UPHOLD_APPEAL"
  | "DISMISS_APPEAL"
  | "WITHDRAW"
  | "RATE"
  | "NOTE"
  | "CITIZEN_MESSAGE";

/** The event each action writes to the timeline (names match the EventType enum). */
export const ACTION_EVENT: Record<WorkflowAction, string> = {
  SUBMIT: "SUBMITTED",
  VERIFY: "VERIFIED",
  REJECT: "REJECTED",
  HOLD: "HELD",
  RELEASE: "RELEASED",
  MARK_DUPLICATE: "MARKED_DUPLICATE",
  ASSIGN: "ASSIGNED",
  ACKNOWLEDGE: "ACKNOWLEDGED",
  REQUEST_INFO: "INFO_REQUESTED",
  CITIZEN_REPLY: "CITIZEN_REPLIED",
  RESPOND: "RESPONDED",
  PROPOSE_RESOLUTION: "RESOLUTION_PROPOSED",
  CONFIRM_RESOLUTION: "RESOLUTION_CONFIRMED",
  REJECT_RESOLUTION: "RESOLUTION_REJECTED",
  AUTO_CLOSE: "AUTO_CLOSED",
  TRANSFER: "TRANSFERRED",
  APPEAL: "APPEALED",
  UPHOLD_APPEAL: "APPEAL_DECIDED",
  DISMISS_APPEAL: "APPEAL_DECIDED",
  WITHDRAW: "WITHDRAWN",
  RATE: "RATED",
  NOTE: "NOTE",
  CITIZEN_MESSAGE: "CITIZEN_MESSAGE",
};

export interface ClockEffect {
  /** Stages whose clock starts (or restarts from zero) at this event. */
  start?: SlaStage[];
  /** Stages whose obligation is fulfilled at this event (met, or missed and then met). */
  stop?: SlaStage[];
  /** Stages no longer owed at all (withdrawn, rejected, closed): neither met nor missed from here. */
  cancel?: SlaStage[];
}

export interface Transition {
  action: WorkflowAction;
  from: readonly ComplaintStatus[];
  /** "SAME" keeps the status; "RETURN" goes back to where AWAITING_CITIZEN was entered from. */
  to: ComplaintStatus | "SAME" | "RETURN";
  actors: readonly Actor[];
  clocks: ClockEffect;
  /** Shown to the citizen on the public timeline. */
  publicEvent: boolean;
}

const OPEN_BEFORE_UNIT: ComplaintStatus[] = ["SUBMITTED", "ON_HOLD", "VERIFIED"];
const WITH_UNIT: ComplaintStatus[] = ["ASSIGNED", "IN_PROGRESS", "REOPENED"];
const UNIT_STAFF: Actor[] = ["OFFICER", "UNIT_HEAD"];
const ALL_CLOCKS: SlaStage[] = [...SLA_STAGES];

export const OPEN_STATUSES: readonly ComplaintStatus[] = [...OPEN_BEFORE_UNIT, ...WITH_UNIT, "AWAITING_CITIZEN", "RESOLVED", "APPEALED"];
export const TERMINAL_STATUSES: readonly ComplaintStatus[] = ["REJECTED", "DUPLICATE", "CLOSED", "WITHDRAWN"];

export const TRANSITIONS: readonly Transition[] = [
  { action: "SUBMIT", from: [], to: "SUBMITTED", actors: ["CITIZEN", "SYSTEM", "COORDINATOR"], clocks: { start: ["VERIFICATION"] }, publicEvent: true },
  { action: "HOLD", from: ["SUBMITTED"], to: "ON_HOLD", actors: ["COORDINATOR"], clocks: {}, publicEvent: false },
  { action: "RELEASE", from: ["ON_HOLD"], to: "SUBMITTED", actors: ["COORDINATOR"], clocks: {}, publicEvent: false },
  { action: "VERIFY", from: ["SUBMITTED", "ON_HOLD"], to: "VERIFIED", actors: ["COORDINATOR"], clocks: { stop: ["VERIFICATION"] }, publicEvent: true },
  { action: "REJECT", from: OPEN_BEFORE_UNIT, to: "REJECTED", actors: ["COORDINATOR"], clocks: { stop: ["VERIFICATION"], cancel: ALL_CLOCKS }, publicEvent: true },
  { action: "MARK_DUPLICATE", from: OPEN_BEFORE_UNIT, to: "DUPLICATE", actors: ["COORDINATOR"], clocks: { stop: ["VERIFICATION"], cancel: ALL_CLOCKS }, publicEvent: true },
  // The unit's clocks run from the moment the complaint reaches it.
  { action: "ASSIGN", from: ["VERIFIED"], to: "ASSIGNED", actors: ["SYSTEM", "COORDINATOR"], clocks: { start: ["FIRST_RESPONSE", "RESOLUTION"] }, publicEvent: true },
  { action: "ACKNOWLEDGE", from: ["ASSIGNED", "REOPENED"], to: "IN_PROGRESS", actors: UNIT_STAFF, clocks: {}, publicEvent: true },
  { action: "REQUEST_INFO", from: ["SUBMITTED", "IN_PROGRESS"], to: "AWAITING_CITIZEN", actors: [...UNIT_STAFF, "COORDINATOR"], clocks: { start: ["CITIZEN_REPLY"], stop: ["FIRST_RESPONSE"] }, publicEvent: true },
  { action: "CITIZEN_REPLY", from: ["AWAITING_CITIZEN"], to: "RETURN", actors: ["CITIZEN"], clocks: { stop: ["CITIZEN_REPLY"] }, publicEvent: true },
  { action: "RESPOND", from: ["IN_PROGRESS"], to: "SAME", actors: UNIT_STAFF, clocks: { stop: ["FIRST_RESPONSE"] }, publicEvent: true },
  { action: "PROPOSE_RESOLUTION", from: ["IN_PROGRESS"], to: "RESOLVED", actors: UNIT_STAFF, clocks: { stop: ["FIRST_RESPONSE", "RESOLUTION"], start: ["CONFIRMATION"] }, publicEvent: true },
  { action: "CONFIRM_RESOLUTION", from: ["RESOLVED"], to: "CLOSED", actors: ["CITIZEN"], clocks: { stop: ["CONFIRMATION"], cancel: ALL_CLOCKS }, publicEvent: true },
  // A rejected resolution goes back to the unit with a fresh resolution clock.
  { action: "REJECT_RESOLUTION", from: ["RESOLVED"], to: "REOPENED", actors: ["CITIZEN"], clocks: { stop: ["CONFIRMATION"], start: ["RESOLUTION"] }, publicEvent: true },
  { action: "AUTO_CLOSE", from: ["RESOLVED", "AWAITING_CITIZEN"], to: "CLOSED", actors: ["SYSTEM"], clocks: { stop: ["CONFIRMATION"], cancel: ALL_CLOCKS }, publicEvent: true },
  // A transfer restarts the receiving unit's clocks (policy; the history stays).
  { action: "TRANSFER", from: WITH_UNIT, to: "ASSIGNED", actors: [...UNIT_STAFF, "COORDINATOR"], clocks: { start: ["FIRST_RESPONSE", "RESOLUTION"] }, publicEvent: true },
  { action: "APPEAL", from: ["RESOLVED", "CLOSED", "REJECTED"], to: "APPEALED", actors: ["CITIZEN"], clocks: { stop: ["CONFIRMATION"], start: ["APPEAL_REVIEW"] }, publicEvent: true },
  { action: "UPHOLD_APPEAL", from: ["APPEALED"], to: "REOPENED", actors: ["LIAISON"], clocks: { stop: ["APPEAL_REVIEW"], start: ["RESOLUTION"] }, publicEvent: true },
  { action: "DISMISS_APPEAL", from: ["APPEALED"], to: "CLOSED", actors: ["LIAISON"], clocks: { stop: ["APPEAL_REVIEW"], cancel: ALL_CLOCKS }, publicEvent: true },
  { action: "WITHDRAW", from: [...OPEN_BEFORE_UNIT, ...WITH_UNIT, "AWAITING_CITIZEN"], to: "WITHDRAWN", actors: ["CITIZEN"], clocks: { cancel: ALL_CLOCKS }, publicEvent: true },
  { action: "RATE", from: ["CLOSED"], to: "SAME", actors: ["CITIZEN"], clocks: {}, publicEvent: false },
  { action: "NOTE", from: [...OPEN_STATUSES, ...TERMINAL_STATUSES], to: "SAME", actors: ["OFFICER", "UNIT_HEAD", "COORDINATOR", "INSPECTORATE", "LIAISON", "ADMIN"], clocks: {}, publicEvent: false },
  // The citizen wrote by e-mail when no answer was asked of them (ADR 039): words for staff, no move.
  // While they are asked, their mail is the CITIZEN_REPLY instead.
  { action: "CITIZEN_MESSAGE", from: [...OPEN_STATUSES.filter((s) => s !== "AWAITING_CITIZEN"), ...TERMINAL_STATUSES], to: "SAME", actors: ["CITIZEN"], clocks: {}, publicEvent: false },
];

/** Actions that only arrive by e-mail: never a button on the tracking page. */
export const MAIL_ONLY_ACTIONS: readonly WorkflowAction[] = ["CITIZEN_MESSAGE"];

export type TransitionRefusal =
  | { reason: "not_allowed_from_status"; status: ComplaintStatus | null; action: WorkflowAction }
  | { reason: "not_allowed_for_actor"; actor: Actor; action: WorkflowAction }
  | { reason: "no_return_status"; action: WorkflowAction };

export type TransitionDecision =
  | { ok: true; transition: Transition; to: ComplaintStatus }
  | { ok: false; refusal: TransitionRefusal };

/**
 * Decides whether `actor` may take `action` on a complaint in `status`. `returnStatus` is the status
 * AWAITING_CITIZEN was entered from (read from the INFO_REQUESTED event).
 */
export function decideTransition(
  status: ComplaintStatus | null,
  action: WorkflowAction,
  actor: Actor,
  { returnStatus }: { returnStatus?: ComplaintStatus | null } = {},
): TransitionDecision {
  const transition = TRANSITIONS.find((t) => t.action === action);
  if (!transition) return { ok: false, refusal: { reason: "not_allowed_from_status", status, action } };
  const fromOk = status === null ? transition.from.length === 0 : transition.from.includes(status);
  if (!fromOk) return { ok: false, refusal: { reason: "not_allowed_from_status", status, action } };
  if (!transition.actors.includes(actor)) return { ok: false, refusal: { reason: "not_allowed_for_actor", actor, action } };
  if (transition.to === "SAME") return { ok: true, transition, to: status as ComplaintStatus };
  if (transition.to === "RETURN") {
    if (!returnStatus) return { ok: false, refusal: { reason: "no_return_status", action } };
    return { ok: true, transition, to: returnStatus };
  }
  return { ok: true, transition, to: transition.to };
}

/** Actions a given actor could take now: drives which buttons a page shows (so none that only mail can take). */
export function availableActions(status: ComplaintStatus, actor: Actor): WorkflowAction[] {
  return TRANSITIONS.filter((t) => t.from.includes(status) && t.actors.includes(actor) && !MAIL_ONLY_ACTIONS.includes(t.action)).map((t) => t.action);
}

export function isOpen(status: ComplaintStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
