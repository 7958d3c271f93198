// Staff actions on one complaint from the complaint detail page. Every change goes through
// applyTransition (ADR 007): the permission module says whether the user may work the complaint,
// the workflow table says whether the action is legal now for the user's role.
import { z } from "zod";
import { canAccessComplaint, hasPermission, isSameOrDescendant, type Role, type UnitTree, type UserLike } from "~/domain/auth/permissions";
import type { Db } from "~/services/db.server";
import { applyTransition, type TransitionOutcome } from "./apply-transition.server";
import type { StoredAttachment } from "~/services/attachments.server";
import { availableActions, type Actor, type ComplaintStatus, type WorkflowAction } from "./workflow";

export const STAFF_INTENTS = ["acknowledge", "request-info", "respond", "propose-resolution", "note", "assign", "transfer", "uphold-appeal", "dismiss-appeal"] as const;
export type StaffIntent = (typeof STAFF_INTENTS)[number];

/** The workflow action behind each intent (assigning an officer is a NOTE with a payload). */
export const INTENT_ACTION: Record<StaffIntent, WorkflowAction> = {
  acknowledge: "ACKNOWLEDGE",
  "request-info": "REQUEST_INFO",
  respond: "RESPOND",
  "propose-resolution": "PROPOSE_RESOLUTION",
  note: "NOTE",
  assign: "NOTE",
  transfer: "TRANSFER",
  "uphold-appeal": "UPHOLD_APPEAL",
  "dismiss-appeal": "DISMISS_APPEAL",
};

/** The liaison's decision on a citizen's appeal (DESIGN.md "Workflow": APPEALED → liaison). */
export const APPEAL_INTENTS = ["uphold-appeal", "dismiss-appeal"] as const satisfies readonly StaffIntent[];
type AppealIntent = (typeof APPEAL_INTENTS)[number];
const isAppealIntent = (intent: StaffIntent): intent is AppealIntent => (APPEAL_INTENTS as readonly StaffIntent[]).includes(intent);

/** Intents whose form may carry attachments (replies the citizen reads, and internal notes). */
export const INTENTS_WITH_ATTACHMENTS: readonly StaffIntent[] = ["request-info", "respond", "propose-resolution", "note"];

const message = (required: string) => z.string().trim().min(1, required).max(5000, "inbox.error.messageLong");
const uuid = (error: string) => z.string().trim().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, error);

export const StaffActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("acknowledge") }),
  z.object({ intent: z.literal("request-info"), message: message("inbox.error.questionRequired") }),
  z.object({ intent: z.literal("respond"), message: message("inbox.error.messageRequired") }),
  z.object({ intent: z.literal("propose-resolution"), message: message("inbox.error.resolutionRequired") }),
  z.object({ intent: z.literal("note"), message: message("inbox.error.noteRequired") }),
  z.object({ intent: z.literal("assign"), officerId: uuid("inbox.error.officerRequired") }),
  z.object({ intent: z.literal("transfer"), unitId: uuid("inbox.error.unitRequired"), reason: message("inbox.error.reasonRequired") }),
  // The citizen reads the reason on the timeline (and in the e-mail): a decision without one is refused.
  z.object({ intent: z.literal("uphold-appeal"), message: message("inbox.error.appealReasonRequired") }),
  z.object({ intent: z.literal("dismiss-appeal"), message: message("inbox.error.appealReasonRequired") }),
]);
export type StaffActionInput = z.infer<typeof StaffActionSchema>;
const isAppealInput = (input: StaffActionInput): input is Extract<StaffActionInput, { intent: AppealIntent }> => isAppealIntent(input.intent);

export interface WorkflowRole {
  actor: Actor;
  /** The unit of the membership that grants access (recorded on the event). */
  unitId: string;
}

/**
 * The role the user acts in on a complaint of `unitId`: the membership that grants access, UNIT_HEAD
 * (own unit or one above it) over OFFICER (own unit), then the city-wide roles (COORDINATOR first).
 */
export function workflowRoleFor(user: UserLike, complaintUnitId: string | null, tree: UnitTree): WorkflowRole | null {
  const ms = user.memberships;
  if (complaintUnitId !== null) {
    const head = ms.find((m) => m.role === "UNIT_HEAD" && isSameOrDescendant(complaintUnitId, m.unitId, tree));
    if (head) return { actor: "UNIT_HEAD", unitId: head.unitId };
    const officer = ms.find((m) => m.role === "OFFICER" && m.unitId === complaintUnitId);
    if (officer) return { actor: "OFFICER", unitId: officer.unitId };
  }
  for (const role of ["COORDINATOR", "INSPECTORATE", "LIAISON"] as const satisfies readonly Role[]) {
    const m = ms.find((membership) => membership.role === role);
    if (m) return { actor: role, unitId: m.unitId };
  }
  return null;
}

/** May the user give this complaint to an officer: unit heads over the unit, and the coordinator. */
export function canAssignOfficer(user: UserLike, complaintUnitId: string | null, tree: UnitTree): boolean {
  if (complaintUnitId === null) return false;
  if (hasPermission(user, "triage:complaint:any")) return true;
  return user.memberships.some((m) => m.role === "UNIT_HEAD" && isSameOrDescendant(complaintUnitId, m.unitId, tree));
}

/**
 * The membership in which the user may decide an appeal on a complaint of `complaintUnitId`: the
 * LIAISON's (`decide:appeal:any`), unless the user is also staff of the unit the appeal is against
 * (nobody judges their own unit's handling: the same conflict-of-interest rule as canSeeIdentity).
 */
export function appealDeciderRole(user: UserLike, complaintUnitId: string | null, tree: UnitTree): WorkflowRole | null {
  if (!hasPermission(user, "decide:appeal:any")) return null;
  const ownUnit =
    complaintUnitId !== null &&
    user.memberships.some(
      (m) => (m.role === "OFFICER" && m.unitId === complaintUnitId) || (m.role === "UNIT_HEAD" && isSameOrDescendant(complaintUnitId, m.unitId, tree)),
    );
  if (ownUnit) return null;
  const liaison = user.memberships.find((m) => m.role === "LIAISON");
  return liaison ? { actor: "LIAISON", unitId: liaison.unitId } : null;
}

function appealIntents(user: UserLike, complaint: { unitId: string | null; status: ComplaintStatus }, tree: UnitTree): StaffIntent[] {
  const role = appealDeciderRole(user, complaint.unitId, tree);
  if (!role) return [];
  const actions = availableActions(complaint.status, role.actor);
  return APPEAL_INTENTS.filter((intent) => actions.includes(INTENT_ACTION[intent]));
}

/** The intents the page offers: legal in the workflow for the user's role AND permitted to act. */
export function availableIntents(user: UserLike, complaint: { unitId: string | null; status: ComplaintStatus }, tree: UnitTree): StaffIntent[] {
  const appeals = appealIntents(user, complaint, tree);
  if (!canAccessComplaint(user, complaint, tree, "act")) return appeals;
  const role = workflowRoleFor(user, complaint.unitId, tree);
  if (!role) return appeals;
  const actions = availableActions(complaint.status, role.actor);
  return STAFF_INTENTS.filter((intent) => {
    if (isAppealIntent(intent)) return appeals.includes(intent);
    if (!actions.includes(INTENT_ACTION[intent])) return false;
    if (intent === "assign") return canAssignOfficer(user, complaint.unitId, tree);
    if (intent === "transfer") return complaint.unitId !== null;
    return true;
  });
}

export type StaffActionOutcome =
  | { ok: true; status: ComplaintStatus }
  | { ok: false; reason: "not_found" | "forbidden" | "not_allowed_now" | "invalid_officer" | "invalid_unit" | "same_unit" };

/**
 * Performs one staff action. Permission is checked here as well as on the page (a form can be
 * replayed); the workflow decision itself is applyTransition's, under its row lock.
 */
export async function performStaffAction(
  db: Db,
  {
    user,
    userId,
    complaintId,
    input,
    tree,
    attachments = [],
    now,
  }: { user: UserLike; userId: string; complaintId: string; input: StaffActionInput; tree: UnitTree; attachments?: StoredAttachment[]; now: Date },
): Promise<StaffActionOutcome> {
  const complaint = await db.complaint.findUnique({ where: { id: complaintId }, select: { unitId: true, status: true, assignedOfficerId: true } });
  if (!complaint) return { ok: false, reason: "not_found" };
  if (isAppealInput(input)) {
    const decider = appealDeciderRole(user, complaint.unitId, tree);
    if (!decider) return { ok: false, reason: "forbidden" };
    const decided = await applyTransition(db, {
      complaintId,
      action: INTENT_ACTION[input.intent],
      actor: decider.actor,
      actorUserId: userId,
      actorUnitId: decider.unitId,
      message: input.message,
      payload: { decision: input.intent === "uphold-appeal" ? "UPHELD" : "DISMISSED" },
      now,
    });
    if (!decided.ok) return { ok: false, reason: decided.refusal.reason === "not_found" ? "not_found" : "not_allowed_now" };
    return { ok: true, status: decided.status };
  }
  if (!canAccessComplaint(user, complaint, tree, "act")) return { ok: false, reason: "forbidden" };
  const role = workflowRoleFor(user, complaint.unitId, tree);
  if (!role) return { ok: false, reason: "forbidden" };
  const base = { complaintId, actor: role.actor, actorUserId: userId, actorUnitId: role.unitId, now };
  let outcome: TransitionOutcome;
  switch (input.intent) {
    case "acknowledge": {
      // Whoever accepts an unassigned complaint for the unit takes it (issue #21): otherwise it sits
      // in nobody's "mine" until the head assigns it. Only staff of the complaint's own unit: a head
      // acknowledging for a unit below theirs is not the one who will work it. Read before the
      // transition's row lock, so an assignment landing in between is overwritten by this one; the
      // event's payload says who took it either way.
      const takes = complaint.assignedOfficerId === null && role.unitId === complaint.unitId;
      outcome = await applyTransition(db, {
        ...base,
        action: "ACKNOWLEDGE",
        ...(takes ? { payload: { assignedOfficerId: userId }, complaintUpdate: { assignedOfficerId: userId } } : {}),
      });
      break;
    }
    case "request-info":
    case "respond":
    case "propose-resolution":
    case "note":
      outcome = await applyTransition(db, { ...base, action: INTENT_ACTION[input.intent], message: input.message, attachments });
      break;
    case "assign": {
      if (!canAssignOfficer(user, complaint.unitId, tree)) return { ok: false, reason: "forbidden" };
      const officerId = input.officerId.toLowerCase();
      const member = await db.membership.findFirst({
        where: { userId: officerId, unitId: complaint.unitId!, role: { in: ["OFFICER", "UNIT_HEAD"] }, user: { isActive: true } },
        select: { id: true },
      });
      if (!member) return { ok: false, reason: "invalid_officer" };
      outcome = await applyTransition(db, {
        ...base,
        action: "NOTE",
        payload: { assignedOfficerId: officerId },
        complaintUpdate: { assignedOfficerId: officerId },
      });
      break;
    }
    case "transfer": {
      const target = await db.serviceUnit.findUnique({ where: { id: input.unitId.toLowerCase() }, select: { id: true, isActive: true } });
      if (!target || !target.isActive) return { ok: false, reason: "invalid_unit" };
      if (target.id === complaint.unitId) return { ok: false, reason: "same_unit" };
      outcome = await applyTransition(db, {
        ...base,
        action: "TRANSFER",
        message: input.reason,
        payload: { fromUnitId: complaint.unitId, toUnitId: target.id },
        complaintUpdate: { unitId: target.id, assignedOfficerId: null },
      });
      break;
    }
  }
  if (!outcome.ok) return { ok: false, reason: outcome.refusal.reason === "not_found" ? "not_found" : "not_allowed_now" };
  return { ok: true, status: outcome.status };
}

/** Officers (and heads) of the unit, for the assign form. */
export async function unitStaff(db: Db, unitId: string) {
  const rows = await db.membership.findMany({
    where: { unitId, role: { in: ["OFFICER", "UNIT_HEAD"] }, user: { isActive: true } },
    select: { userId: true, role: true, user: { select: { name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  const seen = new Set<string>();
  return rows.filter((row) => (seen.has(row.userId) ? false : (seen.add(row.userId), true))).map((row) => ({ id: row.userId, name: row.user.name }));
}
