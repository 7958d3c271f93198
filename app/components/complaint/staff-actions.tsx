import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Field, FormAlert } from "~/components/forms";
import { UnsentText } from "~/components/unsent-text";
import type { StaffComplaintActionData, StaffComplaintPage } from "~/domain/complaints/staff-complaint.server";
import type { StaffIntent } from "~/domain/complaints/unit-actions.server";
import { useT, type MessageKey } from "~/services/i18n";

function ActionForm({
  intent,
  title,
  submitLabel,
  errors,
  lastEventId,
  multipart,
  children,
}: {
  intent: StaffIntent;
  title: string;
  submitLabel: string;
  errors: Record<string, string>;
  lastEventId: string;
  multipart?: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <section className="card" aria-labelledby={`action-${intent}`}>
      <h3 id={`action-${intent}`}>{title}</h3>
      <FormAlert message={errors.form} />
      <Form key={lastEventId} method="post" encType={multipart ? "multipart/form-data" : undefined} className="stack" noValidate>
        <input type="hidden" name="intent" value={intent} />
        {children}
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("inbox.action.submitting") : submitLabel}
        </button>
      </Form>
    </section>
  );
}

/** The workflow actions the user may take now, each its own form, plus the reply-template picker. */
export function StaffActions({ data, actionData }: { data: StaffComplaintPage; actionData: StaffComplaintActionData | undefined }) {
  const t = useT();
  const { intents } = data;
  // A new timeline event means the last action went through: the forms remount so a sent reply
  // does not sit there ready to be sent twice (without JavaScript the page reloads anyway).
  const lastEventId = data.timeline.at(-1)?.id ?? "none";
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.errors : {});
  const valueFor = (intent: string, field: string) => (actionData?.intent === intent ? (actionData.values[field] ?? "") : "");
  const has = (intent: StaffIntent) => intents.includes(intent);
  const messageAction = (intent: StaffIntent, key: "requestInfo" | "respond" | "proposeResolution" | "note", hint?: string) => (
    <ActionForm
      intent={intent}
      title={t(`inbox.action.${key}.title` as MessageKey)}
      submitLabel={t(`inbox.action.${key}.submit` as MessageKey)}
      errors={errorsFor(intent)}
      lastEventId={lastEventId}
      multipart
    >
      <Field id={`${intent}-message`} label={t(`inbox.action.${key}.message` as MessageKey)} hint={hint} error={errorsFor(intent).message} required>
        {(props) => {
          // A chosen template pre-fills the reply forms, unless this form came back with what was typed.
          const prefill = (intent === "respond" || intent === "propose-resolution") && actionData?.intent !== intent ? (data.chosenTemplate?.body ?? "") : "";
          return <textarea {...props} key={data.chosenTemplate?.id ?? "none"} name="message" rows={5} maxLength={5000} defaultValue={valueFor(intent, "message") || prefill} />;
        }}
      </Field>
      <Field id={`${intent}-attachments`} label={t("form.attachments")} hint={t("form.attachments.hint")} error={errorsFor(intent).attachments}>
        {(props) => <input {...props} name="attachments" type="file" multiple accept="image/jpeg,image/png,application/pdf" />}
      </Field>
    </ActionForm>
  );

  return (
    <>
      <h2>{t("inbox.actions.title")}</h2>
      {/* A refusal for a form no longer on the page (the status moved on, or the right is gone). */}
      {actionData && actionData.intent !== "reveal-identity" && !intents.includes(actionData.intent as StaffIntent) ? (
        <>
          <FormAlert message={actionData.errors.form} />
          <UnsentText values={actionData.values} />
        </>
      ) : null}
      {intents.length === 0 ? <p>{t("inbox.actions.none")}</p> : null}
      {data.templates.length > 0 ? (
        <form method="get" className="stack" data-testid="use-template">
          <Field id="templat" label={t("templates.use.label")} hint={t("templates.use.hint")}>
            {(props) => (
              <select {...props} name="templat" defaultValue={data.chosenTemplate?.id ?? ""}>
                <option value="">{t("templates.use.choose")}</option>
                {data.templates.map((tpl) => (
                  <option key={tpl.id} value={tpl.id} lang={tpl.locale}>
                    {tpl.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="button button--secondary">
            {t("templates.use.submit")}
          </button>
          {data.chosenTemplate ? (
            <p className="notice" role="status">
              {t("templates.use.applied", { title: data.chosenTemplate.title })}
            </p>
          ) : null}
        </form>
      ) : null}
      {has("acknowledge") ? (
        <ActionForm
          intent="acknowledge"
          title={t("inbox.action.acknowledge.title")}
          submitLabel={t("inbox.action.acknowledge.submit")}
          errors={errorsFor("acknowledge")}
          lastEventId={lastEventId}
        />
      ) : null}
      {has("request-info") ? messageAction("request-info", "requestInfo", t("inbox.action.requestInfo.hint")) : null}
      {has("respond") ? messageAction("respond", "respond") : null}
      {has("propose-resolution") ? messageAction("propose-resolution", "proposeResolution") : null}
      {has("assign") ? (
        <ActionForm intent="assign" title={t("inbox.action.assign.title")} submitLabel={t("inbox.action.assign.submit")} errors={errorsFor("assign")} lastEventId={lastEventId}>
          <Field id="assign-officer" label={t("inbox.action.assign.officer")} error={errorsFor("assign").officerId} required>
            {(props) => (
              <select {...props} name="officerId" defaultValue={valueFor("assign", "officerId")}>
                <option value="">{t("inbox.action.assign.choose")}</option>
                {data.officers.map((officer) => (
                  <option key={officer.id} value={officer.id}>
                    {officer.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </ActionForm>
      ) : null}
      {has("transfer") ? (
        <ActionForm intent="transfer" title={t("inbox.action.transfer.title")} submitLabel={t("inbox.action.transfer.submit")} errors={errorsFor("transfer")} lastEventId={lastEventId}>
          <Field id="transfer-unit" label={t("inbox.action.transfer.unit")} error={errorsFor("transfer").unitId} required>
            {(props) => (
              <select {...props} name="unitId" defaultValue={valueFor("transfer", "unitId")}>
                <option value="">{t("inbox.action.transfer.choose")}</option>
                {data.transferUnits.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="transfer-reason" label={t("inbox.action.transfer.reason")} error={errorsFor("transfer").reason} required>
            {(props) => <textarea {...props} name="reason" rows={3} maxLength={5000} defaultValue={valueFor("transfer", "reason")} />}
          </Field>
        </ActionForm>
      ) : null}
      {has("uphold-appeal") || has("dismiss-appeal") ? (
        <section aria-labelledby="appeal-decision">
          <h3 id="appeal-decision">{t("inbox.action.appeal.title")}</h3>
          <p>{t("inbox.action.appeal.intro")}</p>
          {(["uphold-appeal", "dismiss-appeal"] as const).filter(has).map((intent) => {
            const key = intent === "uphold-appeal" ? "upholdAppeal" : "dismissAppeal";
            return (
              <ActionForm
                key={intent}
                intent={intent}
                title={t(`inbox.action.${key}.title`)}
                submitLabel={t(`inbox.action.${key}.submit`)}
                errors={errorsFor(intent)}
                lastEventId={lastEventId}
              >
                <Field id={`${intent}-message`} label={t(`inbox.action.${key}.message`)} hint={t(`inbox.action.${key}.hint`)} error={errorsFor(intent).message} required>
                  {(props) => <textarea {...props} name="message" rows={4} maxLength={5000} defaultValue={valueFor(intent, "message")} />}
                </Field>
              </ActionForm>
            );
          })}
        </section>
      ) : null}
      {has("note") ? messageAction("note", "note", t("inbox.action.note.hint")) : null}
    </>
  );
}
