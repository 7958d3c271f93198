import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field, FormAlert } from "~/components/forms";
import { CitizenActionSchema, type CitizenIntent } from "~/domain/complaints/citizen-actions";
import { findComplaintIdByCode, getCitizenComplaintView, performCitizenAction } from "~/domain/complaints/citizen-tracking.server";
import { grantAccessCookie, hasAccess, verifyTrackingLinkToken } from "~/domain/complaints/tracking-access.server";
import { ATTACHMENT_LIMITS } from "~/services/attachments.server";
import { persistUploads, screenUploads } from "~/services/uploads.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";
import { formatWib } from "~/services/format";
import { pageTitle } from "~/services/meta";
import { useLocale, useT, type MessageKey } from "~/services/i18n";
import { parseFormWithFiles, UnreadableFormError } from "~/services/multipart.server";
import { firstIssuePerField } from "~/services/form-errors";

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = (args) =>
  pageTitle(args, confirmsWithdrawal(new URLSearchParams(args.location.search), args.data) ? "track.withdraw.confirm.title" : "track.view.title", [
    { name: "robots", content: "noindex" },
  ]);

/**
 * Withdrawing cannot be undone, so it is never one tap: the status page offers it as a secondary
 * link to a confirmation step (a GET, `?cabut=1`), whose form alone carries `confirmed` and performs
 * it (GOV.UK's pattern; works without JavaScript).
 */
const WITHDRAW_STEP = "cabut";
const WITHDRAW_CONFIRMED = "ya";

const confirmsWithdrawal = (params: URLSearchParams, view: unknown) =>
  params.get(WITHDRAW_STEP) === "1" && Boolean((view as { actions?: string[] } | undefined)?.actions?.includes("WITHDRAW"));

const secureCookies = () => getEnv().NODE_ENV === "production" && getEnv().PUBLIC_BASE_URL.startsWith("https:");

async function requireAccess(request: Request, code: string): Promise<string> {
  const complaintId = await findComplaintIdByCode(getDb(), code);
  if (!complaintId || !hasAccess(request.headers.get("Cookie"), complaintId, appNow())) {
    throw redirect(`/lacak?kode=${encodeURIComponent(code)}`);
  }
  return complaintId;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  const url = new URL(request.url);
  const token = url.searchParams.get("t");
  if (token) {
    // The emailed link: trade the token for the access cookie and drop it from the address bar.
    const complaintId = await findComplaintIdByCode(getDb(), code);
    if (complaintId && verifyTrackingLinkToken(complaintId, token, appNow())) {
      const cookie = grantAccessCookie(request.headers.get("Cookie"), complaintId, appNow(), { secure: secureCookies() });
      throw redirect(`/lacak/${code}`, { headers: { "Set-Cookie": cookie } });
    }
    throw redirect(`/lacak?kode=${encodeURIComponent(code)}`);
  }
  const complaintId = await requireAccess(request, code);
  const view = await getCitizenComplaintView(getDb(), complaintId);
  if (!view) throw new Response("Not found", { status: 404 });
  return data(view, { headers: { "Cache-Control": "private, no-store" } });
}

type ActionData = { intent?: CitizenIntent; errors: Record<string, string>; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const code = params.code ?? "";
  const complaintId = await requireAccess(request, code);
  let parsedForm;
  try {
    parsedForm = await parseFormWithFiles(request, { maxFileBytes: ATTACHMENT_LIMITS.maxBytes, maxFiles: ATTACHMENT_LIMITS.maxFiles });
  } catch (error) {
    if (!(error instanceof UnreadableFormError)) throw error;
    return Response.json({ errors: { form: error.messageKey }, values: {} } satisfies ActionData, { status: error.status });
  }
  const { form, files, tooManyFiles } = parsedForm;
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string") values[key] = value;
  // A withdrawal posted without the confirmation step's answer (an old page, a crafted post) is not
  // done: the citizen is taken to the step instead.
  if (values.intent === "withdraw" && values.confirmed !== WITHDRAW_CONFIRMED) {
    return redirect(`/lacak/${code}?${WITHDRAW_STEP}=1`);
  }
  const parsed = CitizenActionSchema.safeParse(values);
  const intent = (values.intent as CitizenIntent | undefined) ?? undefined;
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    Object.assign(errors, firstIssuePerField(parsed.error));
  }
  const uploads = intent === "reply" ? screenUploads(files, tooManyFiles) : { accepted: [] };
  if (uploads.error) errors.attachments = uploads.error;
  // No browser refills a file input: an answer returned for another mistake must say the files are gone.
  else if (uploads.accepted.length > 0 && Object.keys(errors).length > 0) errors.attachments = "form.error.attachment.reselect";
  if (!parsed.success || Object.keys(errors).length > 0) {
    return Response.json({ intent, errors, values } satisfies ActionData, { status: 400 });
  }
  const attachments = await persistUploads(getEnv().STORAGE_DIR, uploads.accepted);
  const outcome = await performCitizenAction(getDb(), complaintId, parsed.data, { now: appNow(), attachments });
  if (!outcome.ok) {
    const reason = outcome.refusal.reason;
    const key = reason === "already_rated" ? "track.error.alreadyRated" : reason === "window_closed" ? "track.error.windowClosed" : "track.error.notNow";
    return Response.json({ intent, errors: { form: key }, values } satisfies ActionData, { status: 409 });
  }
  // Post/redirect/get: a refresh never repeats the action.
  return redirect(`/lacak/${code}?selesai=${parsed.data.intent}`);
}

const STATUS_KEYS: Record<string, MessageKey> = {
  SUBMITTED: "status.SUBMITTED",
  ON_HOLD: "status.SUBMITTED",
  VERIFIED: "status.VERIFIED",
  REJECTED: "status.REJECTED",
  DUPLICATE: "status.DUPLICATE",
  ASSIGNED: "status.ASSIGNED",
  IN_PROGRESS: "status.IN_PROGRESS",
  AWAITING_CITIZEN: "status.AWAITING_CITIZEN",
  RESOLVED: "status.RESOLVED",
  REOPENED: "status.REOPENED",
  APPEALED: "status.APPEALED",
  CLOSED: "status.CLOSED",
  WITHDRAWN: "status.WITHDRAWN",
};

function ActionForm({ intent, title, children, submitLabel, errors, multipart }: {
  intent: CitizenIntent;
  title: string;
  children?: React.ReactNode;
  submitLabel: string;
  errors: Record<string, string>;
  multipart?: boolean;
}) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <section className="card" aria-labelledby={`action-${intent}`}>
      <h3 id={`action-${intent}`}>{title}</h3>
      <FormAlert message={errors.form} />
      <Form method="post" encType={multipart ? "multipart/form-data" : undefined} className="stack" noValidate>
        <input type="hidden" name="intent" value={intent} />
        {children}
        <button type="submit" name="submit" className="button" disabled={busy}>
          {busy ? t("form.submitting") : submitLabel}
        </button>
      </Form>
    </section>
  );
}

export default function TrackComplaint() {
  const t = useT();
  const locale = useLocale();
  const view = useLoaderData<typeof loader>();
  const data = useActionData<ActionData>();
  const [params] = useSearchParams();
  // The last step's thank-you stays in the address (?selesai=…) and so in the next form's action: once that form
  // answers with errors, the thank-you is stale and would be announced beside them.
  const done = data ? null : params.get("selesai");
  const errorsFor = (intent: CitizenIntent) => (data?.intent === intent ? data.errors : {});
  const valueFor = (intent: CitizenIntent, field: string) => (data?.intent === intent ? (data.values[field] ?? "") : "");
  const can = (action: string) => view.actions.includes(action as never);
  const confirmingWithdrawal = confirmsWithdrawal(params, view);
  const formShown: Record<string, boolean> = {
    reply: can("CITIZEN_REPLY"),
    confirm: can("CONFIRM_RESOLUTION"),
    reject: can("REJECT_RESOLUTION"),
    rate: can("RATE"),
    appeal: can("APPEAL"),
    // The withdrawal's form is on the confirmation step only.
    withdraw: confirmingWithdrawal,
  };
  // A refusal for a form that is not on the page (the action is no longer open, or the post did not
  // come from our page) would otherwise be answered with no visible message at all.
  const pageError =
    data && Object.keys(data.errors).length > 0 && !(data.intent && Object.hasOwn(formShown, data.intent) && formShown[data.intent]) ? (data.errors.form ?? "form.error.invalid") : undefined;

  if (confirmingWithdrawal) {
    return <WithdrawConfirmation trackingCode={view.trackingCode} status={view.status} errors={errorsFor("withdraw")} reason={valueFor("withdraw", "reason")} />;
  }

  return (
    <>
      <h1>{t("track.view.title")}</h1>
      {done ? (
        <p className="notice notice--ok" role="status">
          {t(`track.done.${done}` as MessageKey)}
        </p>
      ) : null}
      <FormAlert message={pageError} />
      <dl className="summary">
        <dt>{t("receipt.code")}</dt>
        <dd>
          <code>{view.trackingCode}</code>
        </dd>
        <dt>{t("track.view.status")}</dt>
        <dd data-testid="status">{t(STATUS_KEYS[view.status] ?? "status.SUBMITTED")}</dd>
        <dt>{t("track.view.unit")}</dt>
        <dd>{view.unitName ?? t("track.view.unitPending")}</dd>
        {view.productName ? (
          <>
            <dt>{t("form.product")}</dt>
            <dd>{locale === "en" ? view.productNameEn : view.productName}</dd>
          </>
        ) : null}
        <dt>{t("track.view.holder")}</dt>
        <dd>{t(`track.holder.${view.holder}` as MessageKey)}</dd>
        {view.nextDueAt ? (
          <>
            <dt>{t("track.view.due")}</dt>
            <dd data-testid="due">{formatWib(view.nextDueAt, locale)}</dd>
          </>
        ) : null}
      </dl>
      {view.duplicateOfCode ? (
        <p className="notice" data-testid="merged-with">
          {t("triage.track.mergedWith", { code: view.duplicateOfCode })}
        </p>
      ) : null}
      {view.rejection ? (
        <dl className="summary notice" data-testid="rejection">
          {view.rejection.reason ? (
            <>
              <dt>{t("triage.track.rejectionReason")}</dt>
              <dd className="timeline__message">{view.rejection.reason}</dd>
            </>
          ) : null}
          {view.rejection.referral || view.rejection.referralNote ? (
            <>
              <dt>{t("triage.track.referral")}</dt>
              <dd data-testid="referral">
                {[view.rejection.referral ? t(`triage.referral.${view.rejection.referral}` as MessageKey) : null, view.rejection.referralNote].filter(Boolean).join(": ")}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}

      <h2>{t("track.view.timeline")}</h2>
      <ol className="timeline">
        {view.timeline.map((entry) => (
          <li key={entry.id} className={entry.byCitizen ? "timeline__item timeline__item--citizen" : "timeline__item"}>
            <p className="timeline__meta">
              <strong>{t(`event.${entry.type}` as MessageKey)}</strong> · <time dateTime={entry.occurredAt}>{formatWib(entry.occurredAt, locale)}</time>
            </p>
            {entry.message ? <p className="timeline__message">{entry.message}</p> : null}
            {entry.attachments.length > 0 ? (
              <p className="timeline__attachments">
                {t("form.attachments")}:{" "}
                {entry.attachments.map((a, i) => (
                  <span key={a.id}>
                    {i > 0 ? ", " : null}
                    <a href={`/lacak/${view.trackingCode}/lampiran/${a.id}`} download>
                      {a.name}
                    </a>
                  </span>
                ))}
              </p>
            ) : null}
          </li>
        ))}
      </ol>

      {view.actions.length > 0 ? <h2>{t("track.view.actions")}</h2> : null}
      {can("CITIZEN_REPLY") ? (
        <ActionForm intent="reply" title={t("track.reply.title")} submitLabel={t("track.reply.submit")} errors={errorsFor("reply")} multipart>
          <Field id="reply-message" label={t("track.reply.message")} error={errorsFor("reply").message} required>
            {(props) => <textarea {...props} name="message" rows={5} maxLength={5000} defaultValue={valueFor("reply", "message")} />}
          </Field>
          <Field id="reply-attachments" label={t("form.attachments")} hint={t("form.attachments.hint")} error={errorsFor("reply").attachments}>
            {(props) => <input {...props} name="attachments" type="file" multiple accept="image/jpeg,image/png,application/pdf" />}
          </Field>
        </ActionForm>
      ) : null}
      {can("CONFIRM_RESOLUTION") ? (
        <ActionForm intent="confirm" title={t("track.confirm.title")} submitLabel={t("track.confirm.submit")} errors={errorsFor("confirm")} />
      ) : null}
      {can("REJECT_RESOLUTION") ? (
        <ActionForm intent="reject" title={t("track.reject.title")} submitLabel={t("track.reject.submit")} errors={errorsFor("reject")}>
          <Field id="reject-reason" label={t("track.reason")} error={errorsFor("reject").reason} required>
            {(props) => <textarea {...props} name="reason" rows={4} maxLength={2000} defaultValue={valueFor("reject", "reason")} />}
          </Field>
        </ActionForm>
      ) : null}
      {can("RATE") ? (
        <ActionForm intent="rate" title={t("track.rate.title")} submitLabel={t("track.rate.submit")} errors={errorsFor("rate")}>
          <fieldset aria-describedby={errorsFor("rate").rating ? "rate-error" : undefined}>
            <legend>{t("track.rate.legend")}</legend>
            {errorsFor("rate").rating ? (
              <p id="rate-error" className="field__error">
                {t(errorsFor("rate").rating as MessageKey)}
              </p>
            ) : null}
            {[1, 2, 3, 4, 5].map((n) => (
              <div className="field field--radio" key={n}>
                <input id={`rating-${n}`} type="radio" name="rating" value={n} defaultChecked={valueFor("rate", "rating") === String(n)} />
                <label htmlFor={`rating-${n}`}>{t(`track.rate.${n}` as MessageKey)}</label>
              </div>
            ))}
          </fieldset>
          <Field id="rate-comment" label={t("track.rate.comment")} error={errorsFor("rate").comment}>
            {(props) => <textarea {...props} name="comment" rows={3} maxLength={1000} defaultValue={valueFor("rate", "comment")} />}
          </Field>
        </ActionForm>
      ) : null}
      {can("APPEAL") ? (
        <ActionForm intent="appeal" title={t("track.appeal.title")} submitLabel={t("track.appeal.submit")} errors={errorsFor("appeal")}>
          <p>{t("track.appeal.hint")}</p>
          <Field id="appeal-reason" label={t("track.reason")} error={errorsFor("appeal").reason} required>
            {(props) => <textarea {...props} name="reason" rows={4} maxLength={2000} defaultValue={valueFor("appeal", "reason")} />}
          </Field>
        </ActionForm>
      ) : null}
      {can("WITHDRAW") ? (
        <section className="card" aria-labelledby="action-withdraw">
          <h3 id="action-withdraw">{t("track.withdraw.title")}</h3>
          <p>{t("track.withdraw.hint")}</p>
          <Link className="button button--secondary" to={`/lacak/${view.trackingCode}?${WITHDRAW_STEP}=1`}>
            {t("track.withdraw.submit")}
          </Link>
        </section>
      ) : null}
    </>
  );
}

/** The withdrawal's confirmation step: what it means, an optional reason, a warning button and a way back. */
function WithdrawConfirmation({ trackingCode, status, errors, reason }: { trackingCode: string; status: string; errors: Record<string, string>; reason: string }) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "withdraw";
  return (
    <>
      <h1>{t("track.withdraw.confirm.title")}</h1>
      <FormAlert message={errors.form} />
      <dl className="summary">
        <dt>{t("receipt.code")}</dt>
        <dd>
          <code>{trackingCode}</code>
        </dd>
        <dt>{t("track.view.status")}</dt>
        <dd data-testid="status">{t(STATUS_KEYS[status] ?? "status.SUBMITTED")}</dd>
      </dl>
      <p className="notice notice--warning">
        <strong>{t("track.withdraw.confirm.warning")}</strong>
      </p>
      <Form method="post" action={`/lacak/${trackingCode}?${WITHDRAW_STEP}=1`} className="stack" noValidate>
        <input type="hidden" name="intent" value="withdraw" />
        <input type="hidden" name="confirmed" value={WITHDRAW_CONFIRMED} />
        <Field id="withdraw-reason" label={t("track.withdraw.reason")} error={errors.reason}>
          {(props) => <textarea {...props} name="reason" rows={3} maxLength={2000} defaultValue={reason} />}
        </Field>
        <div className="actions">
          <button type="submit" name="submit" className="button button--warning" disabled={busy}>
            {busy ? t("form.submitting") : t("track.withdraw.confirm.submit")}
          </button>
          <Link className="button-link" to={`/lacak/${trackingCode}`}>
            {t("track.withdraw.confirm.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
