import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { WorkloadTiles } from "~/components/staff-shell/workload-tiles";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { useT, type MessageKey } from "~/services/i18n";
import { pageTitle } from "~/services/meta";
import { requireStaffUser } from "~/services/session.server";
import { hasPermission } from "~/domain/auth/permissions";
import { missingHolidayYears } from "~/domain/calendar/holiday-coverage";
import { holidayYearsFrom } from "~/models/calendar.server";
import type { loader as staffLayoutLoader } from "./staf";

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "staff.home.title");

// The counts and the sections come with the staf layout (the header shows them on every page);
// this page adds only what is its own.
export async function loader({ request }: LoaderFunctionArgs) {
  const now = appNow();
  const user = await requireStaffUser(getDb(), request, now);
  return {
    // Without next year's holidays its deadlines would count them as working days.
    holidaysMissingFor: hasPermission(user, "manage:holiday:any") ? missingHolidayYears(now, await holidayYearsFrom(getDb(), now.getUTCFullYear() - 1)) : [],
    name: user.name,
    memberships: user.memberships.map((membership) => ({ role: membership.role, unitId: membership.unitId, unitName: membership.unit.name })),
  };
}

const SECTION_LINKS = [
  { section: "triage", to: "/staf/triase", label: "staff.home.triageLink" },
  { section: "inbox", to: "/staf/kotak-masuk", label: "staff.home.inboxLink" },
  { section: "appeals", to: "/staf/kotak-masuk?status=APPEALED", label: "staff.home.appealsLink" },
  { section: "reports", to: "/staf/laporan", label: "staff.home.reportLink" },
  { section: "ombudsman", to: "/staf/ombudsman", label: "staff.home.ombudsmanLink" },
  { section: "compliance", to: "/staf/kepatuhan", label: "staff.home.assessmentLink" },
  { section: "admin", to: "/staf/admin", label: "staff.home.adminLink" },
] as const satisfies readonly { section: string; to: string; label: MessageKey }[];

export default function StaffHome() {
  const t = useT();
  const { name, memberships, holidaysMissingFor } = useLoaderData<typeof loader>();
  const shell = useRouteLoaderData<typeof staffLayoutLoader>("routes/staf")?.shell ?? null;
  const links = shell ? SECTION_LINKS.filter((link) => shell.sections[link.section]) : [];
  return (
    <>
      <h1>{t("staff.home.title")}</h1>
      <p className="lead">{t("staff.home.greeting", { name })}</p>
      {holidaysMissingFor.map((year) => (
        <p key={year} className="notice" role="alert" data-testid="holidays-missing">
          {t("staff.home.holidaysMissing", { year })} <Link to={`/staf/admin/libur?tahun=${year}`}>{t("staff.home.holidaysMissingLink", { year })}</Link>
        </p>
      ))}
      {shell?.workload ? (
        <section aria-labelledby="workload-title">
          <h2 id="workload-title">{t("staff.home.workloadTitle")}</h2>
          <WorkloadTiles workload={shell.workload} />
        </section>
      ) : null}
      {links.length > 0 ? (
        <nav aria-labelledby="sections-title" className="staff-home__sections">
          <h2 id="sections-title">{t("staff.home.workTitle")}</h2>
          <ul>
            {links.map((link) => (
              <li key={link.section}>
                <Link to={link.to}>{t(link.label)}</Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <section aria-labelledby="roles-title" className="staff-home__roles">
        <h2 id="roles-title">{t("staff.home.rolesTitle")}</h2>
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
        <p>
          <Link to="/staf/ganti-sandi">{t("staff.home.changePassword")}</Link>
        </p>
      </section>
    </>
  );
}
