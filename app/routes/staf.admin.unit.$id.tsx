import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, isRouteErrorResponse, useActionData, useLoaderData, useNavigation, useRouteError, useSearchParams } from "@remix-run/react";
import { z } from "~/services/zod.server";
import { ErrorSummary, Field, FormAlert } from "~/components/forms";
import {
  changeProduct,
  getUnitForEdit,
  listUnitTree,
  PRODUCT_INTENTS,
  ProductActionSchema,
  requireUnitAdmin,
  saveUnit,
  subtreeIds,
  UnitFormSchema,
  unitRefusalField,
  type ProductIntent,
} from "~/domain/admin/units.server";
import { UNIT_KINDS } from "~/domain/admin/form-options";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { firstIssuePerField } from "~/services/form-errors";
import { useT, type MessageKey } from "~/services/i18n";
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
  const id = unitIdOf(params);
  const unit = id ? await getUnitForEdit(db, id) : null;
  if (id && !unit) throw notFound();
  const tree = await listUnitTree(db);
  // The unit itself and the units below it cannot be its parent (the server refuses them too).
  const excluded = id ? subtreeIds(tree, id) : new Set<string>();
  const parents = tree.filter((row) => !excluded.has(row.id)).map((row) => ({ id: row.id, label: `${"— ".repeat(row.depth)}${row.name} (${row.code})` }));
  return { unit, parents };
}

type Intent = "save" | ProductIntent;
type ActionData = { intent: Intent | null; productId?: string; errors: Record<string, string>; values: Record<string, string> };

const isProductIntent = (value: unknown): value is ProductIntent => typeof value === "string" && (PRODUCT_INTENTS as readonly string[]).includes(value);

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const user = await requireUnitAdmin(db, request, appNow());
  const id = unitIdOf(params);
  const values: Record<string, string> = {};
  for (const [key, value] of await readForm(request)) if (typeof value === "string") values[key] = value;
  const intent: Intent | null = values.intent === "save" ? "save" : isProductIntent(values.intent) ? values.intent : null;
  const productId = values.productId;
  const fail = (errors: Record<string, string>, status: number) => Response.json({ intent, productId, errors, values } satisfies ActionData, { status });

  if (intent === "save") {
    const parsed = UnitFormSchema.safeParse(values);
    if (!parsed.success) return fail(firstIssuePerField(parsed.error) as Record<string, string>, 400);
    const outcome = await saveUnit(db, id, parsed.data, { actorUserId: user.id });
    if (!outcome.ok) {
      if (outcome.reason === "not_found") throw notFound();
      return fail({ [unitRefusalField(outcome.reason)]: `admin.refusal.${outcome.reason}` }, outcome.reason === "code_taken" ? 409 : 400);
    }
    const done = outcome.created ? "created" : outcome.changed.length > 0 ? "saved" : "unchanged";
    return redirect(`/staf/admin/unit/${outcome.id}?selesai=${done}`);
  }
  if (intent === null || id === null) return fail({ form: "form.error.invalid" }, 400);
  const parsed = ProductActionSchema.safeParse(values);
  if (!parsed.success) return fail(firstIssuePerField(parsed.error) as Record<string, string>, 400);
  const outcome = await changeProduct(db, id, parsed.data, { actorUserId: user.id });
  if (!outcome.ok) {
    if (outcome.reason === "not_found") return fail({ form: "admin.refusal.not_found" }, 404);
    return fail({ code: "admin.refusal.code_taken" }, 409);
  }
  return redirect(`/staf/admin/unit/${id}?selesai=${outcome.intent}#produk`);
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

function SubmitButton({ intent, label, secondary }: { intent: Intent; label: string; secondary?: boolean }) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <button type="submit" name="intent" value={intent} className={secondary ? "button button--secondary" : "button"} disabled={busy}>
      {busy ? t("form.submitting") : label}
    </button>
  );
}

export default function AdminUnit() {
  const t = useT();
  const { unit, parents } = useLoaderData<typeof loader>();
  const data = useActionData<ActionData>();
  const [params] = useSearchParams();
  const done = params.get("selesai");
  const saveData = data?.intent === "save" ? data : undefined;
  const errors = saveData?.errors ?? {};
  // What was typed survives a refusal; otherwise the stored unit (or blanks for a new one).
  const value = (field: string, stored: string) => (saveData ? (saveData.values[field] ?? "") : stored);
  const active = saveData ? saveData.values.isActive === "on" : (unit?.isActive ?? true);
  const labels: Record<string, string> = {
    code: t("admin.unit.code"),
    kind: t("admin.unit.kind"),
    name: t("admin.unit.name"),
    shortName: t("admin.unit.shortName"),
    parentId: t("admin.unit.parent"),
    contactEmails: t("admin.unit.contactEmails"),
  };
  const { form: formError, ...fieldErrors } = errors;

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
      <ErrorSummary errors={fieldErrors} labels={labels} />
      <FormAlert message={formError} />
      <Form method="post" className="stack admin-form" noValidate data-testid="unit-form">
        <Field id="code" label={labels.code!} hint={t("admin.unit.codeHint")} error={errors.code} required>
          {(props) => <input {...props} name="code" type="text" autoCapitalize="characters" spellCheck={false} maxLength={40} defaultValue={value("code", unit?.code ?? "")} />}
        </Field>
        <Field id="kind" label={labels.kind!} error={errors.kind} required>
          {(props) => (
            <select {...props} name="kind" defaultValue={value("kind", unit?.kind ?? "")}>
              <option value="">{t("admin.unit.kindChoose")}</option>
              {UNIT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`admin.kind.${kind}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="name" label={labels.name!} error={errors.name} required>
          {(props) => <input {...props} name="name" type="text" maxLength={200} defaultValue={value("name", unit?.name ?? "")} />}
        </Field>
        <Field id="shortName" label={labels.shortName!} error={errors.shortName} required>
          {(props) => <input {...props} name="shortName" type="text" maxLength={80} defaultValue={value("shortName", unit?.shortName ?? "")} />}
        </Field>
        <Field id="parentId" label={labels.parentId!} hint={t("admin.unit.parentHint")} error={errors.parentId}>
          {(props) => (
            <select {...props} name="parentId" defaultValue={value("parentId", unit?.parentId ?? "")}>
              <option value="">{t("admin.unit.parentNone")}</option>
              {parents.map((parent) => (
                <option key={parent.id} value={parent.id}>
                  {parent.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="contactEmails" label={labels.contactEmails!} hint={t("admin.unit.contactEmailsHint")} error={errors.contactEmails}>
          {(props) => <textarea {...props} name="contactEmails" rows={3} spellCheck={false} defaultValue={value("contactEmails", unit?.contactEmails.join("\n") ?? "")} />}
        </Field>
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" name="isActive" defaultChecked={active} /> {t("admin.unit.isActive")}
          </label>
        </div>
        <SubmitButton intent="save" label={unit ? t("admin.unit.save") : t("admin.unit.create")} />
      </Form>

      <h2 id="produk">{t("admin.products.title")}</h2>
      {unit ? <Products unit={unit} data={data?.intent && data.intent !== "save" ? data : undefined} /> : <p>{t("admin.products.saveFirst")}</p>}
    </>
  );
}

type UnitView = NonNullable<Awaited<ReturnType<typeof loader>>["unit"]>;

function Products({ unit, data }: { unit: UnitView; data: ActionData | undefined }) {
  const t = useT();
  const addData = data?.intent === "addProduct" ? data : undefined;
  const rowData = (productId: string) => (data && data.intent !== "addProduct" && data.productId === productId ? data : undefined);
  return (
    <>
      {data && data.intent !== "addProduct" && !unit.products.some((product) => product.id === data.productId) ? <FormAlert message={data.errors.form ?? "form.error.invalid"} /> : null}
      {unit.products.length === 0 ? (
        <p>{t("admin.products.empty")}</p>
      ) : (
        <ul className="admin-products" data-testid="products">
          {unit.products.map((product) => {
            const mine = rowData(product.id);
            return (
              <li key={product.id} className="card" data-testid="product" data-code={product.code}>
                <p>
                  <code>{product.code}</code> · {product.isActive ? t("admin.products.active") : <strong>{t("admin.products.inactive")}</strong>}
                </p>
                <FormAlert message={mine?.errors.form} />
                <Form method="post" className="stack" noValidate>
                  <input type="hidden" name="productId" value={product.id} />
                  <Field id={`name-${product.id}`} label={t("admin.products.name")} error={mine?.errors.name} required>
                    {(props) => <input {...props} name="name" type="text" maxLength={300} defaultValue={mine ? (mine.values.name ?? "") : product.name} />}
                  </Field>
                  <Field id={`nameEn-${product.id}`} label={t("admin.products.nameEn")} error={mine?.errors.nameEn} required>
                    {(props) => <input {...props} name="nameEn" type="text" maxLength={300} defaultValue={mine ? (mine.values.nameEn ?? "") : product.nameEn} />}
                  </Field>
                  <div className="actions">
                    <SubmitButton intent="renameProduct" label={t("admin.products.rename")} />
                    {product.isActive ? (
                      <SubmitButton intent="deactivateProduct" label={t("admin.products.deactivate")} secondary />
                    ) : (
                      <SubmitButton intent="reactivateProduct" label={t("admin.products.reactivate")} secondary />
                    )}
                  </div>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
      <section className="card" aria-labelledby="add-product" data-testid="add-product">
        <h3 id="add-product">{t("admin.products.add")}</h3>
        <Form method="post" className="stack" noValidate>
          <Field id="product-code" label={t("admin.products.code")} hint={t("admin.unit.codeHint")} error={addData?.errors.code} required>
            {(props) => <input {...props} name="code" type="text" autoCapitalize="characters" spellCheck={false} maxLength={40} defaultValue={addData?.values.code ?? ""} />}
          </Field>
          <Field id="product-name" label={t("admin.products.name")} error={addData?.errors.name} required>
            {(props) => <input {...props} name="name" type="text" maxLength={300} defaultValue={addData?.values.name ?? ""} />}
          </Field>
          <Field id="product-nameEn" label={t("admin.products.nameEn")} error={addData?.errors.nameEn} required>
            {(props) => <input {...props} name="nameEn" type="text" maxLength={300} defaultValue={addData?.values.nameEn ?? ""} />}
          </Field>
          <SubmitButton intent="addProduct" label={t("admin.products.addSubmit")} />
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <>
      <h1>{t(forbidden ? "admin.forbidden.title" : "error.title")}</h1>
      <p>{forbidden ? t("admin.forbidden.body") : t(notFound ? "error.notFound" : "error.generic")}</p>
      <p>
        <Link to={forbidden ? "/staf" : "/staf/admin/unit"}>{t(forbidden ? "admin.menu.back" : "admin.units.back")}</Link>
      </p>
    </>
  );
}
