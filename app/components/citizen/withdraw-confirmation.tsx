import { Form, Link, useNavigation } from "@remix-run/react";
import { Field, FormAlert } from "~/components/forms";
import { STATUS_KEYS } from "~/components/citizen/tracking-summary";
import { WITHDRAW_CONFIRMED, WITHDRAW_STEP } from "~/domain/complaints/withdrawal";
import { useT } from "~/services/i18n";

/** The withdrawal's confirmation step: what it means, an optional reason, a warning button and a way back. */
export function WithdrawConfirmation({ trackingCode, status, errors, reason }: { trackingCode: string; status: string; errors: Record<string, string>; reason: string }) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "withdraw";
  return (
    <>
      <h1>{t("track.withdraw.confirm.title")}</h1>
      <FormAlert message={errors.form} />
      <dl className="summary">
        <dt>{t("receipt.code")}</dt>
        <dd>
          <code>{trackingCode}</code>
        </dd>
        <dt>{t("track.view.status")}</dt>
        <dd data-testid="status">{t(STATUS_KEYS[status] ?? "status.SUBMITTED")}</dd>
      </dl>
      <p className="notice notice--warning">
        <strong>{t("track.withdraw.confirm.warning")}</strong>
      </p>
      <Form method="post" action={`/lacak/${trackingCode}?${WITHDRAW_STEP}=1`} className="stack" noValidate>
        <input type="hidden" name="intent" value="withdraw" />
        <input type="hidden" name="confirmed" value={WITHDRAW_CONFIRMED} />
        <Field id="withdraw-reason" label={t("track.withdraw.reason")} error={errors.reason}>
          {(props) => <textarea {...props} name="reason" rows={3} maxLength={2000} defaultValue={reason} />}
        </Field>
        <div className="actions">
          <button type="submit" name="submit" className="button button--warning" disabled={busy}>
            {busy ? t("form.submitting") : t("track.withdraw.confirm.submit")}
          </button>
          <Link className="button-link" to={`/lacak/${trackingCode}`}>
            {t("track.withdraw.confirm.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
