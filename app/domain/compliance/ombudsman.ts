// Ombudsman matters: who may see or change which matters. The form schemas are in
// ombudsman-forms.server.ts (zod stays out of the browser bundle; app/services/zod.server.ts).
import { hasPermission, ROLE_PERMISSIONS, type Permission, type UserLike } from "~/domain/auth/permissions";

export type { OmbudsmanFilters, OmbudsmanMatterFormInput } from "./ombudsman-forms.server";

/** Which matters a reader may see: all of them, or those of some units. */
export type OmbudsmanScope = { kind: "any" } | { kind: "units"; unitIds: string[] };

/** null = no access at all. A unit head sees the matters of the units they head. */
export function ombudsmanScopeFor(user: UserLike): OmbudsmanScope | null {
  if (hasPermission(user, "read:ombudsman:any")) return { kind: "any" };
  const unitIds = user.memberships
    .filter((m) => (ROLE_PERMISSIONS[m.role] as readonly Permission[]).includes("read:ombudsman:unit"))
    .map((m) => m.unitId);
  return unitIds.length > 0 ? { kind: "units", unitIds } : null;
}

export const canManageOmbudsman = (user: UserLike) => hasPermission(user, "manage:ombudsman:any");
