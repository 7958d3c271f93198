import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { PublicReportDetail } from "~/components/public-reports/report-detail";
import { SupportForm } from "~/components/public-reports/support-form";
import { SUPPORTABLE_STATUSES } from "~/domain/support/support";
import { getPublicReport, type PublicReportView } from "~/domain/public-reports/public-reports.server";
import { getDb } from "~/services/db.server";
import { useT } from "~/services/i18n";
import { pageTitle } from "~/services/meta";

// Not kept by shared caches: the support form on it answers per browser.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-cache" });

export const meta: MetaFunction = (args) => pageTitle(args, "publicReport.title");

export async function loader({ params }: LoaderFunctionArgs) {
  const view = await getPublicReport(getDb(), params.code ?? "");
  // An unknown code, an unverified or RAHASIA complaint: the same "not found", so the page does not
  // tell which codes exist.
  if (!view) throw new Response("Not found", { status: 404 });
  return view;
}

export default function PublicReport() {
  const t = useT();
  const view = useLoaderData<typeof loader>() as PublicReportView;
  return (
    <>
      <p>
        <Link to="/laporan-warga">{t("publicReport.detail.back")}</Link>
      </p>
      <h1>{t("publicReport.detail.title", { code: view.trackingCode })}</h1>
      <PublicReportDetail view={view}>
        {(SUPPORTABLE_STATUSES as readonly string[]).includes(view.status) ? <SupportForm trackingCode={view.trackingCode} /> : null}
      </PublicReportDetail>
    </>
  );
}

export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <>
      <h1>{t(notFound ? "publicReport.notFound.title" : "error.title")}</h1>
      <p>{t(notFound ? "publicReport.notFound.body" : "error.generic")}</p>
      <p>
        <Link to="/laporan-warga">{t("publicReport.detail.back")}</Link>
      </p>
    </>
  );
}
