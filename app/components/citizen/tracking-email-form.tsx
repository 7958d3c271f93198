import { Form, useNavigation } from "@remix-run/react";
import { Field, FormAlert } from "~/components/forms";
import type { TrackingActionData } from "~/domain/complaints/citizen-tracking-form.server";
import { useT } from "~/services/i18n";

/**
 * Mail to the address the citizen gave fails (issue #15): say so, and take an address that works.
 * A plain form (no JavaScript needed); the address on file is never shown, the page may be on a
 * shared phone. What was typed comes back with an error.
 */
export function TrackingEmailForm({ data }: { data: TrackingActionData | undefined }) {
  const t = useT();
  const navigation = useNavigation();
  const ours = data?.intent === "email" ? data : undefined;
  const errors = ours?.errors ?? {};
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "email";
  return (
    <section className="card" aria-labelledby="email-title" data-testid="email-undeliverable">
      <h2 id="email-title">{t("track.email.title")}</h2>
      <p className="notice notice--warning">{t("track.email.notice")}</p>
      <FormAlert message={errors.form} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="email" />
        <Field id="email-new" label={t("track.email.label")} hint={t("track.email.hint")} error={errors.email} required>
          {(props) => <input {...props} name="email" type="email" inputMode="email" autoComplete="email" maxLength={254} defaultValue={ours?.values.email ?? ""} />}
        </Field>
        <button type="submit" name="submit" className="button" disabled={busy}>
          {busy ? t("form.submitting") : t("track.email.submit")}
        </button>
      </Form>
    </section>
  );
}
