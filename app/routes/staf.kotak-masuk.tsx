import { redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { BulkBar, BulkNotice } from "~/components/inbox/bulk-bar";
import { InboxFilters } from "~/components/inbox/inbox-filters";
import { InboxRow } from "~/components/inbox/inbox-row";
import { InboxViews, viewLabelKey } from "~/components/inbox/inbox-views";
import { InboxCodeSearch, InboxCodeSearchOutcome } from "~/components/inbox-code-search";
import { isBulkIntent, mayPostBulk, parseBulkForm, performBulkAction, summaryToSearch } from "~/domain/complaints/bulk-actions.server";
import { loadInboxPage } from "~/domain/complaints/inbox-page.server";
import { loadUnitTree, readsComplaints } from "~/domain/complaints/inbox.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-body.server";
import { useT } from "~/services/i18n";
import { pageTitle } from "~/services/meta";
import { requireStaffUser } from "~/services/session.server";

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "inbox.title", [{ name: "robots", content: "noindex" }]);

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const now = appNow();
  const user = await requireStaffUser(db, request, now);
  // Administrators manage the system, not complaints: no inbox (permissions.ts).
  if (!readsComplaints(user)) throw new Response("Forbidden", { status: 403 });
  return loadInboxPage(db, { user, url: new URL(request.url), now });
}

/** Bulk assign / acknowledge of the ticked rows, then back to the same view with a summary (POST-redirect-GET). */
export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const now = appNow();
  const user = await requireStaffUser(db, request, now);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (!isBulkIntent(intent)) return Response.json({ error: "inbox.bulk.error.none" }, { status: 400 });
  if (!readsComplaints(user) || !mayPostBulk(user, intent)) throw new Response("Forbidden", { status: 403 });
  const parsed = parseBulkForm(form);
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? "inbox.bulk.error.none" }, { status: 400 });
  const summary = await performBulkAction(db, { user, userId: user.id, input: parsed.data, tree: await loadUnitTree(db), now });
  const back = new URL(request.url);
  for (const name of ["selesai", "berhasil", "gagal", "index"]) back.searchParams.delete(name);
  for (const [name, value] of summaryToSearch(summary)) back.searchParams.set(name, value);
  return redirect(`${back.pathname}?${back.searchParams}`);
}

export default function StaffInbox() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<{ error?: string }>();
  const location = useLocation();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formMethod?.toUpperCase() === "POST";
  const { view, rows, selecting } = data;
  return (
    <>
      <h1 className="inbox-title">{t("inbox.title")}</h1>
      <InboxViews views={data.views} active={view} />
      {data.transferred ? (
        <p className="notice notice--ok" role="status">
          {t("inbox.done.transfer")}
        </p>
      ) : null}
      {data.bulk ? <BulkNotice summary={data.bulk} /> : null}
      {data.search ? <InboxCodeSearchOutcome search={data.search} /> : null}
      {rows.length === 0 ? (
        <p className="notice" data-testid="inbox-empty">
          {t("inbox.empty")}
        </p>
      ) : (
        // Keyed by the location: after a bulk action (or any navigation) no box stays ticked by accident.
        <Form method="post" className="inbox-queue" id="inbox-bulk" key={location.key}>
          <table className="inbox-table" data-testid="inbox">
            <caption className="visually-hidden">{t("inbox.view.caption", { view: t(viewLabelKey(view)) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("inbox.col.code")}</th>
                <th scope="col">{t("inbox.col.summary")}</th>
                <th scope="col">{t("inbox.col.product")}</th>
                <th scope="col">{t("inbox.col.priority")}</th>
                <th scope="col">{t("inbox.col.assignee")}</th>
                <th scope="col">{t("inbox.col.status")}</th>
                <th scope="col">{t("inbox.col.sla")}</th>
                {selecting ? <th scope="col">{t("inbox.col.select")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <InboxRow key={row.id} row={row} selecting={selecting} />
              ))}
            </tbody>
          </table>
          {selecting ? <BulkBar canAssign={data.canAssign} canAcknowledge={data.canAcknowledge} officers={data.officers} error={actionData?.error ?? null} busy={busy} /> : null}
        </Form>
      )}
      <nav className="actions" aria-label={t("inbox.caption")}>
        {data.firstHref ? (
          <Link to={data.firstHref} className="button button--secondary">
            {t("inbox.first")}
          </Link>
        ) : null}
        {data.nextHref ? (
          <Link to={data.nextHref} className="button" data-testid="inbox-next" rel="next">
            {t("inbox.next")}
          </Link>
        ) : null}
      </nav>
      <div className="inbox-tools">
        <InboxFilters view={view} open={data.filtersActive} filters={data.filters} products={data.products} forms={data.forms} kecamatan={data.kecamatan} />
        <InboxCodeSearch search={data.search} />
      </div>
    </>
  );
}
