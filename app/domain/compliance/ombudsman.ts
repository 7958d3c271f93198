// Ombudsman matters: who may see or change which matters. The form schemas are in
// ombudsman-forms.server.ts (zod stays out of the browser bundle; app/services/zod.server.ts).
import { hasPermission, ROLE_PERMISSIONS, type Permission, type UserLike } from "~/domain/auth/permissions";
import type { OmbudsmanScope } from "~/models/ombudsman.server";

export type { OmbudsmanFilters, OmbudsmanMatterFormInput } from "./ombudsman-forms.server";
// Declared with the queries it cuts (ADR 032: shared types live in the lowest layer).
export type { OmbudsmanScope } from "~/models/ombudsman.server";

/** null = no access at all. A unit head sees the matters of the units they head. */
export function ombudsmanScopeFor(user: UserLike): OmbudsmanScope | null {
  if (hasPermission(user, "read:ombudsman:any")) return { kind: "any" };
  const unitIds = user.memberships
    .filter((m) => (ROLE_PERMISSIONS[m.role] as readonly Permission[]).includes("read:ombudsman:unit"))
    .map((m) => m.unitId);
  return unitIds.length > 0 ? { kind: "units", unitIds } : null;
}

export const canManageOmbudsman = (user: UserLike) => hasPermission(user, "manage:ombudsman:any");
