import { notifyProcessor } from "./notify";
import { reportsProcessor } from "./reports";
import { routingProcessor } from "./routing";
import { slaProcessor } from "./sla";
import type { Processor } from "./types";

export type { Processor, ProcessorContext } from "./types";

/**
 * One processor per queue, each in its own file beside this one. Queues without a processor here
 * keep their jobs in Redis until one is deployed; nothing is dropped.
 */
export const PROCESSORS: Processor[] = [routingProcessor, slaProcessor, notifyProcessor, reportsProcessor];
