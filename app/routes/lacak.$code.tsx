import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { TrackingActions } from "~/components/citizen/tracking-actions";
import { TrackingEmailForm } from "~/components/citizen/tracking-email-form";
import { TrackingSummary } from "~/components/citizen/tracking-summary";
import { WithdrawConfirmation } from "~/components/citizen/withdraw-confirmation";
import { FormAlert } from "~/components/forms";
import { actOnTrackedComplaint, type TrackingActionData } from "~/domain/complaints/citizen-tracking-form.server";
import { findComplaintIdByCode, getCitizenComplaintView, type CitizenComplaintView } from "~/domain/complaints/citizen-tracking.server";
import { grantAccessCookie, hasAccess, verifyTrackingLinkToken } from "~/domain/complaints/tracking-access.server";
import { confirmsWithdrawal, WITHDRAW_STEP } from "~/domain/complaints/withdrawal";
import { ATTACHMENT_LIMITS } from "~/services/attachments.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";
import { pageTitle } from "~/services/meta";
import { useT, type MessageKey } from "~/services/i18n";
import { parseFormWithFiles, UnreadableFormError } from "~/services/multipart.server";

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = (args) =>
  pageTitle(args, confirmsWithdrawal(new URLSearchParams(args.location.search), args.data) ? "track.withdraw.confirm.title" : "track.view.title", [
    { name: "robots", content: "noindex" },
  ]);

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
  // One statement by code; the view leaves this loader only with the access cookie for its complaint.
  const view = await getCitizenComplaintView(getDb(), { code });
  if (!view || !hasAccess(request.headers.get("Cookie"), view.id, appNow())) throw redirect(`/lacak?kode=${encodeURIComponent(code)}`);
  return data(view, { headers: { "Cache-Control": "private, no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const code = params.code ?? "";
  const complaintId = await requireAccess(request, code);
  let parsedForm;
  try {
    parsedForm = await parseFormWithFiles(request, { maxFileBytes: ATTACHMENT_LIMITS.maxBytes, maxFiles: ATTACHMENT_LIMITS.maxFiles });
  } catch (error) {
    if (!(error instanceof UnreadableFormError)) throw error;
    return Response.json({ errors: { form: error.messageKey }, values: {} } satisfies TrackingActionData, { status: error.status });
  }
  const { form, files, tooManyFiles } = parsedForm;
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string") values[key] = value;
  const result = await actOnTrackedComplaint(getDb(), complaintId, { values, files, tooManyFiles }, { now: appNow(), storageDir: getEnv().STORAGE_DIR });
  if (result.kind === "confirm_withdrawal") return redirect(`/lacak/${code}?${WITHDRAW_STEP}=1`);
  if (result.kind === "refused") return Response.json(result.data, { status: result.status });
  // Post/redirect/get: a refresh never repeats the action.
  return redirect(`/lacak/${code}?selesai=${result.intent}`);
}

export default function TrackComplaint() {
  const t = useT();
  const view = useLoaderData<typeof loader>() as CitizenComplaintView;
  const data = useActionData<TrackingActionData>();
  const [params] = useSearchParams();
  // The last step's thank-you stays in the address (?selesai=…) and so in the next form's action: once that form
  // answers with errors, the thank-you is stale and would be announced beside them.
  const done = data ? null : params.get("selesai");
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
    email: view.emailUndeliverable,
  };
  // A refusal for a form that is not on the page (the action is no longer open, or the post did not
  // come from our page) would otherwise be answered with no visible message at all.
  const pageError =
    data && Object.keys(data.errors).length > 0 && !(data.intent && Object.hasOwn(formShown, data.intent) && formShown[data.intent]) ? (data.errors.form ?? "form.error.invalid") : undefined;

  if (confirmingWithdrawal) {
    return <WithdrawConfirmation trackingCode={view.trackingCode} status={view.status} errors={data?.intent === "withdraw" ? data.errors : {}} reason={data?.intent === "withdraw" ? (data.values.reason ?? "") : ""} />;
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
      <TrackingSummary view={view} />
      {view.emailUndeliverable ? <TrackingEmailForm data={data} /> : null}
      <TrackingActions view={view} data={data} />
    </>
  );
}
