import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useRouteError } from "@remix-run/react";
import { Field, FormAlert } from "~/components/forms";
import type { CsvProblem } from "~/domain/compliance/assessment-csv";
import { requireAssessmentReader } from "~/domain/compliance/access.server";
import { importAssessmentCsv } from "~/domain/compliance/import-assessments.server";
import { useT, type MessageKey } from "~/services/i18n";
import { pageTitle } from "~/services/meta";
import { parseFormWithFiles, refuseUnreadableForm } from "~/services/multipart.server";

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "assessment.import.title", [{ name: "robots", content: "noindex" }]);

/** A year's results for a city fit in a few kilobytes; 1 MB leaves room for every product. */
const MAX_CSV_BYTES = 1024 * 1024;

async function requireImporter(request: Request) {
  const access = await requireAssessmentReader(request);
  if (!access.canManage) throw new Response("Forbidden", { status: 403 });
  return access;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireImporter(request);
  return null;
}

type ActionData = { error: string | null; problems: CsvProblem[]; fileName: string | null };

export async function action({ request }: ActionFunctionArgs) {
  const { db, user } = await requireImporter(request);
  const { files } = await parseFormWithFiles(request, { maxFileBytes: MAX_CSV_BYTES, maxFiles: 1 }).catch(refuseUnreadableForm);
  const file = files.find((f) => f.field === "file");
  if (!file) return Response.json({ error: "assessment.import.noFile", problems: [], fileName: null } satisfies ActionData, { status: 400 });
  if (file.oversize) return Response.json({ error: "assessment.import.tooLarge", problems: [], fileName: file.fileName } satisfies ActionData, { status: 400 });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(file.bytes);
  } catch {
    return Response.json({ error: "assessment.import.notUtf8", problems: [], fileName: file.fileName } satisfies ActionData, { status: 400 });
  }
  const outcome = await importAssessmentCsv(db, text, { actorUserId: user.id });
  if (!outcome.ok) return Response.json({ error: "assessment.import.refused", problems: outcome.problems, fileName: file.fileName } satisfies ActionData, { status: 400 });
  return redirect(`/staf/kepatuhan?selesai=impor&jumlah=${outcome.imported}`);
}

export default function AssessmentImport() {
  const t = useT();
  const actionData = useActionData<ActionData>();
  return (
    <>
      <p>
        <Link to="/staf/kepatuhan">{t("assessment.import.back")}</Link>
      </p>
      <h1>{t("assessment.import.title")}</h1>
      <p>{t("assessment.import.lead")}</p>
      <p>
        <a href="/staf/kepatuhan/templat.csv" download>
          {t("assessment.template")}
        </a>
      </p>
      <FormAlert message={actionData?.error} />
      {actionData && actionData.problems.length > 0 ? (
        <section className="error-summary" aria-labelledby="problems-title" data-testid="csv-problems">
          <h2 id="problems-title">{t("assessment.import.problemsTitle", { count: actionData.problems.length, file: actionData.fileName ?? "" })}</h2>
          <ul>
            {actionData.problems.map((p, index) => (
              <li key={index}>
                {`${p.column ? t("assessment.import.problemAt", { line: p.line, column: p.column }) : t("assessment.import.problemLine", { line: p.line })}: ${t(p.key as MessageKey, p.vars)}`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack">
        <Field id="file" label={t("assessment.import.file")} hint={t("assessment.import.fileHint")} required>
          {(props) => <input {...props} name="file" type="file" accept=".csv,text/csv" />}
        </Field>
        <button type="submit" className="button">
          {t("assessment.import.submit")}
        </button>
      </Form>
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
        <Link to="/staf/kepatuhan">{t("assessment.import.back")}</Link>
      </p>
    </>
  );
}
