// What one send from the complaint page's composer does (issue #21, item 3). The composer's mode and
// "send and …" choice come down to one intent (composer.ts); the message then takes exactly the path
// the separate forms took: StaffActionSchema, availableIntents, performStaffAction.
//
// A complaint still ASSIGNED or REOPENED is acknowledged in the same request when the user sends
// something meant for the citizen and may acknowledge it: two performStaffAction calls, two events
// (ACKNOWLEDGED, then the message), each in its own transaction under the complaint's row lock.
// Should the second be refused (a colleague acted in between), the acknowledgement stands — the
// complaint is in progress, which is what acknowledging means — and the text comes back to be sent again.
import { canAccessComplaint, type UnitTree, type UserLike } from "~/domain/auth/permissions";
import type { StoredAttachment } from "~/services/attachments.server";
import type { Db } from "~/services/db.server";
import { firstIssuePerField } from "~/services/form-errors";
import { acknowledgementFor, composerIntent, type ComposerIntent } from "./composer";
import { availableIntents, performStaffAction, StaffActionSchema, type StaffActionOutcome } from "./unit-actions.server";
import type { ComplaintStatus } from "./workflow";

export type ComposerPlan =
  | { ok: true; intent: ComposerIntent; message: string; acknowledgeFirst: boolean }
  | { ok: false; status: number; errors: Record<string, string> };

/** The intents the user would have once the complaint is acknowledged (what acknowledging opens). */
export function intentsIfAcknowledged(user: UserLike, complaint: { unitId: string | null }, tree: UnitTree) {
  return availableIntents(user, { unitId: complaint.unitId, status: "IN_PROGRESS" }, tree);
}

/**
 * Reads a composer post and decides what it will do, before anything is written: a refusal here
 * leaves the complaint untouched (no acknowledgement without the message it was for).
 */
export function planComposerSend(
  user: UserLike,
  complaint: { unitId: string | null; status: ComplaintStatus },
  tree: UnitTree,
  values: Record<string, string>,
): ComposerPlan {
  const decision = composerIntent(values.mode, values.next);
  if (!decision.ok) return { ok: false, status: 400, errors: { next: decision.error } };
  const parsed = StaffActionSchema.safeParse({ intent: decision.intent, message: values.message ?? "" });
  if (!parsed.success) return { ok: false, status: 400, errors: firstIssuePerField(parsed.error) as Record<string, string> };
  if (!("message" in parsed.data)) return { ok: false, status: 400, errors: { form: "inbox.error.unknownIntent" } };
  const now = availableIntents(user, complaint, tree);
  const acknowledgeFirst = acknowledgementFor(decision.intent, now, intentsIfAcknowledged(user, complaint, tree));
  if (acknowledgeFirst === null) {
    const forbidden = !canAccessComplaint(user, complaint, tree, "act");
    return { ok: false, status: forbidden ? 403 : 409, errors: { form: forbidden ? "inbox.error.forbidden" : "inbox.error.notNow" } };
  }
  return { ok: true, intent: decision.intent, message: parsed.data.message, acknowledgeFirst };
}

export type ComposerSendOutcome =
  | { ok: true; intent: ComposerIntent; acknowledged: boolean }
  | { ok: false; reason: Extract<StaffActionOutcome, { ok: false }>["reason"]; acknowledged: boolean };

/** Performs a planned send: the acknowledgement if needed, then the message with its attachments. */
export async function performComposerSend(
  db: Db,
  {
    user,
    userId,
    complaintId,
    plan,
    tree,
    attachments,
    now,
  }: {
    user: UserLike;
    userId: string;
    complaintId: string;
    plan: Extract<ComposerPlan, { ok: true }>;
    tree: UnitTree;
    attachments: StoredAttachment[];
    now: Date;
  },
): Promise<ComposerSendOutcome> {
  if (plan.acknowledgeFirst) {
    const acknowledged = await performStaffAction(db, { user, userId, complaintId, input: { intent: "acknowledge" }, tree, now });
    if (!acknowledged.ok) return { ok: false, reason: acknowledged.reason, acknowledged: false };
  }
  const sent = await performStaffAction(db, { user, userId, complaintId, input: { intent: plan.intent, message: plan.message }, tree, attachments, now });
  if (!sent.ok) return { ok: false, reason: sent.reason, acknowledged: plan.acknowledgeFirst };
  return { ok: true, intent: plan.intent, acknowledged: plan.acknowledgeFirst };
}
