import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
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
import { pageTitle } from "~/services/meta";
import { useT } from "~/services/i18n";
import { clientIp, hitRateLimit, ipRateLimitIdentifier, peekRateLimit, RATE_LIMITS } from "~/services/rate-limit.server";
import { getFailFastRedis } from "~/services/redis.server";
import { firstIssuePerField } from "~/services/form-errors";
import { readForm } from "~/services/form-body.server";

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

const limitOptions = () => ({ prefix: getEnv().RATE_LIMIT_PREFIX });

export const meta: MetaFunction = (args) => pageTitle(args, "track.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return { kode: new URL(request.url).searchParams.get("kode") ?? "" };
}

type ActionData = { errors: { kode?: string; pin?: string; form?: string }; kode: string };

export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await readForm(request));
  const kode = typeof form.kode === "string" ? form.kode : "";
  const parsed = TrackingLookupSchema.safeParse(form);
  if (!parsed.success) {
    const errors: ActionData["errors"] = firstIssuePerField<"kode" | "pin">(parsed.error);
    return Response.json({ errors, kode } satisfies ActionData, { status: 400 });
  }
  const redis = getFailFastRedis();
  const ip = ipRateLimitIdentifier(clientIp(request, getEnv().TRUST_PROXY));
  const code = normalizeTrackingCode(parsed.data.kode) ?? parsed.data.kode.toUpperCase();
  // Wrong PINs are limited per network and per code, so neither guessing many codes from one
  // place nor one code from many places gets far.
  const [byIp, byCode, lookups] = await Promise.all([
    peekRateLimit(redis, RATE_LIMITS.trackingWrongPin, `ip:${ip}`, limitOptions()),
    peekRateLimit(redis, RATE_LIMITS.trackingWrongPin, `code:${code}`, limitOptions()),
    hitRateLimit(redis, RATE_LIMITS.trackingLookup, ip, limitOptions()),
  ]);
  if (byIp.unavailable || byCode.unavailable) {
    // Without the wrong-PIN brake a PIN could be guessed, so tracking waits for Redis to return.
    return Response.json({ errors: { form: "track.error.unavailable" }, kode } satisfies ActionData, { status: 503 });
  }
  if (!byIp.allowed || !byCode.allowed || !lookups.allowed) {
    return Response.json({ errors: { form: "track.error.tooMany" }, kode } satisfies ActionData, { status: 429 });
  }
  const result = await authenticateTracking(getDb(), parsed.data.kode, parsed.data.pin);
  if (!result.ok) {
    await Promise.all([
      hitRateLimit(redis, RATE_LIMITS.trackingWrongPin, `ip:${ip}`, limitOptions()),
      hitRateLimit(redis, RATE_LIMITS.trackingWrongPin, `code:${code}`, limitOptions()),
    ]);
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
