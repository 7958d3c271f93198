import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, isRouteErrorResponse, useActionData, useLoaderData, useNavigation, useRouteError, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "~/services/zod.server";
import { Field } from "~/components/forms";
import { UnsentText } from "~/components/unsent-text";
import {
  isTriageIntent,
  performTriageAction,
  REFERRALS,
  requireTriageUser,
  TriageActionSchema,
  type TriageIntent,
} from "~/domain/complaints/triage-actions.server";
import { availableActions, type ComplaintStatus } from "~/domain/complaints/workflow";
import { getTriageComplaint, listMaladministrationForms, listRoutableUnits } from "~/models/triage.server";
import { PRIORITIES } from "~/domain/admin/form-options";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { firstIssuePerField } from "~/services/form-errors";
import { formatWib } from "~/services/format";
import { useLocale, useT, type MessageKey } from "~/services/i18n";
import { pageTitle } from "~/services/meta";
import { readForm } from "~/services/form-body.server";

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "triage.detail.title");

const notFound = () => new Response("Not found", { status: 404 });

function complaintIdOf(params: LoaderFunctionArgs["params"]): string {
  const parsed = z.uuid().safeParse(params.id);
  if (!parsed.success) throw notFound();
  return parsed.data.toLowerCase();
}

/** The triage intents the workflow allows now (ADR 007: the table decides which buttons show). */
function intentsFor(status: ComplaintStatus, unitId: string | null): TriageIntent[] {
  const actions = availableActions(status, "COORDINATOR");
  const intents: TriageIntent[] = [];
  if (actions.includes("VERIFY")) intents.push("verify");
  if (actions.includes("ASSIGN") && unitId === null) intents.push("route");
  if (actions.includes("HOLD")) intents.push("hold");
  if (actions.includes("RELEASE")) intents.push("release");
  if (actions.includes("MARK_DUPLICATE")) intents.push("duplicate");
  if (actions.includes("REJECT")) intents.push("reject");
  return intents;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const now = appNow();
  await requireTriageUser(db, request, now);
  const view = await getTriageComplaint(db, complaintIdOf(params), now);
  if (!view) throw notFound();
  const intents = intentsFor(view.status as ComplaintStatus, view.unitId);
  const needsUnit = intents.includes("route") || (intents.includes("verify") && view.unitUnknown);
  return {
    view,
    intents,
    units: needsUnit ? await listRoutableUnits(db) : [],
    forms: intents.includes("verify") ? await listMaladministrationForms(db) : [],
    referrals: [...REFERRALS],
  };
}

type ActionData = { intent: TriageIntent | null; errors: Record<string, string>; values: Record<string, string>; originalCode?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const now = appNow();
  const user = await requireTriageUser(db, request, now);
  const complaintId = complaintIdOf(params);
  const values: Record<string, string> = {};
  for (const [key, value] of await readForm(request)) if (typeof value === "string") values[key] = value;
  const intent = isTriageIntent(values.intent) ? values.intent : null;
  const parsed = TriageActionSchema.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    Object.assign(errors, firstIssuePerField(parsed.error));
    // An unknown intent is a form-level problem, not a field's.
    if (!intent) errors.form = "form.error.invalid";
    return Response.json({ intent, errors, values } satisfies ActionData, { status: 400 });
  }
  const outcome = await performTriageAction(db, complaintId, parsed.data, { actorUserId: user.id, now });
  if (!outcome.ok) {
    if (outcome.reason === "not_found") throw notFound();
    // Refusals tied to a field show beside it; the rest at the top of the form.
    const field =
      outcome.reason === "unit_required" || outcome.reason === "unit_unknown"
        ? "unitId"
        : outcome.reason === "form_unknown"
          ? "maladministrationCode"
          : outcome.reason.startsWith("duplicate_")
            ? "originalCode"
            : "form";
    return Response.json(
      { intent, errors: { [field]: `triage.refusal.${outcome.reason}` }, values, originalCode: outcome.originalCode } satisfies ActionData,
      { status: 409 },
    );
  }
  // Post/redirect/get: a refresh never repeats the action.
  return redirect(`/staf/triase/${complaintId}?selesai=${outcome.intent}`);
}

const STATUS_KEYS: Record<string, MessageKey> = {
  SUBMITTED: "triage.status.SUBMITTED",
  ON_HOLD: "triage.status.ON_HOLD",
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

function ActionCard({ intent, title, hint, submitLabel, data, children }: {
  intent: TriageIntent;
  title: string;
  hint?: string;
  submitLabel: string;
  data: ActionData | undefined;
  children?: ReactNode;
}) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const mine = data?.intent === intent ? data : undefined;
  return (
    <section className="card triage-action" aria-labelledby={`triage-${intent}`} data-testid={`triage-action-${intent}`}>
      <h3 id={`triage-${intent}`}>{title}</h3>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {mine?.errors.form ? (
        <div className="error-summary" role="alert">
          <p>{t(mine.errors.form as MessageKey)}</p>
        </div>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value={intent} />
        {children}
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("form.submitting") : submitLabel}
        </button>
      </Form>
    </section>
  );
}

function UnitSelect({ id, label, units, error, value, hint }: {
  id: string;
  label: string;
  units: { id: string; name: string }[];
  error?: string;
  value: string;
  hint?: string;
}) {
  const t = useT();
  return (
    <Field id={id} label={label} hint={hint} error={error} required>
      {(props) => (
        <select {...props} name="unitId" defaultValue={value}>
          <option value="">{t("triage.unit.choose")}</option>
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export default function TriageComplaint() {
  const t = useT();
  const locale = useLocale();
  const { view, intents, units, forms, referrals } = useLoaderData<typeof loader>();
  const data = useActionData<ActionData>();
  const [params] = useSearchParams();
  const done = params.get("selesai");
  const errorsFor = (intent: TriageIntent) => (data?.intent === intent ? data.errors : {});
  const valueFor = (intent: TriageIntent, field: string) => (data?.intent === intent ? (data.values[field] ?? "") : "");
  const has = (intent: TriageIntent) => intents.includes(intent);
  const location = [view.address, view.kelurahanName, view.kecamatanName].filter(Boolean).join(", ");

  return (
    <>
      <p>
        <Link to="/staf/triase">{t("triage.detail.back")}</Link>
      </p>
      <h1>
        {t("triage.detail.title")} <code>{view.trackingCode}</code>
      </h1>
      {done && isTriageDone(done) ? (
        <p className="notice notice--ok" role="status">
          {t(`triage.done.${done}` as MessageKey)}
        </p>
      ) : null}
      <dl className="summary">
        <dt>{t("triage.detail.status")}</dt>
        <dd data-testid="status">{t(STATUS_KEYS[view.status] ?? "triage.status.SUBMITTED")}</dd>
        <dt>{t("triage.detail.visibility")}</dt>
        <dd>{t(`triage.visibility.${view.visibility}` as MessageKey)}</dd>
        <dt>{t("triage.detail.submitted")}</dt>
        <dd>{formatWib(view.submittedAt, locale)}</dd>
        {view.verificationDueAt ? (
          <>
            <dt>{t("triage.detail.deadline")}</dt>
            <dd>
              {formatWib(view.verificationDueAt, locale)}
              {view.overdue ? (
                <>
                  {" "}
                  <strong className="badge badge--overdue">{t("triage.queue.overdue")}</strong>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        <dt>{t("triage.detail.service")}</dt>
        <dd>{view.productName ? (locale === "en" ? view.productNameEn : view.productName) : t("triage.unitUnknown")}</dd>
        <dt>{t("triage.detail.unit")}</dt>
        <dd data-testid="unit">{view.unitName ?? t("triage.unitUnknown")}</dd>
        <dt>{t("triage.detail.form")}</dt>
        <dd>{view.maladministration ? (locale === "en" ? view.maladministration.nameEn : view.maladministration.nameId) : t("triage.formUnknown")}</dd>
        {view.incidentDate ? (
          <>
            <dt>{t("triage.detail.incidentDate")}</dt>
            <dd>{view.incidentDate}</dd>
          </>
        ) : null}
        {location ? (
          <>
            <dt>{t("triage.detail.location")}</dt>
            <dd>{location}</dd>
          </>
        ) : null}
        {view.duplicateOfCode ? (
          <>
            <dt>{t("triage.detail.duplicateOf")}</dt>
            <dd data-testid="duplicate-of">
              <code>{view.duplicateOfCode}</code>
            </dd>
          </>
        ) : null}
      </dl>

      <h2>{t("triage.detail.description")}</h2>
      {view.title ? <p><strong>{view.title}</strong></p> : null}
      <p className="timeline__message">{view.description}</p>
      <h3>{t("triage.detail.attachments")}</h3>
      {view.attachments.length === 0 ? (
        <p>{t("triage.detail.noAttachments")}</p>
      ) : (
        <ul>
          {view.attachments.map((attachment) => (
            <li key={attachment.id}>
              <a href={`/staf/lampiran/${attachment.id}`} download>
                {attachment.name}
              </a>
            </li>
          ))}
        </ul>
      )}

      <h2>{t("triage.detail.timeline")}</h2>
      <ol className="timeline">
        {view.timeline.map((entry) => (
          <li key={entry.id} className={entry.byCitizen ? "timeline__item timeline__item--citizen" : "timeline__item"}>
            <p className="timeline__meta">
              <strong>{t(`event.${entry.type}` as MessageKey)}</strong> · <time dateTime={entry.occurredAt}>{formatWib(entry.occurredAt, locale)}</time>
            </p>
            {entry.message ? <p className="timeline__message">{entry.message}</p> : null}
          </li>
        ))}
      </ol>

      <h2>{t("triage.detail.actions")}</h2>
      {data?.errors.form && !(data.intent && has(data.intent)) ? (
        <>
          <div className="error-summary" role="alert">
            <p>{t(data.errors.form as MessageKey)}</p>
          </div>
          <UnsentText values={data.values} />
        </>
      ) : null}
      {intents.length === 0 ? <p>{t("triage.detail.noActions")}</p> : null}
      {has("verify") ? (
        <ActionCard
          intent="verify"
          title={t("triage.verify.title")}
          hint={view.unitUnknown ? t("triage.verify.hintUnknown") : t("triage.verify.hintKnown")}
          submitLabel={t("triage.verify.submit")}
          data={data}
        >
          {view.unitUnknown ? (
            <UnitSelect id="verify-unit" label={t("triage.verify.unit")} units={units} error={errorsFor("verify").unitId} value={valueFor("verify", "unitId")} />
          ) : null}
          <Field id="verify-form" label={t("triage.verify.form")} hint={t("triage.verify.formHint")} error={errorsFor("verify").maladministrationCode}>
            {(props) => (
              <select {...props} name="maladministrationCode" defaultValue={valueFor("verify", "maladministrationCode") || (view.maladministrationCode ?? "")}>
                <option value="">{t("triage.formUnknown")}</option>
                {forms.map((form) => (
                  <option key={form.code} value={form.code}>
                    {locale === "en" ? form.nameEn : form.nameId}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="verify-priority" label={t("triage.verify.priority")} hint={t("triage.verify.priorityHint")} error={errorsFor("verify").priority}>
            {(props) => (
              <select {...props} name="priority" defaultValue={valueFor("verify", "priority") || view.priority}>
                {PRIORITIES.map((priority) => (
                  <option key={priority} value={priority}>
                    {t(`adminSla.priority.${priority}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </ActionCard>
      ) : null}
      {has("route") ? (
        <ActionCard intent="route" title={t("triage.route.title")} submitLabel={t("triage.route.submit")} data={data}>
          <UnitSelect id="route-unit" label={t("triage.route.unit")} units={units} error={errorsFor("route").unitId} value={valueFor("route", "unitId")} />
        </ActionCard>
      ) : null}
      {has("hold") ? (
        <ActionCard intent="hold" title={t("triage.hold.title")} hint={t("triage.hold.hint")} submitLabel={t("triage.hold.submit")} data={data}>
          <Field id="hold-reason" label={t("triage.hold.reason")} error={errorsFor("hold").reason} required>
            {(props) => <textarea {...props} name="reason" rows={3} maxLength={2000} defaultValue={valueFor("hold", "reason")} />}
          </Field>
        </ActionCard>
      ) : null}
      {has("release") ? (
        <ActionCard intent="release" title={t("triage.release.title")} submitLabel={t("triage.release.submit")} data={data}>
          <Field id="release-note" label={t("triage.release.note")} error={errorsFor("release").note}>
            {(props) => <textarea {...props} name="note" rows={3} maxLength={2000} defaultValue={valueFor("release", "note")} />}
          </Field>
        </ActionCard>
      ) : null}
      {has("duplicate") ? (
        <ActionCard intent="duplicate" title={t("triage.duplicate.title")} submitLabel={t("triage.duplicate.submit")} data={data}>
          <Field id="duplicate-code" label={t("triage.duplicate.code")} hint={t("triage.duplicate.hint")} error={errorsFor("duplicate").originalCode} required>
            {(props) => (
              <input {...props} name="originalCode" type="text" autoCapitalize="characters" autoComplete="off" spellCheck={false} maxLength={40} defaultValue={valueFor("duplicate", "originalCode")} />
            )}
          </Field>
          {data?.intent === "duplicate" && data.originalCode ? (
            <p data-testid="use-original">{t("triage.refusal.useOriginal", { code: data.originalCode })}</p>
          ) : null}
        </ActionCard>
      ) : null}
      {has("reject") ? (
        <ActionCard intent="reject" title={t("triage.reject.title")} hint={t("triage.reject.hint")} submitLabel={t("triage.reject.submit")} data={data}>
          <Field id="reject-reason" label={t("triage.reject.reason")} error={errorsFor("reject").reason} required>
            {(props) => <textarea {...props} name="reason" rows={4} maxLength={2000} defaultValue={valueFor("reject", "reason")} />}
          </Field>
          <Field id="reject-referral" label={t("triage.reject.referral")} error={errorsFor("reject").referral}>
            {(props) => (
              <select {...props} name="referral" defaultValue={valueFor("reject", "referral")}>
                <option value="">{t("triage.reject.noReferral")}</option>
                {referrals.map((code) => (
                  <option key={code} value={code}>
                    {t(`triage.referral.${code}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="reject-referral-note" label={t("triage.reject.referralNote")} error={errorsFor("reject").referralNote}>
            {(props) => <input {...props} name="referralNote" type="text" maxLength={500} defaultValue={valueFor("reject", "referralNote")} />}
          </Field>
        </ActionCard>
      ) : null}
    </>
  );
}

const DONE = new Set<string>(["verify", "reject", "hold", "release", "duplicate", "route"]);
const isTriageDone = (value: string) => DONE.has(value);

export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <>
        <h1>{t("triage.forbidden.title")}</h1>
        <p>{t("triage.forbidden.body")}</p>
        <p>
          <Link to="/staf">{t("triage.forbidden.back")}</Link>
        </p>
      </>
    );
  }
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <>
      <h1>{t("error.title")}</h1>
      <p>{t(notFound ? "error.notFound" : "error.generic")}</p>
      <p>
        <Link to="/staf/triase">{t("triage.detail.back")}</Link>
      </p>
    </>
  );
}
