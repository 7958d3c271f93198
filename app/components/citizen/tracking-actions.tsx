import { Form, Link, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Field, FormAlert } from "~/components/forms";
import type { CitizenIntent } from "~/domain/complaints/citizen-actions";
import type { TrackingActionData } from "~/domain/complaints/citizen-tracking-form.server";
import type { CitizenComplaintView } from "~/domain/complaints/citizen-tracking.server";
import { WITHDRAW_STEP } from "~/domain/complaints/withdrawal";
import { useT, type MessageKey } from "~/services/i18n";

function ActionForm({ intent, title, children, submitLabel, errors, multipart }: {
  intent: CitizenIntent;
  title: string;
  children?: ReactNode;
  submitLabel: string;
  errors: Record<string, string>;
  multipart?: boolean;
}) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <section className="card" aria-labelledby={`action-${intent}`}>
      <h3 id={`action-${intent}`}>{title}</h3>
      <FormAlert message={errors.form} />
      <Form method="post" encType={multipart ? "multipart/form-data" : undefined} className="stack" noValidate>
        <input type="hidden" name="intent" value={intent} />
        {children}
        <button type="submit" name="submit" className="button" disabled={busy}>
          {busy ? t("form.submitting") : submitLabel}
        </button>
      </Form>
    </section>
  );
}

/** The actions the status allows the citizen now, each its own form; withdrawing links to its confirmation step. */
export function TrackingActions({ view, data }: { view: CitizenComplaintView; data: TrackingActionData | undefined }) {
  const t = useT();
  const errorsFor = (intent: CitizenIntent) => (data?.intent === intent ? data.errors : {});
  const valueFor = (intent: CitizenIntent, field: string) => (data?.intent === intent ? (data.values[field] ?? "") : "");
  const can = (action: string) => view.actions.includes(action as never);
  return (
    <>
      {view.actions.length > 0 ? <h2>{t("track.view.actions")}</h2> : null}
      {can("CITIZEN_REPLY") ? (
        <ActionForm intent="reply" title={t("track.reply.title")} submitLabel={t("track.reply.submit")} errors={errorsFor("reply")} multipart>
          <Field id="reply-message" label={t("track.reply.message")} error={errorsFor("reply").message} required>
            {(props) => <textarea {...props} name="message" rows={5} maxLength={5000} defaultValue={valueFor("reply", "message")} />}
          </Field>
          <Field id="reply-attachments" label={t("form.attachments")} hint={t("form.attachments.hint")} error={errorsFor("reply").attachments}>
            {(props) => <input {...props} name="attachments" type="file" multiple accept="image/jpeg,image/png,application/pdf" />}
          </Field>
        </ActionForm>
      ) : null}
      {can("CONFIRM_RESOLUTION") ? (
        <ActionForm intent="confirm" title={t("track.confirm.title")} submitLabel={t("track.confirm.submit")} errors={errorsFor("confirm")} />
      ) : null}
      {can("REJECT_RESOLUTION") ? (
        <ActionForm intent="reject" title={t("track.reject.title")} submitLabel={t("track.reject.submit")} errors={errorsFor("reject")}>
          <Field id="reject-reason" label={t("track.reason")} error={errorsFor("reject").reason} required>
            {(props) => <textarea {...props} name="reason" rows={4} maxLength={2000} defaultValue={valueFor("reject", "reason")} />}
          </Field>
        </ActionForm>
      ) : null}
      {can("RATE") ? (
        <ActionForm intent="rate" title={t("track.rate.title")} submitLabel={t("track.rate.submit")} errors={errorsFor("rate")}>
          <fieldset aria-describedby={errorsFor("rate").rating ? "rate-error" : undefined}>
            <legend>{t("track.rate.legend")}</legend>
            {errorsFor("rate").rating ? (
              <p id="rate-error" className="field__error">
                {t(errorsFor("rate").rating as MessageKey)}
              </p>
            ) : null}
            {[1, 2, 3, 4, 5].map((n) => (
              <div className="field field--radio" key={n}>
                <input id={`rating-${n}`} type="radio" name="rating" value={n} defaultChecked={valueFor("rate", "rating") === String(n)} />
                <label htmlFor={`rating-${n}`}>{t(`track.rate.${n}` as MessageKey)}</label>
              </div>
            ))}
          </fieldset>
          <Field id="rate-comment" label={t("track.rate.comment")} error={errorsFor("rate").comment}>
            {(props) => <textarea {...props} name="comment" rows={3} maxLength={1000} defaultValue={valueFor("rate", "comment")} />}
          </Field>
        </ActionForm>
      ) : null}
      {can("APPEAL") ? (
        <ActionForm intent="appeal" title={t("track.appeal.title")} submitLabel={t("track.appeal.submit")} errors={errorsFor("appeal")}>
          <p>{t("track.appeal.hint")}</p>
          <Field id="appeal-reason" label={t("track.reason")} error={errorsFor("appeal").reason} required>
            {(props) => <textarea {...props} name="reason" rows={4} maxLength={2000} defaultValue={valueFor("appeal", "reason")} />}
          </Field>
        </ActionForm>
      ) : null}
      {can("WITHDRAW") ? (
        <section className="card" aria-labelledby="action-withdraw">
          <h3 id="action-withdraw">{t("track.withdraw.title")}</h3>
          <p>{t("track.withdraw.hint")}</p>
          <Link className="button button--secondary" to={`/lacak/${view.trackingCode}?${WITHDRAW_STEP}=1`}>
            {t("track.withdraw.submit")}
          </Link>
        </section>
      ) : null}
    </>
  );
}
