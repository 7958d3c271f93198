import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useT, type MessageKey } from "~/services/i18n";

/**
 * The administration pages' error page: 403 for staff without the permission (back to the staff
 * home), others with a way back (`back`: the page's own list; the staff home when not given).
 */
export function AdminErrorBoundary({ back }: { back?: { to: string; label: MessageKey } } = {}) {
  const t = useT();
  const error = useRouteError();
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <>
      <h1>{t(forbidden ? "admin.forbidden.title" : "error.title")}</h1>
      <p>{forbidden ? t("admin.forbidden.body") : t(notFound ? "error.notFound" : "error.generic")}</p>
      <p>
        {forbidden || !back ? <Link to="/staf">{t("admin.menu.back")}</Link> : <Link to={back.to}>{t(back.label)}</Link>}
      </p>
    </>
  );
}
