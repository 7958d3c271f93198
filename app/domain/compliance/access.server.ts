// Guard shared by the assessment pages (list and entry, CSV import, CSV template).
import { hasPermission } from "~/domain/auth/permissions";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { requireStaffUser } from "~/services/session.server";

/** Signed-in staff who may read assessments (403 otherwise); `canManage` = may enter and import. */
export async function requireAssessmentReader(request: Request) {
  const db = getDb();
  const user = await requireStaffUser(db, request, appNow());
  if (!hasPermission(user, "read:assessment:any")) throw new Response("Forbidden", { status: 403 });
  return { db, user, canManage: hasPermission(user, "manage:assessment:any") };
}
