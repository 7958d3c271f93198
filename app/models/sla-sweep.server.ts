import type { DbClient } from "~/services/db-types.server";

/** Complaints whose clocks need a look now, oldest first; served by the sla_check_at index. */
export async function findComplaintsDueForSlaCheck(db: DbClient, now: Date, limit: number): Promise<string[]> {
  const rows = await db.complaint.findMany({
    where: { slaCheckAt: { lte: now } },
    orderBy: { slaCheckAt: "asc" },
    take: limit,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
