import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../tests/support/isolation";
import { AssessmentFormSchema } from "./assessment-form.server";
import { enterAssessment } from "./enter-assessment.server";

const database = useTestDatabase({ seed: true });
let actorUserId: string;
let dinsosId: string;
let ktpProduct: { id: string; unitId: string };

beforeAll(async () => {
  actorUserId = (await database.db.user.create({ data: { email: "penghubung.uji@example.test", name: "Penghubung Uji" } })).id;
  dinsosId = (await database.db.serviceUnit.findUniqueOrThrow({ where: { code: "DINSOS" } })).id;
  ktpProduct = await database.db.serviceProduct.findUniqueOrThrow({ where: { code: "DUKCAPIL-KTP-EL" }, select: { id: true, unitId: true } });
});

const form = (values: Record<string, string>) => AssessmentFormSchema.parse({ year: "2024", method: "DIMENSI_2022", source: "Rapor Ombudsman 2024", ...values });

describe("enterAssessment", () => {
  it("stores a unit result with its dimension scores and weights, the computed total and grade, and an audit row", async () => {
    const outcome = await enterAssessment(database.db, form({ scope: "UNIT", unitId: dinsosId, scoreINPUT: "70", scorePROSES: "60", scoreOUTPUT: "75", scorePENGADUAN: "65" }), { actorUserId });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const row = await database.db.complianceAssessment.findUniqueOrThrow({ where: { id: outcome.id }, include: { dimensions: true } });
    // 70×21.85 % + 60×32.37 % + 75×24.24 % + 65×21.54 % = 15.295 + 19.422 + 18.18 + 14.001 = 66.898 → 66.90 → C.
    expect(row).toMatchObject({ subjectKey: "UNIT:DINSOS", unitId: dinsosId, grade: "C", zone: "KUNING", confirmed: false });
    expect(row.totalScore?.toString()).toBe("66.9");
    expect(row.dimensions.map((d) => [d.dimension, d.score.toString(), d.weight?.toString()]).sort()).toEqual([
      ["INPUT", "70", "21.85"],
      ["OUTPUT", "75", "24.24"],
      ["PENGADUAN", "65", "21.54"],
      ["PROSES", "60", "32.37"],
    ]);
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { entity: "compliance_assessment", entityId: outcome.id } });
    expect(audit).toMatchObject({ action: "compliance_assessment.enter", actorUserId });
  });

  it("refuses a second result for the same year, method and subject unless asked to replace it", async () => {
    const again = await enterAssessment(database.db, form({ scope: "UNIT", unitId: dinsosId, totalScore: "80" }), { actorUserId });
    expect(again).toEqual({ ok: false, errors: { replace: "assessment.error.exists" } });
    const replaced = await enterAssessment(database.db, form({ scope: "UNIT", unitId: dinsosId, totalScore: "80", replace: "on" }), { actorUserId });
    expect(replaced).toMatchObject({ ok: true, replaced: true });
    const rows = await database.db.complianceAssessment.findMany({ where: { subjectKey: "UNIT:DINSOS", year: 2024 }, include: { dimensions: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.totalScore?.toString()).toBe("80");
    expect(rows[0]!.dimensions).toEqual([]);
  });

  it("a product result belongs to its unit; the city result to the city unit; unknown subjects are refused", async () => {
    const product = await enterAssessment(database.db, form({ scope: "PRODUCT", productId: ktpProduct.id, totalScore: "83,06" }), { actorUserId });
    expect(product.ok).toBe(true);
    const stored = await database.db.complianceAssessment.findFirstOrThrow({ where: { subjectKey: "PRODUCT:DUKCAPIL-KTP-EL", year: 2024 } });
    expect(stored).toMatchObject({ productId: ktpProduct.id, unitId: ktpProduct.unitId, grade: "B" });
    const city = await enterAssessment(database.db, form({ year: "2019", method: "ZONA_2013", scope: "CITY", totalScore: "82.05" }), { actorUserId });
    expect(city.ok).toBe(true);
    expect(await database.db.complianceAssessment.findFirstOrThrow({ where: { subjectKey: "CITY", year: 2019 } })).toMatchObject({ zone: "HIJAU", grade: null });
    const unknown = await enterAssessment(database.db, form({ scope: "UNIT", unitId: "00000000-0000-4000-8000-000000000000", totalScore: "70" }), { actorUserId });
    expect(unknown).toEqual({ ok: false, errors: { unitId: "assessment.error.unit" } });
  });
});
