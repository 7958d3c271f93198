import { Form, useNavigation } from "@remix-run/react";
import { Field, FormAlert } from "~/components/forms";
// Not from priority.server.ts: a `.server` module is empty in the browser (see form-options.ts).
import { PRIORITIES, type PriorityCode } from "~/domain/admin/form-options";
import { useT, type MessageKey } from "~/services/i18n";

/**
 * Changing a complaint's priority, with the reason the timeline keeps (ADR 035). Posts to the page
 * it is on (intent=set-priority), so it works without JavaScript. `choices` narrows the select to
 * what the user may set (a unit head may only raise it: allowedPriorities); all four by default.
 */
export function PriorityForm({
  current,
  errors = {},
  values = {},
  choices = PRIORITIES,
}: {
  current: PriorityCode;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  choices?: readonly PriorityCode[];
}) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "set-priority";
  const selected = values.priority && (choices as readonly string[]).includes(values.priority) ? values.priority : current;
  return (
    <section className="card priority-form" aria-labelledby="priority-form-title" data-testid="priority-form">
      <h3 id="priority-form-title">{t("inbox.priority.title")}</h3>
      <FormAlert message={errors.form} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="set-priority" />
        <Field id="priority-select" label={t("inbox.priority.label")} hint={t("inbox.priority.hint")} error={errors.priority} required>
          {(props) => (
            <select {...props} name="priority" defaultValue={selected}>
              {choices.map((priority) => (
                <option key={priority} value={priority}>
                  {t(`adminSla.priority.${priority}` as MessageKey)}
                  {priority === current ? ` (${t("inbox.priority.current")})` : ""}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="priority-reason" label={t("inbox.priority.reason")} hint={t("inbox.priority.reasonHint")} error={errors.reason} required>
          {(props) => <textarea {...props} name="reason" rows={2} maxLength={500} defaultValue={values.reason ?? ""} />}
        </Field>
        <button type="submit" className="button button--secondary" disabled={busy}>
          {busy ? t("inbox.action.submitting") : t("inbox.priority.submit")}
        </button>
      </Form>
    </section>
  );
}
