import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("report CSV", () => {
  it("quotes separators and quotes, and keeps numbers plain", () => {
    expect(csvCell('Dinas "A", Kota')).toBe('"Dinas ""A"", Kota"');
    expect(csvCell(12.5)).toBe("12.5");
    expect(csvCell(null)).toBe("");
    expect(toCsv(["a", "b"], [[1, "x"]])).toBe("\uFEFFa,b\r\n1,x\r\n");
  });

  it("turns a cell that looks like a formula into text", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+62 812")).toBe("\"'+62 812\"");
    expect(csvCell(-5)).toBe("-5");
  });

  it("quotes a cell with a line break, so a multi-line text stays one row", () => {
    expect(toCsv(["unit", "description"], [["Dinas A", "baris satu\nbaris dua"], ["Dinas B", "a\r\nb"], ["Dinas C", "c\rd"]])).toBe(
      '\uFEFFunit,description\r\nDinas A,"baris satu\nbaris dua"\r\nDinas B,"a\r\nb"\r\nDinas C,"c\rd"\r\n',
    );
  });

  it("neutralises formula cells in an exported file, header included, but not negative numbers", () => {
    expect(toCsv(["=unit", "score"], [["=cmd|' /C calc'!A0", -5], ["@SUM(A1)", 3], ["\tx", true], ["-1", Number.NaN]])).toBe(
      "\uFEFF\"'=unit\",score\r\n\"'=cmd|' /C calc'!A0\",-5\r\n\"'@SUM(A1)\",3\r\n\"'\tx\",true\r\n\"'-1\",\r\n",
    );
  });

  it("round-trips any text through a simple RFC 4180 reader", () => {
    const read = (cell: string) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);
    fc.assert(
      fc.property(fc.string(), (text) => {
        const cell = csvCell(text);
        const back = read(cell);
        return back === text || back === `'${text}`;
      }),
    );
  });
});
