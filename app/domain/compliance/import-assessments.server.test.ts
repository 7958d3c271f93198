import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../tests/support/isolation";
import { ASSESSMENT_CSV_COLUMNS, parseCsv } from "./assessment-csv";
import { importAssessmentCsv } from "./import-assessments.server";

const database = useTestDatabase({ seed: true });
const header = ASSESSMENT_CSV_COLUMNS.join(",");
const row = (cells: Partial<Record<(typeof ASSESSMENT_CSV_COLUMNS)[number], string>>) => ASSESSMENT_CSV_COLUMNS.map((c) => cells[c] ?? "").join(",");

describe("assessment CSV import", () => {
  it("imports a clean file, deriving totals and grades, with the dimension weights", async () => {
    const csv = [
      header,
      row({ year: "2024", method: "DIMENSI_2022", scope: "UNIT", subject_code: "DISDUKCAPIL", input: "90", proses: "95", output: "85", pengaduan: "80", source: '"Rapor Ombudsman, 2024"', confirmed: "ya" }),
      row({ year: "2024", method: "DIMENSI_2022", scope: "PRODUCT", subject_code: "DUKCAPIL-KTP-EL", total_score: '"83,06"', source: "Rapor 2024" }),
      row({ year: "2019", method: "ZONA_2013", scope: "CITY", total_score: "82.05", source: "Ombudsman 2019" }),
    ].join("\r\n");
    expect(await importAssessmentCsv(database.db, csv)).toEqual({ ok: true, imported: 3 });
    const unit = await database.db.complianceAssessment.findFirstOrThrow({ where: { subjectKey: "UNIT:DISDUKCAPIL", year: 2024 }, include: { dimensions: true } });
    // 90×21.85 % + 95×32.37 % + 85×24.24 % + 80×21.54 % = 19.665 + 30.7515 + 20.604 + 17.232 = 88.25 → A.
    expect(unit.totalScore?.toString()).toBe("88.25");
    expect(unit.grade).toBe("A");
    expect(unit.dimensions.map((d) => [d.dimension, d.weight?.toString()]).sort()).toEqual([["INPUT", "21.85"], ["OUTPUT", "24.24"], ["PENGADUAN", "21.54"], ["PROSES", "32.37"]]);
    const product = await database.db.complianceAssessment.findFirstOrThrow({ where: { subjectKey: "PRODUCT:DUKCAPIL-KTP-EL" } });
    expect(product).toMatchObject({ grade: "B", zone: "HIJAU", confirmed: false });
    const city = await database.db.complianceAssessment.findFirstOrThrow({ where: { subjectKey: "CITY", year: 2019 } });
    expect(city.zone).toBe("HIJAU");
  });

  it("rejects a file with one bad row without writing any row, naming each problem's line and column", async () => {
    const before = await database.db.complianceAssessment.count();
    const csv = [
      header,
      row({ year: "2025", method: "OPINI_2025", scope: "UNIT", subject_code: "DINKES", total_score: "85.04", source: "Ombudsman Babel" }),
      row({ year: "2025", method: "DIMENSI_2025", scope: "UNIT", subject_code: "DINSOS", total_score: "101", source: "x" }),
      row({ year: "2025", method: "OPINI_2025", scope: "UNIT", subject_code: "DINKES", total_score: "80", source: "Ombudsman Babel" }),
    ].join("\n");
    const outcome = await importAssessmentCsv(database.db, csv);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual(
      expect.arrayContaining([
        { line: 3, column: "method", key: "compliance.csv.method" },
        { line: 3, column: "total_score", key: "compliance.csv.score" },
        { line: 3, column: "source", key: "compliance.csv.source" },
        { line: 4, key: "compliance.csv.duplicateRow", vars: { other: 2 } },
      ]),
    );
    expect(await database.db.complianceAssessment.count()).toBe(before);
  });

  it("refuses unknown subjects and a zone that contradicts the confirmed bands", async () => {
    const before = await database.db.complianceAssessment.count();
    const unknown = await importAssessmentCsv(database.db, [header, row({ year: "2024", method: "DIMENSI_2022", scope: "UNIT", subject_code: "NOPE", total_score: "70", source: "test" })].join("\n"));
    expect(unknown).toEqual({ ok: false, problems: [{ line: 2, column: "subject_code", key: "compliance.csv.unknownUnit", vars: { code: "NOPE" } }] });
    const mismatch = await importAssessmentCsv(database.db, [header, row({ year: "2018", method: "ZONA_2013", scope: "CITY", total_score: "55.19", zone: "HIJAU", source: "test" })].join("\n"));
    expect(mismatch).toEqual({ ok: false, problems: [{ line: 2, column: "zone", key: "compliance.csv.zoneMismatch", vars: { expected: "KUNING" } }] });
    expect(await database.db.complianceAssessment.count()).toBe(before);
  });

  it("parses quoted fields with commas, quotes and line breaks", () => {
    expect(parseCsv('a,"b, ""c""\nd",e\r\n1,2,3').rows).toEqual([["a", 'b, "c"\nd', "e"], ["1", "2", "3"]]);
    expect(parseCsv('a,"b').problems).toEqual([{ line: 1, key: "compliance.csv.unclosedQuote" }]);
  });
});
