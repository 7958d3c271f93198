import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { useT, type MessageKey } from "~/services/i18n";
import { pageTitle } from "~/services/meta";
import { requireStaffUser } from "~/services/session.server";
import { hasPermission } from "~/domain/auth/permissions";
import { ombudsmanScopeFor } from "~/domain/compliance/ombudsman";
import { opensAdminMenu } from "~/domain/admin/admin-menu.server";
import { missingHolidayYears } from "~/domain/calendar/holiday-coverage";
import { holidayYearsFrom } from "~/models/calendar.server";

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "staff.home.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const now = appNow();
  const user = await requireStaffUser(getDb(), request, now);
  const readsComplaints = ["read:complaint:unit", "read:complaint:subtree", "read:complaint:any"] as const;
  return {
    canTriage: hasPermission(user, "triage:complaint:any"),
    canAdminister: opensAdminMenu(user),
    canReadInbox: readsComplaints.some((permission) => hasPermission(user, permission)),
    canDecideAppeals: hasPermission(user, "decide:appeal:any"),
    canReadReports: hasPermission(user, "read:report:any") || hasPermission(user, "read:report:subtree"),
    canReadOmbudsman: ombudsmanScopeFor(user) !== null,
    canReadAssessments: hasPermission(user, "read:assessment:any"),
    // Without next year's holidays its deadlines would count them as working days.
    holidaysMissingFor: hasPermission(user, "manage:holiday:any") ? missingHolidayYears(now, await holidayYearsFrom(getDb(), now.getUTCFullYear() - 1)) : [],
    name: user.name,
    memberships: user.memberships.map((membership) => ({ role: membership.role, unitId: membership.unitId, unitName: membership.unit.name })),
  };
}

export default function StaffHome() {
  const t = useT();
  const { name, memberships, canTriage, canReadInbox, canDecideAppeals, canAdminister, canReadReports, canReadOmbudsman, canReadAssessments, holidaysMissingFor } =
    useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("staff.home.title")}</h1>
      <p className="lead">{t("staff.home.greeting", { name })}</p>
      {holidaysMissingFor.map((year) => (
        <p key={year} className="notice" role="alert" data-testid="holidays-missing">
          {t("staff.home.holidaysMissing", { year })} <Link to={`/staf/admin/libur?tahun=${year}`}>{t("staff.home.holidaysMissingLink", { year })}</Link>
        </p>
      ))}
      <h2>{t("staff.home.rolesTitle")}</h2>
      {memberships.length === 0 ? (
        <p>{t("staff.home.noRoles")}</p>
      ) : (
        <ul data-testid="staff-roles">
          {memberships.map((membership) => (
            <li key={`${membership.role}-${membership.unitId}`}>
              {t("staff.home.roleInUnit", { role: t(`staff.role.${membership.role}` as MessageKey), unit: membership.unitName })}
            </li>
          ))}
        </ul>
      )}
      {canReadInbox || canTriage || canAdminister || canReadReports || canReadOmbudsman || canReadAssessments ? (
        <nav aria-label={t("staff.home.workTitle")}>
          <h2>{t("staff.home.workTitle")}</h2>
          <ul>
            {canTriage ? (
              <li>
                <Link to="/staf/triase">{t("staff.home.triageLink")}</Link>
              </li>
            ) : null}
            {canReadInbox ? (
              <li>
                <Link to="/staf/kotak-masuk">{t("staff.home.inboxLink")}</Link>
              </li>
            ) : null}
            {canDecideAppeals ? (
              <li>
                <Link to="/staf/kotak-masuk?status=APPEALED">{t("staff.home.appealsLink")}</Link>
              </li>
            ) : null}
            {canReadReports ? (
              <li>
                <Link to="/staf/laporan">{t("staff.home.reportLink")}</Link>
              </li>
            ) : null}
            {canReadOmbudsman ? (
              <li>
                <Link to="/staf/ombudsman">{t("staff.home.ombudsmanLink")}</Link>
              </li>
            ) : null}
            {canReadAssessments ? (
              <li>
                <Link to="/staf/kepatuhan">{t("staff.home.assessmentLink")}</Link>
              </li>
            ) : null}
            {canAdminister ? (
              <li>
                <Link to="/staf/admin">{t("staff.home.adminLink")}</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      <div className="actions">
        <Link to="/staf/ganti-sandi" className="button button--secondary">
          {t("staff.home.changePassword")}
        </Link>
        <Form method="post" action="/staf/keluar" reloadDocument>
          <button type="submit" className="button">
            {t("staff.logout")}
          </button>
        </Form>
      </div>
    </>
  );
}
