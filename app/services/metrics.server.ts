// Prometheus text exposition for operators: counts and ages only, never personal data.
import { Queue, type ConnectionOptions } from "bullmq";
import type { Redis } from "ioredis";
import { QUEUE_NAMES } from "~/jobs/contracts";
import type { Db } from "./db.server";

interface Sample {
  name: string;
  help: string;
  type: "gauge" | "counter";
  values: { labels?: Record<string, string>; value: number }[];
}

function render(samples: Sample[]): string {
  const lines: string[] = [];
  for (const sample of samples) {
    lines.push(`# HELP ${sample.name} ${sample.help}`, `# TYPE ${sample.name} ${sample.type}`);
    for (const { labels, value } of sample.values) {
      const labelText = labels ? `{${Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, "_")}"`).join(",")}}` : "";
      lines.push(`${sample.name}${labelText} ${Number.isFinite(value) ? value : "NaN"}`);
    }
  }
  return lines.join("\n") + "\n";
}

export async function collectMetrics(db: Db, redis: Redis, { queuePrefix, now }: { queuePrefix: string; now: Date }): Promise<string> {
  const [byStatus, overdue, outboxPending, emails, latestBeat] = await Promise.all([
    db.complaint.groupBy({ by: ["status"], _count: { _all: true } }),
    db.complaint.count({ where: { nextDueAt: { lt: now } } }),
    db.outboxMessage.count({ where: { dispatchedAt: null } }),
    db.emailMessage.groupBy({ by: ["status"], _count: { _all: true } }),
    db.workerHeartbeat.findFirst({ orderBy: { beatAt: "desc" }, select: { beatAt: true } }),
  ]);
  const samples: Sample[] = [
    {
      name: "lapor_complaints",
      help: "Complaints by workflow status.",
      type: "gauge",
      values: byStatus.map((row) => ({ labels: { status: row.status }, value: row._count._all })),
    },
    { name: "lapor_complaints_overdue", help: "Complaints whose earliest running deadline has passed.", type: "gauge", values: [{ value: overdue }] },
    { name: "lapor_outbox_pending", help: "Outbox rows not yet handed to the queue.", type: "gauge", values: [{ value: outboxPending }] },
    {
      name: "lapor_emails",
      help: "Stored email messages by delivery status.",
      type: "gauge",
      values: emails.map((row) => ({ labels: { status: row.status }, value: row._count._all })),
    },
    {
      name: "lapor_worker_heartbeat_age_seconds",
      help: "Seconds since the most recent worker heartbeat (NaN when none).",
      type: "gauge",
      values: [{ value: latestBeat ? (now.getTime() - latestBeat.beatAt.getTime()) / 1000 : Number.NaN }],
    },
  ];
  // Queue depths, when Redis answers; the database figures above stand on their own otherwise.
  if (redis.status === "ready") {
    const counts = await Promise.all(
      QUEUE_NAMES.map(async (name) => {
        const queue = new Queue(name, { connection: redis as ConnectionOptions, prefix: queuePrefix });
        try {
          return { name, counts: await queue.getJobCounts("waiting", "active", "delayed", "failed") };
        } finally {
          await queue.close();
        }
      }),
    ).catch(() => []);
    samples.push({
      name: "lapor_queue_jobs",
      help: "BullMQ jobs by queue and state.",
      type: "gauge",
      values: counts.flatMap(({ name, counts: c }) => Object.entries(c).map(([state, value]) => ({ labels: { queue: name, state }, value }))),
    });
  }
  return render(samples);
}
