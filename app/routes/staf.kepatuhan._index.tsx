import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { ErrorSummary, Field } from "~/components/forms";
import { requireAssessmentReader } from "~/domain/compliance/access.server";
import {
  ASSESSMENT_METHODS,
  ASSESSMENT_SCOPES,
  computeAssessmentResult,
  DIMENSION_FIELDS,
  DIMENSIONS,
  dimensionsOf,
  type AssessmentResult,
} from "~/domain/compliance/assessment-entry";
import { AssessmentFormSchema } from "~/domain/compliance/assessment-form.server";
import { enterAssessment } from "~/domain/compliance/enter-assessment.server";
import { METHODS } from "~/domain/compliance/methods";
import { listAssessments, listAssessmentSubjects, listAssessmentYears } from "~/models/compliance.server";
import { firstIssuePerField } from "~/services/form-errors";
import { useLocale, useT, type MessageKey } from "~/services/i18n";
import { pageTitle } from "~/services/meta";
import { readForm } from "~/services/form-body.server";

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "assessment.title", [{ name: "robots", content: "noindex" }]);

const PATH = "/staf/kepatuhan";

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, canManage } = await requireAssessmentReader(request);
  const yearParam = Number(new URL(request.url).searchParams.get("tahun"));
  const year = Number.isInteger(yearParam) && yearParam >= 2013 && yearParam <= 2100 ? yearParam : null;
  const [assessments, years, subjects] = await Promise.all([
    listAssessments(db, { year }),
    listAssessmentYears(db),
    canManage ? listAssessmentSubjects(db) : Promise.resolve(null),
  ]);
  return { assessments, years, year, subjects, canManage };
}

type ActionData = {
  errors: Record<string, string>;
  values: Record<string, string>;
  preview: (Pick<AssessmentResult, "computedTotal" | "total" | "differs"> & { zone: string; grade: string | null; opinion: string; confirmed: boolean }) | null;
};

export async function action({ request }: ActionFunctionArgs) {
  const { db, user, canManage } = await requireAssessmentReader(request);
  if (!canManage) throw new Response("Forbidden", { status: 403 });
  const values: Record<string, string> = {};
  for (const [key, value] of await readForm(request)) if (typeof value === "string") values[key] = value;
  const parsed = AssessmentFormSchema.safeParse(values);
  if (!parsed.success) {
    return Response.json({ errors: firstIssuePerField(parsed.error, "assessment.error.invalid") as Record<string, string>, values, preview: null } satisfies ActionData, { status: 400 });
  }
  if (values.intent === "preview") {
    // "Hitung": the computed total and grade without saving, so the form works without JavaScript.
    const result = computeAssessmentResult(parsed.data.method, dimensionsOf(parsed.data), parsed.data.totalScore, { withoutMaladministration: parsed.data.withoutMaladministration });
    const { zone, grade, opinion, confirmed } = result.classification;
    return Response.json({ errors: {}, values, preview: { computedTotal: result.computedTotal, total: result.total, differs: result.differs, zone, grade: parsed.data.method === "ZONA_2013" ? null : grade, opinion, confirmed } } satisfies ActionData);
  }
  const outcome = await enterAssessment(db, parsed.data, { actorUserId: user.id });
  if (!outcome.ok) return Response.json({ errors: outcome.errors as Record<string, string>, values, preview: null } satisfies ActionData, { status: 400 });
  return redirect(`${PATH}?tahun=${parsed.data.year}&selesai=${outcome.replaced ? "ganti" : "simpan"}${outcome.result.differs ? "&beda=1" : ""}`);
}

const formatScore = (value: number | null, locale: string) =>
  value === null ? "–" : new Intl.NumberFormat(locale === "en" ? "en-GB" : "id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);

function EntryForm({ subjects }: { subjects: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["subjects"]> }) {
  const t = useT();
  const locale = useLocale();
  const actionData = useActionData<ActionData>();
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

export default function AssessmentsPage() {
  const t = useT();
  const locale = useLocale();
  const { assessments, years, year, subjects, canManage } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const done = params.get("selesai");
  return (
    <>
      <p>
        <Link to="/staf">{t("assessment.back")}</Link>
      </p>
      <h1>{t("assessment.title")}</h1>
      <p>{t("assessment.lead")}</p>
      {canManage ? null : <p className="notice">{t("assessment.readOnly")}</p>}
      {done ? (
        <div className="notice notice--ok" role="status">
          <p>
            {done === "impor"
              ? t("assessment.imported", { count: Number(params.get("jumlah")) || 0 })
              : t(done === "ganti" ? "assessment.replaced" : "assessment.saved")}
          </p>
          {params.get("beda") ? <p>{t("assessment.savedDiffers")}</p> : null}
        </div>
      ) : null}
      <ul>
        <li>
          <a href={`${PATH}/templat.csv`} download>
            {t("assessment.template")}
          </a>
        </li>
        {canManage ? (
          <li>
            <Link to={`${PATH}/impor`}>{t("assessment.importLink")}</Link>
          </li>
        ) : null}
      </ul>
      <Form method="get" className="stack">
        <Field id="tahun" label={t("assessment.filter.year")}>
          {(props) => (
            <select {...props} name="tahun" defaultValue={year ?? ""}>
              <option value="">{t("assessment.filter.allYears")}</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button button--secondary">
          {t("assessment.filter.apply")}
        </button>
      </Form>
      <div className="table-scroll">
        <table data-testid="assessments">
          <caption>{year ? t("assessment.list.captionYear", { year }) : t("assessment.list.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("assessment.field.year")}</th>
              <th scope="col">{t("assessment.field.subject")}</th>
              <th scope="col">{t("assessment.field.method")}</th>
              <th scope="col">{t("assessment.field.totalScore")}</th>
              <th scope="col">{t("assessment.field.result")}</th>
              <th scope="col">{t("assessment.field.confirmed")}</th>
              <th scope="col">{t("assessment.field.source")}</th>
            </tr>
          </thead>
          <tbody>
            {assessments.map((a) => (
              <tr key={a.id} data-testid="assessment-row" data-id={a.id}>
                <td>{a.year}</td>
                <th scope="row">
                  {a.scope === "CITY" ? t("assessment.scope.CITY") : a.subjectName}
                  {a.scope === "PRODUCT" && a.unitName ? <div>{a.unitName}</div> : null}
                  <div>
                    <Link to={`${PATH}/${a.id}`} data-testid="assessment-findings-link">
                      {t("assessment.findings.link")}
                    </Link>
                    {a.findingCount > 0 ? ` · ${t("assessment.findings.unmetCount", { count: a.unmetCount })}` : null}
                  </div>
                </th>
                <td>{t(`assessment.method.${a.method}` as MessageKey)}</td>
                <td>
                  {formatScore(a.totalScore, locale)}
                  {a.dimensions.length > 0 ? (
                    <div>
                      {a.dimensions.map((d) => `${t(`assessment.dimension.${d.dimension}` as MessageKey)} ${formatScore(d.score, locale)}`).join(" · ")}
                    </div>
                  ) : null}
                  {a.computedTotalDiffers !== null ? <div data-testid="assessment-differs">{t("assessment.list.differs", { computed: formatScore(a.computedTotalDiffers, locale) })}</div> : null}
                </td>
                <td>{[a.grade, a.zone ? t(`assessment.zone.${a.zone}` as MessageKey) : null, a.opinionLabel].filter(Boolean).join(" · ") || "–"}</td>
                <td>{a.confirmed ? t("assessment.yes") : t("assessment.no")}</td>
                <td>{a.sourceUrl ? <a href={a.sourceUrl} rel="noreferrer noopener">{a.source}</a> : a.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {assessments.length === 0 ? <p>{t("assessment.list.none")}</p> : null}
      {canManage && subjects ? <EntryForm subjects={subjects} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  return (
    <>
      <h1>{forbidden ? t("assessment.forbidden.title") : t("error.generic")}</h1>
      {forbidden ? <p>{t("assessment.forbidden.body")}</p> : null}
      <p>
        <Link to="/staf">{t("assessment.back")}</Link>
      </p>
    </>
  );
}
