/**
 * Unit layanan Pemerintah Kota Pangkalpinang untuk seed "Lapor Pangkalpinang".
 *
 * - Email semuanya alamat demo `<code-lowercase>@demo.lapor-pangkalpinang.invalid`
 *   (TLD .invalid: tidak akan pernah terkirim ke kotak surat sungguhan).
 * - Nama OPD diverifikasi dari pemberitaan 2023–2026 (lihat README.md di folder ini);
 *   yang belum pasti diberi komentar "UNVERIFIED".
 * - `saturdayService` sengaja tidak diisi di mana pun: tidak ada sumber yang
 *   ditemukan yang menyebut layanan hari Sabtu untuk unit Pemkot Pangkalpinang
 *   (Puskesmas Air Itam adalah puskesmas rawat inap, tetapi sumbernya tidak
 *   menyebut jam layanan Sabtu).
 * - Kecamatan/kelurahan dibangkitkan dari regions.ts (kode Kemendagri).
 */

export type UnitKind =
  | "CITY"
  | "OPD"
  | "KECAMATAN"
  | "KELURAHAN"
  | "PUSKESMAS"
  | "HOSPITAL"
  | "INSPECTORATE"
  | "COORDINATOR";

export interface UnitSeed {
  code: string;
  kind: UnitKind;
  name: string;
  shortName: string;
  parentCode: string | null;
  email: string;
  regionCode?: string;
  saturdayService?: boolean;
}

export const UNITS: UnitSeed[] = [
  // ── Root ────────────────────────────────────────────────────────────────
  { code: "PKP", kind: "CITY", name: "Pemerintah Kota Pangkalpinang", shortName: "Pemkot Pangkalpinang", parentCode: null, email: "pkp@demo.lapor-pangkalpinang.invalid", regionCode: "19.71" },

  // ── Pengawasan ──────────────────────────────────────────────────────────
  { code: "INSPEKTORAT", kind: "INSPECTORATE", name: "Inspektorat Kota Pangkalpinang", shortName: "Inspektorat", parentCode: "PKP", email: "inspektorat@demo.lapor-pangkalpinang.invalid" },

  // ── Organisasi Perangkat Daerah (OPD) ───────────────────────────────────
  { code: "DISKOMINFO", kind: "OPD", name: "Dinas Komunikasi dan Informatika Kota Pangkalpinang", shortName: "Diskominfo", parentCode: "PKP", email: "diskominfo@demo.lapor-pangkalpinang.invalid" },
  // Admin instansi SP4N-LAPOR! Pemkot Pangkalpinang dijalankan Diskominfo
  // (monev aduan SP4N-LAPOR dipimpin Plt. Kadis Kominfo, 22 Okt 2025).
  { code: "KOORDINATOR-PENGADUAN", kind: "COORDINATOR", name: "Pengelola Pengaduan Pelayanan Publik Kota Pangkalpinang (Admin Instansi SP4N-LAPOR!)", shortName: "Koordinator Pengaduan", parentCode: "DISKOMINFO", email: "koordinator-pengaduan@demo.lapor-pangkalpinang.invalid" },
  { code: "DISDUKCAPIL", kind: "OPD", name: "Dinas Kependudukan dan Pencatatan Sipil Kota Pangkalpinang", shortName: "Disdukcapil", parentCode: "PKP", email: "disdukcapil@demo.lapor-pangkalpinang.invalid" },
  { code: "DPMPTSP-NAKER", kind: "OPD", name: "Dinas Penanaman Modal, Pelayanan Terpadu Satu Pintu dan Tenaga Kerja Kota Pangkalpinang", shortName: "DPMPTSP-Naker", parentCode: "PKP", email: "dpmptsp-naker@demo.lapor-pangkalpinang.invalid" },
  { code: "DINKES", kind: "OPD", name: "Dinas Kesehatan Kota Pangkalpinang", shortName: "Dinkes", parentCode: "PKP", email: "dinkes@demo.lapor-pangkalpinang.invalid" },
  { code: "DINDIKBUD", kind: "OPD", name: "Dinas Pendidikan dan Kebudayaan Kota Pangkalpinang", shortName: "Dindikbud", parentCode: "PKP", email: "dindikbud@demo.lapor-pangkalpinang.invalid" },
  // Dinsos berdiri sendiri: sampai 2020 bernama "Dinas Sosial, Pemberdayaan Perempuan dan
  // Perlindungan Anak (Dinsos PPPA)"; sejak ≤2023 urusan PPPA+KB dipindah ke DP3AKB
  // (berita Des 2025 menyebut "Kepala Dinas Sosial" dan "Kepala DP3AKB" terpisah).
  { code: "DINSOS", kind: "OPD", name: "Dinas Sosial Kota Pangkalpinang", shortName: "Dinsos", parentCode: "PKP", email: "dinsos@demo.lapor-pangkalpinang.invalid" },
  // UNVERIFIED: ejaan lengkap nomenklatur (berita memakai "Dinas PPPA dan KB" / "DP3AKB").
  { code: "DP3AKB", kind: "OPD", name: "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana Kota Pangkalpinang", shortName: "DP3AKB", parentCode: "PKP", email: "dp3akb@demo.lapor-pangkalpinang.invalid" },
  { code: "DISHUB", kind: "OPD", name: "Dinas Perhubungan Kota Pangkalpinang", shortName: "Dishub", parentCode: "PKP", email: "dishub@demo.lapor-pangkalpinang.invalid" },
  { code: "DLH", kind: "OPD", name: "Dinas Lingkungan Hidup Kota Pangkalpinang", shortName: "DLH", parentCode: "PKP", email: "dlh@demo.lapor-pangkalpinang.invalid" },
  { code: "PUPR", kind: "OPD", name: "Dinas Pekerjaan Umum dan Penataan Ruang Kota Pangkalpinang", shortName: "Dinas PUPR", parentCode: "PKP", email: "pupr@demo.lapor-pangkalpinang.invalid" },
  // Berita 2019–2021: "Dinas Perumahan dan Kawasan Permukiman (Disperkim)"; 2025 kadang ditulis
  // "Dinas Perumahan dan Permukiman" — nama Perda terakhir belum dibaca langsung.
  { code: "PERKIM", kind: "OPD", name: "Dinas Perumahan dan Kawasan Permukiman Kota Pangkalpinang", shortName: "Disperkim", parentCode: "PKP", email: "perkim@demo.lapor-pangkalpinang.invalid" },
  { code: "SATPOL-PP", kind: "OPD", name: "Satuan Polisi Pamong Praja Kota Pangkalpinang", shortName: "Satpol PP", parentCode: "PKP", email: "satpol-pp@demo.lapor-pangkalpinang.invalid" },
  // Tambahan (tidak diminta, tetapi sering menjadi tujuan aduan):
  // UNVERIFIED: nama lengkap; berita Okt 2025 "Dinas Koperasi, UMKM dan Perdagangan".
  { code: "DISKOPDAG-UMKM", kind: "OPD", name: "Dinas Koperasi, UMKM dan Perdagangan Kota Pangkalpinang", shortName: "Diskopdag UMKM", parentCode: "PKP", email: "diskopdag-umkm@demo.lapor-pangkalpinang.invalid" },
  { code: "BAKEUDA", kind: "OPD", name: "Badan Keuangan Daerah Kota Pangkalpinang", shortName: "Bakeuda", parentCode: "PKP", email: "bakeuda@demo.lapor-pangkalpinang.invalid" },

  // ── Rumah sakit (UPT Dinkes) ────────────────────────────────────────────
  { code: "RSUD-DEPATI-HAMZAH", kind: "HOSPITAL", name: "Rumah Sakit Umum Daerah Depati Hamzah Kota Pangkalpinang", shortName: "RSUD Depati Hamzah", parentCode: "DINKES", email: "rsud-depati-hamzah@demo.lapor-pangkalpinang.invalid" },

  // ── Puskesmas (UPTD Dinkes) — 9 puskesmas ───────────────────────────────
  // Jumlah 9 dikonfirmasi (Antara Babel 2017: 8 puskesmas non-rawat inap + 1 rawat inap di
  // Kel. Air Itam; Antara Babel 2022: 9 motor ambulans "untuk seluruh puskesmas").
  // Nama yang muncul di berita: Air Itam, Pangkalbalam, Girimaya, Kacang Pedang, Melintang,
  // Gerunggang. Selindung dan Pasir Putih hanya dari seed kode publik yang kurang andal;
  // Kampung Keramat dari ingatan — ketiganya UNVERIFIED.
  // regionCode = kode kecamatan tempat nama puskesmas (diturunkan dari nama, bukan alamat resmi),
  // kecuali Air Itam (kelurahan disebut eksplisit oleh sumber).
  { code: "PKM-AIR-ITAM", kind: "PUSKESMAS", name: "UPTD Puskesmas Air Itam", shortName: "Puskesmas Air Itam", parentCode: "DINKES", email: "pkm-air-itam@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.01.1007" },
  { code: "PKM-PASIR-PUTIH", kind: "PUSKESMAS", name: "UPTD Puskesmas Pasir Putih", shortName: "Puskesmas Pasir Putih", parentCode: "DINKES", email: "pkm-pasir-putih@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.01" }, // UNVERIFIED
  { code: "PKM-PANGKALBALAM", kind: "PUSKESMAS", name: "UPTD Puskesmas Pangkalbalam", shortName: "Puskesmas Pangkalbalam", parentCode: "DINKES", email: "pkm-pangkalbalam@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.03" },
  { code: "PKM-MELINTANG", kind: "PUSKESMAS", name: "UPTD Puskesmas Melintang", shortName: "Puskesmas Melintang", parentCode: "DINKES", email: "pkm-melintang@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.04" },
  { code: "PKM-KAMPUNG-KERAMAT", kind: "PUSKESMAS", name: "UPTD Puskesmas Kampung Keramat", shortName: "Puskesmas Kampung Keramat", parentCode: "DINKES", email: "pkm-kampung-keramat@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.04" }, // UNVERIFIED
  { code: "PKM-GERUNGGANG", kind: "PUSKESMAS", name: "UPTD Puskesmas Gerunggang", shortName: "Puskesmas Gerunggang", parentCode: "DINKES", email: "pkm-gerunggang@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.05" },
  { code: "PKM-KACANG-PEDANG", kind: "PUSKESMAS", name: "UPTD Puskesmas Kacang Pedang", shortName: "Puskesmas Kacang Pedang", parentCode: "DINKES", email: "pkm-kacang-pedang@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.05" },
  { code: "PKM-SELINDUNG", kind: "PUSKESMAS", name: "UPTD Puskesmas Selindung", shortName: "Puskesmas Selindung", parentCode: "DINKES", email: "pkm-selindung@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.06" }, // UNVERIFIED
  { code: "PKM-GIRIMAYA", kind: "PUSKESMAS", name: "UPTD Puskesmas Girimaya", shortName: "Puskesmas Girimaya", parentCode: "DINKES", email: "pkm-girimaya@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.07" },

  // ── Kecamatan (parent: PKP) dan kelurahan (parent: kecamatannya) ───────
  // Kecamatan Bukit Intan (19.71.01)
  { code: "KEC-BUKIT-INTAN", kind: "KECAMATAN", name: "Kecamatan Bukit Intan", shortName: "Kec. Bukit Intan", parentCode: "PKP", email: "kec-bukit-intan@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.01" },
  { code: "KEL-SEMABUNG-LAMA", kind: "KELURAHAN", name: "Kelurahan Semabung Lama", shortName: "Kel. Semabung Lama", parentCode: "KEC-BUKIT-INTAN", email: "kel-semabung-lama@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.01.1004" },
  { code: "KEL-BACANG", kind: "KELURAHAN", name: "Kelurahan Bacang", shortName: "Kel. Bacang", parentCode: "KEC-BUKIT-INTAN", email: "kel-bacang@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.01.1006" },
  { code: "KEL-AIR-ITAM", kind: "KELURAHAN", name: "Kelurahan Air Itam", shortName: "Kel. Air Itam", parentCode: "KEC-BUKIT-INTAN", email: "kel-air-itam@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.01.1007" },
  { code: "KEL-PASIR-PUTIH", kind: "KELURAHAN", name: "Kelurahan Pasir Putih", shortName: "Kel. Pasir Putih", parentCode: "KEC-BUKIT-INTAN", email: "kel-pasir-putih@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.01.1008" },
  { code: "KEL-TEMBERAN", kind: "KELURAHAN", name: "Kelurahan Temberan", shortName: "Kel. Temberan", parentCode: "KEC-BUKIT-INTAN", email: "kel-temberan@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.01.1009" },
  { code: "KEL-SINAR-BULAN", kind: "KELURAHAN", name: "Kelurahan Sinar Bulan", shortName: "Kel. Sinar Bulan", parentCode: "KEC-BUKIT-INTAN", email: "kel-sinar-bulan@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.01.1010" },
  { code: "KEL-AIR-MAWAR", kind: "KELURAHAN", name: "Kelurahan Air Mawar", shortName: "Kel. Air Mawar", parentCode: "KEC-BUKIT-INTAN", email: "kel-air-mawar@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.01.1011" },
  // Kecamatan Taman Sari (19.71.02)
  { code: "KEC-TAMAN-SARI", kind: "KECAMATAN", name: "Kecamatan Taman Sari", shortName: "Kec. Taman Sari", parentCode: "PKP", email: "kec-taman-sari@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.02" },
  { code: "KEL-OPAS-INDAH", kind: "KELURAHAN", name: "Kelurahan Opas Indah", shortName: "Kel. Opas Indah", parentCode: "KEC-TAMAN-SARI", email: "kel-opas-indah@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.02.1001" },
  { code: "KEL-GEDUNG-NASIONAL", kind: "KELURAHAN", name: "Kelurahan Gedung Nasional", shortName: "Kel. Gedung Nasional", parentCode: "KEC-TAMAN-SARI", email: "kel-gedung-nasional@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.02.1002" },
  { code: "KEL-BATIN-TIKAL", kind: "KELURAHAN", name: "Kelurahan Batin Tikal", shortName: "Kel. Batin Tikal", parentCode: "KEC-TAMAN-SARI", email: "kel-batin-tikal@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.02.1003" },
  { code: "KEL-RAWA-BANGUN", kind: "KELURAHAN", name: "Kelurahan Rawa Bangun", shortName: "Kel. Rawa Bangun", parentCode: "KEC-TAMAN-SARI", email: "kel-rawa-bangun@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.02.1004" },
  { code: "KEL-KEJAKSAAN", kind: "KELURAHAN", name: "Kelurahan Kejaksaan", shortName: "Kel. Kejaksaan", parentCode: "KEC-TAMAN-SARI", email: "kel-kejaksaan@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.02.1005" },
  // Kecamatan Pangkal Balam (19.71.03)
  { code: "KEC-PANGKAL-BALAM", kind: "KECAMATAN", name: "Kecamatan Pangkal Balam", shortName: "Kec. Pangkal Balam", parentCode: "PKP", email: "kec-pangkal-balam@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.03" },
  { code: "KEL-PASIR-GARAM", kind: "KELURAHAN", name: "Kelurahan Pasir Garam", shortName: "Kel. Pasir Garam", parentCode: "KEC-PANGKAL-BALAM", email: "kel-pasir-garam@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.03.1004" },
  { code: "KEL-LONTONG-PANCUR", kind: "KELURAHAN", name: "Kelurahan Lontong Pancur", shortName: "Kel. Lontong Pancur", parentCode: "KEC-PANGKAL-BALAM", email: "kel-lontong-pancur@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.03.1005" },
  { code: "KEL-KETAPANG", kind: "KELURAHAN", name: "Kelurahan Ketapang", shortName: "Kel. Ketapang", parentCode: "KEC-PANGKAL-BALAM", email: "kel-ketapang@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.03.1006" },
  { code: "KEL-AMPUI", kind: "KELURAHAN", name: "Kelurahan Ampui", shortName: "Kel. Ampui", parentCode: "KEC-PANGKAL-BALAM", email: "kel-ampui@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.03.1007" },
  { code: "KEL-REJOSARI", kind: "KELURAHAN", name: "Kelurahan Rejosari", shortName: "Kel. Rejosari", parentCode: "KEC-PANGKAL-BALAM", email: "kel-rejosari@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.03.1008" },
  // Kecamatan Rangkui (19.71.04)
  { code: "KEC-RANGKUI", kind: "KECAMATAN", name: "Kecamatan Rangkui", shortName: "Kec. Rangkui", parentCode: "PKP", email: "kec-rangkui@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.04" },
  { code: "KEL-PINTU-AIR", kind: "KELURAHAN", name: "Kelurahan Pintu Air", shortName: "Kel. Pintu Air", parentCode: "KEC-RANGKUI", email: "kel-pintu-air@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.04.1001" },
  { code: "KEL-BINTANG", kind: "KELURAHAN", name: "Kelurahan Bintang", shortName: "Kel. Bintang", parentCode: "KEC-RANGKUI", email: "kel-bintang@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.04.1002" },
  { code: "KEL-MASJID-JAMIK", kind: "KELURAHAN", name: "Kelurahan Masjid Jamik", shortName: "Kel. Masjid Jamik", parentCode: "KEC-RANGKUI", email: "kel-masjid-jamik@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.04.1005" },
  { code: "KEL-ASAM", kind: "KELURAHAN", name: "Kelurahan Asam", shortName: "Kel. Asam", parentCode: "KEC-RANGKUI", email: "kel-asam@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.04.1006" },
  { code: "KEL-MELINTANG", kind: "KELURAHAN", name: "Kelurahan Melintang", shortName: "Kel. Melintang", parentCode: "KEC-RANGKUI", email: "kel-melintang@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.04.1007" },
  { code: "KEL-PARIT-LALANG", kind: "KELURAHAN", name: "Kelurahan Parit Lalang", shortName: "Kel. Parit Lalang", parentCode: "KEC-RANGKUI", email: "kel-parit-lalang@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.04.1008" },
  { code: "KEL-KERAMAT", kind: "KELURAHAN", name: "Kelurahan Keramat", shortName: "Kel. Keramat", parentCode: "KEC-RANGKUI", email: "kel-keramat@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.04.1009" },
  { code: "KEL-GAJAH-MADA", kind: "KELURAHAN", name: "Kelurahan Gajah Mada", shortName: "Kel. Gajah Mada", parentCode: "KEC-RANGKUI", email: "kel-gajah-mada@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.04.1010" },
  // Kecamatan Gerunggang (19.71.05)
  { code: "KEC-GERUNGGANG", kind: "KECAMATAN", name: "Kecamatan Gerunggang", shortName: "Kec. Gerunggang", parentCode: "PKP", email: "kec-gerunggang@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.05" },
  { code: "KEL-TAMAN-BUNGA", kind: "KELURAHAN", name: "Kelurahan Taman Bunga", shortName: "Kel. Taman Bunga", parentCode: "KEC-GERUNGGANG", email: "kel-taman-bunga@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.05.1001" },
  { code: "KEL-BUKIT-MERAPEN", kind: "KELURAHAN", name: "Kelurahan Bukit Merapen", shortName: "Kel. Bukit Merapen", parentCode: "KEC-GERUNGGANG", email: "kel-bukit-merapen@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.05.1002" },
  { code: "KEL-BUKIT-SARI", kind: "KELURAHAN", name: "Kelurahan Bukit Sari", shortName: "Kel. Bukit Sari", parentCode: "KEC-GERUNGGANG", email: "kel-bukit-sari@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.05.1004" },
  { code: "KEL-TUA-TUNU-INDAH", kind: "KELURAHAN", name: "Kelurahan Tua Tunu Indah", shortName: "Kel. Tua Tunu Indah", parentCode: "KEC-GERUNGGANG", email: "kel-tua-tunu-indah@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.05.1005" },
  { code: "KEL-KACANG-PEDANG", kind: "KELURAHAN", name: "Kelurahan Kacang Pedang", shortName: "Kel. Kacang Pedang", parentCode: "KEC-GERUNGGANG", email: "kel-kacang-pedang@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.05.1006" },
  { code: "KEL-AIR-KEPALA-TUJUH", kind: "KELURAHAN", name: "Kelurahan Air Kepala Tujuh", shortName: "Kel. Air Kepala Tujuh", parentCode: "KEC-GERUNGGANG", email: "kel-air-kepala-tujuh@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.05.1007" },
  // Kecamatan Gabek (19.71.06)
  { code: "KEC-GABEK", kind: "KECAMATAN", name: "Kecamatan Gabek", shortName: "Kec. Gabek", parentCode: "PKP", email: "kec-gabek@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.06" },
  { code: "KEL-SELINDUNG", kind: "KELURAHAN", name: "Kelurahan Selindung", shortName: "Kel. Selindung", parentCode: "KEC-GABEK", email: "kel-selindung@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.06.1001" },
  { code: "KEL-SELINDUNG-BARU", kind: "KELURAHAN", name: "Kelurahan Selindung Baru", shortName: "Kel. Selindung Baru", parentCode: "KEC-GABEK", email: "kel-selindung-baru@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.06.1002" },
  { code: "KEL-GABEK-SATU", kind: "KELURAHAN", name: "Kelurahan Gabek Satu", shortName: "Kel. Gabek Satu", parentCode: "KEC-GABEK", email: "kel-gabek-satu@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.06.1003" },
  { code: "KEL-GABEK-DUA", kind: "KELURAHAN", name: "Kelurahan Gabek Dua", shortName: "Kel. Gabek Dua", parentCode: "KEC-GABEK", email: "kel-gabek-dua@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.06.1004" },
  { code: "KEL-AIR-SALEMBA", kind: "KELURAHAN", name: "Kelurahan Air Salemba", shortName: "Kel. Air Salemba", parentCode: "KEC-GABEK", email: "kel-air-salemba@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.06.1005" },
  { code: "KEL-JERAMBAH-GANTUNG", kind: "KELURAHAN", name: "Kelurahan Jerambah Gantung", shortName: "Kel. Jerambah Gantung", parentCode: "KEC-GABEK", email: "kel-jerambah-gantung@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.06.1006" },
  // Kecamatan Girimaya (19.71.07)
  { code: "KEC-GIRIMAYA", kind: "KECAMATAN", name: "Kecamatan Girimaya", shortName: "Kec. Girimaya", parentCode: "PKP", email: "kec-girimaya@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.07" },
  { code: "KEL-PASAR-PADI", kind: "KELURAHAN", name: "Kelurahan Pasar Padi", shortName: "Kel. Pasar Padi", parentCode: "KEC-GIRIMAYA", email: "kel-pasar-padi@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.07.1001" },
  { code: "KEL-BATU-INTAN", kind: "KELURAHAN", name: "Kelurahan Batu Intan", shortName: "Kel. Batu Intan", parentCode: "KEC-GIRIMAYA", email: "kel-batu-intan@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.07.1002" },
  { code: "KEL-BUKIT-BESAR", kind: "KELURAHAN", name: "Kelurahan Bukit Besar", shortName: "Kel. Bukit Besar", parentCode: "KEC-GIRIMAYA", email: "kel-bukit-besar@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.07.1003" },
  { code: "KEL-SRIWIJAYA", kind: "KELURAHAN", name: "Kelurahan Sriwijaya", shortName: "Kel. Sriwijaya", parentCode: "KEC-GIRIMAYA", email: "kel-sriwijaya@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.07.1004" },
  { code: "KEL-SEMABUNG-BARU", kind: "KELURAHAN", name: "Kelurahan Semabung Baru", shortName: "Kel. Semabung Baru", parentCode: "KEC-GIRIMAYA", email: "kel-semabung-baru@demo.lapor-pangkalpinang.invalid", regionCode: "19.71.07.1005" },
];
