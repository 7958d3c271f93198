// A complaint's priority picks its SLA policy (ADR 035), so changing it changes the deadlines the
// unit is held to. The change is one transaction, like applyTransition: lock the row, record who
// changed what and why on the (staff-only) timeline, re-choose the policy and store the deadlines
// replayed from the whole history, then queue the SLA check and the report refresh.
import { z } from "zod";
import type { Prisma, Priority } from "~/generated/prisma/client";
import { hasPermission, isSameOrDescendant, ROLE_PERMISSIONS, type Permission, type UnitTree, type UserLike } from "~/domain/auth/permissions";
import { loadCalendarForUnit } from "~/domain/calendar/unit-calendars.server";
import { computeSlaSnapshot, storedDeadlines } from "~/domain/sla/clock";
import { computeSlaDuties } from "~/domain/sla/escalation";
import { loadDoneDuties } from "~/domain/sla/done-duties.server";
import { loadSlaPolicy } from "~/domain/sla/policy.server";
import { enqueueJob } from "~/models/outbox.server";
import type { Db } from "~/services/db.server";
import { qualifiedTable } from "~/services/db.server";
import { OPEN_STATUSES, type ComplaintStatus } from "./workflow";

export const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;

export const PriorityChangeSchema = z.object({
  intent: z.literal("set-priority"),
  priority: z.enum(PRIORITIES, { message: "inbox.priority.invalid" }),
  reason: z.string({ message: "inbox.priority.reasonRequired" }).trim().min(1, "inbox.priority.reasonRequired").max(500, "inbox.priority.reasonLong"),
});
export type PriorityChangeInput = z.infer<typeof PriorityChangeSchema>;

// Before verification the complaint is the coordinator's: the priority is set while verifying it.
const BEFORE_UNIT: readonly ComplaintStatus[] = ["SUBMITTED", "ON_HOLD", "VERIFIED"];

const rank = (priority: Priority) => PRIORITIES.indexOf(priority);

interface PriorityRole {
  actor: "COORDINATOR" | "UNIT_HEAD";
  unitId: string;
}

/**
 * Who may change the priority, whatever the status (ADR 035): the coordinator (triage:complaint:any)
 * on any complaint, and a head of the complaint's unit or a unit above it once the complaint has
 * reached the unit. A head of the unit is preferred so the event names the unit that decided.
 * Officers, Inspektorat, liaison and admin may not: the officer is held to the deadline the priority
 * sets, and the others oversee complaints without working them.
 */
function priorityRole(user: UserLike, complaint: { unitId: string | null; status: ComplaintStatus }, tree: UnitTree): PriorityRole | null {
  if (complaint.unitId !== null && !BEFORE_UNIT.includes(complaint.status)) {
    const head = user.memberships.find((m) => m.role === "UNIT_HEAD" && isSameOrDescendant(complaint.unitId!, m.unitId, tree));
    if (head) return { actor: "UNIT_HEAD", unitId: head.unitId };
  }
  const coordinator = user.memberships.find((m) => (ROLE_PERMISSIONS[m.role] as readonly Permission[]).includes("triage:complaint:any"));
  return coordinator ? { actor: "COORDINATOR", unitId: coordinator.unitId } : null;
}

/**
 * The priorities the user may set. A unit head may only raise it: lowering the priority lengthens
 * the deadlines their own unit is held to, so that is the coordinator's call (who set it at
 * verification). The current priority is included, so a select can show it.
 */
export function allowedPriorities(user: UserLike, complaint: { unitId: string | null; status: ComplaintStatus; priority: Priority }, tree: UnitTree): Priority[] {
  if (!OPEN_STATUSES.includes(complaint.status)) return [];
  const role = priorityRole(user, complaint, tree);
  if (!role) return [];
  if (hasPermission(user, "triage:complaint:any")) return [...PRIORITIES];
  return PRIORITIES.filter((p) => rank(p) >= rank(complaint.priority));
}

/**
 * Whether the page offers the priority form: open complaints only, to the coordinator and the unit
 * heads over the complaint's unit (see priorityRole). Given the current priority, also false when
 * there is nothing the user could change it to (a unit head on an URGENT complaint).
 */
export function canChangePriority(user: UserLike, complaint: { unitId: string | null; status: ComplaintStatus; priority?: Priority }, tree: UnitTree): boolean {
  if (!OPEN_STATUSES.includes(complaint.status)) return false;
  if (!priorityRole(user, complaint, tree)) return false;
  return complaint.priority === undefined || allowedPriorities(user, { ...complaint, priority: complaint.priority }, tree).length > 1;
}

export type PriorityChangeOutcome = { ok: true } | { ok: false; reason: "not_found" | "forbidden" | "unchanged" | "closed" };

export async function changeComplaintPriority(
  db: Db,
  args: { user: UserLike; userId: string; complaintId: string; priority: Priority; reason: string; tree: UnitTree; now: Date },
): Promise<PriorityChangeOutcome> {
  const { user, userId, complaintId, priority, reason, tree, now } = args;
  return db.$transaction(
    async (tx) => {
      // Row lock: a priority change and a status change (or two changes) run one after the other.
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM ${qualifiedTable(db, "complaint")} WHERE id = ${complaintId}::uuid FOR UPDATE`;
      if (locked.length === 0) return { ok: false, reason: "not_found" } as const;
      const complaint = await tx.complaint.findUniqueOrThrow({
        where: { id: complaintId },
        select: { status: true, unitId: true, productId: true, category: true, priority: true, slaPolicy: { select: { code: true } } },
      });
      const role = priorityRole(user, complaint, tree);
      if (!role) return { ok: false, reason: "forbidden" } as const;
      if (!OPEN_STATUSES.includes(complaint.status)) return { ok: false, reason: "closed" } as const;
      if (complaint.priority === priority) return { ok: false, reason: "unchanged" } as const;
      if (!allowedPriorities(user, complaint, tree).includes(priority)) return { ok: false, reason: "forbidden" } as const;

      // The policy is chosen by the complaint as updated; the clocks replay the whole history on it,
      // so a stage already running keeps its start and gets the new target from there.
      const policy = await loadSlaPolicy(tx, { unitId: complaint.unitId, productId: complaint.productId, category: complaint.category, priority });
      const event = await tx.complaintEvent.create({
        data: {
          complaintId,
          type: "PRIORITY_CHANGED",
          visibility: "INTERNAL",
          actorKind: "STAFF",
          actorUserId: userId,
          actorUnitId: role.unitId,
          // The timeline shows an event's message; the payload keeps the change whole for the audit trail.
          message: reason,
          payload: {
            from: complaint.priority,
            to: priority,
            reason,
            fromPolicy: complaint.slaPolicy?.code ?? null,
            toPolicy: policy.code,
          } satisfies Prisma.InputJsonObject,
          occurredAt: now,
        },
        select: { id: true },
      });
      const events = await tx.complaintEvent.findMany({
        where: { complaintId, toStatus: { not: null } },
        orderBy: { id: "asc" },
        select: { type: true, toStatus: true, occurredAt: true },
      });
      const calendar = await loadCalendarForUnit(tx, complaint.unitId);
      const snapshot = computeSlaSnapshot(events, policy, calendar, now);
      // Anything the new deadlines make owed (an escalation, a revision of one, a reminder) makes the
      // next check "now", and the worker does it as for any other change (ADR 029).
      const slaCheckAt = computeSlaDuties(snapshot, policy, calendar, now, await loadDoneDuties(tx, complaintId)).nextCheckAt;
      await tx.complaint.update({
        where: { id: complaintId },
        data: { priority, slaPolicyId: policy.id, ...storedDeadlines(snapshot), slaCheckAt },
      });
      if (slaCheckAt) await enqueueJob(tx, "evaluateSla", { complaintId, dueAt: slaCheckAt.toISOString() }, { runAt: slaCheckAt });
      // Reports count SLA hits against the deadlines of the policy in force.
      await enqueueJob(tx, "refreshReports", { complaintId, eventId: event.id.toString() });
      return { ok: true } as const;
    },
    { timeout: 20_000 },
  );
}
