import type { Duration } from "~/domain/calendar/working-time";
import type { SlaPolicyTargets } from "~/domain/sla/clock";
import type { SlaStage } from "~/domain/complaints/workflow";
import type { DbClient } from "~/services/db-types.server";
import type { Priority } from "~/generated/prisma/client";

export interface LoadedSlaPolicy extends SlaPolicyTargets {
  id: string;
  code: string;
  reminderPercent: number;
  escalationStep: Duration;
}

/**
 * The most specific active policy for a complaint: product beats unit beats category beats the
 * default (the one with no scope at all); among equals, one made for the complaint's priority
 * beats one for any priority.
 */
export async function loadSlaPolicy(
  db: DbClient,
  scope: { unitId?: string | null; productId?: string | null; category?: string | null; priority?: Priority | null },
): Promise<LoadedSlaPolicy> {
  const candidates = await db.slaPolicy.findMany({
    where: {
      isActive: true,
      OR: [
        ...(scope.productId ? [{ productId: scope.productId }] : []),
        ...(scope.unitId ? [{ unitId: scope.unitId, productId: null }] : []),
        ...(scope.category ? [{ category: scope.category, unitId: null, productId: null }] : []),
        { unitId: null, productId: null, category: null },
      ],
      AND: [{ OR: [{ priority: null }, ...(scope.priority ? [{ priority: scope.priority }] : [])] }],
    },
    include: { targets: true },
  });
  const rank = (p: (typeof candidates)[number]) => (p.productId ? 6 : p.unitId ? 4 : p.category ? 2 : 0) + (p.priority ? 1 : 0);
  const policy = candidates.sort((a, b) => rank(b) - rank(a))[0];
  if (!policy) throw new Error("no active default SLA policy: run the seed");
  const targets: Partial<Record<SlaStage, Duration>> = {};
  for (const target of policy.targets) targets[target.stage] = { amount: target.amount, unit: target.unit };
  return {
    id: policy.id,
    code: policy.code,
    reminderPercent: policy.reminderPercent,
    escalationStep: { amount: policy.escalationStepAmount, unit: policy.escalationStepUnit },
    pauseStatuses: policy.pauseStatuses,
    targets,
  };
}
