// The admin page of one service unit and its products (/staf/admin/unit/:id, or "baru" for a new
// unit): what it shows, and what a posted form comes to.
import {
  changeProduct,
  getUnitForEdit,
  listUnitTree,
  PRODUCT_INTENTS,
  ProductActionSchema,
  saveUnit,
  subtreeIds,
  UnitFormSchema,
  unitRefusalField,
  type ProductIntent,
} from "~/domain/admin/units.server";
import type { Db } from "~/services/db.server";
import { firstIssuePerField } from "~/services/form-errors";

export type UnitFormIntent = "save" | ProductIntent;
export type UnitActionData = { intent: UnitFormIntent | null; productId?: string; errors: Record<string, string>; values: Record<string, string> };
export type UnitPage = NonNullable<Awaited<ReturnType<typeof loadUnitPage>>>;

/** `id` null is the new-unit form; null back when there is no such unit. */
export async function loadUnitPage(db: Db, id: string | null) {
  const unit = id ? await getUnitForEdit(db, id) : null;
  if (id && !unit) return null;
  const tree = await listUnitTree(db);
  // The unit itself and the units below it cannot be its parent (the server refuses them too).
  const excluded = id ? subtreeIds(tree, id) : new Set<string>();
  const parents = tree.filter((row) => !excluded.has(row.id)).map((row) => ({ id: row.id, label: `${"— ".repeat(row.depth)}${row.name} (${row.code})` }));
  return { unit, parents };
}

const isProductIntent = (value: unknown): value is ProductIntent => typeof value === "string" && (PRODUCT_INTENTS as readonly string[]).includes(value);

export type UnitActionResult =
  | { kind: "refused"; status: number; data: UnitActionData }
  | { kind: "not_found" }
  | { kind: "done"; to: string };

export async function actOnUnit(db: Db, id: string | null, values: Record<string, string>, context: { actorUserId: string }): Promise<UnitActionResult> {
  const intent: UnitFormIntent | null = values.intent === "save" ? "save" : isProductIntent(values.intent) ? values.intent : null;
  const productId = values.productId;
  const fail = (errors: Record<string, string>, status: number): UnitActionResult => ({ kind: "refused", status, data: { intent, productId, errors, values } });

  if (intent === "save") {
    const parsed = UnitFormSchema.safeParse(values);
    if (!parsed.success) return fail(firstIssuePerField(parsed.error) as Record<string, string>, 400);
    const outcome = await saveUnit(db, id, parsed.data, context);
    if (!outcome.ok) {
      if (outcome.reason === "not_found") return { kind: "not_found" };
      return fail({ [unitRefusalField(outcome.reason)]: `admin.refusal.${outcome.reason}` }, outcome.reason === "code_taken" ? 409 : 400);
    }
    const done = outcome.created ? "created" : outcome.changed.length > 0 ? "saved" : "unchanged";
    return { kind: "done", to: `/staf/admin/unit/${outcome.id}?selesai=${done}` };
  }
  if (intent === null || id === null) return fail({ form: "form.error.invalid" }, 400);
  const parsed = ProductActionSchema.safeParse(values);
  if (!parsed.success) return fail(firstIssuePerField(parsed.error) as Record<string, string>, 400);
  const outcome = await changeProduct(db, id, parsed.data, context);
  if (!outcome.ok) {
    if (outcome.reason === "not_found") return fail({ form: "admin.refusal.not_found" }, 404);
    return fail({ code: "admin.refusal.code_taken" }, 409);
  }
  return { kind: "done", to: `/staf/admin/unit/${id}?selesai=${outcome.intent}#produk` };
}
