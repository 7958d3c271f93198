import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { z } from "~/services/zod.server";
import { Field, FormAlert } from "~/components/forms";
import { hasPermission } from "~/domain/auth/permissions";
import { canManageTemplates, listTemplates, managesAnyTemplates, saveTemplate, TemplateFormSchema, type TemplateRow } from "~/domain/admin/templates.server";
import { TEMPLATE_LOCALES } from "~/domain/admin/form-options";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { firstIssuePerField } from "~/services/form-errors";
import { useT, type MessageKey } from "~/services/i18n";
import { pageTitle } from "~/services/meta";
import { requireStaffUser, type StaffUser } from "~/services/session.server";
import { readForm } from "~/services/form-body.server";

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "templates.title", [{ name: "robots", content: "noindex" }]);

const PATH = "/staf/admin/template";
const forbidden = () => new Response("Forbidden", { status: 403 });

async function requireTemplateManager(request: Request) {
  const db = getDb();
  const user = await requireStaffUser(db, request, appNow());
  if (!managesAnyTemplates(user)) throw forbidden();
  return { db, user };
}

/** The units the user may pick: every active unit for ADMIN, their own units for a UNIT_HEAD. */
async function manageableUnits(user: StaffUser) {
  const db = getDb();
  if (hasPermission(user, "manage:template:any")) {
    return db.serviceUnit.findMany({ where: { isActive: true }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  }
  const ids = user.memberships.filter((m) => m.role === "UNIT_HEAD").map((m) => m.unitId);
  return db.serviceUnit.findMany({ where: { id: { in: ids } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** `?unit=` as a unit the user may manage: 403 for a unit that is not theirs, null when absent. */
async function unitFromQuery(request: Request, user: StaffUser) {
  const raw = new URL(request.url).searchParams.get("unit");
  if (!raw) return null;
  const parsed = z.uuid().safeParse(raw);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const unitId = parsed.data.toLowerCase();
  if (!canManageTemplates(user, unitId)) throw forbidden();
  const unit = await getDb().serviceUnit.findUnique({ where: { id: unitId }, select: { id: true, name: true } });
  if (!unit) throw new Response("Not found", { status: 404 });
  return unit;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, user } = await requireTemplateManager(request);
  const [unit, units] = await Promise.all([unitFromQuery(request, user), manageableUnits(user)]);
  const templates = unit ? await listTemplates(db, unit.id) : [];
  const editing = new URL(request.url).searchParams.get("ubah");
  return { unit, units, templates, editing: templates.some((tpl) => tpl.id === editing) ? editing : null };
}

type ActionData = { id: string | null; errors: Record<string, string>; values: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const { db, user } = await requireTemplateManager(request);
  const unit = await unitFromQuery(request, user);
  const values: Record<string, string> = {};
  for (const [key, value] of await readForm(request)) if (typeof value === "string") values[key] = value;
  if (!unit) return Response.json({ id: null, errors: { form: "templates.error.unit" }, values } satisfies ActionData, { status: 400 });
  const idParse = z.uuid().safeParse(values.id);
  const id = idParse.success ? idParse.data.toLowerCase() : null;
  if (values.id && !id) return Response.json({ id: null, errors: { form: "templates.error.notFound" }, values } satisfies ActionData, { status: 404 });
  const parsed = TemplateFormSchema.safeParse(values);
  if (!parsed.success) {
    return Response.json({ id, errors: firstIssuePerField(parsed.error, "templates.error.invalid") as Record<string, string>, values } satisfies ActionData, { status: 400 });
  }
  const outcome = await saveTemplate(db, { unitId: unit.id, id, input: parsed.data, actorUserId: user.id });
  if (!outcome.ok) return Response.json({ id, errors: { form: "templates.error.notFound" }, values } satisfies ActionData, { status: 404 });
  return redirect(`${PATH}?unit=${unit.id}&selesai=1`);
}

function TemplateForm({ template, unitId }: { template: TemplateRow | undefined; unitId: string }) {
  const t = useT();
  const actionData = useActionData<ActionData>();
  const data = actionData && actionData.id === (template?.id ?? null) ? actionData : undefined;
  const values: Record<string, string> = data
    ? data.values
    : template
      ? { title: template.title, body: template.body, locale: template.locale, isActive: template.isActive ? "on" : "" }
      : { locale: "id", isActive: "on" };
  const errors = data?.errors ?? {};
  const v = (field: string) => values[field] ?? "";
  const prefix = template ? "edit" : "new";
  return (
    <section className="card" aria-labelledby={`template-${prefix}-title`} data-testid={`template-form-${prefix}`}>
      <h2 id={`template-${prefix}-title`}>{template ? t("templates.edit", { title: template.title }) : t("templates.new")}</h2>
      <FormAlert message={errors.form} />
      <Form method="post" action={`${PATH}?unit=${unitId}`} className="stack" noValidate key={template?.id ?? "new"}>
        {template ? <input type="hidden" name="id" value={template.id} /> : null}
        <Field id={`${prefix}-title`} label={t("templates.field.title")} error={errors.title} required>
          {(props) => <input {...props} name="title" type="text" maxLength={200} defaultValue={v("title")} />}
        </Field>
        <Field id={`${prefix}-body`} label={t("templates.field.body")} hint={t("templates.field.bodyHint")} error={errors.body} required>
          {(props) => <textarea {...props} name="body" rows={6} maxLength={5000} defaultValue={v("body")} />}
        </Field>
        <Field id={`${prefix}-locale`} label={t("templates.field.locale")} error={errors.locale} required>
          {(props) => (
            <select {...props} name="locale" defaultValue={v("locale")}>
              {TEMPLATE_LOCALES.map((locale) => (
                <option key={locale} value={locale}>
                  {t(`templates.locale.${locale}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${prefix}-isActive`} label={t("templates.field.isActive")} error={errors.isActive}>
          {(props) => <input {...props} name="isActive" type="checkbox" defaultChecked={v("isActive") === "on"} />}
        </Field>
        <button type="submit" className="button">
          {t("templates.save")}
        </button>
      </Form>
    </section>
  );
}

export default function TemplateAdmin() {
  const t = useT();
  const { unit, units, templates, editing } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [params] = useSearchParams();
  return (
    <>
      <p>
        <Link to="/staf">{t("templates.back")}</Link>
      </p>
      <h1>{t("templates.title")}</h1>
      <p>{t("templates.lead")}</p>
      {params.get("selesai") ? (
        <p className="notice notice--ok" role="status">
          {t("templates.saved")}
        </p>
      ) : null}
      <Form method="get" className="stack">
        <Field id="unit" label={t("templates.unit")}>
          {(props) => (
            <select {...props} name="unit" defaultValue={unit?.id ?? ""}>
              <option value="">{t("templates.chooseUnit")}</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button button--secondary">
          {t("templates.show")}
        </button>
      </Form>
      {!unit ? (
        <>
          {actionData ? <FormAlert message={actionData.errors.form} /> : null}
          <p>{t("templates.pickUnit")}</p>
        </>
      ) : (
        <>
          <h2>{t("templates.ofUnit", { unit: unit.name })}</h2>
          {templates.length === 0 ? (
            <p>{t("templates.none")}</p>
          ) : (
            <ul data-testid="templates">
              {templates.map((tpl) => (
                <li key={tpl.id} data-testid="template-row" data-id={tpl.id}>
                  <strong>{tpl.title}</strong> ({t(`templates.locale.${tpl.locale}` as MessageKey)}) · {tpl.isActive ? t("templates.active") : t("templates.inactive")} ·{" "}
                  <Link to={`?unit=${unit.id}&ubah=${tpl.id}`}>{t("templates.editLink")}</Link>
                </li>
              ))}
            </ul>
          )}
          {editing ? <TemplateForm template={templates.find((tpl) => tpl.id === editing)} unitId={unit.id} /> : null}
          <TemplateForm template={undefined} unitId={unit.id} />
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  const isForbidden = isRouteErrorResponse(error) && error.status === 403;
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <>
      <h1>{isForbidden ? t("templates.forbidden.title") : t("error.generic")}</h1>
      {isForbidden ? <p>{t("templates.forbidden.body")}</p> : notFound ? <p>{t("error.notFound")}</p> : null}
      <p>
        <Link to="/staf">{t("templates.back")}</Link>
      </p>
    </>
  );
}
