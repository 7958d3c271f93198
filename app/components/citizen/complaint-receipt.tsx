import { Link } from "@remix-run/react";
import type { FileComplaintActionData } from "~/domain/complaints/file-complaint-form.server";
import { useT } from "~/services/i18n";

/** The receipt: the tracking code and, once only, the PIN. */
export function ComplaintReceipt({ data }: { data: Extract<FileComplaintActionData, { status: "submitted" }> }) {
  const t = useT();
  // A replay after the window: the complaint exists once, its PIN was shown on the first answer.
  const replay = data.pin === null;
  return (
    <section aria-labelledby="receipt-title" className="receipt">
      <h1 id="receipt-title">{t(replay ? "receipt.replay.title" : "receipt.title")}</h1>
      <p>{t(replay ? "receipt.replay.lead" : "receipt.lead")}</p>
      <dl className="receipt__codes">
        <dt>{t("receipt.code")}</dt>
        <dd>
          <code data-testid="tracking-code">{data.trackingCode}</code>
        </dd>
        {data.pin === null ? null : (
          <>
            <dt>{t("receipt.pin")}</dt>
            <dd>
              <code data-testid="tracking-pin">{data.pin}</code>
            </dd>
          </>
        )}
      </dl>
      {replay ? (
        <div className="notice" data-testid="pin-shown-once">
          <p>{t("receipt.pinShown")}</p>
          <p>{t(data.hadEmail ? "receipt.pinShown.email" : "receipt.pinShown.noEmail")}</p>
        </div>
      ) : (
        <p className="notice">{t("receipt.pinOnce")}</p>
      )}
      {data.hadEmail && !replay ? <p>{t("receipt.emailed")}</p> : null}
      {data.outsideWindow ? <p className="notice">{t("form.warning.oldIncident")}</p> : null}
      <p>
        <Link className="button" to={`/lacak?kode=${encodeURIComponent(data.trackingCode)}`}>
          {t("receipt.trackCta")}
        </Link>
      </p>
    </section>
  );
}
