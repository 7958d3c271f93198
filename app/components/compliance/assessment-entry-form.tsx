import { Form, useActionData } from "@remix-run/react";
import { ErrorSummary, Field } from "~/components/forms";
import { ASSESSMENT_METHODS, ASSESSMENT_SCOPES, DIMENSION_FIELDS, DIMENSIONS } from "~/domain/compliance/assessment-entry";
import type { AssessmentEntryActionData } from "~/domain/compliance/assessment-entry-form.server";
import { METHODS } from "~/domain/compliance/methods";
import type { listAssessmentSubjects } from "~/models/compliance.server";
import { useLocale, useT, type MessageKey } from "~/services/i18n";

type AssessmentSubjects = Awaited<ReturnType<typeof listAssessmentSubjects>>;

export const formatScore = (value: number | null, locale: string) =>
  value === null ? "–" : new Intl.NumberFormat(locale === "en" ? "en-GB" : "id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);

/** Types in one result from the Ombudsman's report; "Hitung" previews the total and grade before saving. */
export function EntryForm({ subjects }: { subjects: AssessmentSubjects }) {
  const t = useT();
  const locale = useLocale();
  const actionData = useActionData<AssessmentEntryActionData>();
  const values = actionData?.values ?? { method: "OPINI_2025", scope: "UNIT", year: "" };
  const errors = actionData?.errors ?? {};
  const preview = actionData?.preview ?? null;
  const v = (field: string) => values[field] ?? "";
  const labels: Record<string, string> = {
    year: t("assessment.field.year"),
    method: t("assessment.field.method"),
    scope: t("assessment.field.scope"),
    unitId: t("assessment.field.unitId"),
    productId: t("assessment.field.productId"),
    totalScore: t("assessment.field.totalScore"),
    opinionLabel: t("assessment.field.opinionLabel"),
    source: t("assessment.field.source"),
    sourceUrl: t("assessment.field.sourceUrl"),
    notes: t("assessment.field.notes"),
    replace: t("assessment.field.replace"),
    form: t("assessment.field.form"),
    ...Object.fromEntries(DIMENSIONS.map((d) => [DIMENSION_FIELDS[d], t(`assessment.dimension.${d}` as MessageKey)])),
  };
  const weightHint = (dimension: (typeof DIMENSIONS)[number]) =>
    ASSESSMENT_METHODS.filter((m) => METHODS[m].weights[dimension] !== undefined)
      .map((m) => t("assessment.weightIn", { method: t(`assessment.method.${m}` as MessageKey), weight: formatScore(METHODS[m].weights[dimension]!, locale) }))
      .join("; ");
  return (
    <section className="card" aria-labelledby="entry-title" data-testid="assessment-entry">
      <h2 id="entry-title">{t("assessment.entry.title")}</h2>
      <p>{t("assessment.entry.lead")}</p>
      <ErrorSummary errors={errors} labels={labels} />
      {preview ? (
        <div className="notice" role="status" data-testid="assessment-preview">
          <p>
            {t("assessment.preview.result", {
              total: formatScore(preview.total, locale),
              zone: t(`assessment.zone.${preview.zone}` as MessageKey),
              label: preview.grade ? `${preview.grade} (${preview.opinion})` : preview.opinion,
            })}
          </p>
          {preview.computedTotal !== null ? <p>{t("assessment.preview.computed", { total: formatScore(preview.computedTotal, locale) })}</p> : null}
          {preview.differs ? <p>{t("assessment.preview.differs", { published: formatScore(preview.total, locale), computed: formatScore(preview.computedTotal, locale) })}</p> : null}
          {preview.confirmed ? null : <p>{t("assessment.preview.unconfirmedBands")}</p>}
        </div>
      ) : null}
      <Form method="post" className="stack admin-form" noValidate>
        <Field id="year" label={labels.year!} error={errors.year} required>
          {(props) => <input {...props} name="year" type="number" inputMode="numeric" min={2013} max={2100} defaultValue={v("year")} />}
        </Field>
        <Field id="method" label={labels.method!} error={errors.method} required>
          {(props) => (
            <select {...props} name="method" defaultValue={v("method")}>
              {ASSESSMENT_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`assessment.method.${m}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="scope" label={labels.scope!} hint={t("assessment.field.scopeHint")} error={errors.scope} required>
          {(props) => (
            <select {...props} name="scope" defaultValue={v("scope")}>
              {ASSESSMENT_SCOPES.map((s) => (
                <option key={s} value={s}>
                  {t(`assessment.scope.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="unitId" label={labels.unitId!} hint={t("assessment.field.unitIdHint")} error={errors.unitId}>
          {(props) => (
            <select {...props} name="unitId" defaultValue={v("unitId")}>
              <option value="">{t("assessment.field.choose")}</option>
              {subjects.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="productId" label={labels.productId!} hint={t("assessment.field.productIdHint")} error={errors.productId}>
          {(props) => (
            <select {...props} name="productId" defaultValue={v("productId")}>
              <option value="">{t("assessment.field.choose")}</option>
              {subjects.productGroups.map((group) => (
                <optgroup key={group.unitName} label={group.unitName}>
                  {group.products.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <fieldset>
          <legend>{t("assessment.field.dimensions")}</legend>
          <p className="field__hint">{t("assessment.field.dimensionsHint")}</p>
          {DIMENSIONS.map((d) => (
            <Field key={d} id={DIMENSION_FIELDS[d]} label={labels[DIMENSION_FIELDS[d]]!} hint={weightHint(d)} error={errors[DIMENSION_FIELDS[d]]}>
              {(props) => <input {...props} name={DIMENSION_FIELDS[d]} type="text" inputMode="decimal" maxLength={6} defaultValue={v(DIMENSION_FIELDS[d])} />}
            </Field>
          ))}
        </fieldset>
        <Field id="totalScore" label={labels.totalScore!} hint={t("assessment.field.totalScoreHint")} error={errors.totalScore}>
          {(props) => <input {...props} name="totalScore" type="text" inputMode="decimal" maxLength={6} defaultValue={v("totalScore")} />}
        </Field>
        <Field id="opinionLabel" label={labels.opinionLabel!} hint={t("assessment.field.opinionLabelHint")} error={errors.opinionLabel}>
          {(props) => <input {...props} name="opinionLabel" type="text" maxLength={120} defaultValue={v("opinionLabel")} />}
        </Field>
        <Field id="withoutMaladministration" label={t("assessment.field.withoutMaladministration")} hint={t("assessment.field.withoutMaladministrationHint")}>
          {(props) => <input {...props} name="withoutMaladministration" type="checkbox" defaultChecked={v("withoutMaladministration") === "on"} />}
        </Field>
        <Field id="source" label={labels.source!} hint={t("assessment.field.sourceHint")} error={errors.source} required>
          {(props) => <input {...props} name="source" type="text" maxLength={500} defaultValue={v("source")} />}
        </Field>
        <Field id="sourceUrl" label={labels.sourceUrl!} error={errors.sourceUrl}>
          {(props) => <input {...props} name="sourceUrl" type="url" maxLength={1000} defaultValue={v("sourceUrl")} />}
        </Field>
        <Field id="confirmed" label={t("assessment.field.confirmed")} hint={t("assessment.field.confirmedHint")}>
          {(props) => <input {...props} name="confirmed" type="checkbox" defaultChecked={v("confirmed") === "on"} />}
        </Field>
        <Field id="notes" label={labels.notes!} error={errors.notes}>
          {(props) => <textarea {...props} name="notes" rows={3} maxLength={2000} defaultValue={v("notes")} />}
        </Field>
        <Field id="replace" label={labels.replace!} hint={t("assessment.field.replaceHint")} error={errors.replace}>
          {(props) => <input {...props} name="replace" type="checkbox" defaultChecked={v("replace") === "on"} />}
        </Field>
        <div className="actions">
          <button type="submit" name="intent" value="preview" className="button button--secondary">
            {t("assessment.entry.preview")}
          </button>
          <button type="submit" name="intent" value="save" className="button">
            {t("assessment.entry.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}

