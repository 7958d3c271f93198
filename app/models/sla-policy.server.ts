// The SLA policies as stored; which one applies to a complaint is the domain's rule
// (app/domain/sla/policy.server.ts).
import type { DbClient } from "~/services/db-types.server";

/** Every active policy with its targets: a few rows, read once per SLA batch (ADR 019). */
export async function loadActiveSlaPolicies(db: DbClient) {
  return db.slaPolicy.findMany({ where: { isActive: true }, include: { targets: true }, orderBy: { code: "asc" } });
}

export type ActiveSlaPolicy = Awaited<ReturnType<typeof loadActiveSlaPolicies>>[number];
