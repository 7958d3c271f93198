import { Form, Link, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary, Field, FormAlert } from "~/components/forms";
import type { UserActionData, UserFormIntent, UserPage } from "~/domain/admin/user-page.server";
import { STAFF_ROLES } from "~/domain/auth/permissions";
import { formatWib } from "~/services/format";
import { LOCALES, useLocale, useT, type MessageKey } from "~/services/i18n";

type ActionData = UserActionData;

const DONE_KEYS: Record<string, MessageKey> = {
  created: "admin.user.done.created",
  deactivate: "admin.user.done.deactivate",
  reactivate: "admin.user.done.reactivate",
  resendInvite: "admin.user.done.resendInvite",
  addMembership: "admin.user.done.addMembership",
  removeMembership: "admin.user.done.removeMembership",
};

function SubmitButton({ intent, label, secondary, name = "intent", extra }: { intent: UserFormIntent; label: string; secondary?: boolean; name?: string; extra?: string }) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && (navigation.formData?.get("intent") ?? "create") === intent;
  return (
    <button type="submit" name={name} value={intent} className={secondary ? "button button--secondary" : "button"} disabled={busy} aria-label={extra}>
      {busy ? t("form.submitting") : label}
    </button>
  );
}

/** The form that creates a staff account (an invitation is mailed). */
export function NewUser({ data }: { data: ActionData | undefined }) {
  const t = useT();
  const errors = data?.errors ?? {};
  const labels: Record<string, string> = { email: t("admin.user.email"), name: t("admin.user.name"), locale: t("admin.user.locale") };
  const { form: formError, ...fieldErrors } = errors;
  return (
    <>
      <p>
        <Link to="/staf/admin/pengguna">{t("admin.users.back")}</Link>
      </p>
      <h1>{t("admin.user.newTitle")}</h1>
      <p className="lead">{t("admin.user.newLead")}</p>
      <ErrorSummary errors={fieldErrors} labels={labels} />
      <FormAlert message={formError} />
      <Form method="post" className="stack admin-form" noValidate data-testid="user-form">
        <Field id="email" label={labels.email!} error={errors.email} required>
          {(props) => <input {...props} name="email" type="email" autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={254} defaultValue={data?.values.email ?? ""} />}
        </Field>
        <Field id="name" label={labels.name!} error={errors.name} required>
          {(props) => <input {...props} name="name" type="text" autoComplete="off" maxLength={200} defaultValue={data?.values.name ?? ""} />}
        </Field>
        <Field id="locale" label={labels.locale!} error={errors.locale} required>
          {(props) => (
            <select {...props} name="locale" defaultValue={data?.values.locale ?? "id"}>
              {LOCALES.map((locale) => (
                <option key={locale} value={locale}>
                  {t(locale === "id" ? "admin.user.localeId" : "admin.user.localeEn")}
                </option>
              ))}
            </select>
          )}
        </Field>
        <SubmitButton intent="create" label={t("admin.user.create")} name="_create" />
      </Form>
    </>
  );
}

/** One account: its access, and its roles per unit. */
export function EditUser({ loaded, data }: { loaded: UserPage; data: ActionData | undefined }) {
  const t = useT();
  const locale = useLocale();
  const user = loaded.user!;
  const [params] = useSearchParams();
  const done = params.get("selesai");
  const addData = data?.intent === "addMembership" ? data : undefined;
  const formError = data && data.intent !== "addMembership" ? data.errors.form : undefined;
  return (
    <>
      <p>
        <Link to="/staf/admin/pengguna">{t("admin.users.back")}</Link>
      </p>
      <h1>
        {t("admin.user.title")}: {user.name}
      </h1>
      {done && DONE_KEYS[done] ? (
        <p className="notice notice--ok" role="status" data-testid="done">
          {t(DONE_KEYS[done])}
        </p>
      ) : null}
      <FormAlert message={formError} />
      <dl className="summary">
        <dt>{t("admin.user.email")}</dt>
        <dd data-testid="user-email">{user.email}</dd>
        <dt>{t("admin.user.locale")}</dt>
        <dd>{t(user.locale === "en" ? "admin.user.localeEn" : "admin.user.localeId")}</dd>
        <dt>{t("admin.user.status")}</dt>
        <dd data-testid="user-status">{user.isActive ? t("admin.users.active") : t("admin.users.inactive")}</dd>
        <dt>{t("admin.user.password")}</dt>
        <dd>{user.hasPassword ? t("admin.user.passwordSet") : t("admin.user.passwordNotSet")}</dd>
        <dt>{t("admin.user.lastLogin")}</dt>
        <dd>{user.lastLoginAt ? formatWib(user.lastLoginAt, locale) : t("admin.user.never")}</dd>
      </dl>

      <h2>{t("admin.user.access")}</h2>
      <div className="actions">
        {user.isActive ? (
          <>
            {loaded.self ? null : (
              <Form method="post" data-testid="deactivate">
                <SubmitButton intent="deactivate" label={t("admin.user.deactivate")} />
                <p className="field__hint">{t("admin.user.deactivateHint")}</p>
              </Form>
            )}
            <Form method="post" data-testid="resend-invite">
              <SubmitButton intent="resendInvite" label={t("admin.user.resendInvite")} secondary />
              <p className="field__hint">{t("admin.user.resendHint")}</p>
            </Form>
          </>
        ) : (
          <Form method="post" data-testid="reactivate">
            <SubmitButton intent="reactivate" label={t("admin.user.reactivate")} />
          </Form>
        )}
      </div>

      <h2>{t("admin.user.memberships")}</h2>
      {user.memberships.length === 0 ? (
        <p>{t("admin.user.membershipsEmpty")}</p>
      ) : (
        <ul className="admin-memberships" data-testid="memberships">
          {user.memberships.map((membership) => {
            const label = `${t(`staff.role.${membership.role}` as MessageKey)} · ${membership.unit.name}`;
            return (
              <li key={membership.id} data-testid="membership" data-role={membership.role} data-unit={membership.unit.code}>
                <span>{label}</span>
                <Form method="post" className="admin-memberships__remove">
                  <input type="hidden" name="membershipId" value={membership.id} />
                  <SubmitButton intent="removeMembership" label={t("admin.user.removeMembership")} secondary extra={`${t("admin.user.removeMembership")}: ${label}`} />
                </Form>
              </li>
            );
          })}
        </ul>
      )}
      <section className="card" aria-labelledby="add-membership" data-testid="add-membership">
        <h3 id="add-membership">{t("admin.user.addMembershipTitle")}</h3>
        <Form method="post" className="stack" noValidate>
          <Field id="role" label={t("admin.user.role")} error={addData?.errors.role} required>
            {(props) => (
              <select {...props} name="role" defaultValue={addData?.values.role ?? ""}>
                <option value="">{t("admin.user.roleChoose")}</option>
                {STAFF_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`staff.role.${role}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="unitId" label={t("admin.user.unit")} error={addData?.errors.unitId} required>
            {(props) => (
              <select {...props} name="unitId" defaultValue={addData?.values.unitId ?? ""}>
                <option value="">{t("admin.user.unitChoose")}</option>
                {loaded.units.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <SubmitButton intent="addMembership" label={t("admin.user.addMembership")} />
        </Form>
      </section>
    </>
  );
}

