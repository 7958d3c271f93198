// The CSV template for the assessment import: the columns readAssessmentCsv expects and one real
// row (the city's published 2023 result, DOMAIN.md §1.6) to show the format; importing it as-is
// only rewrites that published result.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ASSESSMENT_CSV_COLUMNS } from "~/domain/compliance/assessment-csv";
import { requireAssessmentReader } from "~/domain/compliance/access.server";

const EXAMPLE: Record<(typeof ASSESSMENT_CSV_COLUMNS)[number], string> = {
  year: "2023",
  method: "DIMENSI_2022",
  scope: "CITY",
  subject_code: "CITY",
  total_score: "91.70",
  zone: "HIJAU",
  grade: "A",
  opinion_label: "Kualitas Tertinggi",
  without_maladministration: "",
  input: "",
  proses: "",
  output: "",
  pengaduan: "",
  kepercayaan_masyarakat: "",
  source: "Warta Online, 4 Jan 2024",
  source_url: "https://wartaonline.co.id/2024/01/04/pemkot-pangkalpinang-raih-nilai-predikat-9170-zona-hijau-kualitas-tertinggi/",
  confirmed: "ya",
  notes: "",
};

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAssessmentReader(request);
  const lines = [ASSESSMENT_CSV_COLUMNS.join(","), ASSESSMENT_CSV_COLUMNS.map((c) => quote(EXAMPLE[c])).join(",")];
  // A BOM so spreadsheet programs read UTF-8; the importer strips it.
  return new Response(`\uFEFF${lines.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="templat-penilaian-kepatuhan.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
