// CSV import of Ombudsman assessment results: parse and check every row first, report each
// problem with its line and column, and hand over rows only when the whole file is clean — so a
// bad file never leaves half an import behind. Pure; the database step is in import-assessments.server.ts.
import { CsvError, parse } from "csv-parse/sync";
import { z } from "zod";
import { classifyScore, METHODS, weightedTotal, type AssessmentMethod, type Dimension } from "./methods";

export const ASSESSMENT_CSV_COLUMNS = [
  "year",
  "method",
  "scope",
  "subject_code",
  "total_score",
  "zone",
  "grade",
  "opinion_label",
  "without_maladministration",
  "input",
  "proses",
  "output",
  "pengaduan",
  "kepercayaan_masyarakat",
  "source",
  "source_url",
  "confirmed",
  "notes",
] as const;

export interface CsvProblem {
  line: number;
  column?: string;
  /** i18n key under "compliance.csv." with its variables. */
  key: string;
  vars?: Record<string, string | number>;
}

// Mixed line endings happen when a file is edited in more than one program; a quote inside an
// unquoted cell (`5" layar`) is kept as typed, as spreadsheet programs do; rows may be short.
const PARSE_OPTIONS = { bom: true, relax_quotes: true, relax_column_count: true, record_delimiter: ["\r\n", "\n", "\r"] };

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. Blank rows are dropped. */
export function parseCsv(text: string): { rows: string[][]; problems: CsvProblem[] } {
  const rows: string[][] = [];
  const problems: CsvProblem[] = [];
  try {
    // Collected as they are read, so the rows before an unclosed quote are still checked.
    parse(text, { ...PARSE_OPTIONS, on_record: (record: string[]) => void rows.push(record) });
  } catch (error) {
    // With the options above an unclosed quote is the only malformed input; anything else is a bug.
    if (!(error instanceof CsvError) || error.code !== "CSV_QUOTE_NOT_CLOSED") throw error;
    // The quote runs to the end of the file, so the problem is reported on its last line. Not
    // csv-parse's own count: it counts a CRLF inside quotes as two lines.
    problems.push({ line: text.split(/\r\n|\r|\n/).length, key: "compliance.csv.unclosedQuote" });
  }
  return { rows: rows.filter((r) => r.some((cell) => cell.trim() !== "")), problems };
}

const optionalNumber = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : Number(v.replace(",", "."))))
  .refine((v) => v === undefined || (Number.isFinite(v) && v >= 0 && v <= 100), { message: "compliance.csv.score" });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "compliance.csv.tooLong" })
    .transform((v) => (v === "" ? undefined : v));
const yesNo = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ["", "ya", "tidak", "yes", "no", "true", "false", "1", "0"].includes(v), { message: "compliance.csv.yesNo" })
  .transform((v) => (v === "" ? undefined : ["ya", "yes", "true", "1"].includes(v)));

const RowSchema = z.object({
  year: z.coerce.number({ message: "compliance.csv.year" }).int({ message: "compliance.csv.year" }).min(2013, { message: "compliance.csv.year" }).max(2100, { message: "compliance.csv.year" }),
  method: z.enum(["ZONA_2013", "DIMENSI_2022", "OPINI_2025"], { message: "compliance.csv.method" }),
  scope: z.enum(["CITY", "UNIT", "PRODUCT"], { message: "compliance.csv.scope" }),
  subject_code: z.string().trim(),
  total_score: optionalNumber,
  zone: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => ["", "MERAH", "KUNING", "HIJAU"].includes(v), { message: "compliance.csv.zone" })
    .transform((v) => (v === "" ? undefined : (v as "MERAH" | "KUNING" | "HIJAU"))),
  grade: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => ["", "A", "B", "C", "D", "E"].includes(v), { message: "compliance.csv.grade" })
    .transform((v) => (v === "" ? undefined : v)),
  opinion_label: optionalText(120),
  without_maladministration: yesNo,
  input: optionalNumber,
  proses: optionalNumber,
  output: optionalNumber,
  pengaduan: optionalNumber,
  kepercayaan_masyarakat: optionalNumber,
  source: z.string().trim().min(3, { message: "compliance.csv.source" }).max(500, { message: "compliance.csv.tooLong" }),
  source_url: z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(z.url({ message: "compliance.csv.url" }).optional()),
  confirmed: yesNo,
  notes: optionalText(2000),
});

export interface AssessmentRow {
  line: number;
  year: number;
  method: AssessmentMethod;
  scope: "CITY" | "UNIT" | "PRODUCT";
  subjectCode: string;
  totalScore: number | null;
  zone: "MERAH" | "KUNING" | "HIJAU" | null;
  grade: string | null;
  opinionLabel: string | null;
  withoutMaladministration: boolean | null;
  dimensions: Partial<Record<Dimension, number>>;
  source: string;
  sourceUrl: string | null;
  confirmed: boolean;
  notes: string | null;
}

const DIMENSION_COLUMNS: Record<Dimension, (typeof ASSESSMENT_CSV_COLUMNS)[number]> = {
  INPUT: "input",
  PROSES: "proses",
  OUTPUT: "output",
  PENGADUAN: "pengaduan",
  KEPERCAYAAN_MASYARAKAT: "kepercayaan_masyarakat",
};

/** Every row checked; `rows` is empty whenever `problems` is not. */
export function readAssessmentCsv(text: string): { rows: AssessmentRow[]; problems: CsvProblem[] } {
  const parsed = parseCsv(text);
  const problems = [...parsed.problems];
  const [header, ...body] = parsed.rows;
  // A file whose first quote never closes has no rows to read, but it is not empty.
  if (!header) return { rows: [], problems: problems.length > 0 ? problems : [{ line: 1, key: "compliance.csv.empty" }] };
  const columns = header.map((h) => h.trim().toLowerCase());
  const missing = ASSESSMENT_CSV_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) return { rows: [], problems: [...problems, { line: 1, key: "compliance.csv.missingColumns", vars: { columns: missing.join(", ") } }] };

  const rows: AssessmentRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, index) => {
    const line = index + 2;
    const record = Object.fromEntries(ASSESSMENT_CSV_COLUMNS.map((c) => [c, cells[columns.indexOf(c)] ?? ""]));
    const result = RowSchema.safeParse(record);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ line, column: String(issue.path[0] ?? ""), key: issue.message.startsWith("compliance.") ? issue.message : "compliance.csv.invalid" });
      }
      return;
    }
    const r = result.data;
    const dimensions: Partial<Record<Dimension, number>> = {};
    for (const [dimension, column] of Object.entries(DIMENSION_COLUMNS) as [Dimension, keyof typeof r][]) {
      const value = r[column];
      if (typeof value === "number") {
        if (!(dimension in METHODS[r.method].weights)) problems.push({ line, column, key: "compliance.csv.dimensionNotInMethod", vars: { method: r.method } });
        else dimensions[dimension] = value;
      }
    }
    if (r.scope === "CITY" && r.subject_code !== "" && r.subject_code.toUpperCase() !== "CITY") problems.push({ line, column: "subject_code", key: "compliance.csv.citySubject" });
    if (r.scope !== "CITY" && r.subject_code === "") problems.push({ line, column: "subject_code", key: "compliance.csv.subjectRequired" });

    let total = r.total_score ?? null;
    const weighted = Object.keys(METHODS[r.method].weights).length;
    if (total === null && weighted > 0 && Object.keys(dimensions).length === weighted) total = weightedTotal(r.method, dimensions);
    if (total === null && !r.zone && !r.grade && !r.opinion_label) problems.push({ line, column: "total_score", key: "compliance.csv.noResult" });
    if (total !== null && METHODS[r.method].bandsConfirmed) {
      // Only confirmed bands can contradict a published zone or grade.
      const classified = classifyScore(r.method, total);
      if (r.zone && r.zone !== classified.zone) problems.push({ line, column: "zone", key: "compliance.csv.zoneMismatch", vars: { expected: classified.zone } });
    }
    const subjectKey = r.scope === "CITY" ? "CITY" : `${r.scope}:${r.subject_code}`;
    const key = `${r.year}|${r.method}|${subjectKey}`;
    if (seen.has(key)) problems.push({ line, key: "compliance.csv.duplicateRow", vars: { other: seen.get(key)! } });
    else seen.set(key, line);

    const derived = total !== null ? classifyScore(r.method, total) : null;
    rows.push({
      line,
      year: r.year,
      method: r.method,
      scope: r.scope,
      subjectCode: r.scope === "CITY" ? "CITY" : r.subject_code,
      totalScore: total,
      zone: r.zone ?? derived?.zone ?? null,
      grade: r.grade ?? (r.method === "ZONA_2013" ? null : (derived?.grade ?? null)),
      opinionLabel: r.opinion_label ?? null,
      withoutMaladministration: r.without_maladministration ?? null,
      dimensions,
      source: r.source,
      sourceUrl: r.source_url ?? null,
      confirmed: r.confirmed ?? false,
      notes: r.notes ?? null,
    });
  });
  return problems.length > 0 ? { rows: [], problems } : { rows, problems };
}
