// What one form posted on the citizen's tracking page (/lacak/:code) comes to: the withdrawal's
// confirmation step, field errors that keep what was typed, a refusal, or the action done.
import { CitizenActionSchema, EmailChangeSchema, type CitizenIntent, type TrackingIntent } from "~/domain/complaints/citizen-actions";
import { changeUndeliverableEmail } from "~/domain/email-delivery/undeliverable.server";
import { performCitizenAction } from "~/domain/complaints/citizen-tracking.server";
import { WITHDRAW_CONFIRMED } from "~/domain/complaints/withdrawal";
import type { Db } from "~/services/db.server";
import { firstIssuePerField } from "~/services/form-errors";
import type { ReceivedFile } from "~/services/multipart.server";
import { persistUploads, screenUploads } from "~/services/uploads.server";

export type TrackingActionData = { intent?: TrackingIntent; errors: Record<string, string>; values: Record<string, string> };

export type TrackingActionResult =
  | { kind: "confirm_withdrawal" }
  | { kind: "refused"; status: number; data: TrackingActionData }
  | { kind: "done"; intent: TrackingIntent };

export async function actOnTrackedComplaint(
  db: Db,
  complaintId: string,
  { values, files, tooManyFiles }: { values: Record<string, string>; files: ReceivedFile[]; tooManyFiles: boolean },
  { now, storageDir }: { now: Date; storageDir: string },
): Promise<TrackingActionResult> {
  // A withdrawal posted without the confirmation step's answer (an old page, a crafted post) is not
  // done: the citizen is taken to the step instead.
  if (values.intent === "withdraw" && values.confirmed !== WITHDRAW_CONFIRMED) return { kind: "confirm_withdrawal" };
  if (values.intent === "email") return changeEmail(db, complaintId, values);
  const parsed = CitizenActionSchema.safeParse(values);
  const intent = (values.intent as CitizenIntent | undefined) ?? undefined;
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    Object.assign(errors, firstIssuePerField(parsed.error));
  }
  const uploads = intent === "reply" ? screenUploads(files, tooManyFiles) : { accepted: [] };
  if (uploads.error) errors.attachments = uploads.error;
  // No browser refills a file input: an answer returned for another mistake must say the files are gone.
  else if (uploads.accepted.length > 0 && Object.keys(errors).length > 0) errors.attachments = "form.error.attachment.reselect";
  if (!parsed.success || Object.keys(errors).length > 0) return { kind: "refused", status: 400, data: { intent, errors, values } };
  const attachments = await persistUploads(storageDir, uploads.accepted);
  const outcome = await performCitizenAction(db, complaintId, parsed.data, { now, attachments });
  if (!outcome.ok) {
    const reason = outcome.refusal.reason;
    const key = reason === "already_rated" ? "track.error.alreadyRated" : reason === "window_closed" ? "track.error.windowClosed" : "track.error.notNow";
    return { kind: "refused", status: 409, data: { intent, errors: { form: key }, values } };
  }
  return { kind: "done", intent: parsed.data.intent };
}

/** A new address after SendGrid reported the old one unreachable (issue #15); what was typed comes back with any error. */
async function changeEmail(db: Db, complaintId: string, values: Record<string, string>): Promise<TrackingActionResult> {
  const kept = { email: values.email ?? "" };
  const parsed = EmailChangeSchema.safeParse(values);
  if (!parsed.success) return { kind: "refused", status: 400, data: { intent: "email", errors: firstIssuePerField(parsed.error) as Record<string, string>, values: kept } };
  const outcome = await changeUndeliverableEmail(db, { complaintId, email: parsed.data.email });
  if (!outcome.ok) return { kind: "refused", status: 409, data: { intent: "email", errors: { form: "track.error.notNow" }, values: kept } };
  return { kind: "done", intent: "email" };
}
