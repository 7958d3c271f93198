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
