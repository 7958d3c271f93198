import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { EntryForm } from "~/components/compliance/assessment-entry-form";
import { AssessmentTable } from "~/components/compliance/assessment-table";
import { Field } from "~/components/forms";
import { requireAssessmentReader } from "~/domain/compliance/access.server";
import { submitAssessmentEntry } from "~/domain/compliance/assessment-entry-form.server";
import { listAssessmentResults } from "~/domain/compliance/assessment-list.server";
import { listAssessmentSubjects, listAssessmentYears } from "~/models/compliance.server";
import { useT } from "~/services/i18n";
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
    listAssessmentResults(db, { year }),
    listAssessmentYears(db),
    canManage ? listAssessmentSubjects(db) : Promise.resolve(null),
  ]);
  return { assessments, years, year, subjects, canManage };
}

export async function action({ request }: ActionFunctionArgs) {
  const { db, user, canManage } = await requireAssessmentReader(request);
  if (!canManage) throw new Response("Forbidden", { status: 403 });
  const values: Record<string, string> = {};
  for (const [key, value] of await readForm(request)) if (typeof value === "string") values[key] = value;
  const result = await submitAssessmentEntry(db, values, { actorUserId: user.id });
  if (result.kind === "answer") return Response.json(result.data, { status: result.status });
  return redirect(`${PATH}?tahun=${result.year}&selesai=${result.replaced ? "ganti" : "simpan"}${result.differs ? "&beda=1" : ""}`);
}

export default function AssessmentsPage() {
  const t = useT();
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
      <AssessmentTable assessments={assessments} year={year} path={PATH} />
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
