// Administration of SLA policies and their per-stage targets (ADR 007: the targets are data with
// their sources). Routes parse with parsePolicyForm (messages are i18n keys), then call savePolicy.
// Every target must name its source (a regulation, an SKB, a city decision) so each deadline can
// be defended before the Ombudsman. The last active default policy (no scope at all) can neither
// be deactivated nor narrowed: loadSlaPolicy needs it for every complaint nothing else matches.
// Every change writes an AuditLog row with the policy before and after.
import { z } from "zod";
import { Prisma } from "~/generated/prisma/client";
import { hasPermission, type UserLike } from "~/domain/auth/permissions";
import { SLA_STAGES, type SlaStage } from "~/domain/complaints/workflow";
import type { Db } from "~/services/db.server";
import type { DbClient } from "~/services/db-types.server";

import { DURATION_UNITS, PRIORITIES, targetField, type DurationUnitCode, type PriorityCode } from "./form-options";
import { requestSlaRecheck } from "~/domain/sla/recheck.server";
import { blankToUndefined } from "~/services/form-values";

export { DURATION_UNITS, PRIORITIES, targetField, type DurationUnitCode, type PriorityCode } from "./form-options";
/** New policies pause their clocks while the complaint waits for the citizen, like the seeded default. */
const DEFAULT_PAUSE_STATUSES = ["AWAITING_CITIZEN"] as const;

export const canManageSla = (user: UserLike) => hasPermission(user, "manage:sla:any");

const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === "1", z.boolean());
const text = (max: number, required: string) =>
  z.string({ message: required }).trim().min(1, { message: required }).max(max, { message: "adminSla.error.tooLong" });
const integer = (min: number, max: number, message: string) =>
  z.preprocess((value) => (typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value), z.number({ message }).int({ message }).min(min, { message }).max(max, { message }));

const PolicyBaseSchema = z.object({
  code: z
    .string({ message: "adminSla.error.codeRequired" })
    .trim()
    .toUpperCase()
    .min(1, { message: "adminSla.error.codeRequired" })
    .max(40, { message: "adminSla.error.tooLong" })
    .regex(/^[A-Z0-9]+(?:[-_][A-Z0-9]+)*$/, { message: "adminSla.error.codeFormat" }),
  name: text(200, "adminSla.error.nameRequired"),
  source: text(1000, "adminSla.error.sourceRequired"),
  unitId: z.preprocess(blankToUndefined, z.uuid({ message: "adminSla.error.unitUnknown" }).optional()),
  productId: z.preprocess(blankToUndefined, z.uuid({ message: "adminSla.error.productUnknown" }).optional()),
  category: z.preprocess(blankToUndefined, z.string().trim().max(100, { message: "adminSla.error.tooLong" }).optional()),
  priority: z.preprocess(blankToUndefined, z.enum(PRIORITIES, { message: "adminSla.error.priority" }).optional()),
  reminderPercent: integer(1, 99, "adminSla.error.reminderPercent"),
  escalationStepAmount: integer(1, 1000, "adminSla.error.escalationStep"),
  escalationStepUnit: z.enum(DURATION_UNITS, { message: "adminSla.error.durationUnit" }),
  isActive: checkbox,
});

export interface TargetInput {
  stage: SlaStage;
  amount: number;
  unit: DurationUnitCode;
  source: string;
}

export interface PolicyFormInput {
  code: string;
  name: string;
  source: string;
  unitId: string | null;
  productId: string | null;
  category: string | null;
  priority: PriorityCode | null;
  reminderPercent: number;
  escalationStepAmount: number;
  escalationStepUnit: DurationUnitCode;
  isActive: boolean;
  /** Stages left without an amount have no target (that clock is not run for this policy). */
  targets: TargetInput[];
}

/**
 * Reads the policy form. Targets come as `amount_<STAGE>`, `unit_<STAGE>`, `source_<STAGE>`; a
 * target with an amount and no source is refused beside its source field.
 */
export function parsePolicyForm(values: Record<string, string>): { ok: true; input: PolicyFormInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const base = PolicyBaseSchema.safeParse(values);
  if (!base.success) {
    for (const issue of base.error.issues) {
      const field = String(issue.path[0] ?? "form");
      errors[field] ??= issue.message;
    }
  }
  const targets: TargetInput[] = [];
  for (const stage of SLA_STAGES) {
    const amountText = (values[targetField("amount", stage)] ?? "").trim();
    const unitText = (values[targetField("unit", stage)] ?? "").trim();
    const source = (values[targetField("source", stage)] ?? "").trim();
    if (amountText === "") {
      if (source !== "") errors[targetField("amount", stage)] = "adminSla.error.targetAmount";
      continue;
    }
    const amount = /^\d+$/.test(amountText) ? Number(amountText) : NaN;
    if (!Number.isInteger(amount) || amount < 1 || amount > 100_000) errors[targetField("amount", stage)] = "adminSla.error.targetAmount";
    const unit = (DURATION_UNITS as readonly string[]).includes(unitText) ? (unitText as DurationUnitCode) : null;
    if (!unit) errors[targetField("unit", stage)] = "adminSla.error.durationUnit";
    if (source === "") errors[targetField("source", stage)] = "adminSla.error.targetSourceRequired";
    else if (source.length > 1000) errors[targetField("source", stage)] = "adminSla.error.tooLong";
    if (unit && Number.isInteger(amount) && source !== "") targets.push({ stage, amount, unit, source });
  }
  if (!base.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const data = base.data;
  return {
    ok: true,
    input: {
      ...data,
      unitId: data.unitId?.toLowerCase() ?? null,
      productId: data.productId?.toLowerCase() ?? null,
      category: data.category ?? null,
      priority: data.priority ?? null,
      targets,
    },
  };
}

export interface PolicyRow {
  id: string;
  code: string;
  name: string;
  source: string;
  unitId: string | null;
  unitName: string | null;
  productId: string | null;
  productName: string | null;
  category: string | null;
  priority: PriorityCode | null;
  reminderPercent: number;
  escalationStepAmount: number;
  escalationStepUnit: DurationUnitCode;
  isActive: boolean;
  isDefault: boolean;
  targets: TargetInput[];
}

const isDefaultScope = (p: { unitId: string | null; productId: string | null; category: string | null; priority: string | null }) =>
  p.unitId === null && p.productId === null && p.category === null && p.priority === null;

export async function listPolicies(db: DbClient): Promise<PolicyRow[]> {
  const rows = await db.slaPolicy.findMany({
    orderBy: [{ isActive: "desc" }, { code: "asc" }],
    include: { targets: true, unit: { select: { name: true } }, product: { select: { name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    source: row.source,
    unitId: row.unitId,
    unitName: row.unit?.name ?? null,
    productId: row.productId,
    productName: row.product?.name ?? null,
    category: row.category,
    priority: row.priority,
    reminderPercent: row.reminderPercent,
    escalationStepAmount: row.escalationStepAmount,
    escalationStepUnit: row.escalationStepUnit,
    isActive: row.isActive,
    isDefault: isDefaultScope(row),
    targets: SLA_STAGES.flatMap((stage) => {
      const target = row.targets.find((t) => t.stage === stage);
      return target ? [{ stage, amount: target.amount, unit: target.unit, source: target.source }] : [];
    }),
  }));
}

export type PolicyRefusal = "not_found" | "code_taken" | "unit_unknown" | "product_unknown" | "product_other_unit" | "last_default";
export type PolicyOutcome = { ok: true; id: string } | { ok: false; reason: PolicyRefusal };

/** Which form field a refusal belongs beside. */
export function policyRefusalField(reason: PolicyRefusal): string {
  switch (reason) {
    case "code_taken":
      return "code";
    case "unit_unknown":
      return "unitId";
    case "product_unknown":
    case "product_other_unit":
      return "productId";
    case "last_default":
      return "isActive";
    default:
      return "form";
  }
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

type PolicySnapshot = Omit<PolicyFormInput, "targets"> & { targets: TargetInput[] };

function snapshotOf(row: {
  code: string;
  name: string;
  source: string;
  unitId: string | null;
  productId: string | null;
  category: string | null;
  priority: PriorityCode | null;
  reminderPercent: number;
  escalationStepAmount: number;
  escalationStepUnit: DurationUnitCode;
  isActive: boolean;
  targets: { stage: SlaStage; amount: number; unit: DurationUnitCode; source: string }[];
}): PolicySnapshot {
  const { targets, ...rest } = row;
  return { ...rest, targets: targets.map(({ stage, amount, unit, source }) => ({ stage, amount, unit, source })) };
}

/**
 * Creates (`id` null) or updates a policy and replaces its targets. Serialised by an advisory lock
 * so two admins cannot each deactivate one of the last two default policies.
 */
export async function savePolicy(db: Db, id: string | null, input: PolicyFormInput, { actorUserId }: { actorUserId: string }): Promise<PolicyOutcome> {
  const { targets, ...fields } = input;
  try {
    return await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('lapor:sla_policy'))::text AS locked`;
      if (fields.unitId && !(await tx.serviceUnit.findUnique({ where: { id: fields.unitId }, select: { id: true } }))) {
        return { ok: false, reason: "unit_unknown" } as const;
      }
      if (fields.productId) {
        const product = await tx.serviceProduct.findUnique({ where: { id: fields.productId }, select: { unitId: true } });
        if (!product) return { ok: false, reason: "product_unknown" } as const;
        if (fields.unitId && product.unitId !== fields.unitId) return { ok: false, reason: "product_other_unit" } as const;
      }
      const clash = await tx.slaPolicy.findFirst({ where: { code: fields.code, ...(id ? { NOT: { id } } : {}) }, select: { id: true } });
      if (clash) return { ok: false, reason: "code_taken" } as const;

      let before: PolicySnapshot | null = null;
      let policyId: string;
      if (id === null) {
        const row = await tx.slaPolicy.create({ data: { ...fields, pauseStatuses: [...DEFAULT_PAUSE_STATUSES] }, select: { id: true } });
        policyId = row.id;
      } else {
        const row = await tx.slaPolicy.findUnique({ where: { id }, include: { targets: true } });
        if (!row) return { ok: false, reason: "not_found" } as const;
        before = snapshotOf(row);
        const staysDefault = fields.isActive && isDefaultScope(fields);
        if (row.isActive && isDefaultScope(row) && !staysDefault) {
          const others = await tx.slaPolicy.count({ where: { id: { not: id }, isActive: true, unitId: null, productId: null, category: null, priority: null } });
          if (others === 0) return { ok: false, reason: "last_default" } as const;
        }
        await tx.slaPolicy.update({ where: { id }, data: fields });
        policyId = id;
      }
      await tx.slaTarget.deleteMany({ where: { policyId, stage: { notIn: targets.map((t) => t.stage) } } });
      for (const target of targets) {
        await tx.slaTarget.upsert({
          where: { policyId_stage: { policyId, stage: target.stage } },
          create: { policyId, ...target },
          update: { amount: target.amount, unit: target.unit, source: target.source },
        });
      }
      const after: PolicySnapshot = { ...fields, targets };
      await tx.auditLog.create({
        data: {
          actorUserId,
          action: id === null ? "sla.policy.create" : "sla.policy.update",
          entity: "sla_policy",
          entityId: policyId,
          data: JSON.parse(JSON.stringify({ before, after })) as Prisma.InputJsonObject,
        },
      });
      // Evaluation applies the policy in force to every open complaint: their stored dates follow.
      await requestSlaRecheck(db, tx, new Date());
      return { ok: true, id: policyId } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "code_taken" };
    throw error;
  }
}
