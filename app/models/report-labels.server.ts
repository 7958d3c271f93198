// Names the reports print beside codes: maladministration forms and the 14 standard components.
import type { DbClient } from "~/services/db-types.server";
import type { Locale } from "~/services/i18n";

export interface ReportLabels {
  forms: Record<string, string>;
  components: Record<number, string>;
}

export async function loadReportLabels(db: DbClient, locale: Locale): Promise<ReportLabels> {
  const [forms, components] = await Promise.all([
    db.maladministrationForm.findMany({ select: { code: true, nameId: true, nameEn: true } }),
    db.serviceStandardComponent.findMany({ select: { number: true, nameId: true, nameEn: true } }),
  ]);
  return {
    forms: Object.fromEntries(forms.map((f) => [f.code, locale === "en" ? f.nameEn : f.nameId])),
    components: Object.fromEntries(components.map((c) => [c.number, `${c.number}. ${locale === "en" ? c.nameEn : c.nameId}`])),
  };
}
