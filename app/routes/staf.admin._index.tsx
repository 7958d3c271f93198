import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { adminMenuLinks } from "~/domain/admin/admin-menu.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { useT } from "~/services/i18n";
import { pageTitle } from "~/services/meta";
import { requireStaffUser } from "~/services/session.server";

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "admin.menu.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaffUser(getDb(), request, appNow());
  const links = adminMenuLinks(user);
  if (!Object.values(links).some(Boolean)) throw new Response("Forbidden", { status: 403 });
  return links;
}

export default function AdminMenu() {
  const t = useT();
  const { canManageUnits, canManageUsers, canManageSla, canManageCalendars, canManageTemplates, canManageApiClients, canReadAudit } =
    useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("admin.menu.title")}</h1>
      <p className="lead">{t("admin.menu.lead")}</p>
      <nav aria-label={t("admin.menu.title")}>
        <ul className="admin-menu" data-testid="admin-menu">
          {canManageUnits ? (
            <li>
              <Link to="/staf/admin/unit">{t("admin.menu.units")}</Link>
            </li>
          ) : null}
          {canManageUsers ? (
            <li>
              <Link to="/staf/admin/pengguna">{t("admin.menu.users")}</Link>
            </li>
          ) : null}
          {canManageSla ? (
            <li>
              <Link to="/staf/admin/sla">{t("admin.menu.sla")}</Link>
            </li>
          ) : null}
          {canManageCalendars ? (
            <>
              <li>
                <Link to="/staf/admin/libur">{t("admin.menu.holidays")}</Link>
              </li>
              <li>
                <Link to="/staf/admin/kalender">{t("admin.menu.calendars")}</Link>
              </li>
            </>
          ) : null}
          {canManageTemplates ? (
            <li>
              <Link to="/staf/admin/template">{t("admin.menu.templates")}</Link>
            </li>
          ) : null}
          {canReadAudit ? (
            <li>
              <Link to="/staf/admin/audit">{t("admin.menu.audit")}</Link>
            </li>
          ) : null}
          {canManageApiClients ? (
            <li>
              <Link to="/staf/admin/open311">{t("admin.menu.open311")}</Link>
            </li>
          ) : null}
        </ul>
      </nav>
      <p>
        <Link to="/staf">{t("admin.menu.back")}</Link>
      </p>
    </>
  );
}

export { AdminErrorBoundary as ErrorBoundary } from "~/components/admin-error-boundary";
