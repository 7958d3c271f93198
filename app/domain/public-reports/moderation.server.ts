// Moderation of a public report (issue #14 item 6): the coordinator (triage:complaint:any) hides the
// citizen's text from every public output — the report page, the list, the CSV and GeoJSON — with a
// reason, and may show it again. The complaint, its status, deadlines and timeline are untouched;
// the audit log records each change with the reason (ADR 037).
import { hasPermission, type UserLike } from "~/domain/auth/permissions";
import { isPublishable } from "~/domain/publication/publication";
import { findModerationState, writePublicTextModeration } from "~/models/public-reports.server";
import type { Db } from "~/services/db.server";
import { PUBLIC_LIST_STATUSES } from "./status-groups";

export const MODERATION_REASON_MIN = 5;
export const MODERATION_REASON_MAX = 500;

export type ModerationRefusal = "forbidden" | "not_found" | "reason_required" | "reason_short" | "reason_long" | "already_hidden" | "not_hidden";
export type ModerationOutcome = { ok: true } | { ok: false; reason: ModerationRefusal };

export const canModeratePublicText = (user: UserLike) => hasPermission(user, "triage:complaint:any");

export function checkModerationReason(reason: string | null | undefined): ModerationRefusal | null {
  const text = reason?.trim() ?? "";
  if (text === "") return "reason_required";
  if (text.length < MODERATION_REASON_MIN) return "reason_short";
  if (text.length > MODERATION_REASON_MAX) return "reason_long";
  return null;
}

export async function hidePublicText(
  db: Db,
  { user, complaintId, reason, now }: { user: UserLike & { id: string }; complaintId: string; reason: string; now: Date },
): Promise<ModerationOutcome> {
  if (!canModeratePublicText(user)) return { ok: false, reason: "forbidden" };
  const problem = checkModerationReason(reason);
  if (problem) return { ok: false, reason: problem };
  const state = await findModerationState(db, complaintId);
  if (!state) return { ok: false, reason: "not_found" };
  if (state.hiddenAt) return { ok: false, reason: "already_hidden" };
  await writePublicTextModeration(db, {
    complaintId,
    actorUserId: user.id,
    hidden: { at: now, reason: reason.trim() },
    audit: { action: "complaint.public_text_hidden", data: { trackingCode: state.trackingCode, reason: reason.trim() } },
  });
  return { ok: true };
}

/** "Tampilkan lagi": the text is public again, under the same publication rule as before. */
export async function showPublicText(db: Db, { user, complaintId }: { user: UserLike & { id: string }; complaintId: string; now: Date }): Promise<ModerationOutcome> {
  if (!canModeratePublicText(user)) return { ok: false, reason: "forbidden" };
  const state = await findModerationState(db, complaintId);
  if (!state) return { ok: false, reason: "not_found" };
  if (!state.hiddenAt) return { ok: false, reason: "not_hidden" };
  await writePublicTextModeration(db, {
    complaintId,
    actorUserId: user.id,
    hidden: null,
    audit: { action: "complaint.public_text_shown", data: { trackingCode: state.trackingCode, hiddenSince: state.hiddenAt.toISOString(), reason: state.reason } },
  });
  return { ok: true };
}

export const MODERATION_INTENTS = ["hide-text", "show-text"] as const;
export type ModerationIntent = (typeof MODERATION_INTENTS)[number];

export function isModerationIntent(value: unknown): value is ModerationIntent {
  return typeof value === "string" && (MODERATION_INTENTS as readonly string[]).includes(value);
}

/** What the staff pages show: whether and why the text is hidden, and whether the report is public now. */
export interface ModerationPanel {
  trackingCode: string;
  /** RAHASIA content is never public: nothing to moderate. */
  moderatable: boolean;
  /** On /laporan-warga now (verified, a listed status, not RAHASIA). */
  published: boolean;
  hiddenAt: string | null;
  reason: string | null;
  hiddenByName: string | null;
}

export async function loadModerationPanel(db: Db, complaintId: string): Promise<ModerationPanel | null> {
  const state = await findModerationState(db, complaintId);
  if (!state) return null;
  return {
    trackingCode: state.trackingCode,
    moderatable: state.visibility !== "RAHASIA",
    published: isPublishable(state) && (PUBLIC_LIST_STATUSES as readonly string[]).includes(state.status),
    hiddenAt: state.hiddenAt?.toISOString() ?? null,
    reason: state.reason,
    hiddenByName: state.hiddenByName,
  };
}

export type ModerationActionData = { intent: ModerationIntent; errors: Record<string, string>; values: Record<string, string> };
export type ModerationActionResult =
  | { kind: "done"; intent: ModerationIntent }
  | { kind: "not_found" }
  | { kind: "refused"; status: number; data: ModerationActionData };

const REASON_REFUSALS: readonly ModerationRefusal[] = ["reason_required", "reason_short", "reason_long"];

/** The moderation form's POST (intent hide-text or show-text) on the triage page. */
export async function actOnModeration(
  db: Db,
  complaintId: string,
  values: Record<string, string>,
  { user, now }: { user: UserLike & { id: string }; now: Date },
): Promise<ModerationActionResult> {
  const intent: ModerationIntent = values.intent === "show-text" ? "show-text" : "hide-text";
  const outcome =
    intent === "hide-text" ? await hidePublicText(db, { user, complaintId, reason: values.reason ?? "", now }) : await showPublicText(db, { user, complaintId, now });
  if (outcome.ok) return { kind: "done", intent };
  if (outcome.reason === "not_found") return { kind: "not_found" };
  const field = REASON_REFUSALS.includes(outcome.reason) ? "reason" : "form";
  const status = outcome.reason === "forbidden" ? 403 : REASON_REFUSALS.includes(outcome.reason) ? 400 : 409;
  return { kind: "refused", status, data: { intent, errors: { [field]: `triage.moderation.refusal.${outcome.reason}` }, values } };
}
