/**
 * Produk layanan (service products) yang dapat menjadi objek aduan.
 *
 * Aturan:
 * - Tepat satu dari `unitCode` / `unitKind` diisi.
 * - Produk dengan `unitKind` adalah templat: seed loader membuat satu salinan
 *   untuk setiap unit berjenis itu, dengan kode `${code}-${unit.code}`
 *   (mis. "KEL-SKTM-KEL-BACANG").
 * - `unitCode` harus ada di units.ts.
 *
 * Daftar ini realistis untuk kewenangan kota (UU 23/2014, Permendagri 108/2019
 * tentang jenis layanan adminduk, PP 28/2025/OSS untuk perizinan, dsb.), bukan
 * salinan katalog layanan resmi Pemkot Pangkalpinang. Beberapa produk diambil
 * dari pemberitaan lokal (ditandai "sumber:").
 */

export interface ProductSeed {
  code: string;
  unitCode?: string;
  unitKind?: "KELURAHAN" | "KECAMATAN" | "PUSKESMAS";
  name: string;
  nameEn: string;
  description?: string;
}

export const PRODUCTS: ProductSeed[] = [
  // ── Koordinator & pengawasan ────────────────────────────────────────────
  { code: "PENGADUAN-UMUM", unitCode: "KOORDINATOR-PENGADUAN", name: "Pengaduan Umum Pelayanan Publik (SP4N-LAPOR!)", nameEn: "General public-service complaint (SP4N-LAPOR!)", description: "Aduan yang belum jelas OPD tujuannya; diverifikasi lalu diteruskan ke unit yang berwenang." },
  { code: "INSP-PENGADUAN-ASN", unitCode: "INSPEKTORAT", name: "Pengaduan Dugaan Penyimpangan/Pungli oleh Aparatur", nameEn: "Report of misconduct or illegal levies by civil servants", description: "Termasuk whistleblowing dan dugaan maladministrasi aparatur Pemkot." },

  // ── Disdukcapil ─────────────────────────────────────────────────────────
  { code: "DUKCAPIL-KTP-EL", unitCode: "DISDUKCAPIL", name: "Penerbitan KTP Elektronik (baru, rusak, hilang, perubahan data)", nameEn: "Electronic ID card (KTP-el) issuance and replacement" },
  { code: "DUKCAPIL-KK", unitCode: "DISDUKCAPIL", name: "Penerbitan Kartu Keluarga", nameEn: "Family card (Kartu Keluarga) issuance and update" },
  { code: "DUKCAPIL-AKTA-KELAHIRAN", unitCode: "DISDUKCAPIL", name: "Penerbitan Akta Kelahiran", nameEn: "Birth certificate issuance" },
  { code: "DUKCAPIL-AKTA-KEMATIAN", unitCode: "DISDUKCAPIL", name: "Penerbitan Akta Kematian", nameEn: "Death certificate issuance" },
  { code: "DUKCAPIL-PINDAH-DATANG", unitCode: "DISDUKCAPIL", name: "Surat Keterangan Pindah dan Pindah Datang", nameEn: "Change of residence (moving out / moving in) certificate" },
  { code: "DUKCAPIL-KIA", unitCode: "DISDUKCAPIL", name: "Penerbitan Kartu Identitas Anak (KIA)", nameEn: "Child identity card (KIA) issuance" },
  { code: "DUKCAPIL-AKTA-PERKAWINAN", unitCode: "DISDUKCAPIL", name: "Pencatatan Perkawinan dan Penerbitan Akta Perkawinan (non-Muslim)", nameEn: "Marriage registration and certificate (non-Muslim)" },
  { code: "DUKCAPIL-AKTA-PERCERAIAN", unitCode: "DISDUKCAPIL", name: "Pencatatan Perceraian dan Penerbitan Akta Perceraian (non-Muslim)", nameEn: "Divorce registration and certificate (non-Muslim)" },
  { code: "DUKCAPIL-IKD", unitCode: "DISDUKCAPIL", name: "Aktivasi Identitas Kependudukan Digital (IKD)", nameEn: "Digital population identity (IKD) activation" },
  { code: "DUKCAPIL-JEMPUT-BOLA", unitCode: "DISDUKCAPIL", name: "Pelayanan Adminduk Jemput Bola (sekolah, panti, lapas)", nameEn: "Mobile civil-registration service (schools, care homes, prisons)", description: "sumber: okeybung.com, 25 Agu 2025 (perekaman KTP-el jemput bola)." },

  // ── DPMPTSP-Naker ───────────────────────────────────────────────────────
  { code: "PTSP-PBG-SLF", unitCode: "DPMPTSP-NAKER", name: "Persetujuan Bangunan Gedung (PBG) dan Sertifikat Laik Fungsi (SLF)", nameEn: "Building approval (PBG) and certificate of occupancy (SLF)", description: "Diajukan melalui SIMBG; pemeriksaan teknis oleh Dinas PUPR." },
  { code: "PTSP-NIB-OSS", unitCode: "DPMPTSP-NAKER", name: "Nomor Induk Berusaha (NIB) dan Perizinan Berusaha melalui OSS", nameEn: "Business identification number (NIB) and risk-based licensing via OSS" },
  { code: "PTSP-REKLAME", unitCode: "DPMPTSP-NAKER", name: "Izin Penyelenggaraan Reklame", nameEn: "Billboard / advertisement permit" },
  { code: "PTSP-SIP-NAKES", unitCode: "DPMPTSP-NAKER", name: "Surat Izin Praktik (SIP) Tenaga Medis dan Tenaga Kesehatan", nameEn: "Practice licence (SIP) for doctors and health workers" },
  { code: "PTSP-MPP", unitCode: "DPMPTSP-NAKER", name: "Layanan Mal Pelayanan Publik (MPP) Kota Pangkalpinang", nameEn: "Pangkalpinang public service mall (MPP)", description: "sumber: negerilaskarpelangi.com, 22 Mar 2024 (rencana MPP dikelola DPMPTSP-Naker)." },
  { code: "NAKER-AK1", unitCode: "DPMPTSP-NAKER", name: "Kartu Tanda Bukti Pendaftaran Pencari Kerja (AK/I)", nameEn: "Job-seeker registration card (AK/I, 'kartu kuning')" },
  { code: "NAKER-PHI", unitCode: "DPMPTSP-NAKER", name: "Mediasi Perselisihan Hubungan Industrial", nameEn: "Industrial relations dispute mediation" },

  // ── Dinas Kesehatan ─────────────────────────────────────────────────────
  { code: "DINKES-UHC-KTP", unitCode: "DINKES", name: "Layanan Kesehatan Gratis dengan KTP (UHC Kota Pangkalpinang)", nameEn: "Free healthcare with resident ID card (city UHC scheme)", description: "sumber: vissionnews.com, 15 Jan 2026 (peluncuran di Puskesmas Gerunggang)." },
  { code: "DINKES-SLHS", unitCode: "DINKES", name: "Sertifikat Laik Higiene Sanitasi (SLHS) Usaha Pangan/Depot Air Minum", nameEn: "Hygiene and sanitation certificate for food businesses / water refill depots" },
  { code: "DINKES-SPP-IRT", unitCode: "DINKES", name: "Sertifikat Produksi Pangan Industri Rumah Tangga (SPP-IRT)", nameEn: "Home-industry food production certificate (SPP-IRT)" },

  // ── RSUD Depati Hamzah ──────────────────────────────────────────────────
  { code: "RSUD-IGD", unitCode: "RSUD-DEPATI-HAMZAH", name: "Instalasi Gawat Darurat (IGD) 24 Jam", nameEn: "24-hour emergency department" },
  { code: "RSUD-RAWAT-JALAN", unitCode: "RSUD-DEPATI-HAMZAH", name: "Rawat Jalan Poliklinik Spesialis", nameEn: "Specialist outpatient clinics" },
  { code: "RSUD-RAWAT-INAP", unitCode: "RSUD-DEPATI-HAMZAH", name: "Rawat Inap", nameEn: "Inpatient care" },
  { code: "RSUD-JKN", unitCode: "RSUD-DEPATI-HAMZAH", name: "Pelayanan Pasien JKN/BPJS Kesehatan", nameEn: "National health insurance (JKN/BPJS Kesehatan) patient services" },
  { code: "RSUD-PENUNJANG", unitCode: "RSUD-DEPATI-HAMZAH", name: "Laboratorium dan Radiologi", nameEn: "Laboratory and radiology" },
  { code: "RSUD-REKAM-MEDIS", unitCode: "RSUD-DEPATI-HAMZAH", name: "Surat Keterangan Medis dan Resume Rekam Medis", nameEn: "Medical certificates and medical-record summaries" },

  // ── Puskesmas (templat untuk setiap puskesmas) ──────────────────────────
  { code: "PKM-RAWAT-JALAN", unitKind: "PUSKESMAS", name: "Pelayanan Rawat Jalan Umum", nameEn: "General outpatient care" },
  { code: "PKM-IMUNISASI", unitKind: "PUSKESMAS", name: "Imunisasi", nameEn: "Immunisation" },
  { code: "PKM-KIA-KB", unitKind: "PUSKESMAS", name: "Kesehatan Ibu dan Anak (KIA) serta Keluarga Berencana", nameEn: "Maternal and child health and family planning" },
  { code: "PKM-GIGI", unitKind: "PUSKESMAS", name: "Pelayanan Kesehatan Gigi dan Mulut", nameEn: "Dental and oral health care" },
  { code: "PKM-SURAT-SEHAT", unitKind: "PUSKESMAS", name: "Surat Keterangan Sehat", nameEn: "Health certificate" },
  { code: "PKM-CKG", unitKind: "PUSKESMAS", name: "Cek Kesehatan Gratis (CKG)", nameEn: "Free health screening (CKG programme)" },

  // ── Dindikbud ───────────────────────────────────────────────────────────
  { code: "DIKBUD-SPMB", unitCode: "DINDIKBUD", name: "Sistem Penerimaan Murid Baru (SPMB, dahulu PPDB) SD/SMP", nameEn: "New student admission (SPMB, formerly PPDB) for primary and junior secondary schools" },
  { code: "DIKBUD-LEGALISIR", unitCode: "DINDIKBUD", name: "Legalisir Ijazah dan Surat Keterangan Pengganti Ijazah", nameEn: "Diploma legalisation and replacement certificate" },
  { code: "DIKBUD-MUTASI", unitCode: "DINDIKBUD", name: "Rekomendasi Pindah/Mutasi Siswa", nameEn: "Student transfer recommendation" },
  { code: "DIKBUD-PIP", unitCode: "DINDIKBUD", name: "Program Indonesia Pintar (PIP) dan Bantuan Pendidikan", nameEn: "Indonesia Smart Programme (PIP) and education assistance" },

  // ── Dinas Sosial ────────────────────────────────────────────────────────
  { code: "DINSOS-DTSEN", unitCode: "DINSOS", name: "Pengusulan dan Pemutakhiran Data DTSEN (dahulu DTKS)", nameEn: "Registration and update in the national socio-economic database (DTSEN, formerly DTKS)" },
  { code: "DINSOS-PBI-JK", unitCode: "DINSOS", name: "Rekomendasi/Pengusulan Peserta PBI Jaminan Kesehatan", nameEn: "Recommendation for state-subsidised health insurance (PBI-JK)" },
  { code: "DINSOS-BANSOS", unitCode: "DINSOS", name: "Informasi dan Pengaduan Bantuan Sosial (PKH, BPNT/Sembako)", nameEn: "Social assistance information and complaints (PKH, BPNT)" },
  { code: "DINSOS-PPKS", unitCode: "DINSOS", name: "Penanganan Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) dan Rehabilitasi Sosial", nameEn: "Handling of persons in need of social welfare services and social rehabilitation" },

  // ── DP3AKB ──────────────────────────────────────────────────────────────
  { code: "DP3AKB-PPA", unitCode: "DP3AKB", name: "Pengaduan Kekerasan terhadap Perempuan dan Anak (UPTD PPA / Rindu Puan)", nameEn: "Reporting violence against women and children (UPTD PPA / 'Rindu Puan')", description: "sumber: babelpos.disway.id 2023 (aplikasi Rindu Puan, UPTD PPA)." },

  // ── Dinas Perhubungan ───────────────────────────────────────────────────
  { code: "DISHUB-UJI-KIR", unitCode: "DISHUB", name: "Pengujian Berkala Kendaraan Bermotor (Uji KIR)", nameEn: "Periodic motor-vehicle roadworthiness test (KIR)" },
  { code: "DISHUB-PARKIR", unitCode: "DISHUB", name: "Parkir Tepi Jalan Umum dan Juru Parkir Resmi", nameEn: "On-street parking and official parking attendants", description: "sumber: negerilaskarpelangi.com, 9 Nov 2025 (134 titik parkir resmi, UPTD PPTP)." },
  { code: "DISHUB-RAMBU", unitCode: "DISHUB", name: "Rambu, Marka Jalan dan Lampu Lalu Lintas (APILL)", nameEn: "Traffic signs, road markings and traffic lights" },
  { code: "DISHUB-ANDALALIN", unitCode: "DISHUB", name: "Persetujuan Analisis Dampak Lalu Lintas (Andalalin)", nameEn: "Traffic impact assessment (Andalalin) approval" },

  // ── Dinas Lingkungan Hidup ──────────────────────────────────────────────
  { code: "DLH-ANGKUTAN-SAMPAH", unitCode: "DLH", name: "Pengangkutan Sampah Rumah Tangga (Mobil Pink/Kuning)", nameEn: "Household waste collection (pink/yellow trucks)", description: "sumber: posbelitung.co (Bangka Pos), 6 Feb 2024 (layanan mobil pink per kelurahan, retribusi Rp15.000/bulan)." },
  { code: "DLH-PERSETUJUAN-LINGKUNGAN", unitCode: "DLH", name: "Persetujuan Lingkungan (SPPL/UKL-UPL)", nameEn: "Environmental approval (SPPL / UKL-UPL)" },
  { code: "DLH-PENCEMARAN", unitCode: "DLH", name: "Pengaduan Pencemaran dan Sampah Liar", nameEn: "Pollution and illegal dumping complaints" },

  // ── Dinas PUPR ──────────────────────────────────────────────────────────
  { code: "PUPR-JALAN", unitCode: "PUPR", name: "Pemeliharaan Jalan Kota (jalan rusak/berlubang)", nameEn: "City road maintenance (damaged roads, potholes)" },
  { code: "PUPR-DRAINASE", unitCode: "PUPR", name: "Drainase dan Penanganan Genangan/Banjir", nameEn: "Drainage and flood/waterlogging handling" },
  { code: "PUPR-TEKNIS-PBG", unitCode: "PUPR", name: "Pemeriksaan Teknis PBG dan Keterangan Rencana Kota (KRK)", nameEn: "Technical review for building approval (PBG) and city planning information (KRK)" },
  { code: "PUPR-AIR-BERSIH", unitCode: "PUPR", name: "Pembangunan Jaringan Perpipaan Air Bersih", nameEn: "Clean-water pipe network construction", description: "sumber: inlens.id, 26–27 Okt 2025 (proyek pipa DAK 2025)." },

  // ── Disperkim ───────────────────────────────────────────────────────────
  { code: "PERKIM-PJU", unitCode: "PERKIM", name: "Penerangan Jalan Umum (PJU)", nameEn: "Street lighting" },
  { code: "PERKIM-PSU", unitCode: "PERKIM", name: "Penyerahan Prasarana, Sarana dan Utilitas (PSU) Perumahan", nameEn: "Handover of housing estate infrastructure and utilities (PSU)" },
  { code: "PERKIM-RTLH", unitCode: "PERKIM", name: "Bantuan Rehabilitasi Rumah Tidak Layak Huni (RTLH)", nameEn: "Rehabilitation of substandard housing (RTLH)" },
  { code: "PERKIM-RUSUNAWA", unitCode: "PERKIM", name: "Sewa Rusunawa Pangkalarang", nameEn: "Pangkalarang public rental flats (Rusunawa)" },

  // ── Satpol PP ───────────────────────────────────────────────────────────
  { code: "SATPOL-PENERTIBAN", unitCode: "SATPOL-PP", name: "Penertiban PKL, Bangunan Liar dan Pelanggaran Perda", nameEn: "Enforcement against street-vendor, illegal-structure and by-law violations" },
  { code: "SATPOL-TRANTIBUM", unitCode: "SATPOL-PP", name: "Pengaduan Ketenteraman dan Ketertiban Umum", nameEn: "Public order and peace complaints" },

  // ── Diskominfo ──────────────────────────────────────────────────────────
  { code: "KOMINFO-PPID", unitCode: "DISKOMINFO", name: "Permohonan Informasi Publik (PPID Utama)", nameEn: "Public information request (PPID)" },

  // ── Bakeuda ─────────────────────────────────────────────────────────────
  { code: "BAKEUDA-PBB", unitCode: "BAKEUDA", name: "SPPT PBB-P2 (pembetulan, keberatan, pengurangan)", nameEn: "Land and building tax (PBB-P2) assessment corrections and objections" },
  { code: "BAKEUDA-BPHTB", unitCode: "BAKEUDA", name: "Validasi BPHTB", nameEn: "Land and building acquisition duty (BPHTB) validation" },

  // ── Diskopdag UMKM ──────────────────────────────────────────────────────
  { code: "DISKOPDAG-PASAR", unitCode: "DISKOPDAG-UMKM", name: "Pengelolaan Pasar Rakyat dan Retribusi Pasar", nameEn: "Public market management and market levies" },

  // ── Kecamatan (templat untuk setiap kecamatan) ──────────────────────────
  { code: "KEC-LEGALISASI", unitKind: "KECAMATAN", name: "Legalisasi/Rekomendasi Surat Keterangan dari Kelurahan", nameEn: "Countersignature of certificates issued by kelurahan" },
  { code: "KEC-AHLI-WARIS", unitKind: "KECAMATAN", name: "Pengesahan Surat Keterangan Ahli Waris", nameEn: "Endorsement of statement of heirs" },
  { code: "KEC-IZIN-KERAMAIAN", unitKind: "KECAMATAN", name: "Rekomendasi Izin Keramaian/Kegiatan Masyarakat", nameEn: "Recommendation for public-event permit" },

  // ── Kelurahan (templat untuk setiap kelurahan) ──────────────────────────
  { code: "KEL-SURAT-PENGANTAR", unitKind: "KELURAHAN", name: "Surat Pengantar (KTP/KK, SKCK, dan lain-lain)", nameEn: "Cover letter for ID card, family card, police clearance, etc." },
  { code: "KEL-DOMISILI", unitKind: "KELURAHAN", name: "Surat Keterangan Domisili", nameEn: "Certificate of domicile" },
  { code: "KEL-SKTM", unitKind: "KELURAHAN", name: "Surat Keterangan Tidak Mampu (SKTM)", nameEn: "Certificate of low income (SKTM)" },
  { code: "KEL-SKU", unitKind: "KELURAHAN", name: "Surat Keterangan Usaha (SKU)", nameEn: "Certificate of business activity" },
  { code: "KEL-KEMATIAN", unitKind: "KELURAHAN", name: "Surat Keterangan Kematian", nameEn: "Death statement letter" },
  { code: "KEL-PENGANTAR-NIKAH", unitKind: "KELURAHAN", name: "Surat Pengantar Nikah", nameEn: "Marriage cover letter" },
  { code: "KEL-AHLI-WARIS", unitKind: "KELURAHAN", name: "Surat Keterangan Ahli Waris", nameEn: "Statement of heirs" },
];
