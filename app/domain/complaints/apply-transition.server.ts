// Every change to a complaint's status goes through here: the workflow table decides, one
// transaction locks the row, appends the event, updates the status and the stored deadlines
// (replayed from the whole timeline), and queues what follows. Citizen, staff and worker actions
// all call it, so the rules cannot differ between them.
import { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/services/db.server";
import { qualifiedTable } from "~/services/db.server";
import { enqueueJob } from "~/models/outbox.server";
import { attachToEvent } from "~/models/attachments.server";
import { loadCalendarForUnit } from "~/domain/calendar/unit-calendars.server";
import { loadSlaPolicy } from "~/domain/sla/policy.server";
import { computeSlaSnapshot, storedDeadlines, type SlaSnapshot } from "~/domain/sla/clock";
import { computeSlaDuties } from "~/domain/sla/escalation";
import { loadDoneDuties } from "~/domain/sla/done-duties.server";
import { ACTION_EVENT, decideTransition, type Actor, type ComplaintStatus, type SlaStage, type TransitionRefusal, type WorkflowAction } from "./workflow";
import type { StoredAttachment } from "~/services/attachments.server";
import { citizenNoticeFor } from "./citizen-notices";
import { queueCitizenNotice } from "./citizen-notices.server";
import { queueSupporterNotices } from "~/domain/support/support.server";
import { getEnv } from "~/services/env.server";

export interface TransitionRequest {
  complaintId: string;
  action: WorkflowAction;
  actor: Actor;
  actorUserId?: string | null;
  actorUnitId?: string | null;
  /** Text shown on the timeline (a reply, a reason, a response). */
  message?: string | null;
  payload?: Record<string, unknown>;
  attachments?: StoredAttachment[];
  /** Extra columns the action sets on the complaint (rating, assigned unit, ...). */
  complaintUpdate?: Prisma.ComplaintUncheckedUpdateInput;
  now: Date;
}

export type TransitionOutcome =
  | { ok: true; status: ComplaintStatus; eventId: bigint; snapshot: SlaSnapshot }
  | { ok: false; refusal: TransitionRefusal | { reason: "not_found" } | { reason: "window_closed"; action: WorkflowAction } };

/** Timestamps the complaint keeps for reporting, set by the first event of their kind. */
function milestoneUpdate(action: WorkflowAction, now: Date, current: { firstRespondedAt: Date | null }): Prisma.ComplaintUncheckedUpdateInput {
  switch (action) {
    case "VERIFY":
      return { verifiedAt: now };
    case "RESPOND":
    case "REQUEST_INFO":
    case "PROPOSE_RESOLUTION":
      return {
        ...(current.firstRespondedAt ? {} : { firstRespondedAt: now }),
        ...(action === "PROPOSE_RESOLUTION" ? { resolvedAt: now } : {}),
      };
    case "CONFIRM_RESOLUTION":
    case "AUTO_CLOSE":
    case "DISMISS_APPEAL":
      return { closedAt: now };
    case "REJECT_RESOLUTION":
    case "UPHOLD_APPEAL":
      return { resolvedAt: null, closedAt: null };
    default:
      return {};
  }
}

export async function applyTransition(db: Db, request: TransitionRequest): Promise<TransitionOutcome> {
  const { now } = request;
  return db.$transaction(
    async (tx) => {
      // Row lock: two actions on one complaint (a double tap, a worker and a clerk) run one after the other.
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM ${qualifiedTable(db, "complaint")} WHERE id = ${request.complaintId}::uuid FOR UPDATE`;
      if (locked.length === 0) return { ok: false, refusal: { reason: "not_found" } } as const;
      const complaint = await tx.complaint.findUniqueOrThrow({
        where: { id: request.complaintId },
        select: { status: true, unitId: true, productId: true, category: true, priority: true, firstRespondedAt: true, confirmationDueAt: true },
      });
      const lastInfoRequest = await tx.complaintEvent.findFirst({
        where: { complaintId: request.complaintId, type: "INFO_REQUESTED" },
        orderBy: { id: "desc" },
        select: { fromStatus: true },
      });
      const decision = decideTransition(complaint.status, request.action, request.actor, { returnStatus: lastInfoRequest?.fromStatus ?? null });
      if (!decision.ok) return { ok: false, refusal: decision.refusal } as const;
      // Rejecting a proposed resolution is the citizen's right only inside the confirmation window.
      if (request.action === "REJECT_RESOLUTION" && complaint.confirmationDueAt && complaint.confirmationDueAt < now) {
        return { ok: false, refusal: { reason: "window_closed", action: request.action } } as const;
      }

      const event = await tx.complaintEvent.create({
        data: {
          complaintId: request.complaintId,
          type: ACTION_EVENT[request.action] as Prisma.ComplaintEventCreateInput["type"],
          visibility: decision.transition.publicEvent ? "PUBLIC" : "INTERNAL",
          actorKind: request.actor === "CITIZEN" ? "CITIZEN" : request.actor === "SYSTEM" ? "SYSTEM" : "STAFF",
          actorUserId: request.actorUserId ?? null,
          actorUnitId: request.actorUnitId ?? null,
          fromStatus: complaint.status,
          toStatus: decision.to,
          message: request.message ?? null,
          payload: (request.payload ?? {}) as Prisma.InputJsonObject,
          occurredAt: now,
        },
        select: { id: true },
      });
      await attachToEvent(tx, {
        complaintId: request.complaintId,
        eventId: event.id,
        uploadedBy: request.actor === "CITIZEN" ? "CITIZEN" : "STAFF",
        attachments: request.attachments ?? [],
      });

      // The policy is chosen by what the complaint will be after this action (a transfer's unit, a
      // coordinator's classification), not by what it was.
      const update = request.complaintUpdate ?? {};
      const unitId = (update.unitId as string | undefined) ?? complaint.unitId;
      const priority = (update.priority as typeof complaint.priority | undefined) ?? complaint.priority;
      const category = update.category === undefined ? complaint.category : (update.category as string | null);
      const events = await tx.complaintEvent.findMany({
        where: { complaintId: request.complaintId, toStatus: { not: null } },
        orderBy: { id: "asc" },
        select: { type: true, toStatus: true, occurredAt: true },
      });
      const policy = await loadSlaPolicy(tx, { unitId, productId: complaint.productId, category, priority });
      const calendar = await loadCalendarForUnit(tx, unitId);
      const snapshot = computeSlaSnapshot(events, policy, calendar, now);
      const slaCheckAt = computeSlaDuties(snapshot, policy, calendar, now, await loadDoneDuties(tx, request.complaintId)).nextCheckAt;
      await tx.complaint.update({
        where: { id: request.complaintId },
        data: {
          ...milestoneUpdate(request.action, now, complaint),
          ...request.complaintUpdate,
          status: decision.to,
          slaPolicyId: policy.id,
          ...storedDeadlines(snapshot),
          slaCheckAt,
        },
      });
      // Escalations of a stage this action met (or made moot) are settled.
      const stopped = Object.values(snapshot.stages).filter((stage) => stage?.stoppedAt).map((stage) => stage!.stage);
      if (stopped.length > 0) {
        await tx.escalation.updateMany({ where: { complaintId: request.complaintId, settledAt: null, stage: { in: stopped } }, data: { settledAt: now, settledReason: "STAGE_STOPPED" } });
      }
      if (slaCheckAt) {
        await enqueueJob(tx, "evaluateSla", { complaintId: request.complaintId, dueAt: slaCheckAt.toISOString() }, { runAt: slaCheckAt });
      }
      const notice = citizenNoticeFor(request.action, snapshot);
      if (notice) {
        const lapsed = request.action === "AUTO_CLOSE" ? ((request.payload?.lapsed as SlaStage | undefined) ?? null) : null;
        await queueCitizenNotice(tx, { complaintId: request.complaintId, eventId: event.id, notice, now, snapshot, lapsed });
      }
      // Supporters who left an e-mail hear of every public change of status (#14, ADR 038).
      await queueSupporterNotices(db, tx, {
        complaintId: request.complaintId,
        eventId: event.id,
        from: complaint.status,
        to: decision.to,
        publicEvent: decision.transition.publicEvent,
        publicBaseUrl: getEnv().PUBLIC_BASE_URL,
      });
      if (request.action === "VERIFY") {
        await enqueueJob(tx, "routeComplaint", { complaintId: request.complaintId, eventId: event.id.toString() });
      }
      await enqueueJob(tx, "refreshReports", { complaintId: request.complaintId, eventId: event.id.toString() });
      return { ok: true, status: decision.to, eventId: event.id, snapshot } as const;
    },
    { timeout: 20_000 },
  );
}
