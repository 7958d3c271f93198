import { randomBytes } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { ComplaintForm } from "~/components/citizen/complaint-form";
import { ComplaintReceipt } from "~/components/citizen/complaint-receipt";
import { SimilarReportsStep } from "~/components/citizen/similar-reports";
import { fileComplaintFromForm, type FileComplaintActionData } from "~/domain/complaints/file-complaint-form.server";
import { parsePinQuery } from "~/domain/location/city-area";
import { suggestKelurahanFor } from "~/domain/location/kelurahan-suggestion.server";
import { getComplaintFormOptions, type FormOptions } from "~/models/catalogue.server";
import { ATTACHMENT_LIMITS } from "~/services/attachments.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";
import { tileLayer } from "~/services/map-config.server";
import { createHoneypotFields } from "~/services/honeypot.server";
import { noStoreKeepingRetryAfter } from "~/services/response-headers";
import { pageTitle } from "~/services/meta";
import { resolveLocale } from "~/services/i18n";
import { parseFormWithFiles, UnreadableFormError } from "~/services/multipart.server";
import { checkSubmissionQuota, countStoredSubmission, type LimitVerdict, type SubmissionQuota } from "~/services/citizen-limits.server";
import { appSecret } from "~/services/secrets.server";

// The form carries a one-time key and the receipt a PIN: neither may be cached anywhere.
export const headers = noStoreKeepingRetryAfter();

export const meta: MetaFunction = (args) => pageTitle(args, "form.title");

const newIdempotencyKey = () => randomBytes(18).toString("base64url");

/**
 * Remix hands an action and the loaders that run after it in the same request the same context
 * object: a successful action marks it, so the receipt page does not carry the whole form's options
 * (~57 KB of product and place names) to a citizen's phone it will not show them on.
 */
type LaporContext = { complaintFiled?: boolean };
const NO_OPTIONS: FormOptions = { units: [], kecamatan: [] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const now = appNow();
  const locale = resolveLocale(request);
  const filed = (context as LaporContext).complaintFiled === true;
  // `?titik=<lat>,<long>`: the map pin asks which kelurahan it is probably in (ADR 036); that answer
  // alone, without the form's options.
  const pin = parsePinQuery(new URL(request.url).searchParams.get("titik"));
  const bare = filed || pin !== null;
  return {
    options: bare ? NO_OPTIONS : await getComplaintFormOptions(getDb(), locale),
    suggestion: pin ? await suggestKelurahanFor(getDb(), pin) : null,
    tiles: tileLayer(),
    idempotencyKey: bare ? "" : newIdempotencyKey(),
    honeypot: createHoneypotFields(appSecret(), now.getTime()),
    locale,
  };
}

/** With JavaScript, the receipt keeps the data it has: reloading the form's options would only cost bytes. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  (actionResult as FileComplaintActionData | undefined)?.status === "submitted" ? false : defaultShouldRevalidate;

export async function action({ request, context }: ActionFunctionArgs) {
  // Checked here, counted only once a complaint is stored: a refused or invalid form costs no quota.
  const { quota, verdict } = await checkSubmissionQuota(request);
  const respond = (response: Response) => {
    if (quota.setCookie) response.headers.append("Set-Cookie", quota.setCookie);
    return response;
  };
  return respond(await fileFromForm(request, context as LaporContext, verdict, quota));
}

async function fileFromForm(request: Request, context: LaporContext, verdict: LimitVerdict, quota: SubmissionQuota): Promise<Response> {
  const env = getEnv();
  let parsed;
  try {
    parsed = await parseFormWithFiles(request, { maxFileBytes: ATTACHMENT_LIMITS.maxBytes, maxFiles: ATTACHMENT_LIMITS.maxFiles });
  } catch (error) {
    if (error instanceof UnreadableFormError) {
      return Response.json({ status: "invalid", errors: { form: error.messageKey }, values: {} } satisfies FileComplaintActionData, { status: error.status });
    }
    throw error;
  }
  const result = await fileComplaintFromForm(getDb(), parsed, {
    verdict,
    now: appNow(),
    locale: resolveLocale(request),
    secret: appSecret(),
    storageDir: env.STORAGE_DIR,
    publicBaseUrl: env.PUBLIC_BASE_URL,
  });
  if (result.kind === "invalid") {
    const response = Response.json(result.data satisfies FileComplaintActionData, { status: result.httpStatus });
    if (result.retryAfterSeconds !== undefined) response.headers.set("Retry-After", String(result.retryAfterSeconds));
    return response;
  }
  // Nothing is stored yet: the citizen chooses between supporting a report like theirs and filing.
  if (result.kind === "similar") return Response.json(result.data satisfies FileComplaintActionData);
  if (!result.duplicate) await countStoredSubmission(quota);
  context.complaintFiled = true;
  // The PIN is on this page: never cache it anywhere.
  return Response.json(result.data satisfies FileComplaintActionData, { headers: { "Cache-Control": "no-store" } });
}

export default function FileComplaint() {
  const { options, idempotencyKey, honeypot, tiles } = useLoaderData<typeof loader>();
  const actionData = useActionData<FileComplaintActionData>();
  if (actionData?.status === "submitted") return <ComplaintReceipt data={actionData} />;
  if (actionData?.status === "similar") return <SimilarReportsStep data={actionData} />;
  return <ComplaintForm options={options} idempotencyKey={idempotencyKey} honeypot={honeypot} actionData={actionData} tiles={tiles} />;
}
