// The staff workload: how many complaints wait in each of the user's queues, for the staff shell
// and the staff home. The queues are defined once, in work-queue-views.ts (read it for what each
// count means); a view's count here runs the same conditions as its inbox list, so the number on a
// link is the number of rows the link opens.
import { hasPermission } from "~/domain/auth/permissions";
import { ombudsmanScopeFor } from "~/domain/compliance/ombudsman";
import { jakartaDate } from "~/domain/compliance/ombudsman-deadlines";
import { countInboxRecords, loadUnits, type InboxScope } from "~/models/inbox.server";
import { countTriageQueue } from "~/models/triage.server";
import { countOpenOmbudsmanMattersDueBefore } from "~/models/work-queues.server";
import type { Db } from "~/services/db.server";
import type { StaffUser } from "~/services/session.server";
import { canAssignInScope, inboxScope, readsComplaints } from "./inbox.server";
import { workQueueCriteria, type StaffWorkload, type WorkQueueView } from "./work-queue-views";

export { WORK_QUEUE_VIEWS, workQueueHref, workloadHref, type StaffWorkload, type WorkQueueView } from "./work-queue-views";

/** How many rows the inbox lists for `view` (all pages), for this user and scope. */
export function countWorkQueue(db: Db, { view, scope, userId, now }: { view: WorkQueueView; scope: InboxScope; userId: string; now: Date }): Promise<number> {
  const { statuses, ...filters } = workQueueCriteria(view, { userId, now });
  return countInboxRecords(db, { scope, statuses, filters, now });
}

/** Which views the user has: "mine" for unit staff, "unassigned" for those who may assign. */
export function workQueueViewsFor(user: StaffUser): WorkQueueView[] {
  if (!readsComplaints(user)) return [];
  const unitStaff = user.memberships.some((m) => m.role === "OFFICER" || m.role === "UNIT_HEAD");
  return [
    ...(unitStaff ? (["saya"] as const) : []),
    ...(canAssignInScope(user) ? (["belum-ditugaskan"] as const) : []),
    "terlambat",
    "jatuh-tempo-hari-ini",
    "menunggu-warga",
  ];
}

/** The counts of every queue the user has; null for a queue the role does not have. */
export async function loadStaffWorkload(db: Db, user: StaffUser, now: Date): Promise<StaffWorkload> {
  const views = workQueueViewsFor(user);
  const scope = views.length > 0 || hasPermission(user, "decide:appeal:any") ? inboxScope(user, await loadUnits(db)) : null;
  const count = (view: WorkQueueView): Promise<number | null> =>
    scope && views.includes(view) ? countWorkQueue(db, { view, scope, userId: user.id, now }) : Promise.resolve(null);
  const ombudsman = ombudsmanScopeFor(user);
  const [unverified, mine, unassigned, late, dueToday, waitingOnCitizen, appealsAwaiting, lettersOverdue] = await Promise.all([
    hasPermission(user, "triage:complaint:any") ? countTriageQueue(db) : null,
    count("saya"),
    count("belum-ditugaskan"),
    count("terlambat"),
    count("jatuh-tempo-hari-ini"),
    count("menunggu-warga"),
    scope && hasPermission(user, "decide:appeal:any") ? countInboxRecords(db, { scope, statuses: ["APPEALED"], filters: {}, now }) : null,
    ombudsman ? countOpenOmbudsmanMattersDueBefore(db, { scope: ombudsman, today: jakartaDate(now) }) : null,
  ]);
  return { unverified, mine, unassigned, late, dueToday, waitingOnCitizen, appealsAwaiting, lettersOverdue };
}
