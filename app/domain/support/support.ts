// Support (dukung) of a published report, and who hears about it afterwards (#14, ADR 038). Pure:
// the choices a route and the transition need, free of the database and of the browser.
import { isPublishable, PUBLISHED_STATUSES } from "~/domain/publication/publication";
import type { ComplaintStatus } from "~/domain/complaints/workflow";

/** Statuses in which a report is still open: supporting it, or filing beside it, still matters. */
export const SUPPORTABLE_STATUSES = ["VERIFIED", "ASSIGNED", "IN_PROGRESS", "AWAITING_CITIZEN", "RESOLVED", "REOPENED", "APPEALED"] as const satisfies readonly (typeof PUBLISHED_STATUSES)[number][];

/** Statuses after which nothing more happens to a report: subscriptions end 30 days later. */
export const ENDED_STATUSES = ["CLOSED", "WITHDRAWN", "REJECTED", "DUPLICATE"] as const satisfies readonly ComplaintStatus[];

/**
 * How long a supporter still hears about a report after it ended: long enough for an appeal or a
 * reopening to reach them, short enough that the city does not keep addresses it no longer needs
 * (UU 27/2022: kept only as long as the purpose lasts).
 */
export const SUBSCRIPTION_DAYS_AFTER_END = 30;

/** The visibilities whose reports are public at all (RAHASIA content never is). */
export const SUPPORTABLE_VISIBILITIES = ["PUBLIC", "ANONIM"] as const;

export function isSupportable(complaint: { status: ComplaintStatus; visibility: string; verifiedAt: Date | null }): boolean {
  return isPublishable(complaint) && (SUPPORTABLE_STATUSES as readonly string[]).includes(complaint.status);
}

/**
 * Whether a move of a complaint is mailed to its supporters: a change of status the public can see
 * anyway (the report stays published after it), so the mail tells a supporter nothing the public
 * report page does not.
 */
export function notifiesSupporters(move: { from: ComplaintStatus; to: ComplaintStatus; publicEvent: boolean; verifiedAt: Date | null; visibility: string }): boolean {
  if (move.from === move.to || !move.publicEvent) return false;
  return isPublishable({ status: move.to, visibility: move.visibility, verifiedAt: move.verifiedAt });
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$/;

/** The supporter's optional address: "" means none, anything else must look like an address. */
export function parseSupporterEmail(raw: unknown): { ok: true; email: string | null } | { ok: false } {
  if (raw === null || raw === undefined) return { ok: true, email: null };
  if (typeof raw !== "string") return { ok: false };
  const email = raw.trim();
  if (email === "") return { ok: true, email: null };
  if (email.length > 254 || !EMAIL.test(email)) return { ok: false };
  return { ok: true, email: email.toLowerCase() };
}

/** What the report page says after a support: the query value of the redirect. */
export const SUPPORT_OUTCOMES = ["added", "already", "subscribed", "limited", "invalidEmail", "closed"] as const;
export type SupportOutcome = (typeof SUPPORT_OUTCOMES)[number];

export function supportOutcomeOf(value: string | null): SupportOutcome | null {
  return (SUPPORT_OUTCOMES as readonly string[]).includes(value ?? "") ? (value as SupportOutcome) : null;
}

/** Query parameter the report page reads after a support (POST-redirect-GET). */
export const SUPPORT_OUTCOME_PARAM = "dukung";

/** Radius of "near here" for similar reports: a street's length, where the same streetlight or drain is meant. */
export const SIMILAR_RADIUS_METERS = 300;
export const SIMILAR_LIMIT = 5;

/** The form field a citizen sends after seeing similar reports: "different" (the button) or "seen" (JS showed them). */
export const SIMILAR_DECISION_FIELD = "similarDecision";

export function similarStepPassed(value: unknown): boolean {
  return value === "different" || value === "seen";
}

/** A coordinate pair from form or query text, or null when either is missing or not a number in range. */
export function parsePoint(latitude: unknown, longitude: unknown): { latitude: number; longitude: number } | null {
  if (typeof latitude !== "string" || typeof longitude !== "string" || latitude.trim() === "" || longitude.trim() === "") return null;
  const lat = Number(latitude);
  const long = Number(longitude);
  if (!Number.isFinite(lat) || !Number.isFinite(long) || Math.abs(lat) > 90 || Math.abs(long) > 180) return null;
  return { latitude: lat, longitude: long };
}
