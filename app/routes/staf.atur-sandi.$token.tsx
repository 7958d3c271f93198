import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "~/services/zod.server";
import { ErrorSummary, Field } from "~/components/forms";
import { isPasswordResetTokenUsable, MAX_PASSWORD_LENGTH, resetPassword } from "~/domain/auth/login.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { useT } from "~/services/i18n";
import { pageTitle } from "~/services/meta";
import { STAFF_LOGIN_PATH } from "~/services/session.server";
import { firstIssuePerField } from "~/services/form-errors";
import { readForm } from "~/services/form-body.server";

// The token is in the path: keep it out of caches and out of the Referer of any link followed.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" });

export const meta: MetaFunction = (args) => pageTitle(args, "staff.reset.title");

export async function loader({ params }: LoaderFunctionArgs) {
  return { usable: await isPasswordResetTokenUsable(getDb(), params.token ?? "", appNow()) };
}

const resetSchema = () =>
  z
    .object({
      password: z.string({ message: "staff.error.passwordRequired" }).min(1, "staff.error.passwordRequired").max(MAX_PASSWORD_LENGTH, "staff.error.passwordLong"),
      confirm: z.string({ message: "staff.error.passwordMismatch" }),
    })
    .refine((value) => value.password === value.confirm, { path: ["confirm"], message: "staff.error.passwordMismatch" });

const PROBLEMS = { too_short: "staff.error.passwordShort", too_long: "staff.error.passwordLong", same_as_email: "staff.error.passwordIsEmail" } as const;

type ActionData = { errors: { password?: string; confirm?: string }; invalidToken?: true };

export async function action({ request, params }: ActionFunctionArgs) {
  const form = Object.fromEntries(await readForm(request));
  const parsed = resetSchema().safeParse(form);
  if (!parsed.success) {
    const errors: ActionData["errors"] = firstIssuePerField<"password" | "confirm">(parsed.error);
    return Response.json({ errors } satisfies ActionData, { status: 400 });
  }
  const result = await resetPassword(getDb(), params.token ?? "", parsed.data.password, appNow());
  if (!result.ok) {
    if (result.reason === "invalid_token") return Response.json({ errors: {}, invalidToken: true } satisfies ActionData, { status: 410 });
    return Response.json({ errors: { password: PROBLEMS[result.reason] } } satisfies ActionData, { status: 400 });
  }
  return redirect(`${STAFF_LOGIN_PATH}?pesan=sandi-diatur`);
}

export default function StaffResetPassword() {
  const t = useT();
  const { usable } = useLoaderData<typeof loader>();
  const data = useActionData<ActionData>();
  const submitting = useNavigation().state === "submitting";
  if (!usable || data?.invalidToken) {
    return (
      <>
        <h1>{t("staff.reset.title")}</h1>
        <p className="error-summary" role="alert">
          {t("staff.reset.invalid")}
        </p>
        <p>
          <Link to="/staf/lupa-sandi">{t("staff.reset.requestNew")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("staff.reset.title")}</h1>
      <p className="lead">{t("staff.reset.lead")}</p>
      {data ? <ErrorSummary errors={data.errors} labels={{ password: t("staff.password.new"), confirm: t("staff.password.confirm") }} /> : null}
      <Form method="post" className="stack" noValidate>
        <Field id="password" label={t("staff.password.new")} hint={t("staff.password.new.hint")} error={data?.errors.password} required>
          {(props) => <input {...props} name="password" type="password" autoComplete="new-password" />}
        </Field>
        <Field id="confirm" label={t("staff.password.confirm")} error={data?.errors.confirm} required>
          {(props) => <input {...props} name="confirm" type="password" autoComplete="new-password" />}
        </Field>
        <button type="submit" className="button" disabled={submitting}>
          {t("staff.reset.submit")}
        </button>
      </Form>
    </>
  );
}
