// Administration of service units and their service products (issue "Staff workspace", item Admin).
// Routes parse with the schemas here (messages are i18n keys), then call one function per change.
// Every change writes an AuditLog row naming the fields it changed (values of names and codes are
// public organisation data; no personal data is written).
import { z } from "zod";
import { Prisma } from "~/generated/prisma/client";
import { hasPermission } from "~/domain/auth/permissions";
import type { Db } from "~/services/db.server";
import type { DbClient } from "~/services/db-types.server";
import { requireStaffUser, type StaffUser } from "~/services/session.server";

import { UNIT_KINDS, type UnitKind } from "./form-options";
import { blankToUndefined } from "~/services/form-values";

export { UNIT_KINDS, type UnitKind } from "./form-options";

/** Uppercase ASCII letters and digits in groups joined by single hyphens: "DINKES", "PKM-GERUNGGANG". */
export const CODE_PATTERN = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
export const MAX_CONTACT_EMAILS = 10;

/** The signed-in staff user holding manage:unit:any, or a thrown redirect (signed out) or 403. */
export async function requireUnitAdmin(db: Db, request: Request, now: Date): Promise<StaffUser> {
  const user = await requireStaffUser(db, request, now);
  if (!hasPermission(user, "manage:unit:any")) throw new Response("Forbidden", { status: 403 });
  return user;
}


/** Codes are typed in any case and with stray spaces; stored uppercase. */
const code = z
  .string({ message: "admin.error.codeRequired" })
  .trim()
  .toUpperCase()
  .min(1, { message: "admin.error.codeRequired" })
  .max(40, { message: "admin.error.codeTooLong" })
  .regex(CODE_PATTERN, { message: "admin.error.codeFormat" });

const text = (max: number, required: string) =>
  z.string({ message: required }).trim().min(1, { message: required }).max(max, { message: "form.error.tooLong" });

const emailLine = z.email({ message: "admin.error.contactEmail" }).max(254, { message: "admin.error.contactEmail" });

/** One address per line (commas and semicolons also separate); each must be an email address. */
const contactEmails = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const lines = (value ?? "")
      .split(/[\n\r,;]+/)
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== "");
    const unique = [...new Set(lines)];
    if (unique.length > MAX_CONTACT_EMAILS) {
      ctx.addIssue({ code: "custom", message: "admin.error.contactEmailsTooMany" });
      return z.NEVER;
    }
    for (const line of unique) {
      if (!emailLine.safeParse(line).success) {
        ctx.addIssue({ code: "custom", message: "admin.error.contactEmail" });
        return z.NEVER;
      }
    }
    return unique;
  });

/** A checkbox: present ("on") means true. */
const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === "1", z.boolean());

export const UnitFormSchema = z.object({
  code,
  kind: z.enum(UNIT_KINDS, { message: "admin.error.kind" }),
  name: text(200, "admin.error.nameRequired"),
  shortName: text(80, "admin.error.shortNameRequired"),
  parentId: z.preprocess(blankToUndefined, z.uuid({ message: "admin.error.parentUnknown" }).optional()),
  contactEmails,
  isActive: checkbox,
});
export type UnitFormInput = z.infer<typeof UnitFormSchema>;

export const PRODUCT_INTENTS = ["addProduct", "renameProduct", "deactivateProduct", "reactivateProduct"] as const;
export type ProductIntent = (typeof PRODUCT_INTENTS)[number];

const productId = z.uuid({ message: "form.error.invalid" });
export const ProductActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("addProduct"), code, name: text(300, "admin.error.nameRequired"), nameEn: text(300, "admin.error.nameEnRequired") }),
  z.object({ intent: z.literal("renameProduct"), productId, name: text(300, "admin.error.nameRequired"), nameEn: text(300, "admin.error.nameEnRequired") }),
  z.object({ intent: z.literal("deactivateProduct"), productId }),
  z.object({ intent: z.literal("reactivateProduct"), productId }),
]);
export type ProductActionInput = z.infer<typeof ProductActionSchema>;

export interface UnitTreeRow {
  id: string;
  code: string;
  kind: UnitKind;
  name: string;
  shortName: string;
  parentId: string | null;
  isActive: boolean;
  depth: number;
  productCount: number;
}

/** Every unit in tree order (parents before children, siblings by name), with its depth. */
export async function listUnitTree(db: DbClient): Promise<UnitTreeRow[]> {
  const units = await db.serviceUnit.findMany({
    select: { id: true, code: true, kind: true, name: true, shortName: true, parentId: true, isActive: true, _count: { select: { products: true } } },
    orderBy: [{ name: "asc" }, { code: "asc" }],
  });
  const ids = new Set(units.map((unit) => unit.id));
  const children = new Map<string | null, typeof units>();
  for (const unit of units) {
    // A unit whose parent is missing is shown at the top rather than lost.
    const key = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    const list = children.get(key) ?? [];
    list.push(unit);
    children.set(key, list);
  }
  const rows: UnitTreeRow[] = [];
  const seen = new Set<string>();
  const visit = (parentId: string | null, depth: number) => {
    for (const unit of children.get(parentId) ?? []) {
      if (seen.has(unit.id)) continue;
      seen.add(unit.id);
      rows.push({ id: unit.id, code: unit.code, kind: unit.kind, name: unit.name, shortName: unit.shortName, parentId: unit.parentId, isActive: unit.isActive, depth, productCount: unit._count.products });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  // Units caught in a cycle in bad data are never reached from the top: list them anyway.
  for (const unit of units) if (!seen.has(unit.id)) rows.push({ id: unit.id, code: unit.code, kind: unit.kind, name: unit.name, shortName: unit.shortName, parentId: unit.parentId, isActive: unit.isActive, depth: 0, productCount: unit._count.products });
  return rows;
}

/** The unit with its products, or null. */
export async function getUnitForEdit(db: DbClient, id: string) {
  return db.serviceUnit.findUnique({
    where: { id },
    select: {
      id: true,
      code: true,
      kind: true,
      name: true,
      shortName: true,
      parentId: true,
      contactEmails: true,
      isActive: true,
      products: { select: { id: true, code: true, name: true, nameEn: true, isActive: true }, orderBy: [{ isActive: "desc" }, { code: "asc" }] },
    },
  });
}

/**
 * Ids of `unitId` and every unit below it, following parentId (guarded against cycles in bad data).
 */
export function subtreeIds(units: readonly { id: string; parentId: string | null }[], unitId: string): Set<string> {
  const below = new Map<string, string[]>();
  for (const unit of units) if (unit.parentId) below.set(unit.parentId, [...(below.get(unit.parentId) ?? []), unit.id]);
  const result = new Set<string>([unitId]);
  const stack = [unitId];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const child of below.get(current) ?? []) {
      if (!result.has(child)) {
        result.add(child);
        stack.push(child);
      }
    }
  }
  return result;
}

export type UnitRefusal = "not_found" | "code_taken" | "parent_self" | "parent_cycle" | "parent_unknown";
export type UnitOutcome = { ok: true; id: string; created: boolean; changed: string[] } | { ok: false; reason: UnitRefusal };

/** Which form field a refusal belongs beside. */
export function unitRefusalField(reason: UnitRefusal): "code" | "parentId" | "form" {
  if (reason === "code_taken") return "code";
  if (reason.startsWith("parent_")) return "parentId";
  return "form";
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Serialises changes to the unit tree: two admins moving units at once could otherwise each pass
 * the cycle check and together make a cycle.
 */
async function lockUnitTree(tx: Prisma.TransactionClient) {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('lapor:service_unit_tree'))::text AS locked`;
}

async function audit(db: DbClient, actorUserId: string, action: string, entity: string, entityId: string, data: Prisma.InputJsonObject) {
  await db.auditLog.create({ data: { actorUserId, action, entity, entityId, data } });
}

/**
 * Creates (`id` null) or updates a unit. Refuses a code another unit has, an unknown parent, the
 * unit as its own parent and a parent inside the unit's own subtree (a cycle).
 */
export async function saveUnit(db: Db, id: string | null, input: UnitFormInput, { actorUserId }: { actorUserId: string }): Promise<UnitOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      await lockUnitTree(tx);
      const existing = id
        ? await tx.serviceUnit.findUnique({ where: { id }, select: { id: true, code: true, kind: true, name: true, shortName: true, parentId: true, contactEmails: true, isActive: true } })
        : null;
      if (id && !existing) return { ok: false, reason: "not_found" } as const;
      const holder = await tx.serviceUnit.findUnique({ where: { code: input.code }, select: { id: true } });
      if (holder && holder.id !== id) return { ok: false, reason: "code_taken" } as const;
      const parentId = input.parentId?.toLowerCase() ?? null;
      if (parentId !== null) {
        if (parentId === id) return { ok: false, reason: "parent_self" } as const;
        const units = await tx.serviceUnit.findMany({ select: { id: true, parentId: true } });
        if (!units.some((unit) => unit.id === parentId)) return { ok: false, reason: "parent_unknown" } as const;
        if (id && subtreeIds(units, id).has(parentId)) return { ok: false, reason: "parent_cycle" } as const;
      }
      const data = {
        code: input.code,
        kind: input.kind,
        name: input.name,
        shortName: input.shortName,
        parentId,
        contactEmails: input.contactEmails,
        isActive: input.isActive,
      };
      if (!existing) {
        const created = await tx.serviceUnit.create({ data, select: { id: true } });
        const fields = Object.keys(data);
        await audit(tx, actorUserId, "unit.created", "service_unit", created.id, { fields, code: data.code });
        return { ok: true, id: created.id, created: true, changed: fields };
      }
      const changed = (Object.keys(data) as (keyof typeof data)[]).filter((field) =>
        field === "contactEmails" ? existing.contactEmails.join("\n") !== data.contactEmails.join("\n") : existing[field] !== data[field],
      );
      if (changed.length > 0) {
        await tx.serviceUnit.update({ where: { id: existing.id }, data });
        await audit(tx, actorUserId, "unit.updated", "service_unit", existing.id, { fields: changed, code: data.code });
      }
      return { ok: true, id: existing.id, created: false, changed };
    });
  } catch (error) {
    // A concurrent insert of the same code.
    if (isUniqueViolation(error)) return { ok: false, reason: "code_taken" };
    throw error;
  }
}

export type ProductRefusal = "not_found" | "code_taken";
export type ProductOutcome = { ok: true; intent: ProductIntent; productId: string } | { ok: false; reason: ProductRefusal };

/** Adds, renames, deactivates or reactivates a product of the unit. */
export async function changeProduct(db: Db, unitId: string, input: ProductActionInput, { actorUserId }: { actorUserId: string }): Promise<ProductOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      const unit = await tx.serviceUnit.findUnique({ where: { id: unitId }, select: { id: true } });
      if (!unit) return { ok: false, reason: "not_found" } as const;
      if (input.intent === "addProduct") {
        if (await tx.serviceProduct.findUnique({ where: { code: input.code }, select: { id: true } })) return { ok: false, reason: "code_taken" } as const;
        const product = await tx.serviceProduct.create({ data: { unitId, code: input.code, name: input.name, nameEn: input.nameEn }, select: { id: true } });
        await audit(tx, actorUserId, "product.created", "service_product", product.id, { fields: ["code", "name", "nameEn"], code: input.code, unitId });
        return { ok: true, intent: input.intent, productId: product.id } as const;
      }
      const product = await tx.serviceProduct.findFirst({ where: { id: input.productId.toLowerCase(), unitId }, select: { id: true, code: true, name: true, nameEn: true, isActive: true } });
      if (!product) return { ok: false, reason: "not_found" } as const;
      if (input.intent === "renameProduct") {
        const changed = (["name", "nameEn"] as const).filter((field) => product[field] !== input[field]);
        if (changed.length > 0) {
          await tx.serviceProduct.update({ where: { id: product.id }, data: { name: input.name, nameEn: input.nameEn } });
          await audit(tx, actorUserId, "product.renamed", "service_product", product.id, { fields: changed, code: product.code, unitId });
        }
        return { ok: true, intent: input.intent, productId: product.id } as const;
      }
      const isActive = input.intent === "reactivateProduct";
      if (product.isActive !== isActive) {
        await tx.serviceProduct.update({ where: { id: product.id }, data: { isActive } });
        await audit(tx, actorUserId, isActive ? "product.reactivated" : "product.deactivated", "service_product", product.id, { fields: ["isActive"], code: product.code, unitId });
      }
      return { ok: true, intent: input.intent, productId: product.id } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "code_taken" };
    throw error;
  }
}
