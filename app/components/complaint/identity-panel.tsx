import { Form } from "@remix-run/react";
import { Field, FormAlert } from "~/components/forms";
import { IDENTITY_PURPOSE_KEYS, IDENTITY_PURPOSES } from "~/domain/complaints/identity-purposes";
import type { StaffComplaintActionData, StaffComplaintPage } from "~/domain/complaints/staff-complaint.server";
import { useT } from "~/services/i18n";

/** The complainant's identity: hidden until someone allowed asks for it with a purpose (audited). */
export function IdentityPanel({ identity, actionData }: { identity: StaffComplaintPage["identity"]; actionData: StaffComplaintActionData | undefined }) {
  const t = useT();
  const ours = actionData?.intent === "reveal-identity" ? actionData : undefined;
  const errors = ours?.errors ?? {};
  return (
    <section className="card" aria-labelledby="identity-title" data-testid="identity">
      <h2 id="identity-title">{t("inbox.identity.title")}</h2>
      {ours?.identity ? (
        <>
          <dl className="summary" data-testid="identity-revealed">
            <dt>{t("inbox.identity.name")}</dt>
            <dd>{ours.identity.name ?? t("inbox.identity.empty")}</dd>
            <dt>{t("inbox.identity.email")}</dt>
            <dd>{ours.identity.email ?? t("inbox.identity.empty")}</dd>
            <dt>{t("inbox.identity.phone")}</dt>
            <dd>{ours.identity.phone ?? t("inbox.identity.empty")}</dd>
          </dl>
          <p className="notice">{t("inbox.identity.audited")}</p>
        </>
      ) : !identity.exists ? (
        <p>{t("inbox.identity.none")}</p>
      ) : identity.allowed ? (
        <>
          <p>{t("inbox.identity.hidden")}</p>
          <FormAlert message={errors.form} />
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="reveal-identity" />
            <Field id="identity-purpose" label={t("inbox.identity.purpose")} error={errors.purpose} required>
              {(props) => (
                <select {...props} name="purpose" defaultValue={ours?.values.purpose || "follow-up"}>
                  {IDENTITY_PURPOSES.map((purpose) => (
                    <option key={purpose} value={purpose}>
                      {t(IDENTITY_PURPOSE_KEYS[purpose])}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button type="submit" className="button button--secondary" data-testid="reveal-identity">
              {t("inbox.identity.reveal")}
            </button>
          </Form>
        </>
      ) : (
        <>
          <FormAlert message={errors.form} />
          <p>{identity.anonim ? t("inbox.identity.anonim") : t("inbox.identity.notAllowed")}</p>
        </>
      )}
    </section>
  );
}
