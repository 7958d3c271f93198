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
