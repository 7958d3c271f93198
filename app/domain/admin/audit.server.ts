// The audit trails for those who oversee staff (ADMIN, and the Inspektorat as APIP): who opened a
// complainant's identity and why (DOMAIN.md §5.3: every identity view is recorded, and a record
// nobody can read protects nobody), and what staff changed or exported. The page shows staff
// names, tracking codes and purposes: never a complainant's identity.
import { hasPermission, type UserLike } from "~/domain/auth/permissions";
import { isUuid } from "~/models/inbox.server";
import { listAuditedUsers, listAuditLog, listIdentityAccesses, type AuditRange } from "~/models/audit.server";
import type { Db } from "~/services/db.server";
import { requireStaffUser, type StaffUser } from "~/services/session.server";

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_TRAILS = ["identitas", "aktivitas"] as const;
export type AuditTrail = (typeof AUDIT_TRAILS)[number];

export const canReadAudit = (user: UserLike) => hasPermission(user, "read:audit:any");

export async function requireAuditReader(db: Db, request: Request, now: Date): Promise<StaffUser> {
  const user = await requireStaffUser(db, request, now);
  if (!canReadAudit(user)) throw new Response("Forbidden", { status: 403 });
  return user;
}

export interface AuditQuery {
  trail: AuditTrail;
  userId: string | null;
  /** "YYYY-MM-DD" dates in WIB, as typed (a bad one is dropped, not an error page). */
  from: string | null;
  to: string | null;
  before: string | null;
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (value: string | null) => (value && LOCAL_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00+07:00`)) ? value : null);

/** Reads the page's GET query; anything unknown or malformed is ignored. */
export function parseAuditQuery(params: URLSearchParams): AuditQuery {
  const trail = params.get("jenis");
  const userId = params.get("pengguna");
  return {
    trail: trail === "aktivitas" ? "aktivitas" : "identitas",
    userId: isUuid(userId) ? userId!.toLowerCase() : null,
    from: validDate(params.get("dari")),
    to: validDate(params.get("sampai")),
    before: params.get("sebelum"),
  };
}

/** WIB day bounds: from the start of `from` to the end of `to`. */
function rangeOf(query: AuditQuery): AuditRange {
  const dayStart = (date: string) => new Date(`${date}T00:00:00+07:00`);
  return {
    ...(query.userId ? { userId: query.userId } : {}),
    ...(query.from ? { from: dayStart(query.from) } : {}),
    ...(query.to ? { to: new Date(dayStart(query.to).getTime() + 86_400_000) } : {}),
  };
}

function identityCursor(value: string | null): { at: Date; id: string } | null {
  const match = value?.match(/^(\d{1,15})\.([0-9a-fA-F-]{36})$/);
  return match && isUuid(match[2]) ? { at: new Date(Number(match[1])), id: match[2]!.toLowerCase() } : null;
}

const auditCursor = (value: string | null): bigint | null => (value && /^\d{1,18}$/.test(value) ? BigInt(value) : null);

/** One page of the chosen trail, the cursor of the next (older) page, and the staff for the filter. */
export async function readAuditPage(db: Db, query: AuditQuery) {
  const range = rangeOf(query);
  const users = await listAuditedUsers(db);
  if (query.trail === "identitas") {
    const rows = await listIdentityAccesses(db, range, { before: identityCursor(query.before), limit: AUDIT_PAGE_SIZE + 1 });
    const page = rows.slice(0, AUDIT_PAGE_SIZE);
    const last = page.at(-1);
    return {
      users,
      identity: page.map((row) => ({ ...row, at: row.at.toISOString() })),
      activity: [],
      next: rows.length > AUDIT_PAGE_SIZE && last ? `${last.at.getTime()}.${last.id}` : null,
    };
  }
  const rows = await listAuditLog(db, range, { beforeId: auditCursor(query.before), limit: AUDIT_PAGE_SIZE + 1 });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    users,
    identity: [],
    activity: page.map((row) => ({ ...row, id: row.id.toString(), at: row.at.toISOString(), data: JSON.stringify(row.data ?? {}) })),
    next: rows.length > AUDIT_PAGE_SIZE ? page.at(-1)!.id.toString() : null,
  };
}
