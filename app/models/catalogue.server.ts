import type { DbClient } from "~/services/db-types.server";
import type { Locale } from "~/services/i18n";

/** Figures for the home page: how many units and products a citizen can choose from. */
export async function getCatalogueSummary(db: DbClient): Promise<{ units: number; products: number; hasDemoData: boolean }> {
  const [units, products, demoUnit] = await Promise.all([
    db.serviceUnit.count({ where: { isActive: true } }),
    db.serviceProduct.count({ where: { isActive: true } }),
    db.user.findFirst({ where: { isDemo: true }, select: { id: true } }),
  ]);
  return { units, products, hasDemoData: demoUnit !== null };
}

export interface FormOptions {
  units: { id: string; name: string; products: { id: string; label: string }[] }[];
  kecamatan: { code: string; name: string; kelurahan: { code: string; name: string }[] }[];
}

/**
 * What the complaint form offers: units with their products, and the city's regions. Product names
 * come in the visitor's language only: the list is carried twice in every /lapor page (the markup
 * and the data React hydrates from), on citizens' phones.
 */
export async function getComplaintFormOptions(db: DbClient, locale: Locale): Promise<FormOptions> {
  const [units, regions] = await Promise.all([
    db.serviceUnit.findMany({
      where: { isActive: true, products: { some: { isActive: true } } },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        products: { where: { isActive: true }, orderBy: { name: "asc" }, select: { id: true, name: true, nameEn: true } },
      },
    }),
    db.region.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true, kind: true, parentCode: true } }),
  ]);
  const kecamatan = regions
    .filter((r) => r.kind === "KECAMATAN")
    .map((k) => ({
      code: k.code,
      name: k.name,
      kelurahan: regions.filter((r) => r.parentCode === k.code).map((r) => ({ code: r.code, name: r.name })),
    }));
  const collator = new Intl.Collator(locale);
  return {
    units: units.map((unit) => ({
      id: unit.id,
      name: unit.name,
      products: unit.products.map((p) => ({ id: p.id, label: locale === "en" ? p.nameEn : p.name })).sort((a, b) => collator.compare(a.label, b.label)),
    })),
    kecamatan,
  };
}
