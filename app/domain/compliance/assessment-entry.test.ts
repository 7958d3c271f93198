import { describe, expect, it } from "vitest";
import { computeAssessmentResult, dimensionsOf } from "./assessment-entry";
import { AssessmentFormSchema } from "./assessment-form.server";

const base = { year: "2024", method: "DIMENSI_2022", scope: "CITY", source: "Rapor Ombudsman 2024" };
const errorsOf = (values: Record<string, string>) => {
  const parsed = AssessmentFormSchema.safeParse(values);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("assessment entry", () => {
  it("computes the weighted total and grade from the four 2022 dimensions (comma decimals accepted)", () => {
    const parsed = AssessmentFormSchema.parse({ ...base, scoreINPUT: "90", scorePROSES: "95", scoreOUTPUT: "85", scorePENGADUAN: "80" });
    const result = computeAssessmentResult(parsed.method, dimensionsOf(parsed), parsed.totalScore);
    // 90×21.85 % + 95×32.37 % + 85×24.24 % + 80×21.54 % = 88.2525 → 88.25 → A (the CSV import's own example).
    expect(result).toMatchObject({ computedTotal: 88.25, total: 88.25, differs: false, classification: { grade: "A", zone: "HIJAU" } });
    expect(AssessmentFormSchema.parse({ ...base, totalScore: "83,06" }).totalScore).toBe(83.06);
  });

  it("keeps the published total when given, and says when it differs from the computed one", () => {
    const parsed = AssessmentFormSchema.parse({ ...base, scoreINPUT: "90", scorePROSES: "95", scoreOUTPUT: "85", scorePENGADUAN: "80", totalScore: "87.90" });
    const result = computeAssessmentResult(parsed.method, dimensionsOf(parsed), parsed.totalScore);
    expect(result).toMatchObject({ computedTotal: 88.25, total: 87.9, differs: true, classification: { grade: "B" } });
    const same = computeAssessmentResult("DIMENSI_2022", { INPUT: 90, PROSES: 95, OUTPUT: 85, PENGADUAN: 80 }, 88.25);
    expect(same.differs).toBe(false);
  });

  it("zone method: a total only; 2025 opinion carries the 'Tanpa Maladministrasi' suffix when ticked", () => {
    expect(computeAssessmentResult("ZONA_2013", {}, 55.19).classification).toMatchObject({ zone: "KUNING", grade: null });
    const opinion = computeAssessmentResult("OPINI_2025", { INPUT: 90, PROSES: 90, OUTPUT: 90, PENGADUAN: 90, KEPERCAYAAN_MASYARAKAT: 90 }, null, { withoutMaladministration: true });
    expect(opinion.total).toBe(90);
    expect(opinion.classification.opinion).toBe("Kualitas Tertinggi Tanpa Maladministrasi");
  });

  it("refuses what cannot be computed or does not fit the method, field by field", () => {
    expect(errorsOf({ ...base, scoreINPUT: "90" })).toEqual({
      scorePROSES: "assessment.error.dimensionMissing",
      scoreOUTPUT: "assessment.error.dimensionMissing",
      scorePENGADUAN: "assessment.error.dimensionMissing",
    });
    expect(errorsOf({ ...base, method: "ZONA_2013" })).toEqual({ totalScore: "assessment.error.totalRequired" });
    expect(errorsOf({ ...base, totalScore: "80", scoreKEPERCAYAAN_MASYARAKAT: "70" })).toEqual({ scoreKEPERCAYAAN_MASYARAKAT: "assessment.error.dimensionNotInMethod" });
    expect(errorsOf({ ...base, scope: "UNIT", totalScore: "80" })).toEqual({ unitId: "assessment.error.unitRequired" });
    expect(errorsOf({ ...base, scope: "PRODUCT", totalScore: "80" })).toEqual({ productId: "assessment.error.productRequired" });
    expect(errorsOf({ ...base, totalScore: "101", source: "" })).toMatchObject({ totalScore: "assessment.error.score", source: "assessment.error.source" });
    expect(errorsOf({ ...base, totalScore: "abc", year: "1999" })).toMatchObject({ totalScore: "assessment.error.score", year: "assessment.error.year" });
  });
});
