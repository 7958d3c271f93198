/** One demo staff account per role. Demo data is labelled `is_demo` and shown as demo in the UI. */
export interface DemoAccountSeed {
  email: string;
  name: string;
  role: "OFFICER" | "UNIT_HEAD" | "COORDINATOR" | "INSPECTORATE" | "LIAISON" | "ADMIN";
  unitCode: string;
}

export const DEMO_ACCOUNTS: DemoAccountSeed[] = [
  { email: "petugas@demo.lapor-pangkalpinang.invalid", name: "Petugas Disdukcapil (demo)", role: "OFFICER", unitCode: "DISDUKCAPIL" },
  { email: "kepala@demo.lapor-pangkalpinang.invalid", name: "Kepala Disdukcapil (demo)", role: "UNIT_HEAD", unitCode: "DISDUKCAPIL" },
  { email: "koordinator@demo.lapor-pangkalpinang.invalid", name: "Admin Koordinator (demo)", role: "COORDINATOR", unitCode: "KOORDINATOR-PENGADUAN" },
  { email: "inspektorat@demo.lapor-pangkalpinang.invalid", name: "Auditor Inspektorat (demo)", role: "INSPECTORATE", unitCode: "INSPEKTORAT" },
  { email: "penghubung@demo.lapor-pangkalpinang.invalid", name: "Penghubung Ombudsman (demo)", role: "LIAISON", unitCode: "PKP" },
  { email: "admin@demo.lapor-pangkalpinang.invalid", name: "Administrator (demo)", role: "ADMIN", unitCode: "PKP" },
];
