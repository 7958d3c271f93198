import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "~/services/zod.server";
import { Products, UnitForm } from "~/components/admin/unit-forms";
import { actOnUnit, loadUnitPage, type UnitActionData, type UnitPage } from "~/domain/admin/unit-page.server";
import { requireUnitAdmin } from "~/domain/admin/units.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { useT, type MessageKey } from "~/services/i18n";
import { AdminErrorBoundary } from "~/components/admin-error-boundary";
import { pageTitle } from "~/services/meta";
import { readForm } from "~/services/form-body.server";

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, args.params.id === NEW ? "admin.unit.newTitle" : "admin.unit.editTitle");

const NEW = "baru";
const notFound = () => new Response("Not found", { status: 404 });

/** null for a new unit ("baru"), the unit id otherwise; 404 for anything else. */
function unitIdOf(params: LoaderFunctionArgs["params"]): string | null {
  if (params.id === NEW) return null;
  const parsed = z.uuid().safeParse(params.id);
  if (!parsed.success) throw notFound();
  return parsed.data.toLowerCase();
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  await requireUnitAdmin(db, request, appNow());
  const page = await loadUnitPage(db, unitIdOf(params));
  if (!page) throw notFound();
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const user = await requireUnitAdmin(db, request, appNow());
  const id = unitIdOf(params);
  const values: Record<string, string> = {};
  for (const [key, value] of await readForm(request)) if (typeof value === "string") values[key] = value;
  const result = await actOnUnit(db, id, values, { actorUserId: user.id });
  if (result.kind === "not_found") throw notFound();
  if (result.kind === "refused") return Response.json(result.data, { status: result.status });
  return redirect(result.to);
}

const DONE_KEYS: Record<string, MessageKey> = {
  created: "admin.unit.done.created",
  saved: "admin.unit.done.saved",
  unchanged: "admin.unit.done.unchanged",
  addProduct: "admin.products.done.addProduct",
  renameProduct: "admin.products.done.renameProduct",
  deactivateProduct: "admin.products.done.deactivateProduct",
  reactivateProduct: "admin.products.done.reactivateProduct",
};

export default function AdminUnit() {
  const t = useT();
  const { unit, parents } = useLoaderData<typeof loader>() as UnitPage;
  const data = useActionData<UnitActionData>();
  const [params] = useSearchParams();
  const done = params.get("selesai");

  return (
    <>
      <p>
        <Link to="/staf/admin/unit">{t("admin.units.back")}</Link>
      </p>
      <h1>{unit ? `${t("admin.unit.editTitle")}: ${unit.name}` : t("admin.unit.newTitle")}</h1>
      {done && DONE_KEYS[done] ? (
        <p className="notice notice--ok" role="status" data-testid="done">
          {t(DONE_KEYS[done])}
        </p>
      ) : null}
      <UnitForm unit={unit} parents={parents} data={data} />

      <h2 id="produk">{t("admin.products.title")}</h2>
      {unit ? <Products unit={unit} data={data?.intent && data.intent !== "save" ? data : undefined} /> : <p>{t("admin.products.saveFirst")}</p>}
    </>
  );
}

export function ErrorBoundary() {
  return <AdminErrorBoundary back={{ to: "/staf/admin/unit", label: "admin.units.back" }} />;
}
