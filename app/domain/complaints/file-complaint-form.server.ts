// What one /lapor form comes to: refused with its errors (keeping everything typed), or filed with
// the receipt to show. The route reads the multipart body and the rate-limit verdict; this decides.
import { fieldErrors, makeComplaintFormSchema } from "~/domain/complaints/complaint-form-schema";
import { COMPLAINT_FORM_FIELDS, type ComplaintFormField } from "~/domain/complaints/complaint-form";
import { submitComplaint } from "~/domain/complaints/submit-complaint.server";
import { findSimilarReports, type SimilarReport } from "~/domain/complaints/similar-reports.server";
import { parsePoint, SIMILAR_DECISION_FIELD, similarStepPassed } from "~/domain/support/support";
import { loadCitizenViewRow } from "~/models/citizen-view.server";
import type { LimitVerdict } from "~/services/citizen-limits.server";
import type { Db } from "~/services/db.server";
import { checkHoneypot, createHoneypotFields, HONEYPOT_FIELD } from "~/services/honeypot.server";
import type { Locale } from "~/services/i18n";
import type { ReceivedFile } from "~/services/multipart.server";
import { persistUploads, screenUploads } from "~/services/uploads.server";

export type ComplaintFormValues = Partial<Record<ComplaintFormField, string>>;
export type ComplaintFormErrors = Partial<Record<ComplaintFormField | "form", string>>;

export type FileComplaintActionData =
  | { status: "invalid"; errors: ComplaintFormErrors; values: ComplaintFormValues; honeypot?: Record<string, string> }
  // `pin` is null on a replay of an already filed form after PIN_REPLAY_WINDOW_MS: the PIN is shown once.
  | { status: "submitted"; trackingCode: string; pin: string | null; outsideWindow: boolean; hadEmail: boolean }
  // The step between the form and the receipt (#14, ADR 038): open public reports like this one.
  // `kept` is every field as typed, for hidden inputs; files cannot be carried and must be chosen again.
  | { status: "similar"; reports: SimilarReport[]; kept: Record<string, string>; hadFiles: boolean };

export type FileComplaintResult =
  | { kind: "invalid"; httpStatus: number; data: Extract<FileComplaintActionData, { status: "invalid" }>; retryAfterSeconds?: number }
  | { kind: "submitted"; duplicate: boolean; data: Extract<FileComplaintActionData, { status: "submitted" }> }
  | { kind: "similar"; data: Extract<FileComplaintActionData, { status: "similar" }> };

const invalid = (errors: ComplaintFormErrors, values: ComplaintFormValues, httpStatus = 400, honeypot?: Record<string, string>): FileComplaintResult => ({
  kind: "invalid",
  httpStatus,
  data: { status: "invalid", errors, values, honeypot },
});

export async function fileComplaintFromForm(
  db: Db,
  { form, files, tooManyFiles }: { form: FormData; files: ReceivedFile[]; tooManyFiles: boolean },
  { verdict, now, locale, secret, storageDir, publicBaseUrl }: { verdict: LimitVerdict; now: Date; locale: Locale; secret: string; storageDir: string; publicBaseUrl: string },
): Promise<FileComplaintResult> {
  const values: ComplaintFormValues = {};
  for (const field of COMPLAINT_FORM_FIELDS) {
    const value = form.get(field);
    if (typeof value === "string") values[field] = value;
  }

  const honeypot = checkHoneypot(form, secret, now.getTime());
  if (!honeypot.ok) {
    if (honeypot.reason === "filled") return invalid({ form: "form.error.invalid" }, {}, 400);
    // A person who took too long (or too little) keeps everything and simply sends again.
    return invalid({ form: "form.error.expired" }, values, 400, createHoneypotFields(secret, now.getTime()));
  }

  const result = makeComplaintFormSchema(now).safeParse(values);
  const errors: ComplaintFormErrors = result.success ? {} : fieldErrors(result.error);

  const uploads = screenUploads(files, tooManyFiles);
  if (uploads.error) errors.attachments = uploads.error;
  // A page answered with errors cannot give the files back (no browser refills a file input): say so
  // beside the field, or the citizen sends the corrected form without them.
  else if (uploads.accepted.length > 0 && Object.keys(errors).length > 0) errors.attachments = "form.error.attachment.reselect";
  // The form's start time already passed the check: keep it, so a quick correction is not "too fast".
  const startedAt = { [HONEYPOT_FIELD]: "", formStartedAt: String(form.get("formStartedAt") ?? "") };
  if (!result.success || Object.keys(errors).length > 0) return invalid(errors, values, 400, startedAt);

  if (!similarStepPassed(form.get(SIMILAR_DECISION_FIELD))) {
    const similar = await findSimilarReports(db, { productId: result.data.productId ?? null, point: parsePoint(form.get("latitude"), form.get("longitude")) });
    if (similar.length > 0) return { kind: "similar", data: { status: "similar", reports: similar, kept: keptFields(form), hadFiles: uploads.accepted.length > 0 } };
  }

  if (!verdict.allowed) {
    return { kind: "invalid", httpStatus: 429, data: { status: "invalid", errors: { form: "form.error.rateLimited" }, values, honeypot: startedAt }, retryAfterSeconds: verdict.retryAfterSeconds };
  }

  const attachments = await persistUploads(storageDir, uploads.accepted);
  // While PostgreSQL is away (restart, failover) createApp answers "try again shortly" (503), not a
  // generic error: nothing was stored, and the same form sent again files it once (idempotency key).
  const outcome = await submitComplaint(db, result.data, { now, locale, attachments, publicBaseUrl });
  if (!outcome.ok) {
    const reselect = uploads.accepted.length > 0 ? { attachments: "form.error.attachment.reselect" } : {};
    return invalid({ ...outcome.fieldErrors, ...reselect }, values, 400, startedAt);
  }
  return {
    kind: "submitted",
    duplicate: outcome.duplicate,
    data: {
      status: "submitted",
      trackingCode: outcome.trackingCode,
      pin: (await pinMayBeShown(db, outcome, now)) ? outcome.pin : null,
      outsideWindow: outcome.outsideWindow,
      hadEmail: Boolean(result.data.email),
    },
  };
}

/**
 * Every text field of the form as sent (whatever fields the form has now or gains later), less the
 * step's own decision: what the similar-reports step carries in hidden inputs. The honeypot comes
 * along empty (it passed) with the signed start time, so the step's form passes the same check.
 */
function keptFields(form: FormData): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" || name === SIMILAR_DECISION_FIELD || name === "attachments" || name in kept) continue;
    kept[name] = value;
  }
  return kept;
}

/**
 * How long after a complaint was filed the same form sent again still shows its PIN. Without
 * JavaScript a double tap sends the form twice and the browser drops the first answer, showing only
 * the second (a replay): that one must carry the PIN, or the citizen never sees it. A later replay
 * (Back and send again, reloading the receipt, someone else at a shared computer) gets the code
 * without the PIN, so "shown once" holds. The window runs from the first request's start, so it
 * also covers the upload of that request's attachments on a slow connection.
 */
const PIN_REPLAY_WINDOW_MS = 60_000;

async function pinMayBeShown(db: Db, outcome: { duplicate: boolean; complaintId: string }, now: Date): Promise<boolean> {
  if (!outcome.duplicate) return true;
  const filed = await loadCitizenViewRow(db, outcome.complaintId);
  return filed !== null && now.getTime() - filed.submittedAt.getTime() <= PIN_REPLAY_WINDOW_MS;
}
