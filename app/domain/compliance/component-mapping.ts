// Which of the 14 service-standard components (UU 25/2009 Pasal 21; DOMAIN.md §1.7) a form of
// maladministration (PO 26/2017; DOMAIN.md §2) points at, so a unit sees which standard to fix.
// The city's own analytic mapping [U]: no regulation links the two lists; each line says why.

export const FORM_TO_COMPONENTS: Record<string, { components: number[]; why: string }> = {
  PENUNDAAN_BERLARUT: { components: [4], why: "undue delay = the promised completion time (jangka waktu) was not kept" },
  TIDAK_MEMBERIKAN_PELAYANAN: { components: [3, 11], why: "refusal to serve: procedure not applied, or too few staff for the workload" },
  TIDAK_KOMPETEN: { components: [8], why: "incompetence = staff competence (kompetensi pelaksana)" },
  PENYALAHGUNAAN_WEWENANG: { components: [1, 9], why: "acting beyond authority: legal basis and internal supervision failed" },
  PENYIMPANGAN_PROSEDUR: { components: [3, 2], why: "procedure not followed, often through extra or waived requirements" },
  PERMINTAAN_IMBALAN: { components: [5, 12], why: "illegal levies = fee (biaya/tarif) not as published; service guarantee broken" },
  TIDAK_PATUT: { components: [8, 14], why: "improper conduct: staff competence and performance evaluation" },
  BERPIHAK: { components: [12, 9], why: "partiality breaks the service guarantee; supervision should catch it" },
  DISKRIMINASI: { components: [7, 12], why: "unequal treatment, often of vulnerable groups (facilities) and the guarantee" },
  KONFLIK_KEPENTINGAN: { components: [9], why: "conflicts of interest are what internal supervision exists for" },
};

/** Every complaint handled late or reopened also counts against component 10 (complaint handling). */
export const COMPLAINT_HANDLING_COMPONENT = 10;

export function componentsForForm(formCode: string | null): number[] {
  return formCode ? (FORM_TO_COMPONENTS[formCode]?.components ?? []) : [];
}
