// What a citizen can see and do with a tracking code and PIN. No identity is ever part of it:
// the page could be on a shared phone.
import type { Db } from "~/services/db.server";
import { randomBytes } from "node:crypto";
import { hashPassword } from "~/services/password.server";
import { verifyPin } from "~/services/pin.server";
import { applyTransition, type TransitionOutcome } from "./apply-transition.server";
import { availableActions, type ComplaintStatus, type WorkflowAction } from "./workflow";
import { normalizeTrackingCode } from "./tracking-code";
import { REFERRALS, type Referral } from "./triage-actions.server";
import type { CitizenActionInput } from "./citizen-actions";
import type { StoredAttachment } from "~/services/attachments.server";
import { loadCitizenViewRow } from "~/models/citizen-view.server";

export async function findComplaintIdByCode(db: Db, code: string): Promise<string | null> {
  const normalized = normalizeTrackingCode(code);
  if (!normalized) return null;
  const row = await db.complaint.findUnique({ where: { trackingCode: normalized }, select: { id: true } });
  return row?.id ?? null;
}

/** Checks a code and PIN; a wrong pair and an unknown code look the same to the caller. */
export async function authenticateTracking(db: Db, code: string, pin: string): Promise<{ ok: true; complaintId: string; trackingCode: string } | { ok: false }> {
  const normalized = normalizeTrackingCode(code);
  const row = normalized ? await db.complaint.findUnique({ where: { trackingCode: normalized }, select: { id: true, pinHash: true, trackingCode: true } }) : null;
  // Verify even when the code is unknown, so timing does not tell which codes exist.
  const ok = await verifyPin(row?.pinHash ?? (await dummyPinHash()), pin);
  return row && ok ? { ok: true, complaintId: row.id, trackingCode: row.trackingCode } : { ok: false };
}

// A real hash (same argon2 parameters as a PIN's) of a random secret, so an unknown code costs the
// same time as a known one. Not hashPin: it refuses anything but six digits, which made every
// unknown code (a citizen's typo) throw.
let dummyHash: Promise<string> | undefined;
const dummyPinHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString("hex")));

export interface CitizenTimelineEntry {
  id: string;
  type: string;
  occurredAt: string;
  byCitizen: boolean;
  message: string | null;
  attachments: { id: string; name: string }[];
}

export interface CitizenComplaintView {
  id: string;
  trackingCode: string;
  status: ComplaintStatus;
  visibility: string;
  submittedAt: string;
  unitName: string | null;
  productName: string | null;
  productNameEn: string | null;
  /** Who must act next: the unit, the coordinator, or the citizen. */
  holder: "COORDINATOR" | "UNIT" | "CITIZEN" | "LIAISON" | "NONE";
  nextDueAt: string | null;
  nextDueStage: string | null;
  rating: number | null;
  actions: WorkflowAction[];
  timeline: CitizenTimelineEntry[];
  /** DUPLICATE: the tracking code of the complaint this one was merged with (from the event payload). */
  duplicateOfCode: string | null;
  /** REJECTED: the coordinator's reason and where to take the matter instead (from the event). */
  rejection: { reason: string | null; referral: Referral | null; referralNote: string | null } | null;
  /** Mail to the address they gave fails (issue #15): the page asks for one that works. Never the address itself. */
  emailUndeliverable: boolean;
}

type PublicEvent = { type: string; message: string | null; payload: unknown };

const payloadString = (payload: unknown, key: string): string | null => {
  const value = payload && typeof payload === "object" && !Array.isArray(payload) ? (payload as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" && value.trim() !== "" ? value : null;
};

/** What the last triage decision tells the citizen: the original's code, or the reason and referral. */
function triageOutcome(status: ComplaintStatus, events: readonly PublicEvent[]): Pick<CitizenComplaintView, "duplicateOfCode" | "rejection"> {
  const last = (type: string) => [...events].reverse().find((event) => event.type === type);
  if (status === "DUPLICATE") {
    return { duplicateOfCode: payloadString(last("MARKED_DUPLICATE")?.payload, "originalTrackingCode"), rejection: null };
  }
  if (status === "REJECTED") {
    const event = last("REJECTED");
    const referral = payloadString(event?.payload, "referral");
    return {
      duplicateOfCode: null,
      rejection: {
        reason: event?.message ?? null,
        referral: referral && (REFERRALS as readonly string[]).includes(referral) ? (referral as Referral) : null,
        referralNote: payloadString(event?.payload, "referralNote"),
      },
    };
  }
  return { duplicateOfCode: null, rejection: null };
}

function holderOf(status: ComplaintStatus): CitizenComplaintView["holder"] {
  switch (status) {
    case "SUBMITTED":
    case "ON_HOLD":
    case "VERIFIED":
      return "COORDINATOR";
    case "ASSIGNED":
    case "IN_PROGRESS":
    case "REOPENED":
      return "UNIT";
    case "AWAITING_CITIZEN":
    case "RESOLVED":
      return "CITIZEN";
    case "APPEALED":
      return "LIAISON";
    default:
      return "NONE";
  }
}

/** The view by complaint id, or by the tracking code as typed (normalised first; a malformed code finds nothing). */
export async function getCitizenComplaintView(db: Db, key: string | { code: string }): Promise<CitizenComplaintView | null> {
  const trackingCode = typeof key === "string" ? null : normalizeTrackingCode(key.code);
  if (typeof key !== "string" && !trackingCode) return null;
  const complaint = await loadCitizenViewRow(db, trackingCode ? { trackingCode } : (key as string));
  if (!complaint) return null;
  const actions = availableActions(complaint.status, "CITIZEN").filter((a) => !(a === "RATE" && complaint.rating !== null));
  return {
    id: complaint.id,
    trackingCode: complaint.trackingCode,
    status: complaint.status,
    visibility: complaint.visibility,
    submittedAt: complaint.submittedAt.toISOString(),
    unitName: complaint.unitName,
    productName: complaint.productName,
    productNameEn: complaint.productNameEn,
    holder: holderOf(complaint.status),
    nextDueAt: complaint.nextDueAt?.toISOString() ?? null,
    nextDueStage: complaint.nextDueStage,
    rating: complaint.rating,
    actions,
    timeline: complaint.events.map((e) => ({
      id: e.id,
      type: e.type,
      occurredAt: new Date(e.occurredAt).toISOString(),
      byCitizen: e.actorKind === "CITIZEN",
      message: e.message,
      attachments: e.attachments.map((a) => ({ id: a.id, name: a.originalName })),
    })),
    ...triageOutcome(complaint.status, complaint.events),
    emailUndeliverable: complaint.emailUndeliverable === true,
  };
}

const INTENT_ACTION: Record<CitizenActionInput["intent"], WorkflowAction> = {
  reply: "CITIZEN_REPLY",
  confirm: "CONFIRM_RESOLUTION",
  reject: "REJECT_RESOLUTION",
  rate: "RATE",
  appeal: "APPEAL",
  withdraw: "WITHDRAW",
};

export type CitizenActionOutcome = TransitionOutcome | { ok: false; refusal: { reason: "already_rated" } };

/** One citizen action on their own complaint, recorded on the timeline. */
export async function performCitizenAction(
  db: Db,
  complaintId: string,
  input: CitizenActionInput,
  { now, attachments = [], payload = {} }: { now: Date; attachments?: StoredAttachment[]; /** Where the action came from (an e-mail reply, ADR 039). */ payload?: Record<string, unknown> },
): Promise<CitizenActionOutcome> {
  if (input.intent === "rate") {
    const current = await db.complaint.findUnique({ where: { id: complaintId }, select: { rating: true } });
    if (current?.rating !== null && current?.rating !== undefined) return { ok: false, refusal: { reason: "already_rated" } };
  }
  const message =
    input.intent === "reply" ? input.message : input.intent === "reject" || input.intent === "appeal" ? input.reason : input.intent === "withdraw" ? (input.reason ?? null) : input.intent === "rate" ? (input.comment ?? null) : null;
  return applyTransition(db, {
    complaintId,
    action: INTENT_ACTION[input.intent],
    actor: "CITIZEN",
    message,
    attachments: input.intent === "reply" ? attachments : [],
    payload: input.intent === "rate" ? { ...payload, rating: input.rating } : payload,
    complaintUpdate: input.intent === "rate" ? { rating: input.rating, ratingComment: input.comment ?? null } : undefined,
    now,
  });
}
