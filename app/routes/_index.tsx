import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCatalogueSummary } from "~/models/catalogue.server";
import { getDb } from "~/services/db.server";
import { lookupMessage, mergeMessages, useT } from "~/services/i18n";

export const meta: MetaFunction = ({ matches }) => {
  const messages = mergeMessages(matches);
  return [{ title: lookupMessage(messages, "app.name") }, { name: "description", content: lookupMessage(messages, "app.tagline") }];
};

export async function loader() {
  return getCatalogueSummary(getDb());
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
