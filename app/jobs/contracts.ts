// Job contracts shared by the web app (producer, through the outbox) and the workers (consumer).
// Payloads carry ids only: Redis never sees a name, an email address or complaint text.
import { z } from "zod";

export const QUEUE_NAMES = ["routing", "sla", "notify", "reports"] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface JobContract<S extends z.ZodType = z.ZodType> {
  queue: QueueName;
  /** Dotted job name, e.g. "complaint.route". */
  name: string;
  payload: S;
  /** Deterministic id: the same logical job is enqueued at most once (BullMQ ignores a duplicate id). */
  jobId: (payload: z.infer<S>) => string;
}

function defineJob<S extends z.ZodType>(contract: JobContract<S>): JobContract<S> {
  return contract;
}

const ComplaintRef = z.object({ complaintId: z.uuid() });

export const JOBS = {
  /** Pick the responsible unit for a new or released complaint. */
  routeComplaint: defineJob({
    queue: "routing",
    name: "complaint.route",
    payload: ComplaintRef.extend({ eventId: z.string().regex(/^\d+$/) }),
    jobId: (p) => `route-${p.complaintId}-${p.eventId}`,
  }),
  /**
   * Route verified complaints whose routing job never ran: the safety net for a job Redis lost
   * after the relay handed it over (Redis keeps nothing on disk here). docs/decisions/015.
   */
  sweepRouting: defineJob({
    queue: "routing",
    name: "routing.sweep",
    payload: z.object({}),
    jobId: () => "routing-sweep",
  }),
  /** Re-evaluate a complaint's clocks; a trigger only, the deadline itself lives in Postgres. */
  evaluateSla: defineJob({
    queue: "sla",
    name: "complaint.sla.evaluate",
    payload: ComplaintRef.extend({ dueAt: z.iso.datetime({ offset: true }) }),
    jobId: (p) => `sla-${p.complaintId}-${Date.parse(p.dueAt)}`,
  }),
  /**
   * Safety net, repeated by a BullMQ job scheduler: re-checks every complaint whose sla_check_at
   * has passed, so a lost delayed job (Redis flushed, a crash) never loses an escalation.
   */
  sweepSla: defineJob({
    queue: "sla",
    name: "sla.sweep",
    payload: z.object({}),
    jobId: () => "sla-sweep",
  }),
  /** Send one stored EmailMessage (rendered and addressed in Postgres). */
  sendEmail: defineJob({
    queue: "notify",
    name: "email.send",
    payload: z.object({ emailMessageId: z.uuid() }),
    jobId: (p) => `email-${p.emailMessageId}`,
  }),
  /**
   * Safety net for e-mail, repeated by a job scheduler: queues again the messages still PENDING
   * a while after they were written, so a send job Redis lost with its data is not lost for good.
   */
  sweepNotify: defineJob({
    queue: "notify",
    name: "email.sweep",
    payload: z.object({}),
    jobId: () => "notify-sweep",
  }),
  /** Fold one complaint's latest state into the reporting roll-ups. */
  refreshReports: defineJob({
    queue: "reports",
    name: "complaint.reports.refresh",
    payload: ComplaintRef.extend({ eventId: z.string().regex(/^\d+$/) }),
    jobId: (p) => `reports-${p.complaintId}-${p.eventId}`,
  }),
  /**
   * Safety net for the reports, repeated by a job scheduler: refreshes facts whose running clock
   * passed its deadline (they change without an event) and complaints that have no fact yet.
   */
  sweepReports: defineJob({
    queue: "reports",
    name: "reports.sweep",
    payload: z.object({}),
    jobId: () => "reports-sweep",
  }),
} as const;

export type JobKey = keyof typeof JOBS;
export type JobPayload<K extends JobKey> = z.infer<(typeof JOBS)[K]["payload"]>;

const BY_QUEUE_AND_NAME = new Map<string, JobContract>(
  Object.values(JOBS).map((job) => [`${job.queue}/${job.name}`, job as JobContract]),
);

export function findJobContract(queue: string, name: string): JobContract | undefined {
  return BY_QUEUE_AND_NAME.get(`${queue}/${name}`);
}
