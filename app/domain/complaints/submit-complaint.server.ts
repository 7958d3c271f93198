// Filing a complaint: one transaction writes the complaint, the complainant's identity (apart),
// the SUBMITTED event, its attachments, the first SLA deadline, the receipt email and the jobs
// that follow. A repeated submission of the same form (double tap, resend) returns the first one.
import { replyAddressFor } from "~/domain/inbound-mail/reply-address.server";
import { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/services/db.server";
import { keyedHash } from "~/services/secrets.server";
import { hashPin } from "~/services/pin.server";
import { enqueueJob } from "~/models/outbox.server";
import { attachToEvent } from "~/models/attachments.server";
import { createNotice } from "~/models/email.server";
import { loadCalendarForUnit } from "~/domain/calendar/unit-calendars.server";
import { loadSlaPolicy } from "~/domain/sla/policy.server";
import { computeSlaSnapshot, storedDeadlines } from "~/domain/sla/clock";
import { computeSlaDuties } from "~/domain/sla/escalation";
import { roundCoordinate } from "~/domain/location/city-area";
import { generateTrackingCode } from "./tracking-code";
import { trackingLinkUrl } from "./tracking-access.server";
import { isOutsideComplaintWindow, maladministrationFormFor, type ComplaintFormField } from "./complaint-form";
import type { ComplaintFormInput } from "./complaint-form-schema";
import type { StoredAttachment } from "~/services/attachments.server";
import { translate, type Locale } from "~/services/i18n.server";
import { formatWib } from "~/services/format";

export interface SubmitContext {
  now: Date;
  locale: Locale;
  channel?: "WEB" | "OPEN311";
  attachments?: StoredAttachment[];
  publicBaseUrl: string;
  /** Where it happened, when the channel gives it apart from the form (Open311 lat/long); else the form's pin. */
  location?: { latitude: number; longitude: number } | null;
  /** The Open311 client filing on the citizen's behalf (channel OPEN311). */
  apiClientId?: string | null;
}

export type SubmitResult =
  | { ok: true; complaintId: string; trackingCode: string; pin: string; duplicate: boolean; outsideWindow: boolean }
  | { ok: false; fieldErrors: Partial<Record<ComplaintFormField, string>> };

/**
 * The PIN is derived from the form's one-time idempotency key, so a resubmitted form (the browser
 * shows only the last response) shows the same PIN again. The key never leaves the citizen's form
 * and only its keyed hash is stored, so the database alone cannot yield a PIN.
 */
export function derivePin(idempotencyKey: string): string {
  const digest = keyedHash("complaint-pin", idempotencyKey);
  return (digest.readUInt32BE(0) % 1_000_000).toString().padStart(6, "0");
}

const idempotencyHash = (key: string) => keyedHash("complaint-idempotency", key).toString("hex");

async function findExisting(db: Db, idempotencyKey: string) {
  return db.complaint.findUnique({
    where: { idempotencyKey: idempotencyHash(idempotencyKey) },
    select: { id: true, trackingCode: true, incidentDate: true },
  });
}

function isUniqueViolation(error: unknown, field: string): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === "P2002" &&
    JSON.stringify(error.meta ?? {}).includes(field)
  );
}

export async function submitComplaint(db: Db, input: ComplaintFormInput, context: SubmitContext): Promise<SubmitResult> {
  const { now } = context;
  const outsideWindow = isOutsideComplaintWindow(input.incidentDate, now);
  const existing = await findExisting(db, input.idempotencyKey);
  if (existing) {
    return { ok: true, complaintId: existing.id, trackingCode: existing.trackingCode, pin: derivePin(input.idempotencyKey), duplicate: true, outsideWindow };
  }

  const location =
    context.location ??
    (input.latitude !== undefined && input.longitude !== undefined ? { latitude: roundCoordinate(input.latitude), longitude: roundCoordinate(input.longitude) } : null);

  // Checks that need the database, reported beside their fields like any other error.
  const fieldErrors: Partial<Record<ComplaintFormField, string>> = {};
  const product = input.productId
    ? await db.serviceProduct.findFirst({ where: { id: input.productId, isActive: true }, select: { id: true, unitId: true, name: true, nameEn: true } })
    : null;
  if (input.productId && !product) fieldErrors.productId = "form.error.choice";
  if (input.kecamatanCode) {
    const kecamatan = await db.region.findFirst({ where: { code: input.kecamatanCode, kind: "KECAMATAN" } });
    if (!kecamatan) fieldErrors.kecamatanCode = "form.error.choice";
  }
  if (input.kelurahanCode) {
    const kelurahan = await db.region.findFirst({ where: { code: input.kelurahanCode, kind: "KELURAHAN", parentCode: input.kecamatanCode } });
    if (!kelurahan) fieldErrors.kelurahanCode = "form.error.kelurahan";
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

  const policy = await loadSlaPolicy(db, { unitId: product?.unitId ?? null, productId: product?.id ?? null });
  // Verification is the coordinator's clock, on the city's default calendar.
  const calendar = await loadCalendarForUnit(db, null);
  const snapshot = computeSlaSnapshot([{ type: "SUBMITTED", toStatus: "SUBMITTED", occurredAt: now }], policy, calendar, now);
  const slaCheckAt = computeSlaDuties(snapshot, policy, calendar, now).nextCheckAt;
  const pin = derivePin(input.idempotencyKey);
  const pinHash = await hashPin(pin);

  for (let attempt = 0; attempt < 5; attempt += 1) {
    const trackingCode = generateTrackingCode();
    try {
      const complaintId = await db.$transaction(async (tx) => {
        const complainant = await tx.complainant.create({
          data: { name: input.name, email: input.email ?? null, phone: input.phone ?? null, address: null, consentAt: now },
          select: { id: true },
        });
        const complaint = await tx.complaint.create({
          data: {
            trackingCode,
            pinHash,
            idempotencyKey: idempotencyHash(input.idempotencyKey),
            unitId: product?.unitId ?? null,
            productId: product?.id ?? null,
            maladministrationCode: maladministrationFormFor(input.chooser),
            description: input.description,
            incidentDate: new Date(`${input.incidentDate}T00:00:00Z`),
            kecamatanCode: input.kecamatanCode ?? null,
            kelurahanCode: input.kelurahanCode ?? null,
            address: input.address ?? null,
            latitude: location?.latitude ?? null,
            longitude: location?.longitude ?? null,
            apiClientId: context.apiClientId ?? null,
            channel: context.channel ?? "WEB",
            visibility: input.visibility,
            status: "SUBMITTED",
            locale: context.locale,
            complainantId: complainant.id,
            slaPolicyId: policy.id,
            ...storedDeadlines(snapshot),
            slaCheckAt: slaCheckAt,
            submittedAt: now,
          },
          select: { id: true },
        });
        const event = await tx.complaintEvent.create({
          data: {
            complaintId: complaint.id,
            type: "SUBMITTED",
            visibility: "PUBLIC",
            actorKind: "CITIZEN",
            toStatus: "SUBMITTED",
            payload: { channel: context.channel ?? "WEB", attachments: context.attachments?.length ?? 0, outsideWindow },
            occurredAt: now,
          },
          select: { id: true },
        });
        await attachToEvent(tx, { complaintId: complaint.id, eventId: event.id, uploadedBy: "CITIZEN", attachments: context.attachments ?? [] });
        // Routing follows the coordinator's verification (applyTransition queues it on VERIFY).
        await enqueueJob(tx, "refreshReports", { complaintId: complaint.id, eventId: event.id.toString() });
        if (slaCheckAt) {
          await enqueueJob(tx, "evaluateSla", { complaintId: complaint.id, dueAt: slaCheckAt.toISOString() }, { runAt: slaCheckAt });
        }
        if (input.email) {
          const link = trackingLinkUrl(context.publicBaseUrl, trackingCode, complaint.id, now);
          // What was filed and what happens next, by when; never the PIN or the citizen's own text.
          const verificationDue = snapshot.stages.VERIFICATION?.dueAt;
          const vars = {
            code: trackingCode,
            link,
            service: product ? (context.locale === "en" ? product.nameEn : product.name) : translate(context.locale, "email.receipt.noService"),
            due: verificationDue ? formatWib(verificationDue.toISOString(), context.locale) : translate(context.locale, "email.citizen.noDeadline"),
          };
          await createNotice(tx, {
            dedupeKey: `receipt-${complaint.id}`,
            complaintId: complaint.id,
            template: "complaint.receipt",
            locale: context.locale,
            to: input.email,
            subject: translate(context.locale, "email.receipt.subject", vars),
            bodyText: translate(context.locale, "email.receipt.body", vars),
            replyTo: replyAddressFor(complaint.id, now),
          });
        }
        return complaint.id;
      });
      return { ok: true, complaintId, trackingCode, pin, duplicate: false, outsideWindow };
    } catch (error) {
      // The same form submitted twice at the same moment: the other request won; answer as it did.
      if (isUniqueViolation(error, "idempotency_key")) {
        const winner = await findExisting(db, input.idempotencyKey);
        if (winner) return { ok: true, complaintId: winner.id, trackingCode: winner.trackingCode, pin, duplicate: true, outsideWindow };
      }
      if (isUniqueViolation(error, "tracking_code")) continue;
      throw error;
    }
  }
  throw new Error("could not allocate a unique tracking code");
}
