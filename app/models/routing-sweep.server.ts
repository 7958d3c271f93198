import type { DbClient } from "~/services/db-types.server";

/**
 * Verified complaints that routing can place (an active product, or a unit the citizen chose)
 * but that are still VERIFIED since before `verifiedBefore`: their routing job was lost or never
 * ran. Complaints with neither wait for coordinator triage on purpose and are not returned.
 */
export async function findComplaintsAwaitingRouting(db: DbClient, verifiedBefore: Date, limit: number): Promise<string[]> {
  const rows = await db.complaint.findMany({
    where: {
      status: "VERIFIED",
      verifiedAt: { lte: verifiedBefore },
      OR: [{ unitId: { not: null } }, { product: { isActive: true } }],
    },
    orderBy: { verifiedAt: "asc" },
    take: limit,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
