/** Kota Pangkalpinang's published compliance results. DOMAIN.md §1.6. */
export interface AssessmentSeed {
  year: number;
  method: "ZONA_2013" | "DIMENSI_2022" | "OPINI_2025";
  totalScore: number | null;
  zone: "MERAH" | "KUNING" | "HIJAU" | null;
  grade: string | null;
  opinionLabel: string | null;
  productCount: number | null;
  source: string;
  sourceUrl: string | null;
  confirmed: boolean;
  notes?: string;
}

export const CITY_ASSESSMENTS: AssessmentSeed[] = [
  { year: 2015, method: "ZONA_2013", totalScore: 55.19, zone: "KUNING", grade: null, opinionLabel: null, productCount: 36, source: "Brief proyek", sourceUrl: null, confirmed: false, notes: "[U] tidak ditemukan di sumber publik" },
  { year: 2017, method: "ZONA_2013", totalScore: 82.05, zone: "HIJAU", grade: null, opinionLabel: null, productCount: 44, source: "RMOL, 5 Des 2017 (peringkat 4 dari 44 kota)", sourceUrl: "https://rmol.id/nusantara/read/2017/12/05/317102/di-tangan-irwansyah-pangkalpinang-raih-predikat-kepatuhan-pelayanan-publik", confirmed: true },
  { year: 2021, method: "ZONA_2013", totalScore: null, zone: "KUNING", grade: null, opinionLabel: null, productCount: null, source: "Ombudsman Babel via Belitong Ekspres", sourceUrl: "https://belitongekspres.disway.id/amp/642259/pemkot-pangkalpinang-raih-penilaian-opini-kualitas-tinggi-dari-ombudsman-ri/16", confirmed: false, notes: "[P] kutipan 'kita hanya kuning di 2021', tidak tegas" },
  { year: 2022, method: "DIMENSI_2022", totalScore: null, zone: "HIJAU", grade: "B", opinionLabel: "Kualitas Tinggi", productCount: null, source: "Belitong Ekspres (peringkat 2 se-Babel)", sourceUrl: "https://belitongekspres.disway.id/amp/642259/pemkot-pangkalpinang-raih-penilaian-opini-kualitas-tinggi-dari-ombudsman-ri/16", confirmed: true, notes: "Lokus: Disdukcapil, Dinkes, Dindikbud, Dinsos, DPMPTSP-Naker, Puskesmas Gerunggang dan Selindung" },
  { year: 2023, method: "DIMENSI_2022", totalScore: 91.7, zone: "HIJAU", grade: "A", opinionLabel: "Kualitas Tertinggi", productCount: null, source: "Warta Online, 4 Jan 2024", sourceUrl: "https://wartaonline.co.id/2024/01/04/pemkot-pangkalpinang-raih-nilai-predikat-9170-zona-hijau-kualitas-tertinggi/", confirmed: true },
  { year: 2025, method: "OPINI_2025", totalScore: 85.04, zone: null, grade: null, opinionLabel: "Baik", productCount: null, source: "Ombudsman RI Perwakilan Babel", sourceUrl: "https://ombudsman.go.id/perwakilan/news/r/pwkmedia--ombudsman-babel-nilai-empat-pemerintahan-daerah-kategori-baik", confirmed: true, notes: "Target 2026: Sangat Baik. Pemetaan Baik/Sangat Baik ke A–E belum diketahui [U]" },
];
