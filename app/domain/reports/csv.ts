// CSV for the report exports: RFC 4180 quoting, CRLF, a BOM so spreadsheet programs read UTF-8,
// and cells that start like a formula neutralised (CSV injection: a unit name such as "=HYPERLINK(…)"
// must stay text when a liaison opens the file).
import { stringify, type Options } from "csv-stringify/sync";

type Cell = string | number | boolean | null | undefined;

// Only text is neutralised: a negative number is a number, not a formula. csv-stringify's own
// `escape_formulas` is not used because it prefixes after deciding on quotes, and we want the
// neutralised cell quoted.
const FORMULA_START = /^[=+\-@\t\r]/;

const OPTIONS: Options = {
  record_delimiter: "windows",
  // Given an explicit record delimiter, csv-stringify stops quoting a lone LF or CR inside a cell,
  // which would split a multi-line description into rows in a CRLF file.
  quote_record_delimiter: true,
  // Every cell holding an apostrophe is quoted, the neutralised ones included.
  quoted_match: /'/,
  cast: {
    string: (text) => (FORMULA_START.test(text) ? `'${text}` : text),
    // The library's defaults write NaN as "NaN" and booleans as "1"/"".
    number: (value) => (Number.isFinite(value) ? String(value) : ""),
    boolean: (value) => String(value),
  },
};

export function csvCell(value: Cell): string {
  return stringify([[value]], OPTIONS).slice(0, -"\r\n".length);
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return stringify([header, ...rows] as Cell[][], { ...OPTIONS, bom: true });
}
