// What the staff shell sends to the browser (client-safe: no server imports).
import type { StaffWorkload } from "~/domain/complaints/work-queue-views";

export interface StaffSections {
  triage: boolean;
  inbox: boolean;
  appeals: boolean;
  reports: boolean;
  compliance: boolean;
  ombudsman: boolean;
  admin: boolean;
}

export interface StaffShell {
  name: string;
  sections: StaffSections;
  /** null while the password must be changed: every page but that one is closed until then. */
  workload: StaffWorkload | null;
}
