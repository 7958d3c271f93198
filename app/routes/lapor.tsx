import { randomBytes } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { ErrorSummary, Field, FormAlert } from "~/components/forms";
import { VisibilityChoice } from "~/components/visibility-choice";
import { ProductPicker } from "~/components/product-picker";
import { fieldErrors, makeComplaintFormSchema } from "~/domain/complaints/complaint-form-schema";
import {
  COMPLAINT_FORM_FIELDS,
  MALADMINISTRATION_CHOOSER,
  type ComplaintFormField,
  type Visibility,
} from "~/domain/complaints/complaint-form";
import { submitComplaint } from "~/domain/complaints/submit-complaint.server";
import { getComplaintFormOptions, type FormOptions } from "~/models/catalogue.server";
import { loadCitizenViewRow } from "~/models/citizen-view.server";
import { ATTACHMENT_LIMITS } from "~/services/attachments.server";
import { persistUploads, screenUploads } from "~/services/uploads.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";
import { HONEYPOT_FIELD, HONEYPOT_INPUT_ATTRIBUTES, HONEYPOT_WRAPPER_ATTRIBUTES } from "~/services/honeypot";
import { checkHoneypot, createHoneypotFields } from "~/services/honeypot.server";
import { noStoreKeepingRetryAfter } from "~/services/response-headers";
import { pageTitle } from "~/services/meta";
import { resolveLocale, useT, type MessageKey } from "~/services/i18n";
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
  return {
    options: filed ? NO_OPTIONS : await getComplaintFormOptions(getDb(), locale),
    idempotencyKey: filed ? "" : newIdempotencyKey(),
    honeypot: createHoneypotFields(appSecret(), now.getTime()),
    locale,
  };
}

/** With JavaScript, the receipt keeps the data it has: reloading the form's options would only cost bytes. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  (actionResult as ActionData | undefined)?.status === "submitted" ? false : defaultShouldRevalidate;

type Values = Partial<Record<ComplaintFormField, string>>;

/** Every field the citizen sees, by its name in the form; the hidden one-time key has no label. */
type LabelledField = Exclude<ComplaintFormField, "idempotencyKey">;

/**
 * What the error summary calls each field: the words of its label on the form, in the visitor's
 * language. Typed by the form's fields, so a field added without a label fails the type check
 * instead of showing its internal name ("address", "chooser") to a citizen.
 */
const FIELD_LABELS = {
  productId: "form.product",
  unitUnknown: "form.unitUnknown",
  description: "form.description",
  incidentDate: "form.incidentDate",
  chooser: "form.chooser",
  attachments: "form.attachments",
  kecamatanCode: "form.kecamatan",
  kelurahanCode: "form.kelurahan",
  address: "form.address",
  name: "form.name",
  email: "form.email",
  phone: "form.phone",
  visibility: "form.visibility",
  consent: "form.consent",
} as const satisfies Record<LabelledField, MessageKey>;

type ActionData =
  | { status: "invalid"; errors: Partial<Record<ComplaintFormField | "form", string>>; values: Values; honeypot?: Record<string, string> }
  // `pin` is null on a replay of an already filed form after PIN_REPLAY_WINDOW_MS: the PIN is shown once.
  | { status: "submitted"; trackingCode: string; pin: string | null; outsideWindow: boolean; hadEmail: boolean };

function invalid(errors: Partial<Record<ComplaintFormField | "form", string>>, values: Values, status = 400, honeypot?: Record<string, string>) {
  return Response.json({ status: "invalid", errors, values, honeypot } satisfies ActionData, { status });
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Checked here, counted only once a complaint is stored: a refused or invalid form costs no quota.
  const { quota, verdict } = await checkSubmissionQuota(request);
  const respond = (response: Response) => {
    if (quota.setCookie) response.headers.append("Set-Cookie", quota.setCookie);
    return response;
  };
  return respond(await fileFromForm(request, context as LaporContext, quota, verdict));
}

async function fileFromForm(request: Request, context: LaporContext, quota: SubmissionQuota, verdict: LimitVerdict): Promise<Response> {
  const env = getEnv();
  const now = appNow();
  const locale = resolveLocale(request);
  let parsed;
  try {
    parsed = await parseFormWithFiles(request, { maxFileBytes: ATTACHMENT_LIMITS.maxBytes, maxFiles: ATTACHMENT_LIMITS.maxFiles });
  } catch (error) {
    if (error instanceof UnreadableFormError) return invalid({ form: error.messageKey }, {}, error.status);
    throw error;
  }
  const { form, files, tooManyFiles } = parsed;
  const values: Values = {};
  for (const field of COMPLAINT_FORM_FIELDS) {
    const value = form.get(field);
    if (typeof value === "string") values[field] = value;
  }

  const honeypot = checkHoneypot(form, appSecret(), now.getTime());
  if (!honeypot.ok) {
    if (honeypot.reason === "filled") return invalid({ form: "form.error.invalid" }, {}, 400);
    // A person who took too long (or too little) keeps everything and simply sends again.
    return invalid({ form: "form.error.expired" }, values, 400, createHoneypotFields(appSecret(), now.getTime()));
  }

  const result = makeComplaintFormSchema(now).safeParse(values);
  const errors: Partial<Record<ComplaintFormField | "form", string>> = result.success ? {} : fieldErrors(result.error);

  const uploads = screenUploads(files, tooManyFiles);
  if (uploads.error) errors.attachments = uploads.error;
  // A page answered with errors cannot give the files back (no browser refills a file input): say so
  // beside the field, or the citizen sends the corrected form without them.
  else if (uploads.accepted.length > 0 && Object.keys(errors).length > 0) errors.attachments = "form.error.attachment.reselect";
  // The form's start time already passed the check: keep it, so a quick correction is not "too fast".
  const startedAt = { [HONEYPOT_FIELD]: "", formStartedAt: String(form.get("formStartedAt") ?? "") };
  if (!result.success || Object.keys(errors).length > 0) return invalid(errors, values, 400, startedAt);

  if (!verdict.allowed) {
    const refused = invalid({ form: "form.error.rateLimited" }, values, 429, startedAt);
    refused.headers.set("Retry-After", String(verdict.retryAfterSeconds));
    return refused;
  }

  const attachments = await persistUploads(env.STORAGE_DIR, uploads.accepted);
  // While PostgreSQL is away (restart, failover) createApp answers "try again shortly" (503), not a
  // generic error: nothing was stored, and the same form sent again files it once (idempotency key).
  const outcome = await submitComplaint(getDb(), result.data, {
    now,
    locale,
    attachments,
    publicBaseUrl: env.PUBLIC_BASE_URL,
  });
  if (!outcome.ok) {
    const reselect = uploads.accepted.length > 0 ? { attachments: "form.error.attachment.reselect" } : {};
    return invalid({ ...outcome.fieldErrors, ...reselect }, values, 400, startedAt);
  }
  if (!outcome.duplicate) await countStoredSubmission(quota);
  context.complaintFiled = true;
  return Response.json(
    {
      status: "submitted",
      trackingCode: outcome.trackingCode,
      pin: (await pinMayBeShown(outcome, now)) ? outcome.pin : null,
      outsideWindow: outcome.outsideWindow,
      hadEmail: Boolean(result.data.email),
    } satisfies ActionData,
    // The PIN is on this page: never cache it anywhere.
    { headers: { "Cache-Control": "no-store" } },
  );
}

/**
 * How long after a complaint was filed the same form sent again still shows its PIN. Without
 * JavaScript a double tap sends the form twice and the browser drops the first answer, showing only
 * the second (a replay): that one must carry the PIN, or the citizen never sees it. A later replay
 * (Back and send again, reloading the receipt, someone else at a shared computer) gets the code
 * without the PIN, so "shown once" holds. The window runs from the first request's start, so it
 * also covers the upload of that request's attachments on a slow connection.
 */
const PIN_REPLAY_WINDOW_MS = 60_000;

async function pinMayBeShown(outcome: { duplicate: boolean; complaintId: string }, now: Date): Promise<boolean> {
  if (!outcome.duplicate) return true;
  const filed = await loadCitizenViewRow(getDb(), outcome.complaintId);
  return filed !== null && now.getTime() - filed.submittedAt.getTime() <= PIN_REPLAY_WINDOW_MS;
}

function Receipt({ data }: { data: Extract<ActionData, { status: "submitted" }> }) {
  const t = useT();
  // A replay after the window: the complaint exists once, its PIN was shown on the first answer.
  const replay = data.pin === null;
  return (
    <section aria-labelledby="receipt-title" className="receipt">
      <h1 id="receipt-title">{t(replay ? "receipt.replay.title" : "receipt.title")}</h1>
      <p>{t(replay ? "receipt.replay.lead" : "receipt.lead")}</p>
      <dl className="receipt__codes">
        <dt>{t("receipt.code")}</dt>
        <dd>
          <code data-testid="tracking-code">{data.trackingCode}</code>
        </dd>
        {data.pin === null ? null : (
          <>
            <dt>{t("receipt.pin")}</dt>
            <dd>
              <code data-testid="tracking-pin">{data.pin}</code>
            </dd>
          </>
        )}
      </dl>
      {replay ? (
        <div className="notice" data-testid="pin-shown-once">
          <p>{t("receipt.pinShown")}</p>
          <p>{t(data.hadEmail ? "receipt.pinShown.email" : "receipt.pinShown.noEmail")}</p>
        </div>
      ) : (
        <p className="notice">{t("receipt.pinOnce")}</p>
      )}
      {data.hadEmail && !replay ? <p>{t("receipt.emailed")}</p> : null}
      {data.outsideWindow ? <p className="notice">{t("form.warning.oldIncident")}</p> : null}
      <p>
        <Link className="button" to={`/lacak?kode=${encodeURIComponent(data.trackingCode)}`}>
          {t("receipt.trackCta")}
        </Link>
      </p>
    </section>
  );
}

export default function FileComplaint() {
  const t = useT();
  const { options, idempotencyKey, honeypot } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";

  if (actionData?.status === "submitted") return <Receipt data={actionData} />;

  const errors = actionData?.status === "invalid" ? actionData.errors : {};
  const values = actionData?.status === "invalid" ? actionData.values : {};
  const honeypotFields = (actionData?.status === "invalid" && actionData.honeypot) || honeypot;
  const labels = Object.fromEntries(Object.entries(FIELD_LABELS).map(([field, key]) => [field, t(key)])) as Record<LabelledField, string>;
  // The one-time key is hidden: its error ("send the form again") is the form's, and the form gets a fresh key.
  const { form: formError, idempotencyKey: keyError, ...fieldErrorsOnly } = errors;

  return (
    <>
      <h1>{t("form.title")}</h1>
      <p className="lead">{t("form.lead")}</p>
      <FormAlert message={formError ?? keyError} />
      <ErrorSummary errors={fieldErrorsOnly} labels={labels} />
      <Form method="post" encType="multipart/form-data" noValidate className="stack">
        <input type="hidden" name="idempotencyKey" value={keyError ? idempotencyKey : (values.idempotencyKey ?? idempotencyKey)} />
        <div className="visually-hidden" {...HONEYPOT_WRAPPER_ATTRIBUTES}>
          <label htmlFor={HONEYPOT_FIELD}>Website</label>
          <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} {...HONEYPOT_INPUT_ATTRIBUTES} defaultValue="" />
        </div>
        <input type="hidden" name="formStartedAt" value={honeypotFields.formStartedAt} />

        <fieldset>
          <legend>{t("form.section.where")}</legend>
          <Field id="productId" label={labels.productId} hint={t("form.product.hint")} error={errors.productId}>
            {(props) => <ProductPicker units={options.units} defaultValue={values.productId ?? ""} selectProps={props} />}
          </Field>
          <div className="field field--checkbox">
            <input id="unitUnknown" name="unitUnknown" type="checkbox" defaultChecked={values.unitUnknown === "on"} />
            <label htmlFor="unitUnknown">{labels.unitUnknown}</label>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t("form.section.what")}</legend>
          <Field id="description" label={labels.description} hint={t("form.description.hint")} error={errors.description} required>
            {(props) => <textarea {...props} name="description" rows={7} maxLength={5000} defaultValue={values.description ?? ""} />}
          </Field>
          <Field id="incidentDate" label={labels.incidentDate} hint={t("form.incidentDate.hint")} error={errors.incidentDate} required>
            {(props) => <input {...props} name="incidentDate" type="date" defaultValue={values.incidentDate ?? ""} />}
          </Field>
          <Field id="chooser" label={labels.chooser} hint={t("form.chooser.hint")} error={errors.chooser}>
            {(props) => (
              <select {...props} name="chooser" defaultValue={values.chooser ?? ""}>
                <option value="">{t("form.chooser.none")}</option>
                {MALADMINISTRATION_CHOOSER.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {t(`form.chooser.${choice.value}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="attachments" label={labels.attachments} hint={t("form.attachments.hint")} error={errors.attachments}>
            {(props) => <input {...props} name="attachments" type="file" multiple accept="image/jpeg,image/png,application/pdf" />}
          </Field>
        </fieldset>

        <fieldset>
          <legend>{t("form.section.location")}</legend>
          <Field id="kecamatanCode" label={labels.kecamatanCode} error={errors.kecamatanCode}>
            {(props) => (
              <select {...props} name="kecamatanCode" defaultValue={values.kecamatanCode ?? ""}>
                <option value="">{t("form.optionalChoice")}</option>
                {options.kecamatan.map((k) => (
                  <option key={k.code} value={k.code}>
                    {k.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="kelurahanCode" label={labels.kelurahanCode} error={errors.kelurahanCode}>
            {(props) => (
              <select {...props} name="kelurahanCode" defaultValue={values.kelurahanCode ?? ""}>
                <option value="">{t("form.optionalChoice")}</option>
                {options.kecamatan.map((k) => (
                  <optgroup key={k.code} label={k.name}>
                    {k.kelurahan.map((l) => (
                      <option key={l.code} value={l.code}>
                        {l.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
          <Field id="address" label={labels.address} error={errors.address}>
            {(props) => <input {...props} name="address" type="text" maxLength={300} defaultValue={values.address ?? ""} />}
          </Field>
        </fieldset>

        <fieldset>
          <legend>{t("form.section.you")}</legend>
          <Field id="name" label={labels.name} error={errors.name} required>
            {(props) => <input {...props} name="name" type="text" autoComplete="name" maxLength={120} defaultValue={values.name ?? ""} />}
          </Field>
          <Field id="email" label={labels.email} hint={t("form.contact.hint")} error={errors.email}>
            {(props) => <input {...props} name="email" type="email" autoComplete="email" inputMode="email" defaultValue={values.email ?? ""} />}
          </Field>
          <Field id="phone" label={labels.phone} error={errors.phone}>
            {(props) => <input {...props} name="phone" type="tel" autoComplete="tel" inputMode="tel" defaultValue={values.phone ?? ""} />}
          </Field>
        </fieldset>

        <VisibilityChoice chosen={(values.visibility as Visibility | undefined) ?? "RAHASIA"} error={errors.visibility} />

        <p className="notice">{t("form.pdpNotice")}</p>
        <div className={`field field--checkbox${errors.consent ? " field--error" : ""}`}>
          <input
            id="consent"
            name="consent"
            type="checkbox"
            defaultChecked={values.consent === "on"}
            aria-describedby={errors.consent ? "consent-error" : undefined}
            aria-invalid={errors.consent ? true : undefined}
          />
          <label htmlFor="consent">{labels.consent}</label>
          {errors.consent ? (
            <p id="consent-error" className="field__error">
              {t(errors.consent as MessageKey)}
            </p>
          ) : null}
        </div>

        <button type="submit" className="button" disabled={submitting} aria-disabled={submitting}>
          {submitting ? t("form.submitting") : t("form.submit")}
        </button>
      </Form>
    </>
  );
}
