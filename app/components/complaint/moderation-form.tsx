// The coordinator's moderation of a public report (issue #14 item 6): hide the citizen's text from
// the public pages with a reason, or show it again. A plain POST form (works without JavaScript);
// the complaint's workflow is not touched. PublicTextHiddenNotice is the line the staff complaint
// page shows while the text is hidden.
import { Form, Link, useNavigation } from "@remix-run/react";
import { Field } from "~/components/forms";
import type { ModerationActionData, ModerationPanel } from "~/domain/public-reports/moderation.server";
import { formatWib } from "~/services/format";
import { useLocale, useT, type MessageKey } from "~/services/i18n";

export function PublicTextHiddenNotice({ panel }: { panel: Pick<ModerationPanel, "hiddenAt" | "reason" | "hiddenByName"> }) {
  const t = useT();
  const locale = useLocale();
  if (!panel.hiddenAt) return null;
  return (
    <p className="notice" data-testid="public-text-hidden">
      {t("triage.moderation.hidden", { at: formatWib(panel.hiddenAt, locale), name: panel.hiddenByName ?? "—", reason: panel.reason ?? "—" })}
    </p>
  );
}

export function ModerationForm({ panel, data }: { panel: ModerationPanel; data?: { intent?: string | null; errors: Record<string, string>; values: Record<string, string> } }) {
  const t = useT();
  const navigation = useNavigation();
  if (!panel.moderatable) return null;
  const hidden = panel.hiddenAt !== null;
  const intent = hidden ? "show-text" : "hide-text";
  const mine = data && data.intent === intent ? (data as ModerationActionData) : undefined;
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <section className="card triage-action" aria-labelledby="moderation-title" data-testid="moderation">
      <h3 id="moderation-title">{t("triage.moderation.title")}</h3>
      <p className="field__hint">{t("triage.moderation.hint")}</p>
      <PublicTextHiddenNotice panel={panel} />
      {panel.published ? (
        <p>
          <Link to={`/laporan-warga/${panel.trackingCode}`}>{t("triage.moderation.publicPage")}</Link>
        </p>
      ) : null}
      {mine?.errors.form ? (
        <div className="error-summary" role="alert">
          <p>{t(mine.errors.form as MessageKey)}</p>
        </div>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value={intent} />
        {hidden ? null : (
          <Field id="moderation-reason" label={t("triage.moderation.reason")} hint={t("triage.moderation.reasonHint")} error={mine?.errors.reason} required>
            {(props) => <textarea {...props} name="reason" rows={3} maxLength={500} defaultValue={mine?.values.reason ?? ""} />}
          </Field>
        )}
        <div className="triage-action__buttons">
          <button type="submit" className={hidden ? "button" : "button button--secondary"} disabled={busy} data-testid={`moderation-${intent}`}>
            {busy ? t("form.submitting") : t(hidden ? "triage.moderation.show" : "triage.moderation.hide")}
          </button>
        </div>
      </Form>
    </section>
  );
}
