// Which SLA policy a complaint's clocks run on: the most specific active one (DESIGN.md "Domain
// model": per category, priority, unit, product), read from the policies the model loads.
import type { Priority } from "~/generated/prisma/client";
import { loadActiveSlaPolicies, type ActiveSlaPolicy } from "~/models/sla-policy.server";
import type { DbClient } from "~/services/db-types.server";
import type { Duration } from "~/domain/calendar/working-time";
import type { SlaStage } from "~/domain/complaints/workflow";
import type { SlaPolicyTargets } from "./clock";

export interface LoadedSlaPolicy extends SlaPolicyTargets {
  id: string;
  code: string;
  reminderPercent: number;
  escalationStep: Duration;
}

export interface SlaPolicyScope {
  unitId?: string | null;
  productId?: string | null;
  category?: string | null;
  priority?: Priority | null;
}

/**
 * The most specific active policy for a complaint: product beats unit beats category beats the
 * default (the one with no scope at all); among equals, one made for the complaint's priority
 * beats one for any priority, and then the newest beats the older. A policy scoped to something
 * else does not apply at all.
 */
export function chooseSlaPolicy(policies: readonly ActiveSlaPolicy[], scope: SlaPolicyScope): LoadedSlaPolicy {
  const applies = (p: ActiveSlaPolicy) =>
    (p.priority === null || p.priority === scope.priority) &&
    (p.productId
      ? p.productId === scope.productId
      : p.unitId
        ? p.unitId === scope.unitId
        : p.category
          ? p.category === scope.category
          : true);
  const rank = (p: ActiveSlaPolicy) => (p.productId ? 6 : p.unitId ? 4 : p.category ? 2 : 0) + (p.priority ? 1 : 0);
  // Equally specific policies: the newest wins, so a policy an administrator adds for a scope the
  // seed already covers (a city-wide URGENT one, say) takes over from the seeded one (ADR 035).
  const policy = policies.filter(applies).sort((a, b) => rank(b) - rank(a) || b.createdAt.getTime() - a.createdAt.getTime())[0];
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

export async function loadSlaPolicy(db: DbClient, scope: SlaPolicyScope): Promise<LoadedSlaPolicy> {
  return chooseSlaPolicy(await loadActiveSlaPolicies(db), scope);
}
