import type { DbClient } from "~/services/db-types.server";

/** Figures for the home page: how many units and products a citizen can choose from. */
export async function getCatalogueSummary(db: DbClient): Promise<{ units: number; products: number; hasDemoData: boolean }> {
  const [units, products, demoUnit] = await Promise.all([
    db.serviceUnit.count({ where: { isActive: true } }),
    db.serviceProduct.count({ where: { isActive: true } }),
    db.user.findFirst({ where: { isDemo: true }, select: { id: true } }),
  ]);
  return { units, products, hasDemoData: demoUnit !== null };
}
