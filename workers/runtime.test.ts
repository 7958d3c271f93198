import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { enqueueJob } from "~/models/outbox.server";
import { createLogger } from "~/services/logger.server";
import { useTestDatabase, useTestQueuePrefix } from "../tests/support/isolation";
import type { Processor } from "./processors";
import { startWorkerRuntime } from "./runtime";

const database = useTestDatabase();
const { prefix, redisUrl } = useTestQueuePrefix();

describe("worker runtime", () => {
  it("beats, relays the outbox into BullMQ, runs the processor with the payload, and drains on stop", async () => {
    const handled: unknown[] = [];
    const processor: Processor = {
      queue: "routing",
      concurrency: 1,
      handle: async (job) => {
        // The runtime also schedules the routing safety-net sweep on this queue; not under test here.
        if (job.name === "routing.sweep") return;
        handled.push({ name: job.name, id: job.id, data: job.data });
      },
    };
    const runtime = await startWorkerRuntime({
      db: database.db,
      redisUrl,
      queuePrefix: prefix,
      log: createLogger("test-worker"),
      processors: [processor],
      relayIntervalMs: 50,
    });
    try {
      const beat = await database.db.workerHeartbeat.findUniqueOrThrow({ where: { workerId: runtime.workerId } });
      expect(beat.queues).toEqual(["routing"]);

      const complaintId = randomUUID();
      await enqueueJob(database.db, "routeComplaint", { complaintId, eventId: "7" });
      const deadline = Date.now() + 10_000;
      while (handled.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(handled).toEqual([{ name: "complaint.route", id: `route-${complaintId}-7`, data: { complaintId, eventId: "7" } }]);
    } finally {
      await runtime.stop();
    }
    expect(await database.db.workerHeartbeat.count({ where: { workerId: runtime.workerId } })).toBe(0);
  });
});
