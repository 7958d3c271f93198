import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Field } from "~/components/forms";
import { UnsentText } from "~/components/unsent-text";
import { PRIORITIES } from "~/domain/admin/form-options";
import type { TriageIntent } from "~/domain/complaints/triage-actions.server";
import type { TriageActionData, TriagePage } from "~/domain/complaints/triage-page.server";
import { useLocale, useT, type MessageKey } from "~/services/i18n";

type ActionData = TriageActionData;

function ActionCard({ intent, title, hint, submitLabel, data, danger, extraSubmit, children }: {
  intent: TriageIntent;
  title: string;
  hint?: string;
  submitLabel: string;
  data: ActionData | undefined;
  /** Ends the complaint (reject, duplicate): a red button, with what it does said beside it. */
  danger?: boolean;
  /** A second submit choice beside the first (it posts its own name/value). */
  extraSubmit?: { name: string; value: string; label: string; testId: string };
  children?: ReactNode;
}) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const mine = data?.intent === intent ? data : undefined;
  return (
    <section className={`card triage-action${danger ? " triage-action--danger" : ""}`} aria-labelledby={`triage-${intent}`} data-testid={`triage-action-${intent}`}>
      <h3 id={`triage-${intent}`}>{title}</h3>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {mine?.errors.form ? (
        <div className="error-summary" role="alert">
          <p>{t(mine.errors.form as MessageKey)}</p>
        </div>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value={intent} />
        {children}
        {danger ? (
          <p id={`triage-${intent}-warning`} className="triage-action__warning">
            <span aria-hidden="true">⚠ </span>
            {t("triage.destructive.warning")}
          </p>
        ) : null}
        <div className="triage-action__buttons">
          <button
            type="submit"
            className={danger ? "button button--danger" : "button"}
            disabled={busy}
            aria-describedby={danger ? `triage-${intent}-warning` : undefined}
            data-testid={`triage-submit-${intent}`}
          >
            {busy ? t("form.submitting") : submitLabel}
          </button>
          {extraSubmit ? (
            <button type="submit" name={extraSubmit.name} value={extraSubmit.value} className="button button--secondary" disabled={busy} data-testid={extraSubmit.testId}>
              {extraSubmit.label}
            </button>
          ) : null}
        </div>
      </Form>
    </section>
  );
}

function UnitSelect({ id, label, units, error, value, hint }: {
  id: string;
  label: string;
  units: { id: string; name: string }[];
  error?: string;
  value: string;
  hint?: string;
}) {
  const t = useT();
  return (
    <Field id={id} label={label} hint={hint} error={error} required>
      {(props) => (
        <select {...props} name="unitId" defaultValue={value}>
          <option value="">{t("triage.unit.choose")}</option>
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * The coordinator's actions the workflow allows now, each its own form: verify first (with "verify
 * and open the next"), the ones that end the complaint (duplicate, reject) last and in red.
 */
export function TriageActions({ page, data }: { page: TriagePage; data: ActionData | undefined }) {
  const t = useT();
  const locale = useLocale();
  const { view, intents, units, forms, referrals } = page;
  const errorsFor = (intent: TriageIntent) => (data?.intent === intent ? data.errors : {});
  const valueFor = (intent: TriageIntent, field: string) => (data?.intent === intent ? (data.values[field] ?? "") : "");
  const has = (intent: TriageIntent) => intents.includes(intent);
  return (
    <>
      <h2>{t("triage.detail.actions")}</h2>
      {data?.errors.form && !(data.intent && has(data.intent)) ? (
        <>
          <div className="error-summary" role="alert">
            <p>{t(data.errors.form as MessageKey)}</p>
          </div>
          <UnsentText values={data.values} />
        </>
      ) : null}
      {intents.length === 0 ? <p>{t("triage.detail.noActions")}</p> : null}
      {has("verify") ? (
        <ActionCard
          intent="verify"
          title={t("triage.verify.title")}
          hint={view.unitUnknown ? t("triage.verify.hintUnknown") : t("triage.verify.hintKnown")}
          submitLabel={t("triage.verify.submit")}
          data={data}
          extraSubmit={{ name: "next", value: "open", label: t("triage.verify.submitNext"), testId: "triage-verify-next" }}
        >
          {view.unitUnknown ? (
            <UnitSelect id="verify-unit" label={t("triage.verify.unit")} units={units} error={errorsFor("verify").unitId} value={valueFor("verify", "unitId")} />
          ) : null}
          <Field id="verify-form" label={t("triage.verify.form")} hint={t("triage.verify.formHint")} error={errorsFor("verify").maladministrationCode}>
            {(props) => (
              <select {...props} name="maladministrationCode" defaultValue={valueFor("verify", "maladministrationCode") || (view.maladministrationCode ?? "")}>
                <option value="">{t("triage.formUnknown")}</option>
                {forms.map((form) => (
                  <option key={form.code} value={form.code}>
                    {locale === "en" ? form.nameEn : form.nameId}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="verify-priority" label={t("triage.verify.priority")} hint={t("triage.verify.priorityHint")} error={errorsFor("verify").priority}>
            {(props) => (
              <select {...props} name="priority" defaultValue={valueFor("verify", "priority") || view.priority}>
                {PRIORITIES.map((priority) => (
                  <option key={priority} value={priority}>
                    {t(`adminSla.priority.${priority}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </ActionCard>
      ) : null}
      {has("route") ? (
        <ActionCard intent="route" title={t("triage.route.title")} submitLabel={t("triage.route.submit")} data={data}>
          <UnitSelect id="route-unit" label={t("triage.route.unit")} units={units} error={errorsFor("route").unitId} value={valueFor("route", "unitId")} />
        </ActionCard>
      ) : null}
      {has("hold") ? (
        <ActionCard intent="hold" title={t("triage.hold.title")} hint={t("triage.hold.hint")} submitLabel={t("triage.hold.submit")} data={data}>
          <Field id="hold-reason" label={t("triage.hold.reason")} error={errorsFor("hold").reason} required>
            {(props) => <textarea {...props} name="reason" rows={3} maxLength={2000} defaultValue={valueFor("hold", "reason")} />}
          </Field>
        </ActionCard>
      ) : null}
      {has("release") ? (
        <ActionCard intent="release" title={t("triage.release.title")} submitLabel={t("triage.release.submit")} data={data}>
          <Field id="release-note" label={t("triage.release.note")} error={errorsFor("release").note}>
            {(props) => <textarea {...props} name="note" rows={3} maxLength={2000} defaultValue={valueFor("release", "note")} />}
          </Field>
        </ActionCard>
      ) : null}
      {has("duplicate") ? (
        <ActionCard intent="duplicate" title={t("triage.duplicate.title")} submitLabel={t("triage.duplicate.submit")} data={data} danger>
          <Field id="duplicate-code" label={t("triage.duplicate.code")} hint={t("triage.duplicate.hint")} error={errorsFor("duplicate").originalCode} required>
            {(props) => (
              <input {...props} name="originalCode" type="text" autoCapitalize="characters" autoComplete="off" spellCheck={false} maxLength={40} defaultValue={valueFor("duplicate", "originalCode")} />
            )}
          </Field>
          {data?.intent === "duplicate" && data.originalCode ? (
            <p data-testid="use-original">{t("triage.refusal.useOriginal", { code: data.originalCode })}</p>
          ) : null}
        </ActionCard>
      ) : null}
      {has("reject") ? (
        <ActionCard intent="reject" title={t("triage.reject.title")} hint={t("triage.reject.hint")} submitLabel={t("triage.reject.submit")} data={data} danger>
          <Field id="reject-reason" label={t("triage.reject.reason")} error={errorsFor("reject").reason} required>
            {(props) => <textarea {...props} name="reason" rows={4} maxLength={2000} defaultValue={valueFor("reject", "reason")} />}
          </Field>
          <Field id="reject-referral" label={t("triage.reject.referral")} error={errorsFor("reject").referral}>
            {(props) => (
              <select {...props} name="referral" defaultValue={valueFor("reject", "referral")}>
                <option value="">{t("triage.reject.noReferral")}</option>
                {referrals.map((code) => (
                  <option key={code} value={code}>
                    {t(`triage.referral.${code}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="reject-referral-note" label={t("triage.reject.referralNote")} error={errorsFor("reject").referralNote}>
            {(props) => <input {...props} name="referralNote" type="text" maxLength={500} defaultValue={valueFor("reject", "referralNote")} />}
          </Field>
        </ActionCard>
      ) : null}
    </>
  );
}
