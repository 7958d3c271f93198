// The public list's statuses and the words a citizen filters them by. Client-safe (the filter form
// and the rows use it). The workflow has thirteen statuses; a visitor asks "is it being handled,
// is it waiting for the person who filed it, is it done", so the list groups them (ADR 037).
import type { ComplaintStatus } from "~/domain/complaints/workflow";

/**
 * The groups, in the order the filter lists them; each status that the list shows is in exactly one.
 * RESOLVED waits for the complainant to confirm the proposed resolution, so it is "menunggu warga".
 */
export const STATUS_GROUPS = {
  diproses: ["VERIFIED", "ASSIGNED", "IN_PROGRESS", "REOPENED", "APPEALED"],
  "menunggu-warga": ["AWAITING_CITIZEN", "RESOLVED"],
  selesai: ["CLOSED"],
} as const satisfies Record<string, readonly ComplaintStatus[]>;

export type StatusGroup = keyof typeof STATUS_GROUPS;
export const STATUS_GROUP_NAMES = Object.keys(STATUS_GROUPS) as StatusGroup[];

/**
 * What the public list, its map, its exports and the report pages show: the publication rule's
 * statuses (app/domain/publication/publication.ts) less WITHDRAWN. A withdrawn complaint is the
 * complainant's decision to take it back; Open311 still reports it as closed, but a public page
 * citizens can support would invite support for something nobody is handling any more.
 */
export const PUBLIC_LIST_STATUSES: readonly ComplaintStatus[] = Object.values(STATUS_GROUPS).flat();

export function isStatusGroup(value: unknown): value is StatusGroup {
  return typeof value === "string" && Object.hasOwn(STATUS_GROUPS, value);
}

export function statusGroupOf(status: string): StatusGroup | null {
  for (const name of STATUS_GROUP_NAMES) if ((STATUS_GROUPS[name] as readonly string[]).includes(status)) return name;
  return null;
}
