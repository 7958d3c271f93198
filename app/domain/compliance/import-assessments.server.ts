// Writes a checked assessment CSV in one transaction: every row or none.
import type { Db } from "~/services/db.server";
import { METHODS, type Dimension } from "./methods";
import { readAssessmentCsv, type CsvProblem } from "./assessment-csv";

export type ImportOutcome = { ok: true; imported: number } | { ok: false; problems: CsvProblem[] };

export async function importAssessmentCsv(db: Db, text: string, { actorUserId }: { actorUserId?: string | null } = {}): Promise<ImportOutcome> {
  const { rows, problems } = readAssessmentCsv(text);
  if (problems.length > 0) return { ok: false, problems };

  // Subjects must exist before anything is written.
  const unitCodes = [...new Set(rows.filter((r) => r.scope === "UNIT").map((r) => r.subjectCode))];
  const productCodes = [...new Set(rows.filter((r) => r.scope === "PRODUCT").map((r) => r.subjectCode))];
  const [units, products, city] = await Promise.all([
    db.serviceUnit.findMany({ where: { code: { in: unitCodes } }, select: { id: true, code: true } }),
    db.serviceProduct.findMany({ where: { code: { in: productCodes } }, select: { id: true, code: true, unitId: true } }),
    db.serviceUnit.findFirst({ where: { kind: "CITY" }, select: { id: true } }),
  ]);
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const productByCode = new Map(products.map((p) => [p.code, p]));
  const missing: CsvProblem[] = [];
  for (const row of rows) {
    if (row.scope === "UNIT" && !unitByCode.has(row.subjectCode)) missing.push({ line: row.line, column: "subject_code", key: "compliance.csv.unknownUnit", vars: { code: row.subjectCode } });
    if (row.scope === "PRODUCT" && !productByCode.has(row.subjectCode)) missing.push({ line: row.line, column: "subject_code", key: "compliance.csv.unknownProduct", vars: { code: row.subjectCode } });
  }
  if (missing.length > 0) return { ok: false, problems: missing };

  await db.$transaction(async (tx) => {
    for (const row of rows) {
      const product = row.scope === "PRODUCT" ? productByCode.get(row.subjectCode)! : null;
      const unitId = row.scope === "UNIT" ? unitByCode.get(row.subjectCode)!.id : row.scope === "PRODUCT" ? product!.unitId : (city?.id ?? null);
      const subjectKey = row.scope === "CITY" ? "CITY" : `${row.scope}:${row.subjectCode}`;
      const data = {
        scope: row.scope,
        unitId,
        productId: product?.id ?? null,
        totalScore: row.totalScore,
        zone: row.zone,
        grade: row.grade,
        opinionLabel: row.opinionLabel,
        withoutMaladministration: row.withoutMaladministration,
        source: row.source,
        sourceUrl: row.sourceUrl,
        confirmed: row.confirmed,
        notes: row.notes,
      };
      const assessment = await tx.complianceAssessment.upsert({
        where: { year_method_subjectKey: { year: row.year, method: row.method, subjectKey } },
        create: { year: row.year, method: row.method, subjectKey, ...data },
        update: data,
        select: { id: true },
      });
      await tx.dimensionScore.deleteMany({ where: { assessmentId: assessment.id } });
      for (const [dimension, score] of Object.entries(row.dimensions) as [Dimension, number][]) {
        await tx.dimensionScore.create({ data: { assessmentId: assessment.id, dimension, score, weight: METHODS[row.method].weights[dimension] ?? null } });
      }
    }
    await tx.auditLog.create({ data: { actorUserId: actorUserId ?? null, action: "import", entity: "compliance_assessment", data: { rows: rows.length } } });
  });
  return { ok: true, imported: rows.length };
}
