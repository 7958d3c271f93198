// The coordinator's triage desk (LAPOR!'s *admin koordinator*, DOMAIN.md §3.3): Verifikasi (verify,
// then routing by product, or a unit the coordinator chooses), Tunda (hold / release), Bukan
// Wewenang (reject as out of scope, with a referral to where the matter belongs), duplicates
// (Arsipkan of a report already filed), and manual routing of a verified complaint with no unit.
// Every status change goes through applyTransition (ADR 007); this file only checks what the
// workflow table cannot know (units, tracking codes) and shapes message, payload and columns.
import { z } from "zod";
import type { Db } from "~/services/db.server";
import { hasPermission, type UserLike } from "~/domain/auth/permissions";
import { requireStaffUser, type StaffUser } from "~/services/session.server";
import { applyTransition, type TransitionOutcome } from "./apply-transition.server";
import { normalizeTrackingCode } from "./tracking-code";
import { blankToUndefined } from "~/services/form-values";
import { PRIORITIES } from "~/domain/admin/form-options";

/**
 * Where an out-of-scope matter goes instead (DOMAIN.md §3.3 scope: LAPOR! does not handle criminal,
 * corruption, legal or legislative matters; a citizen may also go to the Ombudsman directly).
 * Labels: `triage.referral.<code>` in both catalogues.
 */
export const REFERRALS = ["POLICE", "KPK_APH", "COURT_LEGAL_AID", "DPRD", "OMBUDSMAN", "OTHER_AGENCY"] as const;
export type Referral = (typeof REFERRALS)[number];

export const TRIAGE_INTENTS = ["verify", "reject", "hold", "release", "duplicate", "route"] as const;
export type TriageIntent = (typeof TRIAGE_INTENTS)[number];

/** Unit kinds a complaint can be sent to (not the coordinator's desk nor the Inspektorat). */
export const ROUTABLE_UNIT_KINDS = ["CITY", "OPD", "KECAMATAN", "KELURAHAN", "PUSKESMAS", "HOSPITAL", "OTHER"] as const;

const reason = z
  .string({ message: "triage.error.reasonRequired" })
  .trim()
  .min(5, { message: "triage.error.reasonShort" })
  .max(2000, { message: "form.error.tooLong" });
const unitId = z.uuid({ message: "triage.error.unitRequired" });

/** The forms of the triage page. Messages are i18n keys. */
export const TriageActionSchema = z.discriminatedUnion("intent", [
  // Verification is where the coordinator classifies: the form of maladministration (the citizen's
  // plain-language choice may be wrong or missing) and the priority, which select the SLA policy.
  z.object({
    intent: z.literal("verify"),
    unitId: z.preprocess(blankToUndefined, unitId.optional()),
    priority: z.preprocess(blankToUndefined, z.enum(PRIORITIES, { message: "form.error.choice" }).optional()),
    maladministrationCode: z.preprocess(blankToUndefined, z.string().trim().max(40, { message: "form.error.choice" }).optional()),
  }),
  z
    .object({
      intent: z.literal("reject"),
      reason,
      referral: z.preprocess(blankToUndefined, z.enum(REFERRALS, { message: "form.error.choice" }).optional()),
      referralNote: z.preprocess(blankToUndefined, z.string().trim().max(500, { message: "form.error.tooLong" }).optional()),
    })
    .superRefine((value, ctx) => {
      // "Another agency" means nothing to the citizen without its name.
      if (value.referral === "OTHER_AGENCY" && !value.referralNote) {
        ctx.addIssue({ code: "custom", path: ["referralNote"], message: "triage.error.referralNoteRequired" });
      }
    }),
  z.object({ intent: z.literal("hold"), reason }),
  z.object({ intent: z.literal("release"), note: z.preprocess(blankToUndefined, z.string().trim().max(2000, { message: "form.error.tooLong" }).optional()) }),
  z.object({
    intent: z.literal("duplicate"),
    originalCode: z.string({ message: "triage.error.codeRequired" }).trim().min(1, { message: "triage.error.codeRequired" }).max(40, { message: "triage.error.codeUnknown" }),
  }),
  z.object({ intent: z.literal("route"), unitId: z.preprocess(blankToUndefined, unitId) }),
]);
export type TriageActionInput = z.infer<typeof TriageActionSchema>;

export function isTriageIntent(value: unknown): value is TriageIntent {
  return typeof value === "string" && (TRIAGE_INTENTS as readonly string[]).includes(value);
}

/** Reasons the desk refuses an action, each with a `triage.refusal.<reason>` message. */
export type TriageRefusalReason =
  | "not_found"
  | "not_now" // the workflow does not allow it from the current status (or someone was quicker)
  | "unit_required" // verifying a complaint whose unit nobody knows: choose one
  | "unit_unknown" // not an active unit a complaint can go to
  | "form_unknown" // not one of the ten forms of maladministration
  | "duplicate_self"
  | "duplicate_unknown"
  | "duplicate_of_duplicate"
  | "verified_not_assigned"; // VERIFY went through, ASSIGN did not: it now waits in the queue for routing

export type TriageOutcome =
  | { ok: true; intent: TriageIntent; status: string }
  | { ok: false; reason: TriageRefusalReason; originalCode?: string };

export function canTriage(user: UserLike): boolean {
  return hasPermission(user, "triage:complaint:any");
}

/** The signed-in coordinator (login redirect when signed out, 403 for staff without the permission). */
export async function requireTriageUser(db: Db, request: Request, now: Date): Promise<StaffUser> {
  const user = await requireStaffUser(db, request, now);
  if (!canTriage(user)) throw new Response("Forbidden", { status: 403 });
  return user;
}

const refusedBy = (outcome: Extract<TransitionOutcome, { ok: false }>): TriageOutcome =>
  ({ ok: false, reason: outcome.refusal.reason === "not_found" ? "not_found" : "not_now" });

async function findRoutableUnit(db: Db, id: string): Promise<{ id: string } | null> {
  return db.serviceUnit.findFirst({ where: { id, isActive: true, kind: { in: [...ROUTABLE_UNIT_KINDS] } }, select: { id: true } });
}

export interface TriageContext {
  actorUserId: string;
  now: Date;
}

/**
 * What the coordinator changed in the classification at verification, as the columns to write and
 * the event payload that records old and new values (the audit trail of a reclassification).
 */
function classificationChange(
  current: { priority: string; maladministrationCode: string | null },
  input: { priority?: (typeof PRIORITIES)[number]; maladministrationCode?: string },
): { complaintUpdate?: { priority?: (typeof PRIORITIES)[number]; maladministrationCode?: string }; payload?: Record<string, unknown> } {
  const update: { priority?: (typeof PRIORITIES)[number]; maladministrationCode?: string } = {};
  const changes: Record<string, { from: string | null; to: string }> = {};
  if (input.priority && input.priority !== current.priority) {
    update.priority = input.priority;
    changes.priority = { from: current.priority, to: input.priority };
  }
  if (input.maladministrationCode && input.maladministrationCode !== current.maladministrationCode) {
    update.maladministrationCode = input.maladministrationCode;
    changes.maladministrationCode = { from: current.maladministrationCode, to: input.maladministrationCode };
  }
  return Object.keys(changes).length === 0 ? {} : { complaintUpdate: update, payload: { classification: changes } };
}

/** One coordinator action on one complaint. */
export async function performTriageAction(db: Db, complaintId: string, input: TriageActionInput, { actorUserId, now }: TriageContext): Promise<TriageOutcome> {
  const complaint = await db.complaint.findUnique({
    where: { id: complaintId },
    select: { id: true, status: true, unitId: true, productId: true, priority: true, maladministrationCode: true },
  });
  if (!complaint) return { ok: false, reason: "not_found" };
  const base = { complaintId, actor: "COORDINATOR" as const, actorUserId, now };

  switch (input.intent) {
    case "verify": {
      if (input.maladministrationCode && !(await db.maladministrationForm.findUnique({ where: { code: input.maladministrationCode }, select: { code: true } }))) {
        return { ok: false, reason: "form_unknown" };
      }
      const classification = classificationChange(complaint, input);
      const verify = { ...base, action: "VERIFY" as const, ...classification };
      // A product or a unit named by the citizen: the routing worker (queued by VERIFY) assigns it.
      const unitKnown = complaint.unitId !== null || complaint.productId !== null;
      if (unitKnown) {
        const outcome = await applyTransition(db, verify);
        return outcome.ok ? { ok: true, intent: "verify", status: outcome.status } : refusedBy(outcome);
      }
      if (!input.unitId) return { ok: false, reason: "unit_required" };
      const unit = await findRoutableUnit(db, input.unitId);
      if (!unit) return { ok: false, reason: "unit_unknown" };
      const verified = await applyTransition(db, verify);
      if (!verified.ok) return refusedBy(verified);
      // Two transitions, two transactions: should the second fail, the complaint is VERIFIED with no
      // unit, which is exactly what the queue lists for manual routing. The routing job VERIFY
      // queued finds it ASSIGNED (or still unit-less) and does nothing.
      const assigned = await applyTransition(db, {
        ...base,
        action: "ASSIGN",
        actorUnitId: unit.id,
        payload: { rule: "coordinator" },
        complaintUpdate: { unitId: unit.id },
      });
      return assigned.ok ? { ok: true, intent: "verify", status: assigned.status } : { ok: false, reason: "verified_not_assigned" };
    }
    case "route": {
      const unit = await findRoutableUnit(db, input.unitId);
      if (!unit) return { ok: false, reason: "unit_unknown" };
      const outcome = await applyTransition(db, {
        ...base,
        action: "ASSIGN",
        actorUnitId: unit.id,
        payload: { rule: "coordinator" },
        complaintUpdate: { unitId: unit.id },
      });
      return outcome.ok ? { ok: true, intent: "route", status: outcome.status } : refusedBy(outcome);
    }
    case "reject": {
      const outcome = await applyTransition(db, {
        ...base,
        action: "REJECT",
        message: input.reason,
        payload: { scope: "out_of_scope", referral: input.referral ?? null, referralNote: input.referralNote ?? null },
      });
      return outcome.ok ? { ok: true, intent: "reject", status: outcome.status } : refusedBy(outcome);
    }
    case "hold": {
      const outcome = await applyTransition(db, { ...base, action: "HOLD", message: input.reason });
      return outcome.ok ? { ok: true, intent: "hold", status: outcome.status } : refusedBy(outcome);
    }
    case "release": {
      const outcome = await applyTransition(db, { ...base, action: "RELEASE", message: input.note ?? null });
      return outcome.ok ? { ok: true, intent: "release", status: outcome.status } : refusedBy(outcome);
    }
    case "duplicate": {
      const code = normalizeTrackingCode(input.originalCode);
      const original = code
        ? await db.complaint.findUnique({ where: { trackingCode: code }, select: { id: true, trackingCode: true, status: true, duplicateOf: { select: { trackingCode: true } } } })
        : null;
      if (!original) return { ok: false, reason: "duplicate_unknown" };
      if (original.id === complaint.id) return { ok: false, reason: "duplicate_self" };
      // Chains would send the citizen to a complaint that is itself closed as a copy: point at its original.
      if (original.status === "DUPLICATE") return { ok: false, reason: "duplicate_of_duplicate", originalCode: original.duplicateOf?.trackingCode };
      const outcome = await applyTransition(db, {
        ...base,
        action: "MARK_DUPLICATE",
        payload: { originalTrackingCode: original.trackingCode, originalId: original.id },
        complaintUpdate: { duplicateOfId: original.id },
      });
      return outcome.ok ? { ok: true, intent: "duplicate", status: outcome.status } : refusedBy(outcome);
    }
  }
}
