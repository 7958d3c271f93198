// Queue "sla": the delayed per-complaint trigger ("complaint.sla.evaluate") and the repeated
// sweeper ("sla.sweep"). Both only ask evaluateComplaintSla to look; the deadlines live in Postgres.
// The sweep also mails each staff address one digest of the escalations and reminders recorded
// since the last one (the delayed trigger only records them), and reminds of Ombudsman matters
// nearing or past their due dates.
import { UnrecoverableError } from "bullmq";
import { JOBS } from "~/jobs/contracts";
import { sendOmbudsmanReminders } from "~/domain/compliance/ombudsman-reminders.server";
import { evaluateComplaintSla, sweepDueComplaints } from "~/domain/sla/evaluate-sla.server";
import { getEnv } from "~/services/env.server";
import type { Processor } from "./types";

/** How many complaints one sweep handles; the next sweep takes the rest. */
export const SWEEP_BATCH = 500;

export const slaProcessor: Processor = {
  queue: "sla",
  concurrency: 4,
  handle: async (job, { db, log, now }) => {
    if (job.name === JOBS.evaluateSla.name) {
      const payload = JOBS.evaluateSla.payload.safeParse(job.data);
      if (!payload.success) throw new UnrecoverableError("invalid payload");
      return evaluateComplaintSla(db, payload.data.complaintId, { now: now() });
    }
    if (job.name === JOBS.sweepSla.name) {
      const { digests, ...outcome } = await sweepDueComplaints(db, now(), SWEEP_BATCH, { publicBaseUrl: getEnv().PUBLIC_BASE_URL });
      if (outcome.checked > 0 || digests > 0) log.info("sla sweep", { ...outcome, digests });
      // What the city owes Ombudsman RI has deadlines too; each reminder goes out once (dedupe key).
      const ombudsman = await sendOmbudsmanReminders(db, now(), { publicBaseUrl: getEnv().PUBLIC_BASE_URL });
      if (ombudsman.created > 0) log.info("ombudsman reminders", ombudsman);
      return { ...outcome, ombudsmanReminders: ombudsman.created };
    }
    throw new UnrecoverableError(`unknown job ${job.name}`);
  },
};
