import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useNavigation, useRouteError, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms";
import { requireAssessmentReader } from "~/domain/compliance/access.server";
import { noteField, statusField } from "~/domain/compliance/component-findings";
import { getAssessmentFindings, parseComponentFindings, saveComponentFindings } from "~/domain/compliance/component-findings.server";
import { isUuid } from "~/models/inbox.server";
import { readForm } from "~/services/form-body.server";
import { useLocale, useT, type MessageKey } from "~/services/i18n";
import { pageTitle } from "~/services/meta";

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "assessment.findings.title", [{ name: "robots", content: "noindex" }]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, canManage } = await requireAssessmentReader(request);
  const view = isUuid(params.id) ? await getAssessmentFindings(db, params.id!.toLowerCase()) : null;
  if (!view) throw new Response("Not Found", { status: 404 });
  return { view, canManage };
}

type ActionData = { errors: Record<string, string>; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, user, canManage } = await requireAssessmentReader(request);
  if (!canManage) throw new Response("Forbidden", { status: 403 });
  if (!isUuid(params.id)) throw new Response("Not Found", { status: 404 });
  const values: Record<string, string> = {};
  for (const [key, value] of await readForm(request)) if (typeof value === "string") values[key] = value;
  const parsed = parseComponentFindings(values);
  if (!parsed.ok) return Response.json({ errors: parsed.errors, values } satisfies ActionData, { status: 400 });
  const outcome = await saveComponentFindings(db, params.id!.toLowerCase(), parsed.findings, { actorUserId: user.id });
  if (!outcome.ok) throw new Response("Not Found", { status: 404 });
  return redirect(`/staf/kepatuhan/${params.id!.toLowerCase()}?selesai=simpan`);
}

export default function AssessmentFindings() {
  const t = useT();
  const locale = useLocale();
  const { view, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const findingOf = (n: number) => view.findings.find((f) => f.componentNumber === n);
  const statusOf = (n: number) => actionData?.values[statusField(n)] ?? (findingOf(n) ? (findingOf(n)!.compliant ? "MET" : "NOT_MET") : "");
  const noteOf = (n: number) => actionData?.values[noteField(n)] ?? findingOf(n)?.note ?? "";
  const nameOf = (c: { nameId: string; nameEn: string }) => (locale === "en" ? c.nameEn : c.nameId);
  const errors = actionData?.errors ?? {};
  const labels = Object.fromEntries(view.components.flatMap((c) => [[statusField(c.number), `${c.number}. ${nameOf(c)}`], [noteField(c.number), `${c.number}. ${nameOf(c)}`]]));
  const unmet = view.findings.filter((f) => !f.compliant).length;
  return (
    <>
      <p>
        <Link to={`/staf/kepatuhan?tahun=${view.year}`}>{t("assessment.findings.back")}</Link>
      </p>
      <h1>{t("assessment.findings.heading", { subject: view.scope === "CITY" ? t("assessment.scope.CITY") : (view.subjectName ?? "–"), year: view.year })}</h1>
      <p>
        {t(`assessment.method.${view.method}` as MessageKey)}
        {view.totalScore !== null ? ` · ${view.totalScore.toFixed(2)}` : ""}
        {view.grade ? ` · ${view.grade}` : ""}
        {view.zone ? ` · ${t(`assessment.zone.${view.zone}` as MessageKey)}` : ""}
      </p>
      <p>{t("assessment.findings.lead")}</p>
      {params.get("selesai") ? (
        <p className="notice notice--ok" role="status">
          {t("assessment.findings.saved")}
        </p>
      ) : null}
      <p data-testid="findings-summary">
        {view.findings.length === 0 ? t("assessment.findings.none") : t("assessment.findings.summary", { assessed: view.findings.length, unmet })}
      </p>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" className="stack" noValidate>
        <div className="table-scroll" role="region" aria-label={t("assessment.findings.caption")} tabIndex={0}>
          <table data-testid="component-findings">
            <caption>{t("assessment.findings.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("assessment.findings.component")}</th>
                <th scope="col">{t("assessment.findings.status")}</th>
                <th scope="col">{t("assessment.findings.note")}</th>
              </tr>
            </thead>
            <tbody>
              {view.components.map((c) => {
                const error = errors[statusField(c.number)] ?? errors[noteField(c.number)];
                return (
                  <tr key={c.number} data-testid="component-row" data-component={c.number} data-status={statusOf(c.number) || "NONE"}>
                    <th scope="row" id={`component-${c.number}`}>
                      {c.number}. {nameOf(c)}
                      {error ? (
                        <p className="field__error" id={`${statusField(c.number)}-error`}>
                          {t(error as MessageKey)}
                        </p>
                      ) : null}
                    </th>
                    <td>
                      {canManage ? (
                        <select
                          id={statusField(c.number)}
                          name={statusField(c.number)}
                          defaultValue={statusOf(c.number)}
                          aria-labelledby={`component-${c.number}`}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${statusField(c.number)}-error` : undefined}
                        >
                          <option value="">{t("assessment.findings.status.NONE")}</option>
                          <option value="MET">{t("assessment.findings.status.MET")}</option>
                          <option value="NOT_MET">{t("assessment.findings.status.NOT_MET")}</option>
                        </select>
                      ) : (
                        t(`assessment.findings.status.${statusOf(c.number) || "NONE"}` as MessageKey)
                      )}
                    </td>
                    <td>
                      {canManage ? (
                        <input
                          id={noteField(c.number)}
                          name={noteField(c.number)}
                          type="text"
                          maxLength={500}
                          defaultValue={noteOf(c.number)}
                          aria-label={t("assessment.findings.noteFor", { component: `${c.number}. ${nameOf(c)}` })}
                        />
                      ) : (
                        noteOf(c.number) || "–"
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {canManage ? (
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("assessment.findings.saving") : t("assessment.findings.save")}
          </button>
        ) : null}
      </Form>
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
      <h1>{forbidden ? t("assessment.forbidden.title") : notFound ? t("error.notFound") : t("error.generic")}</h1>
      {forbidden ? <p>{t("assessment.forbidden.body")}</p> : null}
      <p>
        <Link to="/staf/kepatuhan">{t("assessment.findings.back")}</Link>
      </p>
    </>
  );
}
