import { Form, useNavigation, useSearchParams } from "@remix-run/react";
import { SUPPORT_OUTCOME_PARAM, supportOutcomeOf } from "~/domain/support/support";
import { useT, type MessageKey } from "~/services/i18n";

/**
 * "Saya juga mengalami ini": one support per browser, no account (#14, ADR 038). Posts to
 * /laporan-warga/:code/dukung, which answers with a redirect back to the report page carrying the
 * outcome (POST-redirect-GET). The e-mail is optional and only for this report's status changes.
 */
export function SupportForm({ trackingCode, count, withEmail = true }: { trackingCode: string; count?: number; withEmail?: boolean }) {
  const t = useT();
  const navigation = useNavigation();
  const action = `/laporan-warga/${trackingCode}/dukung`;
  const sending = navigation.state === "submitting" && navigation.formAction === action;
  const id = `dukung-${trackingCode}`;
  // The outcome of the last support comes back in the address (POST-redirect-GET): only the report's own form shows it.
  const [params] = useSearchParams();
  const outcome = withEmail ? supportOutcomeOf(params.get(SUPPORT_OUTCOME_PARAM)) : null;
  return (
    <Form method="post" action={action} className="support-form" aria-labelledby={`${id}-title`} data-testid="support-form" id={withEmail ? "dukung" : undefined}>
      {outcome ? (
        <p className={`notice${outcome === "limited" || outcome === "invalidEmail" ? " notice--warning" : " notice--ok"}`} role="status" data-testid="support-outcome">
          {t(`support.outcome.${outcome}` as MessageKey)}
        </p>
      ) : null}
      {count === undefined ? (
        <h2 id={`${id}-title`}>{t("support.title")}</h2>
      ) : (
        <p id={`${id}-title`} className="support-form__count" data-testid="support-form-count">
          {t("support.count", { count })}
        </p>
      )}
      {withEmail ? (
        <div className="field">
          <label htmlFor={`${id}-email`} className="field__label">
            {t("support.email")}
          </label>
          <p id={`${id}-email-hint`} className="field__hint">
            {t("support.email.hint")}
          </p>
          <input id={`${id}-email`} name="email" type="email" autoComplete="email" inputMode="email" maxLength={254} aria-describedby={`${id}-email-hint`} />
        </div>
      ) : null}
      <button type="submit" className="button" disabled={sending} aria-disabled={sending}>
        {t("support.button")}
      </button>
    </Form>
  );
}
