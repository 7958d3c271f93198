/**
 * Wilayah administrasi Kota Pangkalpinang (kode wilayah Kemendagri 19.71):
 * 7 kecamatan, 42 kelurahan.
 *
 * Kode dan nama mengikuti Kepmendagri No. 300.2.2-2138 Tahun 2025 sebagaimana
 * ditranskripsikan di dataset publik cahyadsn/wilayah (db/wilayah.sql). Semua
 * kode di bawah tercantum di sumber itu; tidak ada kode tebakan.
 *
 * Catatan nama: dipakai ejaan resmi Kemendagri. Di lapangan (dan di banyak
 * situs pemkot/berita) beberapa nama ditulis berbeda, mis. "Bukit Merapin"
 * (resmi: Bukit Merapen), "Tua Tunu" (resmi: Tua Tunu Indah),
 * "Pangkalbalam" (resmi: Pangkal Balam), "Rawabangun" (resmi: Rawa Bangun).
 * Nomor kelurahan tidak berurutan (mis. Bukit Intan mulai 1004) karena
 * kelurahan lama dipindah/dimekarkan (Perda Kota Pangkalpinang No. 2 Tahun 2011).
 */

export interface KelurahanSeed {
  code: string;
  name: string;
}

export interface KecamatanSeed {
  code: string;
  name: string;
  kelurahan: KelurahanSeed[];
}

export const REGION_SOURCE: string =
  "Keputusan Menteri Dalam Negeri No. 300.2.2-2138 Tahun 2025 tentang Pemberian dan Pemutakhiran Kode, " +
  "Data Wilayah Administrasi Pemerintahan, dan Pulau; transkripsi: https://github.com/cahyadsn/wilayah " +
  "(db/wilayah.sql, bagian '19.71 Kota Pangkal Pinang')";

export const KECAMATAN: KecamatanSeed[] = [
  {
    code: "19.71.01",
    name: "Bukit Intan",
    kelurahan: [
      { code: "19.71.01.1004", name: "Semabung Lama" },
      { code: "19.71.01.1006", name: "Bacang" },
      { code: "19.71.01.1007", name: "Air Itam" },
      { code: "19.71.01.1008", name: "Pasir Putih" },
      { code: "19.71.01.1009", name: "Temberan" },
      { code: "19.71.01.1010", name: "Sinar Bulan" },
      { code: "19.71.01.1011", name: "Air Mawar" },
    ],
  },
  {
    code: "19.71.02",
    name: "Taman Sari",
    kelurahan: [
      { code: "19.71.02.1001", name: "Opas Indah" },
      { code: "19.71.02.1002", name: "Gedung Nasional" },
      { code: "19.71.02.1003", name: "Batin Tikal" },
      { code: "19.71.02.1004", name: "Rawa Bangun" },
      { code: "19.71.02.1005", name: "Kejaksaan" },
    ],
  },
  {
    code: "19.71.03",
    name: "Pangkal Balam",
    kelurahan: [
      { code: "19.71.03.1004", name: "Pasir Garam" },
      { code: "19.71.03.1005", name: "Lontong Pancur" },
      { code: "19.71.03.1006", name: "Ketapang" },
      { code: "19.71.03.1007", name: "Ampui" },
      { code: "19.71.03.1008", name: "Rejosari" },
    ],
  },
  {
    code: "19.71.04",
    name: "Rangkui",
    kelurahan: [
      { code: "19.71.04.1001", name: "Pintu Air" },
      { code: "19.71.04.1002", name: "Bintang" },
      { code: "19.71.04.1005", name: "Masjid Jamik" },
      { code: "19.71.04.1006", name: "Asam" },
      { code: "19.71.04.1007", name: "Melintang" },
      { code: "19.71.04.1008", name: "Parit Lalang" },
      { code: "19.71.04.1009", name: "Keramat" },
      { code: "19.71.04.1010", name: "Gajah Mada" },
    ],
  },
  {
    code: "19.71.05",
    name: "Gerunggang",
    kelurahan: [
      { code: "19.71.05.1001", name: "Taman Bunga" },
      { code: "19.71.05.1002", name: "Bukit Merapen" }, // lazim ditulis "Bukit Merapin"
      { code: "19.71.05.1004", name: "Bukit Sari" },
      { code: "19.71.05.1005", name: "Tua Tunu Indah" }, // lazim ditulis "Tua Tunu"
      { code: "19.71.05.1006", name: "Kacang Pedang" },
      { code: "19.71.05.1007", name: "Air Kepala Tujuh" },
    ],
  },
  {
    code: "19.71.06",
    name: "Gabek",
    kelurahan: [
      { code: "19.71.06.1001", name: "Selindung" },
      { code: "19.71.06.1002", name: "Selindung Baru" },
      { code: "19.71.06.1003", name: "Gabek Satu" },
      { code: "19.71.06.1004", name: "Gabek Dua" },
      { code: "19.71.06.1005", name: "Air Salemba" },
      { code: "19.71.06.1006", name: "Jerambah Gantung" },
    ],
  },
  {
    code: "19.71.07",
    name: "Girimaya",
    kelurahan: [
      { code: "19.71.07.1001", name: "Pasar Padi" },
      { code: "19.71.07.1002", name: "Batu Intan" },
      { code: "19.71.07.1003", name: "Bukit Besar" },
      { code: "19.71.07.1004", name: "Sriwijaya" },
      { code: "19.71.07.1005", name: "Semabung Baru" },
    ],
  },
];
