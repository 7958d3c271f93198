// The coordinator's triage page for one complaint (/staf/triase/:id): which actions the workflow
// allows now, what the forms need, and what a posted action comes to.
import {
  isTriageIntent,
  performTriageAction,
  REFERRALS,
  ROUTABLE_UNIT_KINDS,
  TriageActionSchema,
  type TriageContext,
  type TriageIntent,
} from "~/domain/complaints/triage-actions.server";
import { availableActions, type ComplaintStatus } from "~/domain/complaints/workflow";
import { getTriageComplaint, listMaladministrationForms, listRoutableUnits, listTriageQueue, decodeTriageCursor, type TriageCursor } from "~/models/triage.server";
import type { Db } from "~/services/db.server";
import { firstIssuePerField } from "~/services/form-errors";
import { tileLayer } from "~/services/map-config.server";

/** The triage intents the workflow allows now (ADR 007: the table decides which buttons show). */
export function triageIntentsFor(status: ComplaintStatus, unitId: string | null): TriageIntent[] {
  const actions = availableActions(status, "COORDINATOR");
  const intents: TriageIntent[] = [];
  if (actions.includes("VERIFY")) intents.push("verify");
  if (actions.includes("ASSIGN") && unitId === null) intents.push("route");
  if (actions.includes("HOLD")) intents.push("hold");
  if (actions.includes("RELEASE")) intents.push("release");
  if (actions.includes("MARK_DUPLICATE")) intents.push("duplicate");
  if (actions.includes("REJECT")) intents.push("reject");
  return intents;
}

export type TriagePage = NonNullable<Awaited<ReturnType<typeof loadTriagePage>>>;

/** Null when there is no such complaint. */
export async function loadTriagePage(db: Db, complaintId: string, now: Date) {
  const view = await getTriageComplaint(db, complaintId, now);
  if (!view) return null;
  const intents = triageIntentsFor(view.status as ComplaintStatus, view.unitId);
  const needsUnit = intents.includes("route") || (intents.includes("verify") && view.unitUnknown);
  return {
    view: { ...view, tiles: tileLayer() },
    intents,
    units: needsUnit ? await listRoutableUnits(db, ROUTABLE_UNIT_KINDS) : [],
    forms: intents.includes("verify") ? await listMaladministrationForms(db) : [],
    referrals: [...REFERRALS],
  };
}

export type TriageActionData = { intent: TriageIntent | null; errors: Record<string, string>; values: Record<string, string>; originalCode?: string };

export type TriageActionResult =
  | { kind: "refused"; status: number; data: TriageActionData }
  | { kind: "not_found" }
  | { kind: "done"; intent: TriageIntent };

/** Validates and performs one triage form; refusals tied to a field come back beside it. */
export async function actOnTriage(db: Db, complaintId: string, values: Record<string, string>, context: TriageContext): Promise<TriageActionResult> {
  const intent = isTriageIntent(values.intent) ? values.intent : null;
  const parsed = TriageActionSchema.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    Object.assign(errors, firstIssuePerField(parsed.error));
    // An unknown intent is a form-level problem, not a field's.
    if (!intent) errors.form = "form.error.invalid";
    return { kind: "refused", status: 400, data: { intent, errors, values } };
  }
  const outcome = await performTriageAction(db, complaintId, parsed.data, context);
  if (!outcome.ok) {
    if (outcome.reason === "not_found") return { kind: "not_found" };
    const field =
      outcome.reason === "unit_required" || outcome.reason === "unit_unknown"
        ? "unitId"
        : outcome.reason === "form_unknown"
          ? "maladministrationCode"
          : outcome.reason.startsWith("duplicate_")
            ? "originalCode"
            : "form";
    return { kind: "refused", status: 409, data: { intent, errors: { [field]: `triage.refusal.${outcome.reason}` }, values, originalCode: outcome.originalCode } };
  }
  return { kind: "done", intent: outcome.intent };
}

/**
 * Where a complaint stands in the queue's order (the sort key of listTriageQueue), read before it
 * is verified: verifying stops the verification clock and clears the deadline the key is made of.
 */
export async function triageQueuePosition(db: Db, complaintId: string): Promise<TriageCursor | null> {
  const row = await db.complaint.findUnique({ where: { id: complaintId }, select: { verificationDueAt: true, verifiedAt: true, submittedAt: true } });
  return row ? { key: row.verificationDueAt ?? row.verifiedAt ?? row.submittedAt, id: complaintId } : null;
}

const MAX_PAGES_SCANNED = 40;

/**
 * "Verify and open the next": the next complaint waiting for verification (SUBMITTED) after
 * `after` in the queue's order, else the first one before it (those the coordinator skipped), so the
 * button walks the queue until nothing is left to verify. Held complaints are left out: they wait
 * on something the coordinator asked for. Null when none is left.
 */
export async function nextToVerify(db: Db, { after, skipId, now }: { after: TriageCursor | null; skipId: string; now: Date }): Promise<string | null> {
  for (const start of after ? [after, null] : [null]) {
    let cursor = start;
    for (let page = 0; page < MAX_PAGES_SCANNED; page++) {
      const { items, next } = await listTriageQueue(db, { after: cursor, now });
      const found = items.find((item) => item.status === "SUBMITTED" && item.id !== skipId);
      if (found) return found.id;
      cursor = decodeTriageCursor(next);
      if (!cursor) break;
    }
  }
  return null;
}

