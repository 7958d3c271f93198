import { Form, Link, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { SupportForm } from "~/components/public-reports/support-form";
import type { SimilarReport } from "~/domain/complaints/similar-reports.server";
import type { FileComplaintActionData } from "~/domain/complaints/file-complaint-form.server";
import { useLocale, useT, type MessageKey } from "~/services/i18n";

/** The field names the similar-reports step reads (the complaint form's own and L1's map pin). */
const WATCHED = ["productId", "latitude", "longitude"] as const;
const DECISION_FIELD = "similarDecision";

function ReportSummary({ report }: { report: SimilarReport }) {
  const t = useT();
  const locale = useLocale();
  const product = locale === "en" ? (report.productNameEn ?? report.productName) : report.productName;
  return (
    <>
      <p className="similar-report__title">
        <Link to={`/laporan-warga/${report.trackingCode}`}>
          <code>{report.trackingCode}</code>
        </Link>{" "}
        · {product ?? t("similar.noProduct")}
      </p>
      <p className="similar-report__meta">
        {t(`status.${report.status}` as MessageKey)}
        {report.unitName ? ` · ${report.unitName}` : ""}
        {report.kelurahanName ? ` · ${report.kelurahanName}` : ""}
        {report.distanceMeters !== null ? ` · ${t("similar.distance", { meters: report.distanceMeters })}` : ""}
      </p>
      {report.excerpt ? <p className="similar-report__excerpt">{report.excerpt}</p> : null}
    </>
  );
}

/**
 * With JavaScript, inside the complaint form: once a service or a pin is chosen, up to five open
 * public reports like it, each with a way to support it instead. Nothing here is a form of its own
 * (forms do not nest): "support" posts through a fetcher. Once a list was shown, the form tells the
 * server so (`similarDecision=seen`) and the step between form and receipt is skipped.
 */
export function SimilarReports() {
  const t = useT();
  const anchor = useRef<HTMLDivElement>(null);
  const list = useFetcher<{ reports: SimilarReport[] }>();
  const support = useFetcher();
  const [query, setQuery] = useState("");
  const { load } = list;

  useEffect(() => {
    const form = anchor.current?.closest("form");
    if (!form) return;
    const read = () => {
      const data = new FormData(form);
      const params = new URLSearchParams();
      for (const name of WATCHED) {
        const value = data.get(name);
        if (typeof value === "string" && value.trim() !== "") params.set(name, value.trim());
      }
      setQuery(params.toString());
    };
    read();
    form.addEventListener("change", read);
    return () => form.removeEventListener("change", read);
  }, []);

  useEffect(() => {
    if (query) load(`/lapor/serupa?${query}`);
  }, [query, load]);

  const reports = query ? (list.data?.reports ?? []) : [];
  return (
    <div ref={anchor} className="similar-reports" aria-live="polite" data-testid="similar-inline">
      {reports.length > 0 ? (
        <section aria-labelledby="similar-inline-title" className="notice">
          <input type="hidden" name={DECISION_FIELD} value="seen" />
          <h2 id="similar-inline-title">{t("similar.title")}</h2>
          <p>{t("similar.lead")}</p>
          <ul className="similar-reports__list">
            {reports.map((report) => (
              <li key={report.trackingCode} className="similar-report" data-testid="similar-report">
                <ReportSummary report={report} />
                <p className="similar-report__count">{t("support.count", { count: report.supportCount })}</p>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={support.state !== "idle"}
                  onClick={() => support.submit(null, { method: "post", action: `/laporan-warga/${report.trackingCode}/dukung` })}
                >
                  {t("similar.supportInstead")}
                </button>
              </li>
            ))}
          </ul>
          <p className="field__hint">{t("similar.continueHint")}</p>
        </section>
      ) : null}
    </div>
  );
}

/**
 * Without JavaScript (or when the list was not seen): the step between the form and the receipt.
 * Every field typed comes back as a hidden input; files cannot, so the citizen who attached some
 * chooses them again here.
 */
export function SimilarReportsStep({ data }: { data: Extract<FileComplaintActionData, { status: "similar" }> }) {
  const t = useT();
  return (
    <>
      <h1>{t("similar.title")}</h1>
      <p className="lead">{t("similar.stepLead")}</p>
      <ul className="similar-reports__list">
        {data.reports.map((report) => (
          <li key={report.trackingCode} className="similar-report" data-testid="similar-report">
            <ReportSummary report={report} />
            <SupportForm trackingCode={report.trackingCode} count={report.supportCount} withEmail={false} />
          </li>
        ))}
      </ul>
      <Form method="post" encType="multipart/form-data" className="stack similar-reports__continue" data-testid="similar-continue">
        {Object.entries(data.kept).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name={DECISION_FIELD} value="different" />
        {data.hadFiles ? (
          <div className="field">
            <label htmlFor="attachments" className="field__label">
              {t("form.attachments")}
            </label>
            <p id="attachments-hint" className="field__hint">
              {t("similar.reselectFiles")}
            </p>
            <input id="attachments" name="attachments" type="file" multiple accept="image/jpeg,image/png,application/pdf" aria-describedby="attachments-hint" />
          </div>
        ) : null}
        <button type="submit" className="button">
          {t("similar.different")}
        </button>
      </Form>
    </>
  );
}
