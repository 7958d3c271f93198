/**
 * Hari libur nasional dan cuti bersama 2025–2027 (SKB Menteri Agama, Menteri
 * Ketenagakerjaan, dan Menteri PANRB). Tanggal yang jatuh pada Sabtu/Minggu
 * tetap dicantumkan bila SKB mencantumkannya.
 *
 * Ringkasan:
 * - 2025: 17 libur nasional + 11 cuti bersama (10 dari SKB awal + 18 Agustus 2025
 *   dari SKB perubahan No. 933/2025, 1/2025, 3/2025).
 * - 2026: 17 libur nasional + 8 cuti bersama (Idulfitri 21–22 Maret dihitung dua hari).
 * - 2027: 18 libur nasional + 8 cuti bersama (Isra Mikraj jatuh dua kali: 5 Jan dan
 *   26 Des 2027).
 *
 * Catatan 2027: SKB No. 1205/2026, 3/2026, 2/2026 (ditetapkan 15 Sep 2026) belum
 * dibaca langsung; isi daftar diambil dari beberapa salinan publik yang saling
 * cocok (lihat README.md). `confirmed: true` berarti tanggal berasal dari SKB,
 * bukan perkiraan kalender. SKB juga menyatakan tanggal 1 Ramadan, Idulfitri, dan
 * Iduladha dapat ditetapkan ulang oleh Keputusan Menteri Agama (sidang isbat).
 */

export type HolidayKind = "NATIONAL" | "CUTI_BERSAMA";

export interface HolidaySeed {
  date: string /* YYYY-MM-DD */;
  kind: HolidayKind;
  name: string;
  nameEn: string;
  source: string;
  sourceUrl: string;
  confirmed: boolean;
}

const SKB_2025 = "SKB 3 Menteri No. 1017/2024, 2/2024, 2/2024";
const SKB_2025_URL = "https://menpan.go.id/site/berita-foto/penandatanganan-skb-hari-libur-nasional-dan-cuti-bersama-2025";
const SKB_2025_AMEND =
  "SKB 3 Menteri No. 933/2025, 1/2025, 3/2025 (perubahan atas SKB No. 1017/2024, 2/2024, 2/2024)";
const SKB_2025_AMEND_URL =
  "https://fajar.co.id/2025/08/08/presiden-prabowo-resmi-tetapkan-18-agustus-sebagai-cuti-bersama-nasional/";
const SKB_2026 = "SKB 3 Menteri No. 1497/2025, 2/2025, 5/2025";
const SKB_2026_URL =
  "https://www.kemenkopmk.go.id/sites/default/files/pengumuman/2025-09/SKB%20Libur%20Nasional%20dan%20Cuti%20Bersama%20Tahun%202026.pdf";
const SKB_2027 = "SKB 3 Menteri No. 1205/2026, 3/2026, 2/2026";
const SKB_2027_URL =
  "https://www.kemenkopmk.go.id/sites/default/files/pengumuman/2026-09/SKB%20Libur%20Nasional%20dan%20Cuti%20Bersama%20Tahun%202027.pdf";

function h2025(date: string, kind: HolidayKind, name: string, nameEn: string): HolidaySeed {
  return { date, kind, name, nameEn, source: SKB_2025, sourceUrl: SKB_2025_URL, confirmed: true };
}
function h2026(date: string, kind: HolidayKind, name: string, nameEn: string): HolidaySeed {
  return { date, kind, name, nameEn, source: SKB_2026, sourceUrl: SKB_2026_URL, confirmed: true };
}
function h2027(date: string, kind: HolidayKind, name: string, nameEn: string): HolidaySeed {
  return { date, kind, name, nameEn, source: SKB_2027, sourceUrl: SKB_2027_URL, confirmed: true };
}

const N: HolidayKind = "NATIONAL";
const C: HolidayKind = "CUTI_BERSAMA";

export const HOLIDAYS: HolidaySeed[] = [
  // ═════════════════════════════ 2025 ═════════════════════════════
  h2025("2025-01-01", N, "Tahun Baru 2025 Masehi", "New Year's Day 2025"),
  h2025("2025-01-27", N, "Isra Mikraj Nabi Muhammad S.A.W.", "Isra Mi'raj of the Prophet Muhammad"),
  h2025("2025-01-28", C, "Cuti Bersama Tahun Baru Imlek 2576 Kongzili", "Collective leave for Chinese New Year 2576"),
  h2025("2025-01-29", N, "Tahun Baru Imlek 2576 Kongzili", "Chinese New Year 2576"),
  h2025("2025-03-28", C, "Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1947)", "Collective leave for Nyepi (Saka New Year 1947)"),
  h2025("2025-03-29", N, "Hari Suci Nyepi (Tahun Baru Saka 1947)", "Nyepi, Day of Silence (Saka New Year 1947)"),
  h2025("2025-03-31", N, "Idulfitri 1446 Hijriah", "Eid al-Fitr 1446 AH (day 1)"),
  h2025("2025-04-01", N, "Idulfitri 1446 Hijriah", "Eid al-Fitr 1446 AH (day 2)"),
  h2025("2025-04-02", C, "Cuti Bersama Idulfitri 1446 Hijriah", "Collective leave for Eid al-Fitr 1446 AH"),
  h2025("2025-04-03", C, "Cuti Bersama Idulfitri 1446 Hijriah", "Collective leave for Eid al-Fitr 1446 AH"),
  h2025("2025-04-04", C, "Cuti Bersama Idulfitri 1446 Hijriah", "Collective leave for Eid al-Fitr 1446 AH"),
  h2025("2025-04-07", C, "Cuti Bersama Idulfitri 1446 Hijriah", "Collective leave for Eid al-Fitr 1446 AH"),
  h2025("2025-04-18", N, "Wafat Yesus Kristus", "Good Friday"),
  h2025("2025-04-20", N, "Kebangkitan Yesus Kristus (Paskah)", "Easter Sunday"),
  h2025("2025-05-01", N, "Hari Buruh Internasional", "International Labour Day"),
  h2025("2025-05-12", N, "Hari Raya Waisak 2569 BE", "Vesak Day 2569 BE"),
  h2025("2025-05-13", C, "Cuti Bersama Hari Raya Waisak 2569 BE", "Collective leave for Vesak Day"),
  h2025("2025-05-29", N, "Kenaikan Yesus Kristus", "Ascension of Jesus Christ"),
  h2025("2025-05-30", C, "Cuti Bersama Kenaikan Yesus Kristus", "Collective leave for Ascension Day"),
  h2025("2025-06-01", N, "Hari Lahir Pancasila", "Pancasila Day"),
  h2025("2025-06-06", N, "Iduladha 1446 Hijriah", "Eid al-Adha 1446 AH"),
  h2025("2025-06-09", C, "Cuti Bersama Iduladha 1446 Hijriah", "Collective leave for Eid al-Adha 1446 AH"),
  h2025("2025-06-27", N, "1 Muharam Tahun Baru Islam 1447 Hijriah", "Islamic New Year 1447 AH"),
  h2025("2025-08-17", N, "Proklamasi Kemerdekaan", "Independence Day"),
  {
    date: "2025-08-18",
    kind: C,
    name: "Cuti Bersama Proklamasi Kemerdekaan (HUT ke-80 RI)",
    nameEn: "Collective leave for the 80th Independence Day",
    source: SKB_2025_AMEND,
    sourceUrl: SKB_2025_AMEND_URL,
    confirmed: true,
  },
  h2025("2025-09-05", N, "Maulid Nabi Muhammad S.A.W.", "Birthday of the Prophet Muhammad"),
  h2025("2025-12-25", N, "Kelahiran Yesus Kristus", "Christmas Day"),
  h2025("2025-12-26", C, "Cuti Bersama Kelahiran Yesus Kristus", "Collective leave for Christmas"),

  // ═════════════════════════════ 2026 ═════════════════════════════
  h2026("2026-01-01", N, "Tahun Baru 2026 Masehi", "New Year's Day 2026"),
  h2026("2026-01-16", N, "Isra Mikraj Nabi Muhammad S.A.W.", "Isra Mi'raj of the Prophet Muhammad"),
  h2026("2026-02-16", C, "Cuti Bersama Tahun Baru Imlek 2577 Kongzili", "Collective leave for Chinese New Year 2577"),
  h2026("2026-02-17", N, "Tahun Baru Imlek 2577 Kongzili", "Chinese New Year 2577"),
  h2026("2026-03-18", C, "Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)", "Collective leave for Nyepi (Saka New Year 1948)"),
  h2026("2026-03-19", N, "Hari Suci Nyepi (Tahun Baru Saka 1948)", "Nyepi, Day of Silence (Saka New Year 1948)"),
  h2026("2026-03-20", C, "Cuti Bersama Idulfitri 1447 Hijriah", "Collective leave for Eid al-Fitr 1447 AH"),
  h2026("2026-03-21", N, "Idulfitri 1447 Hijriah", "Eid al-Fitr 1447 AH (day 1)"),
  h2026("2026-03-22", N, "Idulfitri 1447 Hijriah", "Eid al-Fitr 1447 AH (day 2)"),
  h2026("2026-03-23", C, "Cuti Bersama Idulfitri 1447 Hijriah", "Collective leave for Eid al-Fitr 1447 AH"),
  h2026("2026-03-24", C, "Cuti Bersama Idulfitri 1447 Hijriah", "Collective leave for Eid al-Fitr 1447 AH"),
  h2026("2026-04-03", N, "Wafat Yesus Kristus", "Good Friday"),
  h2026("2026-04-05", N, "Kebangkitan Yesus Kristus (Paskah)", "Easter Sunday"),
  h2026("2026-05-01", N, "Hari Buruh Internasional", "International Labour Day"),
  h2026("2026-05-14", N, "Kenaikan Yesus Kristus", "Ascension of Jesus Christ"),
  h2026("2026-05-15", C, "Cuti Bersama Kenaikan Yesus Kristus", "Collective leave for Ascension Day"),
  h2026("2026-05-27", N, "Iduladha 1447 Hijriah", "Eid al-Adha 1447 AH"),
  h2026("2026-05-28", C, "Cuti Bersama Iduladha 1447 Hijriah", "Collective leave for Eid al-Adha 1447 AH"),
  h2026("2026-05-31", N, "Hari Raya Waisak 2570 BE", "Vesak Day 2570 BE"),
  h2026("2026-06-01", N, "Hari Lahir Pancasila", "Pancasila Day"),
  h2026("2026-06-16", N, "1 Muharam Tahun Baru Islam 1448 Hijriah", "Islamic New Year 1448 AH"),
  h2026("2026-08-17", N, "Proklamasi Kemerdekaan", "Independence Day"),
  h2026("2026-08-25", N, "Maulid Nabi Muhammad S.A.W.", "Birthday of the Prophet Muhammad"),
  h2026("2026-12-24", C, "Cuti Bersama Kelahiran Yesus Kristus", "Collective leave for Christmas"),
  h2026("2026-12-25", N, "Kelahiran Yesus Kristus", "Christmas Day"),

  // ═════════════════════════════ 2027 ═════════════════════════════
  h2027("2027-01-01", N, "Tahun Baru 2027 Masehi", "New Year's Day 2027"),
  h2027("2027-01-05", N, "Isra Mikraj Nabi Muhammad S.A.W. (1448 Hijriah)", "Isra Mi'raj of the Prophet Muhammad (1448 AH)"),
  h2027("2027-02-05", C, "Cuti Bersama Tahun Baru Imlek 2578 Kongzili", "Collective leave for Chinese New Year 2578"),
  h2027("2027-02-06", N, "Tahun Baru Imlek 2578 Kongzili", "Chinese New Year 2578"),
  h2027("2027-03-08", N, "Hari Suci Nyepi (Tahun Baru Saka 1949)", "Nyepi, Day of Silence (Saka New Year 1949)"),
  h2027("2027-03-09", C, "Cuti Bersama Idulfitri 1448 Hijriah", "Collective leave for Eid al-Fitr 1448 AH"),
  h2027("2027-03-10", N, "Idulfitri 1448 Hijriah", "Eid al-Fitr 1448 AH (day 1)"),
  h2027("2027-03-11", N, "Idulfitri 1448 Hijriah", "Eid al-Fitr 1448 AH (day 2)"),
  h2027("2027-03-12", C, "Cuti Bersama Idulfitri 1448 Hijriah", "Collective leave for Eid al-Fitr 1448 AH"),
  h2027("2027-03-15", C, "Cuti Bersama Idulfitri 1448 Hijriah", "Collective leave for Eid al-Fitr 1448 AH"),
  h2027("2027-03-25", C, "Cuti Bersama Wafat Yesus Kristus", "Collective leave for Good Friday"),
  h2027("2027-03-26", N, "Wafat Yesus Kristus", "Good Friday"),
  h2027("2027-03-28", N, "Kebangkitan Yesus Kristus (Paskah)", "Easter Sunday"),
  h2027("2027-05-01", N, "Hari Buruh Internasional", "International Labour Day"),
  h2027("2027-05-06", N, "Kenaikan Yesus Kristus", "Ascension of Jesus Christ"),
  h2027("2027-05-17", N, "Iduladha 1448 Hijriah", "Eid al-Adha 1448 AH"),
  h2027("2027-05-18", C, "Cuti Bersama Iduladha 1448 Hijriah", "Collective leave for Eid al-Adha 1448 AH"),
  h2027("2027-05-19", C, "Cuti Bersama Hari Raya Waisak 2571 BE", "Collective leave for Vesak Day"),
  h2027("2027-05-20", N, "Hari Raya Waisak 2571 BE", "Vesak Day 2571 BE"),
  h2027("2027-06-01", N, "Hari Lahir Pancasila", "Pancasila Day"),
  h2027("2027-06-06", N, "1 Muharam Tahun Baru Islam 1449 Hijriah", "Islamic New Year 1449 AH"),
  h2027("2027-08-15", N, "Maulid Nabi Muhammad S.A.W.", "Birthday of the Prophet Muhammad"),
  h2027("2027-08-17", N, "Proklamasi Kemerdekaan", "Independence Day"),
  h2027("2027-12-24", C, "Cuti Bersama Kelahiran Yesus Kristus", "Collective leave for Christmas"),
  h2027("2027-12-25", N, "Kelahiran Yesus Kristus", "Christmas Day"),
  h2027("2027-12-26", N, "Isra Mikraj Nabi Muhammad S.A.W. (1449 Hijriah)", "Isra Mi'raj of the Prophet Muhammad (1449 AH)"),
];
