// POST requests.(json|xml): a service request from an Open311 client becomes a complaint through
// the same schema and the same submitComplaint as the web form (validation, outbox, SLA, receipt
// email, routing after verification); only the channel (OPEN311) and the filing client differ.
import { createHash } from "node:crypto";
import type { ComplaintFormField } from "~/domain/complaints/complaint-form";
import { fieldErrors as formFieldErrors, makeComplaintFormSchema } from "~/domain/complaints/complaint-form-schema";
import { submitComplaint } from "~/domain/complaints/submit-complaint.server";
import { findOpen311Service } from "~/models/open311.server";
import type { Db } from "~/services/db.server";
import { translate, type Locale, type MessageKey } from "~/services/i18n.server";
import { GENERAL_SERVICE_CODE, type PostedRequestRow } from "./georeport";
import { OPEN311_FIELD, parsePostedRequest, type Open311Problem } from "./requests";

const IDEMPOTENCY_HEADER = /^[A-Za-z0-9_.:-]{8,200}$/;

/**
 * The idempotency key submitComplaint expects, derived per client: from the client's
 * `Idempotency-Key` header when it sends one, else from the body itself, so a client retrying the
 * same POST after a timeout gets the same service request, not a second complaint.
 */
export function deriveIdempotencyKey(apiClientId: string, body: Record<string, string>, header: string | null): string {
  const source =
    header && IDEMPOTENCY_HEADER.test(header)
      ? `header:${header}`
      : `body:${JSON.stringify(Object.entries(body).filter(([name]) => name !== "api_key").sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))}`;
  return createHash("sha256").update(`open311:${apiClientId}:${source}`).digest("base64url").slice(0, 43);
}

function problemsFromFieldErrors(errors: Partial<Record<ComplaintFormField | "form", string>>, locale: Locale): Open311Problem[] {
  return Object.entries(errors).map(([field, key]) => ({
    code: 400 as const,
    key: "open311.error.field" as const,
    vars: { field: OPEN311_FIELD[field as ComplaintFormField] ?? field, detail: translate(locale, key as MessageKey) },
  }));
}

export type PostRequestOutcome = { ok: true; row: PostedRequestRow; duplicate: boolean } | { ok: false; problems: Open311Problem[] };

export async function postServiceRequest(
  db: Db,
  {
    apiClientId,
    body,
    idempotencyHeader,
    now,
    locale,
    publicBaseUrl,
  }: { apiClientId: string; body: Record<string, string>; idempotencyHeader: string | null; now: Date; locale: Locale; publicBaseUrl: string },
): Promise<PostRequestOutcome> {
  const parsed = parsePostedRequest(body, now);
  if (!parsed.ok) return parsed;
  const { request } = parsed;
  const service = await findOpen311Service(db, request.serviceCode);
  // Without its product, the catch-all service leaves the unit to the coordinators, as "Saya tidak
  // tahu unit" does on the form.
  if (!service && request.serviceCode !== GENERAL_SERVICE_CODE) return { ok: false, problems: [{ code: 400, key: "open311.error.serviceCode", vars: { code: request.serviceCode } }] };

  const form = makeComplaintFormSchema(now).safeParse({
    ...request.values,
    ...(service ? { productId: service.id } : { productId: "", unitUnknown: "on" }),
    idempotencyKey: deriveIdempotencyKey(apiClientId, body, idempotencyHeader),
  });
  if (!form.success) return { ok: false, problems: problemsFromFieldErrors(formFieldErrors(form.error), locale) };

  const outcome = await submitComplaint(db, form.data, {
    now,
    locale,
    channel: "OPEN311",
    publicBaseUrl,
    location: request.location,
    apiClientId,
  });
  if (!outcome.ok) return { ok: false, problems: problemsFromFieldErrors(outcome.fieldErrors, locale) };
  return {
    ok: true,
    duplicate: outcome.duplicate,
    row: {
      service_request_id: outcome.trackingCode,
      token: outcome.complaintId,
      service_notice: translate(locale, form.data.email ? "open311.notice.receivedEmail" : "open311.notice.received"),
      account_id: null,
    },
  };
}
