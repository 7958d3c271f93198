import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormAlert } from "~/components/forms";
import { TrackingLookupSchema } from "~/domain/complaints/citizen-actions";
import { authenticateTracking } from "~/domain/complaints/citizen-tracking.server";
import { grantAccessCookie } from "~/domain/complaints/tracking-access.server";
import { normalizeTrackingCode } from "~/domain/complaints/tracking-code";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";
import { noStoreKeepingRetryAfter } from "~/services/response-headers";
import { pageTitle } from "~/services/meta";
import { useT } from "~/services/i18n";
import { checkPinAttempt, recordWrongPin } from "~/services/citizen-limits.server";
import { firstIssuePerField } from "~/services/form-errors";
import { readForm } from "~/services/form-body.server";

export const headers = noStoreKeepingRetryAfter();

export const meta: MetaFunction = (args) => pageTitle(args, "track.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return { kode: new URL(request.url).searchParams.get("kode") ?? "" };
}

type ActionData = { errors: { kode?: string; pin?: string; form?: string }; kode: string; retryAfterMinutes?: number };

export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await readForm(request));
  const kode = typeof form.kode === "string" ? form.kode : "";
  const parsed = TrackingLookupSchema.safeParse(form);
  if (!parsed.success) {
    const errors: ActionData["errors"] = firstIssuePerField<"kode" | "pin">(parsed.error);
    return Response.json({ errors, kode } satisfies ActionData, { status: 400 });
  }
  const code = normalizeTrackingCode(parsed.data.kode) ?? parsed.data.kode.toUpperCase();
  const limit = await checkPinAttempt(request, code);
  if (!limit.allowed) {
    // Without the wrong-PIN brake a PIN could be guessed, so while Redis is away tracking waits for it.
    const form = limit.unavailable ? "track.error.unavailable" : "track.error.tooMany";
    const retryAfterMinutes = Math.max(1, Math.ceil(limit.retryAfterSeconds / 60));
    return Response.json({ errors: { form }, kode, retryAfterMinutes } satisfies ActionData, {
      status: limit.unavailable ? 503 : 429,
      headers: { "Retry-After": String(limit.retryAfterSeconds) },
    });
  }
  const result = await authenticateTracking(getDb(), parsed.data.kode, parsed.data.pin);
  if (!result.ok) {
    await recordWrongPin(request, code);
    return Response.json({ errors: { form: "track.error.wrong" }, kode } satisfies ActionData, { status: 400 });
  }
  const cookie = grantAccessCookie(request.headers.get("Cookie"), result.complaintId, appNow(), { secure: getEnv().NODE_ENV === "production" && getEnv().PUBLIC_BASE_URL.startsWith("https:") });
  return redirect(`/lacak/${result.trackingCode}`, { headers: { "Set-Cookie": cookie } });
}

export default function TrackLookup() {
  const t = useT();
  const { kode } = useLoaderData<typeof loader>();
  const data = useActionData<ActionData>();
  const submitting = useNavigation().state === "submitting";
  return (
    <>
      <h1>{t("track.title")}</h1>
      <p className="lead">{t("track.lead")}</p>
      <FormAlert message={data?.errors.form} />
      {data?.retryAfterMinutes && data.errors.form === "track.error.tooMany" ? <p>{t("track.error.tooMany.retry", { minutes: data.retryAfterMinutes })}</p> : null}
      <Form method="post" className="stack" noValidate>
        <Field id="kode" label={t("track.code")} hint={t("track.code.hint")} error={data?.errors.kode} required>
          {(props) => <input {...props} name="kode" type="text" autoCapitalize="characters" autoComplete="off" spellCheck={false} defaultValue={data?.kode ?? kode} />}
        </Field>
        <Field id="pin" label={t("track.pin")} error={data?.errors.pin} required>
          {(props) => <input {...props} name="pin" type="password" inputMode="numeric" autoComplete="off" maxLength={6} />}
        </Field>
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? t("track.submitting") : t("track.submit")}
        </button>
      </Form>
    </>
  );
}
