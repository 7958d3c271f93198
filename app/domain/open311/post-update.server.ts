// POST servicerequestupdates.(json|xml) (FixMyStreet extension): the citizen answers a question
// through the client that filed the complaint. Accepted only for a complaint that client filed,
// and only while the unit awaits the citizen; it is the tracking page's "reply" action.
import { CitizenActionSchema } from "~/domain/complaints/citizen-actions";
import { performCitizenAction } from "~/domain/complaints/citizen-tracking.server";
import { normalizeTrackingCode } from "~/domain/complaints/tracking-code";
import { findClientComplaint } from "~/models/open311.server";
import type { Db } from "~/services/db.server";
import { translate, type Locale, type MessageKey } from "~/services/i18n.server";
import { open311Status, toJakartaIso, type Open311Status } from "./georeport";
import type { Open311Problem } from "./requests";

export interface PostedUpdateRow {
  update_id: string;
}

export type PostUpdateOutcome = { ok: true; row: PostedUpdateRow; status: Open311Status; updatedAt: string } | { ok: false; problems: Open311Problem[] };

export async function postServiceRequestUpdate(
  db: Db,
  { apiClientId, body, now, locale }: { apiClientId: string; body: Record<string, string>; now: Date; locale: Locale },
): Promise<PostUpdateOutcome> {
  const id = (body.service_request_id ?? "").trim();
  if (!id) return { ok: false, problems: [{ code: 400, key: "open311.error.required", vars: { field: "service_request_id" } }] };
  const code = normalizeTrackingCode(id);
  // Another client's complaint, or no complaint at all: the same answer, so nothing is disclosed.
  const complaint = code ? await findClientComplaint(db, code, apiClientId) : null;
  if (!complaint) return { ok: false, problems: [{ code: 404, key: "open311.error.requestNotFound", vars: { id } }] };
  if (complaint.status !== "AWAITING_CITIZEN") return { ok: false, problems: [{ code: 400, key: "open311.error.updateNotAwaited" }] };

  const reply = CitizenActionSchema.safeParse({ intent: "reply", message: body.description ?? "" });
  if (!reply.success) {
    const key = reply.error.issues[0]?.message ?? "form.error.required";
    return { ok: false, problems: [{ code: 400, key: "open311.error.field", vars: { field: "description", detail: translate(locale, key as MessageKey) } }] };
  }
  const outcome = await performCitizenAction(db, complaint.id, reply.data, { now });
  if (!outcome.ok) return { ok: false, problems: [{ code: 400, key: "open311.error.updateNotAwaited" }] };
  return { ok: true, row: { update_id: outcome.eventId.toString() }, status: open311Status(outcome.status), updatedAt: toJakartaIso(now) };
}
