// What the staff header and the staff home show a signed-in user: the sections their roles open
// and the counts of their queues. The counts come from the one workload module, whose definitions
// are the inbox views themselves, so a badge always equals the list it links to.
import { opensAdminMenu } from "~/domain/admin/admin-menu.server";
import { hasPermission, type UserLike } from "~/domain/auth/permissions";
import { loadStaffWorkload } from "~/domain/complaints/work-queues.server";
import { ombudsmanScopeFor } from "~/domain/compliance/ombudsman";
import type { Db } from "~/services/db.server";
import type { StaffUser } from "~/services/session.server";
import type { StaffSections, StaffShell } from "./types";

const READS_COMPLAINTS = ["read:complaint:unit", "read:complaint:subtree", "read:complaint:any"] as const;

const NO_SECTIONS: StaffSections = { triage: false, inbox: false, appeals: false, reports: false, compliance: false, ombudsman: false, admin: false };

/** The same checks the pages behind the links make, so a link never leads to a 403. */
export function staffSections(user: UserLike): StaffSections {
  return {
    triage: hasPermission(user, "triage:complaint:any"),
    inbox: READS_COMPLAINTS.some((permission) => hasPermission(user, permission)),
    appeals: hasPermission(user, "decide:appeal:any"),
    reports: hasPermission(user, "read:report:any") || hasPermission(user, "read:report:subtree"),
    compliance: hasPermission(user, "read:assessment:any"),
    ombudsman: ombudsmanScopeFor(user) !== null,
    admin: opensAdminMenu(user),
  };
}

export async function loadStaffShell(db: Db, user: StaffUser, now: Date): Promise<StaffShell> {
  if (user.mustChangePassword) return { name: user.name, sections: NO_SECTIONS, workload: null };
  return { name: user.name, sections: staffSections(user), workload: await loadStaffWorkload(db, user, now) };
}
