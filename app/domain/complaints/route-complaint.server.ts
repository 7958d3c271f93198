// Routing after verification: the product names the unit (or the citizen named it); with neither,
// the complaint stays with the coordinator for triage (LAPOR!'s *admin koordinator*).
import type { Db } from "~/services/db.server";
import { applyTransition } from "./apply-transition.server";

export type RoutingOutcome = { routed: true; unitId: string } | { routed: false; reason: "not_verified" | "needs_triage" | "not_found" };

export async function routeVerifiedComplaint(db: Db, complaintId: string, { now }: { now: Date }): Promise<RoutingOutcome> {
  const complaint = await db.complaint.findUnique({
    where: { id: complaintId },
    select: { status: true, unitId: true, product: { select: { unitId: true, isActive: true } } },
  });
  if (!complaint) return { routed: false, reason: "not_found" };
  if (complaint.status !== "VERIFIED") return { routed: false, reason: "not_verified" };
  const unitId = complaint.product?.isActive ? complaint.product.unitId : complaint.unitId;
  if (!unitId) return { routed: false, reason: "needs_triage" };
  const outcome = await applyTransition(db, {
    complaintId,
    action: "ASSIGN",
    actor: "SYSTEM",
    actorUnitId: unitId,
    payload: { rule: complaint.product ? "product" : "unit_chosen_by_citizen" },
    complaintUpdate: { unitId },
    now,
  });
  // A racing duplicate job finds the complaint already assigned: nothing more to do.
  return outcome.ok ? { routed: true, unitId } : { routed: false, reason: "not_verified" };
}
