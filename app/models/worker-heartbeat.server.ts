import type { DbClient } from "~/services/db-types.server";

export async function recordWorkerHeartbeat(
  db: DbClient,
  beat: { workerId: string; hostname: string; pid: number; queues: string[]; startedAt: Date },
  now = new Date(),
): Promise<void> {
  await db.workerHeartbeat.upsert({
    where: { workerId: beat.workerId },
    create: { ...beat, beatAt: now },
    update: { beatAt: now, queues: beat.queues },
  });
}

export async function removeWorkerHeartbeat(db: DbClient, workerId: string): Promise<void> {
  await db.workerHeartbeat.deleteMany({ where: { workerId } });
}

export async function getLatestWorkerHeartbeat(db: DbClient): Promise<Date | null> {
  const latest = await db.workerHeartbeat.findFirst({ orderBy: { beatAt: "desc" }, select: { beatAt: true } });
  return latest?.beatAt ?? null;
}
