// The staff work queues (issue #21): the saved views of the inbox and the counts the staff shell
// shows beside them. Pure and client-safe. This file is the ONE place where a queue is defined:
// the inbox lists a view with `workQueueCriteria` and the counts (work-queues.server.ts) count the
// very same criteria through the same SQL conditions, so a count always equals the list it links to.
//
// Definitions (scope = the units whose complaints the user may read, inboxScope()):
// - "the city's turn": open and not waiting on the citizen: every OPEN status except
//   AWAITING_CITIZEN (a question is out) and RESOLVED (a resolution waits for the citizen's
//   confirmation; its CONFIRMATION deadline is the citizen's, and a late one auto-closes).
// - saya (mine): the city's turn, assigned to the user.
// - belum-ditugaskan (unassigned): at a unit that has work to do on it (ASSIGNED, IN_PROGRESS,
//   REOPENED) and given to no officer. Only for those who may assign (unit heads, coordinator).
// - terlambat (late): the city's turn, running deadline (next_due_at) before now.
// - jatuh-tempo-hari-ini (due today): the city's turn, running deadline from now until the end of
//   today in Asia/Jakarta (next midnight WIB).
// - menunggu-warga (waiting on the citizen): AWAITING_CITIZEN and RESOLVED.
// Outside the inbox views: unverified = what /staf/triase lists (SUBMITTED, ON_HOLD, and VERIFIED
// without a unit yet), appeals awaiting = APPEALED in scope (the liaison), letters overdue = OPEN
// Ombudsman matters past their due date (what /staf/ombudsman?terlambat=1 lists).
//
// The inbox without `?tampilan=` lists every open complaint in scope (the view "Semua"): that is
// what a coordinator or a liaison scans, and what the links and tests written before the views
// expect. The views are one click away at the top of the page.
import type { ComplaintStatus } from "./workflow";

export const WORK_QUEUE_VIEWS = ["saya", "belum-ditugaskan", "terlambat", "jatuh-tempo-hari-ini", "menunggu-warga"] as const;
export type WorkQueueView = (typeof WORK_QUEUE_VIEWS)[number];

export const isWorkQueueView = (value: unknown): value is WorkQueueView => (WORK_QUEUE_VIEWS as readonly unknown[]).includes(value);

/** Open, with the next move the citizen's. */
export const WAITING_ON_CITIZEN_STATUSES: readonly ComplaintStatus[] = ["AWAITING_CITIZEN", "RESOLVED"];
/** Open, with the next move the city's (OPEN_STATUSES minus WAITING_ON_CITIZEN_STATUSES). */
export const CITY_TURN_STATUSES: readonly ComplaintStatus[] = ["SUBMITTED", "ON_HOLD", "VERIFIED", "ASSIGNED", "IN_PROGRESS", "REOPENED", "APPEALED"];
/** At a unit that has to act on it: the statuses in which an officer is given the work. */
export const UNIT_WORK_STATUSES: readonly ComplaintStatus[] = ["ASSIGNED", "IN_PROGRESS", "REOPENED"];

/** The rows a view holds, as conditions on the complaint table (within the reader's scope). */
export interface QueueCriteria {
  statuses: readonly ComplaintStatus[];
  assignedToUserId?: string;
  /** A unit, but no officer. */
  unassignedOnly?: boolean;
  /** next_due_at >= dueFrom */
  dueFrom?: Date;
  /** next_due_at < dueBefore */
  dueBefore?: Date;
}

/** WIB is UTC+7 all year (no daylight saving). */
const WIB_OFFSET_MS = 7 * 3_600_000;
const MS_PER_DAY = 86_400_000;

/** The next midnight in Asia/Jakarta after `now`: where "today" ends. */
export function endOfJakartaDay(now: Date): Date {
  const local = now.getTime() + WIB_OFFSET_MS;
  return new Date(Math.floor(local / MS_PER_DAY) * MS_PER_DAY + MS_PER_DAY - WIB_OFFSET_MS);
}

export function workQueueCriteria(view: WorkQueueView, { userId, now }: { userId: string; now: Date }): QueueCriteria {
  switch (view) {
    case "saya":
      return { statuses: CITY_TURN_STATUSES, assignedToUserId: userId };
    case "belum-ditugaskan":
      return { statuses: UNIT_WORK_STATUSES, unassignedOnly: true };
    case "terlambat":
      return { statuses: CITY_TURN_STATUSES, dueBefore: now };
    case "jatuh-tempo-hari-ini":
      return { statuses: CITY_TURN_STATUSES, dueFrom: now, dueBefore: endOfJakartaDay(now) };
    case "menunggu-warga":
      return { statuses: WAITING_ON_CITIZEN_STATUSES };
  }
}

export const INBOX_PATH = "/staf/kotak-masuk";

export function workQueueHref(view: WorkQueueView): string {
  return `${INBOX_PATH}?tampilan=${view}`;
}

/** Each count of the staff workload and the view it counts. null in a workload = no such queue. */
export interface StaffWorkload {
  unverified: number | null;
  mine: number | null;
  unassigned: number | null;
  late: number | null;
  dueToday: number | null;
  waitingOnCitizen: number | null;
  appealsAwaiting: number | null;
  lettersOverdue: number | null;
}

export const WORKLOAD_VIEW: Partial<Record<keyof StaffWorkload, WorkQueueView>> = {
  mine: "saya",
  unassigned: "belum-ditugaskan",
  late: "terlambat",
  dueToday: "jatuh-tempo-hari-ini",
  waitingOnCitizen: "menunggu-warga",
};

/** The list a workload count links to: the list shows exactly the rows counted. */
export function workloadHref(key: keyof StaffWorkload): string {
  const view = WORKLOAD_VIEW[key];
  if (view) return workQueueHref(view);
  switch (key) {
    case "unverified":
      return "/staf/triase";
    case "appealsAwaiting":
      return `${INBOX_PATH}?status=APPEALED`;
    case "lettersOverdue":
      return "/staf/ombudsman?terlambat=1";
    default:
      return INBOX_PATH;
  }
}
