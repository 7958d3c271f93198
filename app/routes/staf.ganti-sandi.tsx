import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "~/services/zod.server";
import { ErrorSummary, Field } from "~/components/forms";
import { changePassword, MAX_PASSWORD_LENGTH } from "~/domain/auth/login.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { useT } from "~/services/i18n";
import { pageTitle } from "~/services/meta";
import { requireStaffUser } from "~/services/session.server";
import { firstIssuePerField } from "~/services/form-errors";
import { readForm } from "~/services/form-body.server";

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "staff.change.title");

// The one staff page a user who must change their password may open (requireStaffUser option).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaffUser(getDb(), request, appNow(), { allowPendingPasswordChange: true });
  return { required: user.mustChangePassword };
}

const changeSchema = () =>
  z
    .object({
      current: z.string({ message: "staff.error.passwordRequired" }).min(1, "staff.error.passwordRequired").max(1024, "staff.error.passwordLong"),
      password: z.string({ message: "staff.error.passwordRequired" }).min(1, "staff.error.passwordRequired").max(MAX_PASSWORD_LENGTH, "staff.error.passwordLong"),
      confirm: z.string({ message: "staff.error.passwordMismatch" }),
    })
    .refine((value) => value.password === value.confirm, { path: ["confirm"], message: "staff.error.passwordMismatch" });

const PROBLEMS = {
  wrong_current: ["current", "staff.error.currentWrong"],
  same_as_current: ["password", "staff.error.passwordSame"],
  too_short: ["password", "staff.error.passwordShort"],
  too_long: ["password", "staff.error.passwordLong"],
  same_as_email: ["password", "staff.error.passwordIsEmail"],
} as const;

type Fields = "current" | "password" | "confirm";
type ActionData = { errors: Partial<Record<Fields, string>>; done?: true };

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const now = appNow();
  const user = await requireStaffUser(db, request, now, { allowPendingPasswordChange: true });
  const form = Object.fromEntries(await readForm(request));
  const parsed = changeSchema().safeParse(form);
  if (!parsed.success) {
    const errors: ActionData["errors"] = firstIssuePerField<Fields>(parsed.error);
    return Response.json({ errors } satisfies ActionData, { status: 400 });
  }
  const result = await changePassword(db, user.id, parsed.data.current, parsed.data.password, now, { keepSessionId: user.sessionId });
  if (!result.ok) {
    const [field, message] = PROBLEMS[result.reason];
    return Response.json({ errors: { [field]: message } } satisfies ActionData, { status: 400 });
  }
  return Response.json({ errors: {}, done: true } satisfies ActionData);
}

export default function StaffChangePassword() {
  const t = useT();
  const { required } = useLoaderData<typeof loader>();
  const data = useActionData<ActionData>();
  const submitting = useNavigation().state === "submitting";
  if (data?.done) {
    return (
      <>
        <h1>{t("staff.change.title")}</h1>
        <p className="notice notice--ok" role="status">
          {t("staff.change.done")}
        </p>
        <p>
          <a href="/staf">{t("staff.home.title")}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("staff.change.title")}</h1>
      {required ? <p className="notice">{t("staff.change.required")}</p> : <p className="lead">{t("staff.change.lead")}</p>}
      {data ? (
        <ErrorSummary
          errors={data.errors}
          labels={{ current: t("staff.password.current"), password: t("staff.password.new"), confirm: t("staff.password.confirm") }}
        />
      ) : null}
      <Form method="post" className="stack" noValidate>
        <Field id="current" label={t("staff.password.current")} error={data?.errors.current} required>
          {(props) => <input {...props} name="current" type="password" autoComplete="current-password" />}
        </Field>
        <Field id="password" label={t("staff.password.new")} hint={t("staff.password.new.hint")} error={data?.errors.password} required>
          {(props) => <input {...props} name="password" type="password" autoComplete="new-password" />}
        </Field>
        <Field id="confirm" label={t("staff.password.confirm")} error={data?.errors.confirm} required>
          {(props) => <input {...props} name="confirm" type="password" autoComplete="new-password" />}
        </Field>
        <button type="submit" className="button" disabled={submitting}>
          {t("staff.change.submit")}
        </button>
      </Form>
    </>
  );
}
