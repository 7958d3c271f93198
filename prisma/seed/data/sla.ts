import { DEFAULT_OFFICE_HOURS } from "~/domain/calendar/working-time";

/**
 * Default SLA policy and office hours: every target is data with its source (DOMAIN.md §0, §3.3,
 * §4.1), editable by an admin. "[U]" marks values no regulation we found confirms.
 */
export const DEFAULT_CALENDAR = {
  code: "PEMKOT-DEFAULT",
  name: "Jam kerja Pemkot Pangkalpinang (Senin–Jumat)",
  timezone: "Asia/Jakarta",
  weeklyHours: DEFAULT_OFFICE_HOURS,
  observesCutiBersama: true,
  source:
    "Perpres 21/2023 (5 hari kerja Senin–Jumat, 37,5 jam/minggu, masuk 07.30) — https://setneg.go.id/baca/index/pemerintah_terbitkan_aturan_flexible_working_arrangement_bagi_asn; jam pulang 16.00/16.30 default DESIGN.md; cuti bersama dihitung hari libur (DOMAIN.md §4.2 [U], dapat diubah per unit)",
};

export type SlaStageCode = "VERIFICATION" | "FIRST_RESPONSE" | "RESOLUTION" | "CITIZEN_REPLY" | "CONFIRMATION" | "APPEAL_REVIEW";
export type DurationUnitCode = "WORKING_DAYS" | "WORKING_HOURS" | "WORKING_MINUTES" | "CALENDAR_DAYS";

export const DEFAULT_SLA_POLICY = {
  code: "DEFAULT",
  name: "Kebijakan standar Pemkot Pangkalpinang",
  pauseStatuses: ["AWAITING_CITIZEN"] as const,
  reminderPercent: 75,
  source: "DOMAIN.md §0 and §3.3 (SP4N-LAPOR!), DESIGN.md workflow defaults",
  targets: [
    {
      stage: "VERIFICATION",
      amount: 3,
      unit: "WORKING_DAYS",
      source: "SP4N-LAPOR! FAQ: verifikasi admin ≤ 3 hari kerja — http://blog.lapor.go.id/index.php/338-frequently-asked-questions-faq-seputar-lapor",
    },
    {
      stage: "FIRST_RESPONSE",
      amount: 5,
      unit: "WORKING_DAYS",
      source: "SP4N-LAPOR!: instansi ≤ 5 hari kerja untuk koordinasi dan merumuskan tindak lanjut — https://appresoure.com/et/p/lapor.htm",
    },
    {
      stage: "RESOLUTION",
      amount: 60,
      unit: "CALENDAR_DAYS",
      source:
        "Perpres 76/2013: selesai ≤ 60 hari setelah berkas lengkap [P] — https://meridianhukum.com/peraturan/perpres-no-76-tahun-2013; " +
        "batas berakhir pada jam tutup kantor hari ke-60, atau hari kerja berikutnya bila hari itu libur [U] pilihan kota (ADR 029)",
    },
    {
      stage: "CITIZEN_REPLY",
      amount: 10,
      unit: "WORKING_DAYS",
      source: "[U] kebijakan kota: pengadu menjawab permintaan informasi dalam 10 hari kerja, lalu ditutup otomatis (DESIGN.md)",
    },
    {
      stage: "CONFIRMATION",
      amount: 10,
      unit: "WORKING_DAYS",
      source: "[U] DESIGN.md: ditutup bila pengadu diam 10 hari kerja setelah usulan penyelesaian",
    },
    {
      stage: "APPEAL_REVIEW",
      amount: 14,
      unit: "WORKING_DAYS",
      source: "[U] kebijakan kota: penghubung Ombudsman menelaah banding dalam 14 hari kerja (mengikuti standar kelurahan 'non-pengawasan ≤ 14 hari kerja', DOMAIN.md §3.3)",
    },
  ] satisfies { stage: SlaStageCode; amount: number; unit: DurationUnitCode; source: string }[],
};

export type PriorityCode = "LOW" | "NORMAL" | "HIGH" | "URGENT";

export interface SeedSlaPolicy {
  code: string;
  name: string;
  /** null: the default every complaint falls back to (NORMAL uses it; ADR 035). */
  priority: PriorityCode | null;
  pauseStatuses: readonly "AWAITING_CITIZEN"[];
  reminderPercent: number;
  escalationStepAmount: number;
  escalationStepUnit: DurationUnitCode;
  source: string;
  targets: { stage: SlaStageCode; amount: number; unit: DurationUnitCode; source: string }[];
}

const defaultTarget = (stage: SlaStageCode) => {
  const target = DEFAULT_SLA_POLICY.targets.find((t) => t.stage === stage);
  if (!target) throw new Error(`DEFAULT_SLA_POLICY has no ${stage} target`);
  return target;
};

/**
 * Stages a priority does not change: verification happens before anyone has judged the priority
 * (the coordinator sets it while verifying), and the citizen's and the liaison's windows are not
 * the unit's work, so an urgent complaint gives the citizen no less time to answer.
 */
const UNCHANGED_BY_PRIORITY = ["VERIFICATION", "CITIZEN_REPLY", "CONFIRMATION", "APPEAL_REVIEW"] as const;

const KELURAHAN_TIERS =
  "standar pengaduan yang dipublikasikan sebuah kelurahan di SIPPN: ringan ≤ 2 hari kerja, normatif ≤ 5, non-pengawasan ≤ 14, " +
  "perlu pemeriksaan ≤ 60 hari kerja [C] — https://sippn.menpan.go.id/pelayanan-publik/8304801/kelurahan-paria/pelayanan-surat-pengantar-skck (DOMAIN.md §3.3)";

/**
 * One policy per priority besides the default (ADR 035). NORMAL keeps DEFAULT; the three others
 * change only the unit's own clocks (first response, resolution) and the escalation step.
 * [C] = a published number, [P] = sources disagree, [U] = the city's choice, editable by an admin.
 */
export const PRIORITY_SLA_POLICIES: SeedSlaPolicy[] = [
  {
    code: "PRIORITAS-MENDESAK",
    name: "Prioritas mendesak",
    priority: "URGENT",
    pauseStatuses: ["AWAITING_CITIZEN"],
    reminderPercent: 75,
    escalationStepAmount: 1,
    escalationStepUnit: "WORKING_DAYS",
    source:
      "ADR 035: tingkat 'ringan ≤ 2 hari kerja' dari standar kelurahan [C] dipakai untuk pengaduan mendesak [U] pilihan kota; " +
      "eskalasi naik satu tingkat tiap 1 hari kerja [U]",
    targets: [
      ...UNCHANGED_BY_PRIORITY.map(defaultTarget),
      {
        stage: "FIRST_RESPONSE",
        amount: 1,
        unit: "WORKING_DAYS",
        source:
          "[U] kebijakan kota: tanggapan pertama 1 hari kerja, separuh dari batas penyelesaian 2 hari kerja; " +
          "di dalam batas SP4N-LAPOR! instansi ≤ 5 hari kerja [C] — https://appresoure.com/et/p/lapor.htm",
      },
      {
        stage: "RESOLUTION",
        amount: 2,
        unit: "WORKING_DAYS",
        source: `Tingkat 'ringan ≤ 2 hari kerja' [C], dipakai untuk prioritas mendesak [U] pilihan kota — ${KELURAHAN_TIERS}`,
      },
    ],
  },
  {
    code: "PRIORITAS-TINGGI",
    name: "Prioritas tinggi",
    priority: "HIGH",
    pauseStatuses: ["AWAITING_CITIZEN"],
    reminderPercent: 75,
    escalationStepAmount: 2,
    escalationStepUnit: "WORKING_DAYS",
    source: "ADR 035: tingkat 'normatif ≤ 5 hari kerja' dari standar kelurahan [C] dipakai untuk prioritas tinggi [U] pilihan kota",
    targets: [
      ...UNCHANGED_BY_PRIORITY.map(defaultTarget),
      {
        stage: "FIRST_RESPONSE",
        amount: 2,
        unit: "WORKING_DAYS",
        source:
          "[U] kebijakan kota: tanggapan pertama 2 hari kerja, sama dengan tingkat 'ringan ≤ 2 hari kerja' [C] standar kelurahan; " +
          "di dalam batas SP4N-LAPOR! instansi ≤ 5 hari kerja [C] — https://appresoure.com/et/p/lapor.htm",
      },
      {
        stage: "RESOLUTION",
        amount: 5,
        unit: "WORKING_DAYS",
        source: `Tingkat 'normatif ≤ 5 hari kerja' [C], dipakai untuk prioritas tinggi [U] pilihan kota — ${KELURAHAN_TIERS}`,
      },
    ],
  },
  {
    code: "PRIORITAS-RENDAH",
    name: "Prioritas rendah",
    priority: "LOW",
    pauseStatuses: ["AWAITING_CITIZEN"],
    reminderPercent: 75,
    escalationStepAmount: 2,
    escalationStepUnit: "WORKING_DAYS",
    source:
      "ADR 035: prioritas rendah tidak memberi waktu lebih dari batas yang berlaku untuk semua pengaduan; target sama dengan DEFAULT, " +
      "dipisah agar admin dapat mengubahnya tanpa mengubah prioritas normal",
    targets: [
      ...UNCHANGED_BY_PRIORITY.map(defaultTarget),
      {
        stage: "FIRST_RESPONSE",
        amount: 5,
        unit: "WORKING_DAYS",
        source: "SP4N-LAPOR!: instansi ≤ 5 hari kerja berlaku untuk setiap laporan, juga yang berprioritas rendah [C] — https://appresoure.com/et/p/lapor.htm",
      },
      {
        stage: "RESOLUTION",
        amount: 60,
        unit: "CALENDAR_DAYS",
        source:
          "Perpres 76/2013: selesai ≤ 60 hari setelah berkas lengkap [P] — https://meridianhukum.com/peraturan/perpres-no-76-tahun-2013; " +
          "batas atas untuk setiap pengaduan, maka tingkat 'perlu pemeriksaan ≤ 60 hari kerja' standar kelurahan (lebih panjang) tidak dipakai [U]",
      },
    ],
  },
];

/** Every policy the seed keeps: the default first, then one per priority. */
export const SEEDED_SLA_POLICIES: SeedSlaPolicy[] = [
  { ...DEFAULT_SLA_POLICY, priority: null, escalationStepAmount: 2, escalationStepUnit: "WORKING_DAYS" },
  ...PRIORITY_SLA_POLICIES,
];
