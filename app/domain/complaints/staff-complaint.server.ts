// The staff complaint page (/staf/pengaduan/:id): who may open it, what it shows, and what one posted
// form does. The route only reads the request and maps these results to responses.
import { canAccessComplaint, canSeeIdentity, unitTreeFrom, type UnitTree } from "~/domain/auth/permissions";
import { activeTemplates } from "~/domain/admin/templates.server";
import { loadCalendarForUnit } from "~/domain/calendar/unit-calendars.server";
import { workingMinutesBetween } from "~/domain/calendar/working-time";
import { composerModes } from "~/domain/complaints/composer";
import { intentsIfAcknowledged, performComposerSend, planComposerSend } from "~/domain/complaints/composer.server";
import { isIdentityPurpose } from "~/domain/complaints/identity-purposes";
import { revealComplainantIdentity, type RevealedIdentity } from "~/domain/complaints/identity.server";
import {
  APPEAL_INTENTS,
  appealDeciderRole,
  availableIntents,
  INTENTS_WITH_ATTACHMENTS,
  performStaffAction,
  StaffActionSchema,
  unitStaff,
  type StaffActionOutcome,
} from "~/domain/complaints/unit-actions.server";
import { allowedPriorities, canChangePriority, changeComplaintPriority, PriorityChangeSchema } from "~/domain/complaints/priority.server";
import { isUuid, loadUnits, type UnitRow } from "~/models/inbox.server";
import type { Db } from "~/services/db.server";
import { firstIssuePerField } from "~/services/form-errors";
import type { ReceivedFile } from "~/services/multipart.server";
import type { StaffUser } from "~/services/session.server";
import { persistUploads, screenUploads } from "~/services/uploads.server";
import { tileLayer } from "~/services/map-config.server";
import { loadModerationPanel } from "~/domain/public-reports/moderation.server";
import { listRefusedInboundEmails } from "~/models/inbound-email.server";

export type GuardedComplaint = Awaited<ReturnType<typeof requireReadableComplaint>>;

/** The complaint header with its unit: 404 when unknown, 403 when the user may not read it. */
export async function requireReadableComplaint(db: Db, id: string | undefined, user: StaffUser) {
  if (!isUuid(id)) throw new Response("Not found", { status: 404 });
  const [complaint, units] = await Promise.all([
    db.complaint.findUnique({ where: { id }, select: { id: true, unitId: true, status: true, visibility: true, complainantId: true } }),
    loadUnits(db),
  ]);
  if (!complaint) throw new Response("Not found", { status: 404 });
  const tree = unitTreeFrom(units);
  if (!canAccessComplaint(user, complaint, tree, "read")) throw new Response("Forbidden", { status: 403 });
  return { complaint, units, tree };
}

export type StaffComplaintPage = Awaited<ReturnType<typeof loadStaffComplaintPage>>;

export async function loadStaffComplaintPage(
  db: Db,
  { user, guarded, templateId, now }: { user: StaffUser; guarded: GuardedComplaint; templateId: string | null; now: Date },
) {
  const { complaint: head, units, tree } = guarded;
  // Never selects the complainant's identity: it leaves the database only through the audited
  // accessor. Whether mail to them is failing (issue #15) is not identity, and staff need it.
  const complaint = await db.complaint.findUniqueOrThrow({
    where: { id: head.id },
    select: {
      id: true,
      trackingCode: true,
      status: true,
      visibility: true,
      title: true,
      description: true,
      incidentDate: true,
      address: true,
      latitude: true,
      longitude: true,
      escalationLevel: true,
      priority: true,
      channel: true,
      submittedAt: true,
      unitId: true,
      verificationDueAt: true,
      firstResponseDueAt: true,
      resolutionDueAt: true,
      citizenReplyDueAt: true,
      confirmationDueAt: true,
      unit: { select: { name: true } },
      product: { select: { name: true, nameEn: true } },
      maladministration: { select: { nameId: true, nameEn: true } },
      kelurahan: { select: { name: true } },
      kecamatan: { select: { name: true } },
      assignedOfficer: { select: { name: true } },
      complainant: { select: { emailUndeliverableAt: true, emailUndeliverableReason: true } },
      events: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          type: true,
          visibility: true,
          actorKind: true,
          message: true,
          payload: true,
          occurredAt: true,
          actorUser: { select: { name: true } },
          attachments: { select: { id: true, originalName: true } },
        },
      },
      escalations: { orderBy: { escalatedAt: "asc" }, select: { id: true, stage: true, level: true, targetRole: true, escalatedAt: true, settledAt: true, dueAt: true } },
    },
  });
  const intents = availableIntents(user, complaint, tree);
  const composer = composerModes(intents, intents.includes("acknowledge") ? intentsIfAcknowledged(user, complaint, tree) : []);
  // Response templates: the unit's active ones, offered while a reply can be written (?templat=<id> pre-fills it).
  const canReply = composer.some((option) => option.mode === "reply" || option.mode === "propose");
  const templates = complaint.unitId && canReply ? await activeTemplates(db, complaint.unitId) : [];
  const chosenTemplate = templates.find((tpl) => tpl.id === templateId) ?? null;
  const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
  const staffIds = new Set<string>();
  for (const event of complaint.events) {
    const payload = event.payload as Record<string, unknown> | null;
    if (typeof payload?.assignedOfficerId === "string") staffIds.add(payload.assignedOfficerId);
  }
  const staffNames = new Map(
    (staffIds.size > 0 ? await db.user.findMany({ where: { id: { in: [...staffIds] } }, select: { id: true, name: true } }) : []).map((u) => [u.id, u.name]),
  );
  const calendar = await loadCalendarForUnit(db, complaint.unitId);
  const deadlines = (
    [
      ["VERIFICATION", complaint.verificationDueAt],
      ["FIRST_RESPONSE", complaint.firstResponseDueAt],
      ["RESOLUTION", complaint.resolutionDueAt],
      ["CITIZEN_REPLY", complaint.citizenReplyDueAt],
      ["CONFIRMATION", complaint.confirmationDueAt],
    ] as const
  )
    .filter(([, due]) => due !== null)
    .map(([stage, due]) => {
      const overdue = due!.getTime() <= now.getTime();
      // Working time left on the unit's calendar: what the SLA counts, not the wall clock.
      return { stage, dueAt: due!.toISOString(), overdue, workingMinutesLeft: overdue ? 0 : workingMinutesBetween(now, due!, calendar) };
    });
  // Replies by mail that were not taken (ADR 039): when, and why, never who or what. A citizen who
  // says "I answered by e-mail" is then understood ("sent from another address").
  const refusedReplies = (await listRefusedInboundEmails(db, complaint.id, 5)).map((mail) => ({ receivedAt: mail.receivedAt.toISOString(), reason: mail.refusalReason ?? "refused" }));
  return {
    refusedReplies,
    // Whether the coordinator hid the citizen's text from the public pages (ADR 037): staff see it, and why.
    publicText: await loadModerationPanel(db, complaint.id),
    complaint: {
      id: complaint.id,
      trackingCode: complaint.trackingCode,
      status: complaint.status,
      visibility: complaint.visibility,
      title: complaint.title,
      description: complaint.description,
      incidentDate: complaint.incidentDate?.toISOString().slice(0, 10) ?? null,
      place: {
        kecamatanName: complaint.kecamatan?.name ?? null,
        kelurahanName: complaint.kelurahan?.name ?? null,
        address: complaint.address,
        latitude: complaint.latitude === null ? null : Number(complaint.latitude),
        longitude: complaint.longitude === null ? null : Number(complaint.longitude),
        tiles: tileLayer(),
      },
      escalationLevel: complaint.escalationLevel,
      priority: complaint.priority,
      channel: complaint.channel,
      submittedAt: complaint.submittedAt.toISOString(),
      unitName: complaint.unit?.name ?? null,
      productName: complaint.product?.name ?? null,
      productNameEn: complaint.product?.nameEn ?? null,
      formName: complaint.maladministration?.nameId ?? null,
      formNameEn: complaint.maladministration?.nameEn ?? null,
      assignedOfficer: complaint.assignedOfficer?.name ?? null,
    },
    // SendGrid reported the complainant's address unreachable (issue #15): no mail goes to them.
    emailUndeliverable: complaint.complainant?.emailUndeliverableAt
      ? {
          since: complaint.complainant.emailUndeliverableAt.toISOString(),
          reason: complaint.complainant.emailUndeliverableReason ?? "BOUNCED",
          // The citizen's window that runs while they cannot hear of it.
          waiting: complaint.status === "AWAITING_CITIZEN" ? ("CITIZEN_REPLY" as const) : complaint.status === "RESOLVED" ? ("CONFIRMATION" as const) : null,
        }
      : null,
    deadlines,
    escalations: complaint.escalations.map((e) => ({
      id: e.id,
      stage: e.stage,
      level: e.level,
      targetRole: e.targetRole,
      escalatedAt: e.escalatedAt.toISOString(),
      settledAt: e.settledAt?.toISOString() ?? null,
    })),
    timeline: complaint.events.map((event) => {
      const payload = (event.payload ?? {}) as Record<string, unknown>;
      const assigned = typeof payload.assignedOfficerId === "string" ? (staffNames.get(payload.assignedOfficerId) ?? "?") : null;
      const transferredTo = event.type === "TRANSFERRED" && typeof payload.toUnitId === "string" ? (unitName.get(payload.toUnitId) ?? null) : null;
      return {
        id: event.id.toString(),
        type: event.type,
        visibility: event.visibility,
        actor: event.actorKind === "STAFF" ? (event.actorUser?.name ?? null) : event.actorKind,
        message: event.message,
        occurredAt: event.occurredAt.toISOString(),
        attachments: event.attachments.map((a) => ({ id: a.id, name: a.originalName })),
        assignedOfficer: assigned,
        transferredTo,
        emailReason: event.type === "EMAIL_UNDELIVERABLE" && typeof payload.reason === "string" ? payload.reason : null,
      };
    }),
    identity: {
      allowed: canSeeIdentity(user, head, tree),
      anonim: head.visibility === "ANONIM",
      exists: head.complainantId !== null,
    },
    intents,
    composer,
    // The choices a unit head has are narrower than the coordinator's (priority.server.ts).
    priorityChoices: canChangePriority(user, complaint, tree) ? allowedPriorities(user, complaint, tree) : [],
    // Titles only: a body is sent when chosen (?templat=<id>, which the composer also fetches to insert it).
    templates: templates.map(({ id, title, locale }) => ({ id, title, locale })),
    chosenTemplate,
    officers: intents.includes("assign") && complaint.unitId ? await unitStaff(db, complaint.unitId) : [],
    transferUnits: intents.includes("transfer")
      ? units.filter((unit: UnitRow) => unit.isActive && unit.id !== complaint.unitId).map((unit) => ({ id: unit.id, name: unit.name }))
      : [],
  };
}

/** What the page gets back from a refused form, or from a revealed identity. */
export type StaffComplaintActionData = {
  intent: string;
  errors: Record<string, string>;
  values: Record<string, string>;
  identity?: RevealedIdentity;
};

export type StaffComplaintActionResult =
  | { kind: "data"; status: number; data: StaffComplaintActionData }
  | { kind: "redirect"; to: string };

const refused = (status: number, intent: string, errors: Record<string, string>, values: Record<string, string>): StaffComplaintActionResult => ({
  kind: "data",
  status,
  data: { intent, errors, values },
});

/**
 * One posted form of the complaint page: reveal the identity (audited), or a workflow action with
 * its attachments. Refusals name the field they belong to, so the form comes back with what was typed.
 */
export async function actOnStaffComplaint(
  db: Db,
  {
    user,
    guarded: { complaint, tree },
    values,
    files,
    tooManyFiles,
    storageDir,
    now,
  }: {
    user: StaffUser;
    guarded: Pick<GuardedComplaint, "complaint" | "tree">;
    values: Record<string, string>;
    files: ReceivedFile[];
    tooManyFiles: boolean;
    storageDir: string;
    now: Date;
  },
): Promise<StaffComplaintActionResult> {
  const intent = values.intent ?? "";
  if (intent === "reveal-identity") return revealIdentity(db, user, complaint, tree, values);
  if (intent === "compose") return sendFromComposer(db, { user, complaint, tree, values, files, tooManyFiles, storageDir, now });
  if (intent === "set-priority") return setPriority(db, { user, complaint, tree, values, now });

  const parsed = StaffActionSchema.safeParse(values);
  if (!parsed.success) {
    const errors = firstIssuePerField(parsed.error) as Record<string, string>;
    if (errors.intent) errors.form = "inbox.error.unknownIntent";
    return refused(400, intent, errors, values);
  }
  if (!availableIntents(user, complaint, tree).includes(parsed.data.intent)) {
    const forbidden = (APPEAL_INTENTS as readonly string[]).includes(parsed.data.intent)
      ? appealDeciderRole(user, complaint.unitId, tree) === null
      : !canAccessComplaint(user, complaint, tree, "act");
    return refused(forbidden ? 403 : 409, intent, { form: forbidden ? "inbox.error.forbidden" : "inbox.error.notNow" }, values);
  }
  const withFiles = INTENTS_WITH_ATTACHMENTS.includes(parsed.data.intent);
  const uploads = withFiles ? screenUploads(files, tooManyFiles) : { accepted: [] };
  if (uploads.error) return refused(400, intent, { attachments: uploads.error }, values);
  const attachments = await persistUploads(storageDir, uploads.accepted);
  const outcome = await performStaffAction(db, { user, userId: user.id, complaintId: complaint.id, input: parsed.data, tree, attachments, now });
  if (!outcome.ok) return refusedFor(outcome.reason, intent, values);
  // Post/redirect/get. After a transfer the user may no longer read the complaint: back to the inbox.
  if (parsed.data.intent === "transfer") {
    const stillReadable = canAccessComplaint(user, { unitId: parsed.data.unitId.toLowerCase() }, tree, "read");
    if (!stillReadable) return { kind: "redirect", to: `/staf/kotak-masuk?selesai=transfer` };
  }
  return { kind: "redirect", to: `/staf/pengaduan/${complaint.id}?selesai=${parsed.data.intent}` };
}

type ActionRefusal = Extract<StaffActionOutcome, { ok: false }>["reason"];
const REFUSALS: Record<ActionRefusal, readonly [string, number]> = {
  not_found: ["inbox.notFound", 404],
  forbidden: ["inbox.error.forbidden", 403],
  not_allowed_now: ["inbox.error.notNow", 409],
  invalid_officer: ["inbox.error.invalidOfficer", 400],
  invalid_unit: ["inbox.error.invalidUnit", 400],
  same_unit: ["inbox.error.sameUnit", 400],
};

function refusedFor(reason: ActionRefusal, intent: string, values: Record<string, string>): StaffComplaintActionResult {
  const [key, status] = REFUSALS[reason];
  const field = reason === "invalid_officer" ? "officerId" : reason === "invalid_unit" || reason === "same_unit" ? "unitId" : "form";
  return refused(status, intent, { [field]: key }, values);
}

/**
 * The composer's send (composer.server.ts). A refused send comes back with the text and mode as
 * typed; files cannot be put back into a file input, so the page is told how many to choose again.
 */
async function sendFromComposer(
  db: Db,
  {
    user,
    complaint,
    tree,
    values,
    files,
    tooManyFiles,
    storageDir,
    now,
  }: {
    user: StaffUser;
    complaint: GuardedComplaint["complaint"];
    tree: UnitTree;
    values: Record<string, string>;
    files: ReceivedFile[];
    tooManyFiles: boolean;
    storageDir: string;
    now: Date;
  },
): Promise<StaffComplaintActionResult> {
  const intent = "compose";
  const kept = files.length > 0 || tooManyFiles ? { ...values, droppedFiles: String(files.length) } : values;
  const plan = planComposerSend(user, complaint, tree, values);
  if (!plan.ok) return refused(plan.status, intent, plan.errors, kept);
  const uploads = screenUploads(files, tooManyFiles);
  if (uploads.error) return refused(400, intent, { attachments: uploads.error }, kept);
  const attachments = await persistUploads(storageDir, uploads.accepted);
  const outcome = await performComposerSend(db, { user, userId: user.id, complaintId: complaint.id, plan, tree, attachments, now });
  if (!outcome.ok) return refusedFor(outcome.reason, intent, kept);
  return { kind: "redirect", to: `/staf/pengaduan/${complaint.id}?selesai=${outcome.intent}` };
}

/** A change of priority (priority.server.ts): the deadlines are recomputed and the timeline says so. */
async function setPriority(
  db: Db,
  { user, complaint, tree, values, now }: { user: StaffUser; complaint: GuardedComplaint["complaint"]; tree: UnitTree; values: Record<string, string>; now: Date },
): Promise<StaffComplaintActionResult> {
  const intent = "set-priority";
  const parsed = PriorityChangeSchema.safeParse(values);
  if (!parsed.success) return refused(400, intent, firstIssuePerField(parsed.error) as Record<string, string>, values);
  if (!canChangePriority(user, complaint, tree)) return refused(403, intent, { form: "inbox.priority.forbidden" }, values);
  const outcome = await changeComplaintPriority(db, { user, userId: user.id, complaintId: complaint.id, priority: parsed.data.priority, reason: parsed.data.reason, tree, now });
  if (!outcome.ok) {
    if (outcome.reason === "not_found") return refused(404, intent, { form: "inbox.notFound" }, values);
    return refused(outcome.reason === "forbidden" ? 403 : 409, intent, { form: `inbox.priority.${outcome.reason}` }, values);
  }
  return { kind: "redirect", to: `/staf/pengaduan/${complaint.id}?selesai=set-priority` };
}

async function revealIdentity(
  db: Db,
  user: StaffUser,
  complaint: GuardedComplaint["complaint"],
  tree: UnitTree,
  values: Record<string, string>,
): Promise<StaffComplaintActionResult> {
  const intent = "reveal-identity";
  const purpose = values.purpose ?? "";
  if (!isIdentityPurpose(purpose)) return refused(400, intent, { purpose: "inbox.error.purpose" }, values);
  if (!canSeeIdentity(user, complaint, tree)) return refused(403, intent, { form: "inbox.identity.notAllowed" }, values);
  const outcome = await revealComplainantIdentity(db, { complaintId: complaint.id, userId: user.id, purpose });
  if (!outcome.ok) {
    const status = outcome.reason === "forbidden" ? 403 : 404;
    const key = outcome.reason === "no_identity" ? "inbox.identity.none" : outcome.reason === "forbidden" ? "inbox.identity.notAllowed" : "inbox.notFound";
    return refused(status, intent, { form: key }, values);
  }
  return { kind: "data", status: 200, data: { intent, errors: {}, values: {}, identity: outcome.identity } };
}
