import { describe, expect, it } from "vitest";
import { toCsv } from "../reports/csv";
import { ASSESSMENT_CSV_COLUMNS, parseCsv, readAssessmentCsv } from "./assessment-csv";

const header = ASSESSMENT_CSV_COLUMNS.join(",");
const row = (cells: Partial<Record<(typeof ASSESSMENT_CSV_COLUMNS)[number], string>>) => ASSESSMENT_CSV_COLUMNS.map((c) => cells[c] ?? "").join(",");

describe("assessment CSV reader", () => {
  it("reads a quoted multi-line cell as one cell, whatever the file's line endings", () => {
    expect(parseCsv('code,notes\r\nA,"baris satu\r\nbaris dua"\r\nB,"x\ny"\nC,z\r').rows).toEqual([
      ["code", "notes"],
      ["A", "baris satu\r\nbaris dua"],
      ["B", "x\ny"],
      ["C", "z"],
    ]);
  });

  it("reads back what the report writer wrote, multi-line and neutralised cells included", () => {
    const cells = ["Dinas A", "baris satu\nbaris dua", 'kata "kutip", koma', "=1+1"];
    expect(parseCsv(toCsv(["a", "b", "c", "d"], [cells])).rows).toEqual([
      ["a", "b", "c", "d"],
      ["Dinas A", "baris satu\nbaris dua", 'kata "kutip", koma', "'=1+1"],
    ]);
  });

  it("strips the BOM and drops blank rows", () => {
    expect(parseCsv("\uFEFFa,b\n\n , \r\n1,2\n").rows).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("names the file's last line for a quote that never closes", () => {
    expect(parseCsv('a,b\r\n"x\r\ny,z\r\n').problems).toEqual([{ line: 4, key: "compliance.csv.unclosedQuote" }]);
    // The rows before the quote are still read (and checked by readAssessmentCsv).
    expect(parseCsv('a,b\n1,2\n3,"4').rows).toEqual([["a", "b"], ["1", "2"]]);
    expect(readAssessmentCsv('"').problems).toEqual([{ line: 1, key: "compliance.csv.unclosedQuote" }]);
  });

  it("keeps a multi-line note and counts a row's line by rows, as a spreadsheet shows them", () => {
    const csv = [
      header,
      row({ year: "2024", method: "DIMENSI_2022", scope: "CITY", total_score: "80", source: "Rapor 2024", notes: '"Catatan\nkedua baris"' }),
      row({ year: "2023", method: "DIMENSI_2022", scope: "CITY", total_score: "101", source: "Rapor 2023" }),
    ].join("\r\n");
    expect(readAssessmentCsv(csv).problems).toEqual([{ line: 3, column: "total_score", key: "compliance.csv.score" }]);
    const clean = readAssessmentCsv(csv.replace(",101,", ",79,"));
    expect(clean.problems).toEqual([]);
    expect(clean.rows.map((r) => [r.line, r.notes])).toEqual([
      [2, "Catatan\nkedua baris"],
      [3, null],
    ]);
  });
});
