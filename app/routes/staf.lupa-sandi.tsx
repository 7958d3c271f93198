import type { ActionFunctionArgs, HeadersFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { z } from "~/services/zod.server";
import { Field, FormAlert } from "~/components/forms";
import { requestPasswordReset, STAFF_AUTH_RATE_LIMITS } from "~/domain/auth/login.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";
import { useT } from "~/services/i18n";
import { pageTitle } from "~/services/meta";
import { clientIp, hitRateLimit, ipRateLimitIdentifier } from "~/services/rate-limit.server";
import { getFailFastRedis } from "~/services/redis.server";
import { readForm } from "~/services/form-body.server";

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "staff.forgot.title");

const forgotSchema = () => z.object({
  email: z.string({ message: "staff.error.emailRequired" }).trim().min(1, "staff.error.emailRequired").max(254, "staff.error.email").pipe(z.email("staff.error.email")),
});

type ActionData = { sent: true } | { sent: false; errors: { email?: string; form?: string }; email: string };

export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await readForm(request));
  const email = typeof form.email === "string" ? form.email : "";
  const parsed = forgotSchema().safeParse(form);
  if (!parsed.success) {
    return Response.json({ sent: false, errors: { email: parsed.error.issues[0]?.message ?? "staff.error.email" }, email } satisfies ActionData, { status: 400 });
  }
  const env = getEnv();
  const ip = ipRateLimitIdentifier(clientIp(request, env.TRUST_PROXY));
  const limit = await hitRateLimit(getFailFastRedis(), STAFF_AUTH_RATE_LIMITS.staffPasswordReset, ip, { prefix: env.RATE_LIMIT_PREFIX });
  if (!limit.allowed) {
    const message = limit.unavailable ? "staff.error.unavailable" : "staff.forgot.tooMany";
    return Response.json({ sent: false, errors: { form: message }, email } satisfies ActionData, { status: limit.unavailable ? 503 : 429 });
  }
  // The same answer whether or not the address has an account.
  await requestPasswordReset(getDb(), parsed.data.email, appNow(), env.PUBLIC_BASE_URL);
  return Response.json({ sent: true } satisfies ActionData);
}

export default function StaffForgotPassword() {
  const t = useT();
  const data = useActionData<ActionData>();
  const submitting = useNavigation().state === "submitting";
  if (data?.sent) {
    return (
      <>
        <h1>{t("staff.forgot.title")}</h1>
        <p className="notice notice--ok" role="status">
          {t("staff.forgot.sent")}
        </p>
        <p>
          <Link to="/staf/masuk">{t("staff.forgot.back")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("staff.forgot.title")}</h1>
      <p className="lead">{t("staff.forgot.lead")}</p>
      <FormAlert message={data?.errors.form} />
      <Form method="post" className="stack" noValidate>
        <Field id="email" label={t("staff.login.email")} error={data?.errors.email} required>
          {(props) => <input {...props} name="email" type="email" autoComplete="username" autoCapitalize="none" spellCheck={false} defaultValue={data?.email ?? ""} />}
        </Field>
        <button type="submit" className="button" disabled={submitting}>
          {t("staff.forgot.submit")}
        </button>
      </Form>
      <p>
        <Link to="/staf/masuk">{t("staff.forgot.back")}</Link>
      </p>
    </>
  );
}
