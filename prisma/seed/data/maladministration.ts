/** The ten forms of maladministration. DOMAIN.md §2. */
export const MALADMINISTRATION_SOURCE =
  "Peraturan Ombudsman RI No. 26 Tahun 2017 (diubah PO 48/2020, diganti PO 58/2023; sepuluh bentuk masih dipakai Ombudsman 2025) — https://pasal.id/en/peraturan/perban/peraturan-ori-no-26-tahun-2017";

export interface MaladministrationSeed {
  code: string;
  nameId: string;
  nameEn: string;
  descriptionId: string;
  descriptionEn: string;
}

export const MALADMINISTRATION_FORMS: MaladministrationSeed[] = [
  { code: "PENUNDAAN_BERLARUT", nameId: "Penundaan berlarut", nameEn: "Undue delay", descriptionId: "Pelayanan diulur-ulur atau selesai melewati waktu yang dijanjikan.", descriptionEn: "Stalling, or finishing later than the promised service time." },
  { code: "TIDAK_MEMBERIKAN_PELAYANAN", nameId: "Tidak memberikan pelayanan", nameEn: "Failure to serve", descriptionId: "Petugas mengabaikan kewajiban melayani, seluruhnya atau sebagian.", descriptionEn: "Ignoring the duty to serve, wholly or partly." },
  { code: "TIDAK_KOMPETEN", nameId: "Tidak kompeten", nameEn: "Incompetence", descriptionId: "Pelayanan tidak sesuai kompetensi yang dibutuhkan.", descriptionEn: "Service not in line with the required competence." },
  { code: "PENYALAHGUNAAN_WEWENANG", nameId: "Penyalahgunaan wewenang", nameEn: "Abuse of authority", descriptionId: "Melampaui wewenang, bertindak melawan hukum, atau memakai wewenang untuk tujuan lain.", descriptionEn: "Exceeding authority, acting unlawfully, or using it for another purpose." },
  { code: "PENYIMPANGAN_PROSEDUR", nameId: "Penyimpangan prosedur", nameEn: "Procedural deviation", descriptionId: "Tidak mengikuti alur atau prosedur pelayanan.", descriptionEn: "Not following the service flow or procedure." },
  { code: "PERMINTAAN_IMBALAN", nameId: "Permintaan imbalan", nameEn: "Improper demand for payment", descriptionId: "Meminta uang, barang, atau jasa di luar ketentuan (pungli).", descriptionEn: "Demanding money, goods or services beyond the rules (illegal levies)." },
  { code: "TIDAK_PATUT", nameId: "Tidak patut", nameEn: "Improper conduct", descriptionId: "Perilaku tidak layak atau tidak sopan kepada pengguna layanan.", descriptionEn: "Improper or inappropriate conduct toward service users." },
  { code: "BERPIHAK", nameId: "Berpihak", nameEn: "Partiality", descriptionId: "Menguntungkan satu pihak dan merugikan pihak lain.", descriptionEn: "Favouring one party to another's detriment." },
  { code: "DISKRIMINASI", nameId: "Diskriminasi", nameEn: "Discrimination", descriptionId: "Perlakuan berbeda atau tidak adil di antara pengguna layanan.", descriptionEn: "Different or unfair treatment among service users." },
  { code: "KONFLIK_KEPENTINGAN", nameId: "Konflik kepentingan", nameEn: "Conflict of interest", descriptionId: "Pelayanan dipengaruhi hubungan kelompok, suku, atau keluarga.", descriptionEn: "Service affected by group, ethnic or family ties." },
];
