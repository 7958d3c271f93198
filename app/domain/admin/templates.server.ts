// Response templates per unit: canned answers staff pick on the complaint page to pre-fill a reply.
// ADMIN manages every unit's templates (manage:template:any); a UNIT_HEAD manages those of the units
// they hold the role in. Every change writes an AuditLog row (title and flags only: a body may
// quote nothing personal, but the log does not need it).
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { hasPermission, type UserLike } from "~/domain/auth/permissions";
import type { Db } from "~/services/db.server";
import type { DbClient } from "~/services/db-types.server";

import { TEMPLATE_LOCALES, type TemplateLocale } from "./form-options";

export { TEMPLATE_LOCALES, type TemplateLocale } from "./form-options";

const text = (max: number, required: string) =>
  z.string({ message: required }).trim().min(1, { message: required }).max(max, { message: "templates.error.tooLong" });
const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === "1", z.boolean());

export const TemplateFormSchema = z.object({
  title: text(200, "templates.error.titleRequired"),
  body: text(5000, "templates.error.bodyRequired"),
  locale: z.enum(TEMPLATE_LOCALES, { message: "templates.error.locale" }),
  isActive: checkbox,
});
export type TemplateFormInput = z.infer<typeof TemplateFormSchema>;

/** ADMIN: any unit. UNIT_HEAD: the units they hold that role in (not the units below them). */
export function canManageTemplates(user: UserLike, unitId: string): boolean {
  if (hasPermission(user, "manage:template:any")) return true;
  return user.memberships.some((m) => m.role === "UNIT_HEAD" && m.unitId === unitId);
}

/** Whether the user may open the template page at all (some unit to manage). */
export function managesAnyTemplates(user: UserLike): boolean {
  return hasPermission(user, "manage:template:any") || user.memberships.some((m) => m.role === "UNIT_HEAD");
}

export interface TemplateRow {
  id: string;
  title: string;
  body: string;
  locale: string;
  isActive: boolean;
  updatedAt: string;
}

export async function listTemplates(db: DbClient, unitId: string): Promise<TemplateRow[]> {
  const rows = await db.responseTemplate.findMany({
    where: { unitId },
    orderBy: [{ isActive: "desc" }, { title: "asc" }],
    select: { id: true, title: true, body: true, locale: true, isActive: true, updatedAt: true },
  });
  return rows.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() }));
}

/** Active templates of a unit, for the complaint page's "use template" chooser. */
export async function activeTemplates(db: DbClient, unitId: string): Promise<{ id: string; title: string; body: string; locale: string }[]> {
  return db.responseTemplate.findMany({
    where: { unitId, isActive: true },
    orderBy: { title: "asc" },
    select: { id: true, title: true, body: true, locale: true },
  });
}

export type TemplateOutcome = { ok: true; id: string } | { ok: false; reason: "not_found" };

async function audit(db: DbClient, actorUserId: string, action: string, entityId: string, data: Prisma.InputJsonObject) {
  await db.auditLog.create({ data: { actorUserId, action, entity: "response_template", entityId, data } });
}

/** Creates (`id` null) or updates one of the unit's templates; a template of another unit is not found. */
export async function saveTemplate(
  db: Db,
  { unitId, id, input, actorUserId }: { unitId: string; id: string | null; input: TemplateFormInput; actorUserId: string },
): Promise<TemplateOutcome> {
  return db.$transaction(async (tx) => {
    if (id === null) {
      const row = await tx.responseTemplate.create({ data: { unitId, ...input }, select: { id: true } });
      await audit(tx, actorUserId, "template.create", row.id, { unitId, title: input.title, locale: input.locale, isActive: input.isActive });
      return { ok: true, id: row.id };
    }
    const before = await tx.responseTemplate.findFirst({ where: { id, unitId } });
    if (!before) return { ok: false, reason: "not_found" };
    await tx.responseTemplate.update({ where: { id }, data: input });
    const changed = (["title", "body", "locale", "isActive"] as const).filter((key) => before[key] !== input[key]);
    await audit(tx, actorUserId, "template.update", id, { unitId, changed: [...changed], title: input.title, isActive: input.isActive });
    return { ok: true, id };
  });
}
