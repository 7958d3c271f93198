import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { InboxCodeSearch, type InboxCodeSearchState } from "~/components/inbox-code-search";
import { SlaBadge } from "~/components/sla-badge";
import { OPEN_STATUSES, TERMINAL_STATUSES } from "~/domain/complaints/workflow";
import { findInboxRowByCode, inboxScope, listInbox, parseInboxQuery, type InboxPage } from "~/domain/complaints/inbox.server";
import { inboxFilterOptions, loadUnits } from "~/models/inbox.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { formatWib } from "~/services/format";
import { useLocale, useT, type MessageKey } from "~/services/i18n";
import { pageTitle } from "~/services/meta";
import { requireStaffUser } from "~/services/session.server";
import { hasPermission } from "~/domain/auth/permissions";

const READ_COMPLAINTS = ["read:complaint:unit", "read:complaint:subtree", "read:complaint:any"] as const;

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "inbox.title", [{ name: "robots", content: "noindex" }]);

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const now = appNow();
  const user = await requireStaffUser(db, request, now);
  // Administrators manage the system, not complaints: no inbox (permissions.ts).
  if (!READ_COMPLAINTS.some((permission) => hasPermission(user, permission))) throw new Response("Forbidden", { status: 403 });
  const url = new URL(request.url);
  const { filters, cursor } = parseInboxQuery(url.searchParams, user.id);
  const scope = inboxScope(user, await loadUnits(db));
  // A tracking code (from a mail, a phone call, a letter) finds that one complaint, open or closed.
  const typed = (url.searchParams.get("kode") ?? "").trim().slice(0, 64);
  const search = typed ? await findInboxRowByCode(db, { scope, input: typed, now, userId: user.id }) : null;
  const [page, options]: [InboxPage, Awaited<ReturnType<typeof inboxFilterOptions>>] = await Promise.all([
    search ? { rows: search.outcome === "found" ? [search.row] : [], nextCursor: null } : listInbox(db, { scope, filters, cursor, now, userId: user.id }),
    inboxFilterOptions(db, scope),
  ]);
  // The link to the next page keeps the filters and replaces only the cursor.
  const done = url.searchParams.get("selesai") === "transfer";
  url.searchParams.delete("selesai");
  let nextHref: string | null = null;
  if (page.nextCursor) {
    const next = new URLSearchParams(url.searchParams);
    next.set("setelah", page.nextCursor);
    nextHref = `?${next}`;
  }
  const first = new URLSearchParams(url.searchParams);
  first.delete("setelah");
  return {
    done,
    search: search ? ({ typed, outcome: search.outcome, code: search.outcome === "invalid" ? null : search.code } satisfies InboxCodeSearchState) : null,
    rows: page.rows,
    nextHref,
    firstHref: cursor ? `?${first}` : null,
    filters: {
      status: filters.status ?? "",
      productId: filters.productId ?? "",
      form: filters.maladministrationCode ?? "",
      overdue: filters.overdueOnly ?? false,
      mine: Boolean(filters.assignedToUserId),
    },
    products: options.products,
    forms: options.forms,
  };
}

export default function StaffInbox() {
  const t = useT();
  const locale = useLocale();
  const { done, search, rows, nextHref, firstHref, filters, products, forms } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("inbox.title")}</h1>
      {done ? (
        <p className="notice notice--ok" role="status">
          {t("inbox.done.transfer")}
        </p>
      ) : null}
      <p className="lead">{t("inbox.lead")}</p>
      <InboxCodeSearch search={search} />
      <Form method="get" className="inbox-filters" aria-labelledby="inbox-filters-title">
        <h2 id="inbox-filters-title">{t("inbox.filters")}</h2>
        <div className="field">
          <label htmlFor="filter-status" className="field__label">
            {t("inbox.filter.status")}
          </label>
          <select id="filter-status" name="status" defaultValue={filters.status}>
            <option value="">{t("inbox.filter.statusOpen")}</option>
            {[...OPEN_STATUSES, ...TERMINAL_STATUSES].map((status) => (
              <option key={status} value={status}>
                {t(`inbox.status.${status}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-product" className="field__label">
            {t("inbox.filter.product")}
          </label>
          <select id="filter-product" name="produk" defaultValue={filters.productId}>
            <option value="">{t("inbox.filter.any")}</option>
            {products.map((product) => (
              <option key={product.id} value={product.id}>
                {locale === "en" ? product.nameEn : product.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-form" className="field__label">
            {t("inbox.filter.form")}
          </label>
          <select id="filter-form" name="bentuk" defaultValue={filters.form}>
            <option value="">{t("inbox.filter.any")}</option>
            {forms.map((form) => (
              <option key={form.code} value={form.code}>
                {locale === "en" ? form.nameEn : form.nameId}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--checkbox">
          <input id="filter-overdue" type="checkbox" name="terlambat" value="1" defaultChecked={filters.overdue} />
          <label htmlFor="filter-overdue">{t("inbox.filter.overdue")}</label>
        </div>
        <div className="field field--checkbox">
          <input id="filter-mine" type="checkbox" name="saya" value="1" defaultChecked={filters.mine} />
          <label htmlFor="filter-mine">{t("inbox.filter.mine")}</label>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t("inbox.filter.apply")}
          </button>
          <Link to="/staf/kotak-masuk" className="button button--secondary">
            {t("inbox.filter.reset")}
          </Link>
        </div>
      </Form>

      {rows.length === 0 ? (
        <p className="notice" data-testid="inbox-empty">
          {t("inbox.empty")}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="inbox-table" data-testid="inbox">
            <caption>{t("inbox.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("inbox.col.code")}</th>
                <th scope="col">{t("inbox.col.product")}</th>
                <th scope="col">{t("inbox.col.status")}</th>
                <th scope="col">{t("inbox.col.escalation")}</th>
                <th scope="col">{t("inbox.col.deadline")}</th>
                <th scope="col">{t("inbox.col.sla")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid="inbox-row" data-id={row.id} className={row.sla.kind === "overdue" ? "inbox-row--overdue" : undefined}>
                  <th scope="row">
                    <Link to={`/staf/pengaduan/${row.id}`}>
                      <code>{row.trackingCode}</code>
                    </Link>
                    {row.assignedToMe ? <span className="inbox-mine"> · {t("inbox.mine")}</span> : null}
                  </th>
                  <td>
                    {row.productName ? (locale === "en" ? row.productNameEn : row.productName) : t("inbox.noProduct")}
                    <br />
                    <small>{row.unitName ?? t("inbox.noUnit")}</small>
                  </td>
                  <td>{t(`inbox.status.${row.status}` as MessageKey)}</td>
                  <td>{row.escalationLevel > 0 ? t("inbox.escalation.level", { level: row.escalationLevel }) : t("inbox.escalation.none")}</td>
                  <td>
                    {row.nextDueAt ? (
                      <>
                        <time dateTime={row.nextDueAt}>{formatWib(row.nextDueAt, locale)}</time>
                        {row.nextDueStage ? (
                          <>
                            <br />
                            <small>{t(`inbox.stage.${row.nextDueStage}` as MessageKey)}</small>
                          </>
                        ) : null}
                      </>
                    ) : (
                      t("inbox.noDeadline")
                    )}
                  </td>
                  <td>
                    <SlaBadge {...row.sla} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="actions" aria-label={t("inbox.caption")}>
        {firstHref ? (
          <Link to={firstHref} className="button button--secondary">
            {t("inbox.first")}
          </Link>
        ) : null}
        {nextHref ? (
          <Link to={nextHref} className="button" data-testid="inbox-next" rel="next">
            {t("inbox.next")}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
