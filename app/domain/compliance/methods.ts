// Ombudsman RI compliance-assessment methods as configuration: dimension weights and grade/zone
// bands, each with its source and whether the source confirms it (DOMAIN.md §1). Pure and
// client-safe; reports and the CSV import classify scores through these functions only.

export type AssessmentMethod = "ZONA_2013" | "DIMENSI_2022" | "OPINI_2025";
export type Zone = "MERAH" | "KUNING" | "HIJAU";
export type Dimension = "INPUT" | "PROSES" | "OUTPUT" | "PENGADUAN" | "KEPERCAYAAN_MASYARAKAT";

export interface Band {
  /** Inclusive lower bound, two decimals as the Ombudsman publishes scores. */
  min: number;
  max: number;
  zone: Zone;
  grade: string | null;
  label: string;
}

export interface MethodConfig {
  method: AssessmentMethod;
  /** Percent weights summing to 100; empty when the method publishes only a total. */
  weights: Partial<Record<Dimension, number>>;
  weightsSource: string;
  weightsConfirmed: boolean;
  bands: Band[];
  bandsSource: string;
  bandsConfirmed: boolean;
}

export const METHODS: Record<AssessmentMethod, MethodConfig> = {
  ZONA_2013: {
    method: "ZONA_2013",
    weights: {},
    weightsSource: "2013–2021: tangibility survey of the standard components, one total per unit (DOMAIN.md §1.1)",
    weightsConfirmed: true,
    bands: [
      { min: 81, max: 100, zone: "HIJAU", grade: null, label: "Kepatuhan Tinggi" },
      { min: 51, max: 80.99, zone: "KUNING", grade: null, label: "Kepatuhan Sedang" },
      { min: 0, max: 50.99, zone: "MERAH", grade: null, label: "Kepatuhan Rendah" },
    ],
    bandsSource: "[C] https://langgam.id/penilaian-pelayanan-publik-ombudsman-dharmasraya-dan-payakumbuh-zona-hijau-pemprov-sumbar-zona-kuning (2021 two-decimal bounds; DOMAIN.md §1.2)",
    bandsConfirmed: true,
  },
  DIMENSI_2022: {
    method: "DIMENSI_2022",
    weights: { INPUT: 21.85, PROSES: 32.37, OUTPUT: 24.24, PENGADUAN: 21.54 },
    weightsSource: "[C] Ombudsman 2023 evaluation material (Pemprov Jatim; Kendal workshop), DOMAIN.md §1.3",
    weightsConfirmed: true,
    bands: [
      { min: 88.01, max: 100, zone: "HIJAU", grade: "A", label: "Kualitas Tertinggi" },
      { min: 78.01, max: 88, zone: "HIJAU", grade: "B", label: "Kualitas Tinggi" },
      { min: 57.01, max: 78, zone: "KUNING", grade: "C", label: "Kualitas Sedang" },
      { min: 50.01, max: 57, zone: "MERAH", grade: "D", label: "Kualitas Rendah" },
      { min: 0, max: 50, zone: "MERAH", grade: "E", label: "Kualitas Terendah" },
    ],
    bandsSource:
      "[U] cut-offs recalled, not found in a source; consistent with every published score found (91.70 A, 92.72 A, 83.06 B, 80.27 B, 58.99 C, 58.03 C) — DOMAIN.md §1.4. Names and letters [C].",
    bandsConfirmed: false,
  },
  OPINI_2025: {
    method: "OPINI_2025",
    weights: { INPUT: 17.5, PROSES: 17.5, OUTPUT: 17.5, PENGADUAN: 17.5, KEPERCAYAAN_MASYARAKAT: 30 },
    weightsSource:
      "[C] the four dimensions together 70 %, public trust 30 % (Peraturan Ombudsman 61/2025; DOMAIN.md §1.5). [U] the split of the 70 % among the four is not published: equal shares until it is.",
    weightsConfirmed: false,
    bands: [
      { min: 88.01, max: 100, zone: "HIJAU", grade: "A", label: "Kualitas Tertinggi" },
      { min: 78.01, max: 88, zone: "HIJAU", grade: "B", label: "Kualitas Tinggi" },
      { min: 57.01, max: 78, zone: "KUNING", grade: "C", label: "Kualitas Sedang" },
      { min: 50.01, max: 57, zone: "MERAH", grade: "D", label: "Kualitas Rendah" },
      { min: 0, max: 50, zone: "MERAH", grade: "E", label: "Kualitas Terendah" },
    ],
    bandsSource:
      "[U] 2022–2024 cut-offs applied provisionally; consistent with 57.61 Sedang and 53.38 Rendah (2025, imalut.com). How Baik / Sangat Baik map to them is not stated (DOMAIN.md §1.5, §6).",
    bandsConfirmed: false,
  },
};

/** Scores are published with two decimals; compare on that grid so 50.995 does not fall between bands. */
const twoDecimals = (score: number) => Math.round(score * 100) / 100;

export interface Classification {
  zone: Zone;
  grade: string | null;
  label: string;
  /** Opinion label with the 2025 suffix when the entity followed up Ombudsman's products. */
  opinion: string;
  confirmed: boolean;
}

export function classifyScore(method: AssessmentMethod, score: number, { withoutMaladministration = false }: { withoutMaladministration?: boolean } = {}): Classification {
  if (!Number.isFinite(score) || score < 0 || score > 100) throw new RangeError(`score must be between 0 and 100, got ${score}`);
  const config = METHODS[method];
  const rounded = twoDecimals(score);
  // Bands tile the two-decimal grid without gaps (50.99 | 51.00), so a rounded score finds one.
  const band = config.bands.find((b) => rounded >= b.min && rounded <= b.max);
  if (!band) throw new Error(`no ${method} band for ${rounded}`);
  const opinion = method === "OPINI_2025" && withoutMaladministration ? `${band.label} Tanpa Maladministrasi` : band.label;
  return { zone: band.zone, grade: band.grade, label: band.label, opinion, confirmed: config.bandsConfirmed };
}

/** The weighted total of a method's dimension scores (each 0–100), rounded to two decimals. */
export function weightedTotal(method: AssessmentMethod, scores: Partial<Record<Dimension, number>>): number {
  const { weights } = METHODS[method];
  const dimensions = Object.keys(weights) as Dimension[];
  if (dimensions.length === 0) throw new Error(`${method} publishes a total only`);
  let total = 0;
  for (const dimension of dimensions) {
    const score = scores[dimension];
    if (score === undefined || !Number.isFinite(score) || score < 0 || score > 100) throw new RangeError(`${dimension} score missing or out of range`);
    total += (score * weights[dimension]!) / 100;
  }
  return twoDecimals(total);
}
