import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listStaffUsers, requireUserAdmin } from "~/domain/admin/users.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { useT, type MessageKey } from "~/services/i18n";
import { pageTitle } from "~/services/meta";

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "admin.users.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  await requireUserAdmin(db, request, appNow());
  const users = await listStaffUsers(db);
  return {
    users: users.map((user) => ({
      id: user.id,
      email: user.email,
      name: user.name,
      isActive: user.isActive,
      isDemo: user.isDemo,
      roles: user.memberships.map((membership) => ({ id: membership.id, role: membership.role, unit: membership.unit.shortName })),
    })),
  };
}

export default function AdminUsers() {
  const t = useT();
  const { users } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/staf/admin">{t("admin.menu.home")}</Link>
      </p>
      <h1>{t("admin.users.title")}</h1>
      <p className="lead">{t("admin.users.lead")}</p>
      <p className="actions">
        <Link to="/staf/admin/pengguna/baru" className="button" data-testid="new-user">
          {t("admin.users.new")}
        </Link>
      </p>
      <div className="table-scroll">
        <table data-testid="user-table">
          <caption>{t("admin.users.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.users.name")}</th>
              <th scope="col">{t("admin.users.email")}</th>
              <th scope="col">{t("admin.users.roles")}</th>
              <th scope="col">{t("admin.users.status")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} data-testid="user-row" data-email={user.email} className={user.isActive ? undefined : "admin-users__row--inactive"}>
                <th scope="row">
                  <Link to={`/staf/admin/pengguna/${user.id}`}>{user.name}</Link>
                  {user.isDemo ? <span className="admin-tree__meta"> ({t("admin.users.demo")})</span> : null}
                </th>
                <td className="admin-users__email">{user.email}</td>
                <td>
                  {user.roles.length === 0 ? (
                    <em>{t("admin.users.noRoles")}</em>
                  ) : (
                    <ul className="admin-users__roles">
                      {user.roles.map((role) => (
                        <li key={role.id}>
                          {t(`staff.role.${role.role}` as MessageKey)} · {role.unit}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>{user.isActive ? t("admin.users.active") : <strong>{t("admin.users.inactive")}</strong>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export { AdminErrorBoundary as ErrorBoundary } from "~/components/admin-error-boundary";
