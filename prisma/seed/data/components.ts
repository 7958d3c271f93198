/** The 14 service-standard components (UU 25/2009 Pasal 21). DOMAIN.md §1.7. */
export const COMPONENT_SOURCE =
  "UU No. 25 Tahun 2009 Pasal 21; PermenPAN-RB 15/2014; daftar 1–13: https://id.scribd.com/document/670445282/BOCORAN-PENILAIAN-OMBUDSMAN, 14: https://slideplayer.info/slide/17657544";

export interface ComponentSeed {
  number: number;
  code: string;
  nameId: string;
  nameEn: string;
  group: "DELIVERY" | "MANAGEMENT";
}

export const SERVICE_STANDARD_COMPONENTS: ComponentSeed[] = [
  { number: 1, code: "DASAR_HUKUM", nameId: "Dasar hukum", nameEn: "Legal basis", group: "MANAGEMENT" },
  { number: 2, code: "PERSYARATAN", nameId: "Persyaratan", nameEn: "Requirements", group: "DELIVERY" },
  { number: 3, code: "PROSEDUR", nameId: "Sistem, mekanisme, dan prosedur", nameEn: "System, mechanism and procedure", group: "DELIVERY" },
  { number: 4, code: "JANGKA_WAKTU", nameId: "Jangka waktu penyelesaian", nameEn: "Completion time", group: "DELIVERY" },
  { number: 5, code: "BIAYA_TARIF", nameId: "Biaya/tarif", nameEn: "Fee", group: "DELIVERY" },
  { number: 6, code: "PRODUK_PELAYANAN", nameId: "Produk pelayanan", nameEn: "Service output", group: "DELIVERY" },
  { number: 7, code: "SARANA_PRASARANA", nameId: "Sarana, prasarana, dan/atau fasilitas", nameEn: "Facilities, incl. for vulnerable groups", group: "MANAGEMENT" },
  { number: 8, code: "KOMPETENSI_PELAKSANA", nameId: "Kompetensi pelaksana", nameEn: "Staff competence", group: "MANAGEMENT" },
  { number: 9, code: "PENGAWASAN_INTERNAL", nameId: "Pengawasan internal", nameEn: "Internal supervision", group: "MANAGEMENT" },
  { number: 10, code: "PENANGANAN_PENGADUAN", nameId: "Penanganan pengaduan, saran, dan masukan", nameEn: "Complaint, suggestion and feedback handling", group: "DELIVERY" },
  { number: 11, code: "JUMLAH_PELAKSANA", nameId: "Jumlah pelaksana", nameEn: "Staff numbers", group: "MANAGEMENT" },
  { number: 12, code: "JAMINAN_PELAYANAN", nameId: "Jaminan pelayanan", nameEn: "Service guarantee", group: "MANAGEMENT" },
  { number: 13, code: "JAMINAN_KEAMANAN", nameId: "Jaminan keamanan dan keselamatan pelayanan", nameEn: "Security and safety guarantee", group: "MANAGEMENT" },
  { number: 14, code: "EVALUASI_KINERJA", nameId: "Evaluasi kinerja pelaksana", nameEn: "Staff performance evaluation", group: "MANAGEMENT" },
];
