import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Field, FormAlert } from "~/components/forms";
import { UnsentText } from "~/components/unsent-text";
import type { StaffComplaintActionData, StaffComplaintPage } from "~/domain/complaints/staff-complaint.server";
import type { StaffIntent } from "~/domain/complaints/unit-actions.server";
import { useT } from "~/services/i18n";

function ActionForm({
  intent,
  title,
  submitLabel,
  errors,
  lastEventId,
  multipart,
  className,
  children,
}: {
  intent: StaffIntent;
  title: string;
  submitLabel: string;
  errors: Record<string, string>;
  lastEventId: string;
  multipart?: boolean;
  className?: string;
  children?: ReactNode;
}) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <section className={className ?? "card"} aria-labelledby={`action-${intent}`}>
      {/* Inside a disclosure the summary already shows the title: kept for the section's name only. */}
      <h3 id={`action-${intent}`} className={className === "side-form" ? "visually-hidden" : undefined}>
        {title}
      </h3>
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

/** A secondary action folded away until wanted (open when it came back with an error). */
function Disclosure({ id, title, open, children }: { id: string; title: string; open: boolean; children: ReactNode }) {
  return (
    <details className="side-action" open={open || undefined} data-testid={`side-${id}`}>
      <summary>{title}</summary>
      {children}
    </details>
  );
}

/**
 * The side panel's workflow actions (the text the citizen reads goes through the composer):
 * acknowledging, assigning an officer, transferring, and the liaison's appeal decision.
 */
export function StaffActions({ data, actionData, composerOwnsRefusal }: { data: StaffComplaintPage; actionData: StaffComplaintActionData | undefined; composerOwnsRefusal: boolean }) {
  const t = useT();
  const { intents } = data;
  // A new timeline event means the last action went through: the forms remount empty.
  const lastEventId = data.timeline.at(-1)?.id ?? "none";
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.errors : {});
  const valueFor = (intent: string, field: string) => (actionData?.intent === intent ? (actionData.values[field] ?? "") : "");
  const has = (intent: StaffIntent) => intents.includes(intent);
  const failed = (intent: string) => Object.keys(errorsFor(intent)).length > 0;
  const ownForm = actionData && (actionData.intent === "reveal-identity" || (actionData.intent === "set-priority" && data.priorityChoices.length > 0) || composerOwnsRefusal);
  const hasSecondary = ["acknowledge", "assign", "transfer", "uphold-appeal", "dismiss-appeal"].some((intent) => has(intent as StaffIntent));

  return (
    <>
      {/* A refusal for a form no longer on the page (the status moved on, or the right is gone). */}
      {actionData && !ownForm && !intents.includes(actionData.intent as StaffIntent) ? (
        <>
          <FormAlert message={actionData.errors.form ?? actionData.errors.message ?? actionData.errors.next} />
          <UnsentText values={actionData.values} />
        </>
      ) : null}
      {intents.length === 0 ? <p>{t("inbox.actions.none")}</p> : null}
      {hasSecondary ? <h3 className="side-heading">{t("inbox.actions.title")}</h3> : null}
      {has("acknowledge") ? (
        <ActionForm
          intent="acknowledge"
          title={t("inbox.action.acknowledge.title")}
          submitLabel={t("inbox.action.acknowledge.submit")}
          errors={errorsFor("acknowledge")}
          lastEventId={lastEventId}
          className="side-card"
        />
      ) : null}
      {has("assign") ? (
        <Disclosure id="assign" title={t("inbox.action.assign.title")} open={failed("assign")}>
          <ActionForm intent="assign" title={t("inbox.action.assign.title")} submitLabel={t("inbox.action.assign.submit")} errors={errorsFor("assign")} lastEventId={lastEventId} className="side-form">
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
        </Disclosure>
      ) : null}
      {has("transfer") ? (
        <Disclosure id="transfer" title={t("inbox.action.transfer.title")} open={failed("transfer")}>
          <ActionForm intent="transfer" title={t("inbox.action.transfer.title")} submitLabel={t("inbox.action.transfer.submit")} errors={errorsFor("transfer")} lastEventId={lastEventId} className="side-form">
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
        </Disclosure>
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
                className="side-card"
              >
                <Field id={`${intent}-message`} label={t(`inbox.action.${key}.message`)} hint={t(`inbox.action.${key}.hint`)} error={errorsFor(intent).message} required>
                  {(props) => <textarea {...props} name="message" rows={4} maxLength={5000} defaultValue={valueFor(intent, "message")} />}
                </Field>
              </ActionForm>
            );
          })}
        </section>
      ) : null}
    </>
  );
}
