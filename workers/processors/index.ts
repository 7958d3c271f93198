import type { Job } from "bullmq";
import type { QueueName } from "~/jobs/contracts";
import type { Db } from "~/services/db.server";
import type { Logger } from "~/services/logger.server";
import type { Queues } from "~/services/queue.server";
import { notifyProcessor } from "./notify";
import { routingProcessor } from "./routing";
import { reportsProcessor } from "./reports";
import { slaProcessor } from "./sla";

export interface ProcessorContext {
  db: Db;
  log: Logger;
  now: () => Date;
  /**
   * The runtime's producer queues (same Redis), for a processor that looks at or retries other
   * jobs. Absent where a test hands a processor one job directly, without a runtime.
   */
  queues?: Queues;
}

export interface Processor {
  queue: QueueName;
  concurrency: number;
  handle: (job: Job, context: ProcessorContext) => Promise<unknown>;
}

/**
 * One processor per queue, each in its own file beside this one. Queues without a processor here
 * keep their jobs in Redis until one is deployed; nothing is dropped.
 */
export const PROCESSORS: Processor[] = [routingProcessor, slaProcessor, notifyProcessor, reportsProcessor];
