// Everything the inbox page (/staf/kotak-masuk) shows, read for one request: the views with their
// counts, the rows of the chosen view (or a code search), which rows the user may tick for a bulk
// action and whom they may give them to, the filter choices, and the notice of what was just done.
import { unitTreeFrom } from "~/domain/auth/permissions";
import { countInboxRecords, findUnitStaff, inboxFilterOptions, loadUnits } from "~/models/inbox.server";
import type { Db } from "~/services/db.server";
import type { StaffUser } from "~/services/session.server";
import { summaryFromSearch, type BulkSummary } from "./bulk-actions.server";
import { canAssignInScope, findInboxRowByCode, inboxScope, listInbox, parseInboxQuery, type InboxPage, type InboxRow } from "./inbox.server";
import { availableIntents } from "./unit-actions.server";
import { countWorkQueue, workQueueViewsFor } from "./work-queues.server";
import type { WorkQueueView } from "./work-queue-views";
import { OPEN_STATUSES } from "./workflow";

export interface InboxViewLink {
  /** null: every open complaint ("Semua"). */
  view: WorkQueueView | null;
  count: number;
}

export interface InboxPageRow extends InboxRow {
  /** A box to tick: the user may assign it or accept it now. */
  selectable: boolean;
}

/** Query parameters that are not filters: kept out of the links the page builds. */
const NOT_FILTERS = ["selesai", "berhasil", "gagal", "setelah", "tampilan", "kode"];

/**
 * The page for `url`. Without `?tampilan=` it lists every open complaint in scope ("Semua"): the
 * default a coordinator and a liaison scan, and what links written before the views expect; the
 * views are the tabs right above the list (work-queue-views.ts).
 */
export async function loadInboxPage(db: Db, { user, url, now }: { user: StaffUser; url: URL; now: Date }) {
  const { view, filters, cursor } = parseInboxQuery(url.searchParams, user.id);
  const units = await loadUnits(db);
  const tree = unitTreeFrom(units);
  const scope = inboxScope(user, units);
  // A tracking code (from a mail, a phone call, a letter) finds that one complaint, open or closed.
  const typed = (url.searchParams.get("kode") ?? "").trim().slice(0, 64);
  const search = typed ? await findInboxRowByCode(db, { scope, input: typed, now, userId: user.id }) : null;
  const views = workQueueViewsFor(user);
  const [page, options, counts, all]: [InboxPage, Awaited<ReturnType<typeof inboxFilterOptions>>, number[], number] = await Promise.all([
    search ? { rows: search.outcome === "found" ? [search.row] : [], nextCursor: null } : listInbox(db, { scope, view, filters, cursor, now, userId: user.id }),
    inboxFilterOptions(db, scope),
    Promise.all(views.map((v) => countWorkQueue(db, { view: v, scope, userId: user.id, now }))),
    countInboxRecords(db, { scope, statuses: OPEN_STATUSES, filters: {}, now }),
  ]);

  const canAssign = canAssignInScope(user);
  const rows: InboxPageRow[] = page.rows.map((row) => {
    const intents = availableIntents(user, { unitId: row.unitId, status: row.status }, tree);
    return { ...row, selectable: intents.includes("acknowledge") || (canAssign && intents.includes("assign")) };
  });
  const assignableUnits = [...new Set(rows.filter((row) => row.selectable && row.unitId).map((row) => row.unitId!))];
  const officers = canAssign ? await findUnitStaff(db, assignableUnits) : [];

  // Links keep the view and the filters, and replace only what they change.
  const kept = new URLSearchParams(url.searchParams);
  for (const name of ["selesai", "berhasil", "gagal"]) kept.delete(name);
  let nextHref: string | null = null;
  if (page.nextCursor) {
    const next = new URLSearchParams(kept);
    next.set("setelah", page.nextCursor);
    nextHref = `?${next}`;
  }
  const first = new URLSearchParams(kept);
  first.delete("setelah");
  const filtersActive = [...url.searchParams.keys()].some((name) => !NOT_FILTERS.includes(name));

  const bulk: BulkSummary | null = summaryFromSearch(url.searchParams);
  return {
    view,
    views: [{ view: null, count: all }, ...views.map((v, i) => ({ view: v, count: counts[i]! }))] satisfies InboxViewLink[],
    transferred: url.searchParams.get("selesai") === "transfer",
    bulk,
    search: search ? { typed, outcome: search.outcome, code: search.outcome === "invalid" ? null : search.code } : null,
    rows,
    selecting: rows.some((row) => row.selectable),
    canAssign,
    canAcknowledge: user.memberships.some((m) => m.role === "OFFICER" || m.role === "UNIT_HEAD"),
    officers,
    nextHref,
    firstHref: cursor ? `?${first}` : null,
    filtersActive,
    filters: {
      status: filters.status ?? "",
      productId: filters.productId ?? "",
      form: filters.maladministrationCode ?? "",
      overdue: filters.overdueOnly ?? false,
      mine: Boolean(filters.assignedToUserId),
      kecamatan: filters.kecamatanCode ?? "",
    },
    products: options.products,
    forms: options.forms,
    kecamatan: options.kecamatan,
  };
}
