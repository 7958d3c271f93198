// Queue "routing": assign a verified complaint to its unit (job "complaint.route"), and the
// repeated safety net (job "routing.sweep") for routing jobs Redis lost (docs/decisions/015).
import { UnrecoverableError } from "bullmq";
import { JOBS } from "~/jobs/contracts";
import { routeVerifiedComplaint } from "~/domain/complaints/route-complaint.server";
import { findComplaintsAwaitingRouting } from "~/models/routing-sweep.server";
import type { Processor } from "./types";

/** A complaint verified longer ago than this and still unrouted lost its job; younger ones are left to it. */
export const ROUTING_SWEEP_GRACE_MS = 2 * 60_000;
/** How many complaints one sweep routes; the next sweep takes the rest. */
export const ROUTING_SWEEP_BATCH = 200;

export const routingProcessor: Processor = {
  queue: "routing",
  concurrency: 4,
  handle: async (job, { db, log, now }) => {
    if (job.name === JOBS.sweepRouting.name) {
      const at = now();
      const due = await findComplaintsAwaitingRouting(db, new Date(at.getTime() - ROUTING_SWEEP_GRACE_MS), ROUTING_SWEEP_BATCH);
      let routed = 0;
      // Routing is idempotent (row lock + status check), so racing the lost job's late twin is harmless.
      for (const complaintId of due) if ((await routeVerifiedComplaint(db, complaintId, { now: at })).routed) routed += 1;
      if (due.length > 0) log.info("routing sweep", { checked: due.length, routed });
      return { checked: due.length, routed };
    }
    if (job.name !== JOBS.routeComplaint.name) throw new UnrecoverableError(`unknown job ${job.name}`);
    const payload = JOBS.routeComplaint.payload.safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError("invalid payload");
    const outcome = await routeVerifiedComplaint(db, payload.data.complaintId, { now: now() });
    log.debug("routing", { complaintId: payload.data.complaintId, routed: outcome.routed, reason: outcome.routed ? null : outcome.reason });
    return outcome;
  },
};
