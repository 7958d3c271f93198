import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listUnitTree, requireUnitAdmin } from "~/domain/admin/units.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { useT, type MessageKey } from "~/services/i18n";
import { pageTitle } from "~/services/meta";

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "admin.units.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  await requireUnitAdmin(db, request, appNow());
  return { units: await listUnitTree(db) };
}

export default function AdminUnits() {
  const t = useT();
  const { units } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/staf/admin">{t("admin.menu.home")}</Link>
      </p>
      <h1>{t("admin.units.title")}</h1>
      <p className="lead">{t("admin.units.lead")}</p>
      <p className="actions">
        <Link to="/staf/admin/unit/baru" className="button" data-testid="new-unit">
          {t("admin.units.new")}
        </Link>
      </p>
      <p>{t("admin.units.count", { count: units.length })}</p>
      {/* A flat list in tree order, indented by depth: one level of markup reads well on a phone and in a screen reader's list navigation. */}
      <ul className="admin-tree" aria-label={t("admin.units.treeLabel")} data-testid="unit-tree">
        {units.map((unit) => (
          <li
            key={unit.id}
            className={`admin-tree__item admin-tree__item--depth-${Math.min(unit.depth, 6)}${unit.isActive ? "" : " admin-tree__item--inactive"}`}
            data-testid="unit-row"
            data-code={unit.code}
            data-depth={unit.depth}
          >
            <Link to={`/staf/admin/unit/${unit.id}`}>{unit.name}</Link> <code>{unit.code}</code>{" "}
            <span className="admin-tree__meta">
              {t(`admin.kind.${unit.kind}` as MessageKey)} · {t("admin.units.products", { count: unit.productCount })}
            </span>
            {unit.isActive ? null : (
              <>
                {" "}
                <strong className="badge badge--inactive">{t("admin.units.inactive")}</strong>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export { AdminErrorBoundary as ErrorBoundary } from "~/components/admin-error-boundary";
