import type { Job } from "bullmq";
import type { QueueName } from "~/jobs/contracts";
import type { Db } from "~/services/db.server";
import type { Logger } from "~/services/logger.server";
import { notifyProcessor } from "./notify";
import { routingProcessor } from "./routing";
import { reportsProcessor } from "./reports";
import { slaProcessor } from "./sla";

export interface ProcessorContext {
  db: Db;
  log: Logger;
  now: () => Date;
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
