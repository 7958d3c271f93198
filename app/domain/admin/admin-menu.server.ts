// Which administration pages a user may open: the admin menu lists them, and the staff home links
// to the menu when there is at least one (one rule, so the link never leads to a 403).
import { hasPermission, type UserLike } from "~/domain/auth/permissions";
import { canReadAudit } from "./audit.server";
import { canManageCalendars } from "./calendar.server";
import { canManageSla } from "./sla.server";
import { managesAnyTemplates } from "./templates.server";

export function adminMenuLinks(user: UserLike) {
  return {
    canManageUnits: hasPermission(user, "manage:unit:any"),
    canManageUsers: hasPermission(user, "manage:user:any"),
    canManageSla: canManageSla(user),
    canManageCalendars: canManageCalendars(user),
    canManageTemplates: managesAnyTemplates(user),
    canManageApiClients: hasPermission(user, "manage:apiclient:any"),
    canReadAudit: canReadAudit(user),
  };
}

export const opensAdminMenu = (user: UserLike) => Object.values(adminMenuLinks(user)).some(Boolean);
