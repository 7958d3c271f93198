// Queue "routing": assign a verified complaint to its unit (job "complaint.route").
import { UnrecoverableError } from "bullmq";
import { JOBS } from "~/jobs/contracts";
import { routeVerifiedComplaint } from "~/domain/complaints/route-complaint.server";
import type { Processor } from "./index";

export const routingProcessor: Processor = {
  queue: "routing",
  concurrency: 4,
  handle: async (job, { db, log, now }) => {
    if (job.name !== JOBS.routeComplaint.name) throw new UnrecoverableError(`unknown job ${job.name}`);
    const payload = JOBS.routeComplaint.payload.safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError("invalid payload");
    const outcome = await routeVerifiedComplaint(db, payload.data.complaintId, { now: now() });
    log.debug("routing", { complaintId: payload.data.complaintId, routed: outcome.routed, reason: outcome.routed ? null : outcome.reason });
    return outcome;
  },
};
