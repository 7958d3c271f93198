// The guard every report page and export shares: a signed-in staff user whose roles give report
// access (permissions.ts), with the unit list the scope was computed from.
import type { Db } from "~/services/db.server";
import { reportAccess } from "~/domain/auth/permissions";
import { loadUnits } from "~/models/inbox.server";
import { requireStaffUser } from "~/services/session.server";

export async function requireReportReader(db: Db, request: Request, now: Date) {
  const user = await requireStaffUser(db, request, now);
  const units = await loadUnits(db);
  const access = reportAccess(user, units);
  if (!access) throw new Response("Forbidden", { status: 403 });
  return { user, units, access };
}
