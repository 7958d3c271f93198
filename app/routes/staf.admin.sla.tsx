import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isRouteErrorResponse, Link, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { z } from "~/services/zod.server";
import { PolicyForm, type SlaPolicyActionData } from "~/components/admin/sla-policy-form";
import { canManageSla, listPolicies, parsePolicyForm, policyRefusalField, savePolicy } from "~/domain/admin/sla.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { useT, type MessageKey } from "~/services/i18n";
import { pageTitle } from "~/services/meta";
import { requireStaffUser } from "~/services/session.server";
import { readForm } from "~/services/form-body.server";

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "adminSla.sla.title", [{ name: "robots", content: "noindex" }]);

const PATH = "/staf/admin/sla";
const NEW = "baru";

async function requireSlaAdmin(request: Request) {
  const db = getDb();
  const user = await requireStaffUser(db, request, appNow());
  if (!canManageSla(user)) throw new Response("Forbidden", { status: 403 });
  return { db, user };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { db } = await requireSlaAdmin(request);
  const selected = new URL(request.url).searchParams.get("kebijakan");
  const [policies, units] = await Promise.all([
    listPolicies(db),
    db.serviceUnit.findMany({ where: { isActive: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { policies, units, selected: selected === NEW || policies.some((p) => p.id === selected) ? selected : null };
}

type ActionData = SlaPolicyActionData;

export async function action({ request }: ActionFunctionArgs) {
  const { db, user } = await requireSlaAdmin(request);
  const values: Record<string, string> = {};
  for (const [key, value] of await readForm(request)) if (typeof value === "string") values[key] = value;
  const idParse = z.uuid().safeParse(values.id);
  const id = idParse.success ? idParse.data.toLowerCase() : null;
  if (values.id && !id) return Response.json({ id: null, errors: { form: "adminSla.error.notFound" }, values } satisfies ActionData, { status: 404 });
  const parsed = parsePolicyForm(values);
  if (!parsed.ok) return Response.json({ id, errors: parsed.errors, values } satisfies ActionData, { status: 400 });
  const outcome = await savePolicy(db, id, parsed.input, { actorUserId: user.id });
  if (!outcome.ok) {
    const status = outcome.reason === "not_found" ? 404 : 400;
    return Response.json({ id, errors: { [policyRefusalField(outcome.reason)]: `adminSla.refusal.${outcome.reason}` }, values } satisfies ActionData, { status });
  }
  return redirect(`${PATH}?kebijakan=${outcome.id}&selesai=1`);
}

export default function SlaAdmin() {
  const t = useT();
  const { policies, units, selected } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const policy = policies.find((p) => p.id === selected);
  return (
    <>
      <p>
        <Link to="/staf">{t("adminSla.back")}</Link>
      </p>
      <h1>{t("adminSla.sla.title")}</h1>
      <p>{t("adminSla.sla.lead")}</p>
      {params.get("selesai") ? (
        <p className="notice notice--ok" role="status">
          {t("adminSla.saved")}
        </p>
      ) : null}
      <div className="table-scroll">
        <table data-testid="policies">
          <thead>
            <tr>
              <th scope="col">{t("adminSla.sla.code")}</th>
              <th scope="col">{t("adminSla.sla.name")}</th>
              <th scope="col">{t("adminSla.sla.scope")}</th>
              <th scope="col">{t("adminSla.sla.isActive")}</th>
              <th scope="col">{t("adminSla.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {policies.map((p) => (
              <tr key={p.id} data-testid="policy-row" data-id={p.id}>
                <th scope="row">
                  <code>{p.code}</code>
                </th>
                <td>{p.name}</td>
                <td>
                  {p.isDefault
                    ? t("adminSla.sla.default")
                    : [p.unitName, p.productName, p.category, p.priority ? t(`adminSla.priority.${p.priority}` as MessageKey) : null].filter(Boolean).join(" · ")}
                </td>
                <td>{p.isActive ? t("adminSla.yes") : t("adminSla.no")}</td>
                <td>
                  <Link to={`?kebijakan=${p.id}`}>{t("adminSla.edit")}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <Link to={`?kebijakan=${NEW}`}>{t("adminSla.sla.new")}</Link>
      </p>
      {selected ? <PolicyForm policy={policy} units={units} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  return (
    <>
      <h1>{forbidden ? t("adminSla.forbidden.title") : t("error.generic")}</h1>
      {forbidden ? <p>{t("adminSla.forbidden.body")}</p> : null}
      <p>
        <Link to="/staf">{t("adminSla.back")}</Link>
      </p>
    </>
  );
}
