import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCatalogueSummary } from "~/models/catalogue.server";
import { getDb } from "~/services/db.server";
import { withDatabase } from "~/services/db-errors.server";
import { DEFAULT_LOCALE, isLocale, translate, useT } from "~/services/i18n";

export const meta: MetaFunction = ({ matches }) => {
  const rootData = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  const locale = isLocale(rootData?.locale) ? rootData.locale : DEFAULT_LOCALE;
  return [{ title: translate(locale, "app.name") }, { name: "description", content: translate(locale, "app.tagline") }];
};

export async function loader() {
  // The home page is where citizens arrive: during a database restart it says "try again shortly" (503).
  return withDatabase(() => getCatalogueSummary(getDb()));
}

const VISIBILITIES = ["PUBLIC", "RAHASIA", "ANONIM"] as const;

export default function Home() {
  const t = useT();
  const summary = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <p className="actions">
        <Link className="button" to="/lapor">
          {t("home.fileCta")}
        </Link>
        <Link className="button button--secondary" to="/lacak">
          {t("home.trackCta")}
        </Link>
      </p>
      <h2>{t("home.stepsTitle")}</h2>
      <ol>
        <li>{t("home.step1")}</li>
        <li>{t("home.step2")}</li>
        <li>{t("home.step3")}</li>
        <li>{t("home.step4")}</li>
      </ol>
      <h2>{t("home.visibilityTitle")}</h2>
      <ul>
        {VISIBILITIES.map((visibility) => (
          <li key={visibility}>{t(`home.visibility.${visibility}`)}</li>
        ))}
      </ul>
      <p>{t("home.stats", { units: summary.units, products: summary.products })}</p>
      {summary.hasDemoData ? (
        <p className="notice" role="note">
          {t("home.demoNotice")}
        </p>
      ) : null}
    </>
  );
}
