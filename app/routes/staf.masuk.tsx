import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "~/services/zod.server";
import { Field, FormAlert } from "~/components/forms";
import { loginStaff, STAFF_AUTH_RATE_LIMITS } from "~/domain/auth/login.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";
import { useT, type MessageKey } from "~/services/i18n";
import { pageTitle } from "~/services/meta";
import { clientIp, hitRateLimit, ipRateLimitIdentifier } from "~/services/rate-limit.server";
import { getFailFastRedis } from "~/services/redis.server";
import { createStaffSession, getStaffUser, safeRedirectPath, STAFF_CHANGE_PASSWORD_PATH } from "~/services/session.server";
import { firstIssuePerField } from "~/services/form-errors";
import { readForm } from "~/services/form-body.server";

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "staff.login.title");

const NOTICES = {
  keluar: "staff.login.notice.loggedOut",
  "sandi-diatur": "staff.login.notice.passwordReset",
} as const satisfies Record<string, MessageKey>;

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const redirectTo = safeRedirectPath(params.get("redirectTo"));
  const user = await getStaffUser(getDb(), request, appNow());
  if (user) throw redirect(user.mustChangePassword ? STAFF_CHANGE_PASSWORD_PATH : redirectTo);
  const notice = params.get("pesan");
  return {
    redirectTo,
    notice: notice && notice in NOTICES ? NOTICES[notice as keyof typeof NOTICES] : params.has("redirectTo") ? "staff.login.notice.sessionEnded" : null,
  };
}

const loginSchema = () => z.object({
  email: z.string({ message: "staff.error.emailRequired" }).trim().min(1, "staff.error.emailRequired").max(254, "staff.error.email"),
  password: z.string({ message: "staff.error.passwordRequired" }).min(1, "staff.error.passwordRequired").max(1024, "staff.error.passwordLong"),
  redirectTo: z.string().optional(),
});

type ActionData = { errors: { email?: string; password?: string; form?: string }; email: string };

export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await readForm(request));
  const email = typeof form.email === "string" ? form.email : "";
  const parsed = loginSchema().safeParse(form);
  if (!parsed.success) {
    const errors: ActionData["errors"] = firstIssuePerField<"email" | "password">(parsed.error);
    return Response.json({ errors, email } satisfies ActionData, { status: 400 });
  }
  const ip = clientIp(request, getEnv().TRUST_PROXY);
  const limit = await hitRateLimit(getFailFastRedis(), STAFF_AUTH_RATE_LIMITS.staffLogin, ipRateLimitIdentifier(ip), { prefix: getEnv().RATE_LIMIT_PREFIX });
  if (!limit.allowed) {
    return Response.json({ errors: { form: "staff.login.error.tooMany" }, email } satisfies ActionData, {
      status: 429,
      headers: { "Retry-After": String(limit.retryAfterSeconds) },
    });
  }
  const db = getDb();
  const now = appNow();
  const result = await loginStaff(db, { email: parsed.data.email, password: parsed.data.password, ip }, now);
  if (!result.ok) {
    const message = result.reason === "locked" ? "staff.login.error.locked" : "staff.login.error.invalid";
    return Response.json({ errors: { form: message }, email } satisfies ActionData, { status: result.reason === "locked" ? 423 : 400 });
  }
  const { cookie } = await createStaffSession(db, result.userId, now);
  const target = result.mustChangePassword ? STAFF_CHANGE_PASSWORD_PATH : safeRedirectPath(parsed.data.redirectTo);
  return redirect(target, { headers: { "Set-Cookie": cookie } });
}

export default function StaffLogin() {
  const t = useT();
  const { redirectTo, notice } = useLoaderData<typeof loader>();
  const data = useActionData<ActionData>();
  const submitting = useNavigation().state === "submitting";
  return (
    <>
      <h1>{t("staff.login.title")}</h1>
      <p className="lead">{t("staff.login.lead")}</p>
      {notice && !data ? (
        <p className="notice notice--ok" role="status">
          {t(notice as MessageKey)}
        </p>
      ) : null}
      <FormAlert message={data?.errors.form} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field id="email" label={t("staff.login.email")} error={data?.errors.email} required>
          {(props) => <input {...props} name="email" type="email" autoComplete="username" autoCapitalize="none" spellCheck={false} defaultValue={data?.email ?? ""} />}
        </Field>
        <Field id="password" label={t("staff.login.password")} error={data?.errors.password} required>
          {(props) => <input {...props} name="password" type="password" autoComplete="current-password" />}
        </Field>
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? t("staff.login.submitting") : t("staff.login.submit")}
        </button>
      </Form>
      <p>
        <Link to="/staf/lupa-sandi">{t("staff.login.forgot")}</Link>
      </p>
    </>
  );
}
