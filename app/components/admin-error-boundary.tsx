import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useT } from "~/services/i18n";

/** The administration pages' error page: 403 for staff without the permission, others with a way back. */
export function AdminErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <>
      <h1>{t(forbidden ? "admin.forbidden.title" : "error.title")}</h1>
      <p>{forbidden ? t("admin.forbidden.body") : t(notFound ? "error.notFound" : "error.generic")}</p>
      <p>
        <Link to="/staf">{t("admin.menu.back")}</Link>
      </p>
    </>
  );
}
