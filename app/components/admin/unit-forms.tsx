import { Form, useNavigation } from "@remix-run/react";
import { ErrorSummary, Field, FormAlert } from "~/components/forms";
import { UNIT_KINDS } from "~/domain/admin/form-options";
import type { UnitActionData, UnitFormIntent, UnitPage } from "~/domain/admin/unit-page.server";
import { useT, type MessageKey } from "~/services/i18n";

function SubmitButton({ intent, label, secondary }: { intent: UnitFormIntent; label: string; secondary?: boolean }) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <button type="submit" name="intent" value={intent} className={secondary ? "button button--secondary" : "button"} disabled={busy}>
      {busy ? t("form.submitting") : label}
    </button>
  );
}

/** The unit's own fields; what was typed survives a refusal, otherwise the stored unit (or blanks for a new one). */
export function UnitForm({ unit, parents, data }: { unit: UnitPage["unit"]; parents: UnitPage["parents"]; data: UnitActionData | undefined }) {
  const t = useT();
  const saveData = data?.intent === "save" ? data : undefined;
  const errors = saveData?.errors ?? {};
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

    </>
  );
}

type UnitView = NonNullable<UnitPage["unit"]>;

/** The unit's service products: rename, (de)activate, add. */
export function Products({ unit, data }: { unit: UnitView; data: UnitActionData | undefined }) {
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

