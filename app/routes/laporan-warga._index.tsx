import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PublicReportFilters } from "~/components/public-reports/report-filters";
import { PublicReportList } from "~/components/public-reports/report-list";
import { PublicReportMap } from "~/components/public-reports/report-map";
import { listPublicFilterOptions, listPublicReports } from "~/domain/public-reports/public-reports.server";
import { EXPORT_MAX_LIMIT, parsePublicReportQuery, publicReportFilterParams } from "~/domain/public-reports/query.server";
import { getDb } from "~/services/db.server";
import { useT } from "~/services/i18n";
import { tileLayer } from "~/services/map-config.server";
import { pageTitle } from "~/services/meta";

// The same for every visitor of a language: a shared cache may keep it a minute (the language is
// the visitor's cookie, hence Vary).
export const headers: HeadersFunction = () => ({ "Cache-Control": "public, max-age=60", Vary: "Cookie" });

export const meta: MetaFunction = (args) => pageTitle(args, "publicReport.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const query = parsePublicReportQuery(new URL(request.url).searchParams);
  const [page, options] = await Promise.all([listPublicReports(db, query), listPublicFilterOptions(db)]);
  const filters = publicReportFilterParams(query).toString();
  return {
    page,
    options,
    filters,
    paged: query.after !== null,
    values: { kecamatan: query.kecamatanCode ?? "", unit: query.unitId ?? "", status: query.group ?? "", month: query.month ?? "" },
    tiles: tileLayer(),
    exportMax: EXPORT_MAX_LIMIT,
  };
}

const withParams = (path: string, filters: string, extra: Record<string, string> = {}) => {
  const params = new URLSearchParams(filters);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
};

export default function PublicReports() {
  const t = useT();
  const { page, options, filters, paged, values, tiles, exportMax } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("publicReport.title")}</h1>
      <p className="lead">{t("publicReport.lead")}</p>
      <PublicReportFilters values={values} kecamatan={options.kecamatan} units={options.units} />
      <PublicReportMap tiles={tiles} filters={filters} />
      <section aria-labelledby="public-list-title">
        <h2 id="public-list-title">{t("publicReport.list.title")}</h2>
        <PublicReportList items={page.items} />
        <nav className="pager" aria-label={t("publicReport.list.title")}>
          {paged ? <Link to={withParams("/laporan-warga", filters)}>{t("publicReport.first")}</Link> : null}{" "}
          {page.next ? (
            <Link to={withParams("/laporan-warga", filters, { setelah: page.next })} rel="next" data-testid="public-next">
              {t("publicReport.next")}
            </Link>
          ) : null}
        </nav>
      </section>
      <section aria-labelledby="public-download-title">
        <h2 id="public-download-title">{t("publicReport.download.title")}</h2>
        <p className="field__hint">{t("publicReport.download.hint", { n: exportMax })}</p>
        <ul className="public-downloads">
          <li>
            <a href={withParams("/laporan-warga.csv", filters)} download data-testid="public-csv">
              {t("publicReport.download.csv")}
            </a>
          </li>
          <li>
            <a href={withParams("/laporan-warga.geojson", filters)} download data-testid="public-geojson">
              {t("publicReport.download.geojson")}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
