import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "~/services/zod.server";
import { Field, FormAlert } from "~/components/forms";
import { hasPermission } from "~/domain/auth/permissions";
import { ApiClientFormSchema, createApiClient, revokeApiClient } from "~/domain/admin/api-clients.server";
import { OPEN311_BASE_PATH } from "~/domain/open311/georeport";
import { listApiClients } from "~/models/api-clients.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";
import { formatWib } from "~/services/format";
import { firstIssuePerField } from "~/services/form-errors";
import { useLocale, useT } from "~/services/i18n";
import { pageTitle } from "~/services/meta";
import { requireStaffUser } from "~/services/session.server";
import { readForm } from "~/services/form-body.server";

// A freshly created key is on the page: never cache it anywhere.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "open311Admin.title", [{ name: "robots", content: "noindex" }]);

const PATH = "/staf/admin/open311";

async function requireApiClientAdmin(request: Request) {
  const db = getDb();
  const user = await requireStaffUser(db, request, appNow());
  if (!hasPermission(user, "manage:apiclient:any")) throw new Response("Forbidden", { status: 403 });
  return { db, user };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { db } = await requireApiClientAdmin(request);
  return { clients: await listApiClients(db), endpoint: `${getEnv().PUBLIC_BASE_URL.replace(/\/$/, "")}${OPEN311_BASE_PATH}/discovery.json` };
}

type ActionData =
  | { status: "created"; name: string; key: string }
  | { status: "invalid"; errors: Record<string, string>; values: Record<string, string> };

const revokeSchema = () => z.object({ id: z.uuid() });

export async function action({ request }: ActionFunctionArgs) {
  const { db, user } = await requireApiClientAdmin(request);
  const values: Record<string, string> = {};
  for (const [key, value] of await readForm(request)) if (typeof value === "string") values[key] = value;

  if (values.intent === "revoke") {
    const parsed = revokeSchema().safeParse(values);
    if (!parsed.success) return Response.json({ status: "invalid", errors: { form: "open311Admin.error.notFound" }, values: {} } satisfies ActionData, { status: 404 });
    const outcome = await revokeApiClient(db, { id: parsed.data.id.toLowerCase(), actorUserId: user.id, now: appNow() });
    if (!outcome.ok) {
      const notFound = outcome.reason === "not_found";
      return Response.json(
        { status: "invalid", errors: { form: notFound ? "open311Admin.error.notFound" : "open311Admin.error.alreadyRevoked" }, values: {} } satisfies ActionData,
        { status: notFound ? 404 : 409 },
      );
    }
    return redirect(`${PATH}?selesai=revoked`);
  }

  const parsed = ApiClientFormSchema.safeParse(values);
  if (!parsed.success) {
    return Response.json({ status: "invalid", errors: firstIssuePerField(parsed.error, "open311Admin.error.nameRequired") as Record<string, string>, values } satisfies ActionData, {
      status: 400,
    });
  }
  const created = await createApiClient(db, { input: parsed.data, actorUserId: user.id });
  // Shown once, in this response only (no redirect: the key must not sit in a URL or a session).
  return Response.json({ status: "created", name: parsed.data.name, key: created.key } satisfies ActionData, { headers: { "Cache-Control": "no-store" } });
}

export default function Open311Admin() {
  const t = useT();
  const locale = useLocale();
  const { clients, endpoint } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [params] = useSearchParams();
  const invalid = actionData?.status === "invalid" ? actionData : undefined;
  return (
    <>
      <p>
        <Link to="/staf/admin">{t("admin.menu.home")}</Link>
      </p>
      <h1>{t("open311Admin.title")}</h1>
      <p>{t("open311Admin.lead")}</p>
      <p>
        {t("open311Admin.endpoint")}
        <code>{endpoint}</code>
      </p>
      {params.get("selesai") === "revoked" ? (
        <p className="notice notice--ok" role="status">
          {t("open311Admin.done.revoked")}
        </p>
      ) : null}
      {actionData?.status === "created" ? (
        <section className="card" aria-labelledby="new-key-title" data-testid="new-api-key">
          <h2 id="new-key-title">{t("open311Admin.created.title", { name: actionData.name })}</h2>
          <p className="notice">{t("open311Admin.created.body")}</p>
          <p>
            <code data-testid="api-key">{actionData.key}</code>
          </p>
        </section>
      ) : null}
      {invalid && !invalid.errors.name ? <FormAlert message={invalid.errors.form} /> : null}
      {clients.length === 0 ? (
        <p>{t("open311Admin.none")}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="api-clients">
            <caption>{t("open311Admin.tableLabel")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("open311Admin.col.name")}</th>
                <th scope="col">{t("open311Admin.col.key")}</th>
                <th scope="col">{t("open311Admin.col.created")}</th>
                <th scope="col">{t("open311Admin.col.lastUsed")}</th>
                <th scope="col">{t("open311Admin.col.requests")}</th>
                <th scope="col">{t("open311Admin.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((client) => (
                <tr key={client.id} data-testid="api-client-row" data-id={client.id}>
                  <th scope="row">{client.name}</th>
                  <td>
                    <code>{client.keyPrefix}…</code>
                  </td>
                  <td>
                    {formatWib(client.createdAt, locale)}
                    {client.createdByName ? ` (${client.createdByName})` : null}
                  </td>
                  <td>{client.lastUsedAt ? formatWib(client.lastUsedAt, locale) : t("open311Admin.never")}</td>
                  <td>{client.requestCount}</td>
                  <td>
                    {client.revokedAt ? (
                      t("open311Admin.revoked", { date: formatWib(client.revokedAt, locale) })
                    ) : (
                      <Form method="post" action={PATH}>
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="id" value={client.id} />
                        {t("open311Admin.active")}{" "}
                        <button type="submit" className="button button--secondary" aria-label={t("open311Admin.revokeLabel", { name: client.name })}>
                          {t("open311Admin.revoke")}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="card" aria-labelledby="new-client-title">
        <h2 id="new-client-title">{t("open311Admin.new")}</h2>
        <Form method="post" action={PATH} className="stack" noValidate>
          <input type="hidden" name="intent" value="create" />
          <Field id="name" label={t("open311Admin.field.name")} hint={t("open311Admin.field.nameHint")} error={invalid?.errors.name} required>
            {(props) => <input {...props} name="name" type="text" maxLength={120} defaultValue={invalid?.values.name ?? ""} />}
          </Field>
          <button type="submit" className="button">
            {t("open311Admin.create")}
          </button>
        </Form>
      </section>
    </>
  );
}

export { AdminErrorBoundary as ErrorBoundary } from "~/components/admin-error-boundary";
