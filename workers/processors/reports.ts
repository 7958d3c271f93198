// Queue "reports": fold one complaint into the roll-ups ("complaint.reports.refresh"), and the
// repeated sweep that catches what changes without an event (a clock passing its deadline) or
// what predates the reports (a complaint with no fact yet).
import { UnrecoverableError } from "bullmq";
import { JOBS } from "~/jobs/contracts";
import { refreshComplaintReport } from "~/domain/reports/refresh-complaint-report.server";
import { findFactsToRefresh } from "~/models/report-facts.server";
import type { Processor } from "./types";

/** How many complaints one sweep refreshes; the next sweep takes the rest. */
export const REPORTS_SWEEP_BATCH = 1_000;

export const reportsProcessor: Processor = {
  queue: "reports",
  concurrency: 2,
  handle: async (job, { db, log, now }) => {
    if (job.name === JOBS.refreshReports.name) {
      const payload = JOBS.refreshReports.payload.safeParse(job.data);
      if (!payload.success) throw new UnrecoverableError("invalid payload");
      const fact = await refreshComplaintReport(db, payload.data.complaintId, { now: now() });
      return { refreshed: fact !== null };
    }
    if (job.name === JOBS.sweepReports.name) {
      const at = now();
      const ids = await findFactsToRefresh(db, at, REPORTS_SWEEP_BATCH);
      for (const complaintId of ids) await refreshComplaintReport(db, complaintId, { now: at });
      if (ids.length > 0) log.info("reports sweep", { refreshed: ids.length });
      return { refreshed: ids.length };
    }
    throw new UnrecoverableError(`unknown job ${job.name}`);
  },
};
