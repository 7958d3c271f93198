// What a processor is, apart from the list of processors (index.ts), so each processor can name
// its own type without importing the index that imports it.
import type { Job } from "bullmq";
import type { QueueName } from "~/jobs/contracts";
import type { Db } from "~/services/db.server";
import type { Logger } from "~/services/logger.server";
import type { Queues } from "~/services/queue.server";

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
