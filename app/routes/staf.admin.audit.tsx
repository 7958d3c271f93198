import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Field } from "~/components/forms";
import { parseAuditQuery, readAuditPage, requireAuditReader } from "~/domain/admin/audit.server";
import { IDENTITY_PURPOSE_KEYS, isIdentityPurpose } from "~/domain/complaints/identity-purposes";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { formatWib } from "~/services/format";
import { useLocale, useT, type MessageKey } from "~/services/i18n";
import { pageTitle } from "~/services/meta";

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "admin.audit.title", [{ name: "robots", content: "noindex" }]);

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  await requireAuditReader(db, request, appNow());
  const query = parseAuditQuery(new URL(request.url).searchParams);
  return { query, ...(await readAuditPage(db, query)) };
}

export default function AuditTrail() {
  const t = useT();
  const locale = useLocale();
  const { query, users, identity, activity, next } = useLoaderData<typeof loader>();
  // Links keep the filters; only the trail or the page changes.
  const href = (changes: Record<string, string | null>) => {
    const params = new URLSearchParams();
    const merged: Record<string, string | null> = { jenis: query.trail, pengguna: query.userId, dari: query.from, sampai: query.to, ...changes };
    for (const [key, value] of Object.entries(merged)) if (value) params.set(key, value);
    return `/staf/admin/audit?${params.toString()}`;
  };
  return (
    <>
      <p>
        <Link to="/staf/admin">{t("admin.menu.home")}</Link>
      </p>
      <h1>{t("admin.audit.title")}</h1>
      <p className="lead">{t("admin.audit.lead")}</p>
      <nav aria-label={t("admin.audit.trails")}>
        <ul className="actions">
          {(["identitas", "aktivitas"] as const).map((trail) => (
            <li key={trail}>
              <Link to={href({ jenis: trail, sebelum: null })} aria-current={query.trail === trail ? "page" : undefined}>
                {t(trail === "identitas" ? "admin.audit.identityTrail" : "admin.audit.activityTrail")}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" className="stack" data-testid="audit-filters">
        <input type="hidden" name="jenis" value={query.trail} />
        <Field id="audit-user" label={t("admin.audit.user")}>
          {(props) => (
            <select {...props} name="pengguna" defaultValue={query.userId ?? ""}>
              <option value="">{t("admin.audit.allUsers")}</option>
              {users.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name} ({user.email})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="audit-from" label={t("admin.audit.from")}>
          {(props) => <input {...props} name="dari" type="date" defaultValue={query.from ?? ""} />}
        </Field>
        <Field id="audit-to" label={t("admin.audit.to")}>
          {(props) => <input {...props} name="sampai" type="date" defaultValue={query.to ?? ""} />}
        </Field>
        <button type="submit" className="button button--secondary">
          {t("admin.audit.filter")}
        </button>
      </form>
      {query.trail === "identitas" ? (
        identity.length === 0 ? (
          <p>{t("admin.audit.empty")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-label={t("admin.audit.identityTrail")} tabIndex={0}>
            <table data-testid="identity-access-table">
              <caption>{t("admin.audit.identityCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("admin.audit.when")}</th>
                  <th scope="col">{t("admin.audit.who")}</th>
                  <th scope="col">{t("admin.audit.purpose")}</th>
                  <th scope="col">{t("admin.audit.complaint")}</th>
                </tr>
              </thead>
              <tbody>
                {identity.map((row) => (
                  <tr key={row.id} data-testid="identity-access-row">
                    <td>{formatWib(row.at, locale)}</td>
                    <th scope="row">
                      {row.userName} <span className="admin-users__email">{row.userEmail}</span>
                    </th>
                    <td>{isIdentityPurpose(row.purpose) ? t(IDENTITY_PURPOSE_KEYS[row.purpose]) : row.purpose}</td>
                    <td>
                      <code>{row.trackingCode}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : activity.length === 0 ? (
        <p>{t("admin.audit.empty")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={t("admin.audit.activityTrail")} tabIndex={0}>
          <table data-testid="audit-log-table">
            <caption>{t("admin.audit.activityCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.audit.when")}</th>
                <th scope="col">{t("admin.audit.who")}</th>
                <th scope="col">{t("admin.audit.action")}</th>
                <th scope="col">{t("admin.audit.details")}</th>
              </tr>
            </thead>
            <tbody>
              {activity.map((row) => (
                <tr key={row.id} data-testid="audit-log-row">
                  <td>{formatWib(row.at, locale)}</td>
                  <th scope="row">{row.userName ? `${row.userName} (${row.userEmail})` : t("admin.audit.system")}</th>
                  <td>
                    <code>{row.action}</code> · {row.entity}
                    {row.entityId ? ` ${row.entityId}` : ""}
                  </td>
                  <td>
                    <code className="audit-data">{row.data}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next ? (
        <p>
          <Link to={href({ sebelum: next })} data-testid="audit-next">
            {t("admin.audit.older")}
          </Link>
        </p>
      ) : null}
    </>
  );
}

export { AdminErrorBoundary as ErrorBoundary } from "~/components/admin-error-boundary";
