import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { z } from "~/services/zod.server";
import { Field, FormAlert } from "~/components/forms";
import { DueBadge } from "~/components/ombudsman-due-badge";
import { canManageOmbudsman, ombudsmanScopeFor } from "~/domain/compliance/ombudsman";
import { OmbudsmanStatusFormSchema } from "~/domain/compliance/ombudsman-forms.server";
import { canMoveTo, OMBUDSMAN_DEADLINE_RULES } from "~/domain/compliance/ombudsman-deadlines";
import { changeOmbudsmanMatterStatus } from "~/domain/compliance/ombudsman-matters.server";
import { getOmbudsmanMatter } from "~/domain/compliance/ombudsman-lists.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { firstIssuePerField } from "~/services/form-errors";
import { useLocale, useT, type MessageKey } from "~/services/i18n";
import { pageTitle } from "~/services/meta";
import { requireStaffUser } from "~/services/session.server";
import { readForm } from "~/services/form-body.server";

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "ombudsman.detail.title", [{ name: "robots", content: "noindex" }]);

async function requireMatter(request: Request, rawId: string | undefined) {
  const db = getDb();
  const now = appNow();
  const user = await requireStaffUser(db, request, now);
  const scope = ombudsmanScopeFor(user);
  if (!scope) throw new Response("Forbidden", { status: 403 });
  const id = z.uuid().safeParse(rawId);
  // Outside the reader's scope looks the same as missing: no hint that a letter exists.
  const found = id.success ? await getOmbudsmanMatter(db, id.data.toLowerCase(), { scope, now }) : null;
  if (!found) throw new Response("Not Found", { status: 404 });
  return { db, now, user, found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, found } = await requireMatter(request, params.id);
  return { ...found, canManage: canManageOmbudsman(user) };
}

type ActionData = { intent: string; errors: Record<string, string>; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, now, user, found } = await requireMatter(request, params.id);
  if (!canManageOmbudsman(user)) throw new Response("Forbidden", { status: 403 });
  const values: Record<string, string> = {};
  for (const [key, value] of await readForm(request)) if (typeof value === "string") values[key] = value;
  const intent = values.intent ?? "";
  const parsed = OmbudsmanStatusFormSchema.safeParse(values);
  if (!parsed.success) {
    return Response.json({ intent, errors: firstIssuePerField(parsed.error, "ombudsman.error.invalid") as Record<string, string>, values } satisfies ActionData, { status: 400 });
  }
  const to = parsed.data.intent === "answer" ? "ANSWERED" : "CLOSED";
  const outcome = await changeOmbudsmanMatterStatus(db, found.matter.id, to, parsed.data.note, { actorUserId: user.id, now });
  if (!outcome.ok) {
    return Response.json({ intent, errors: { form: "ombudsman.error.statusChanged" }, values } satisfies ActionData, { status: 409 });
  }
  return redirect(`/staf/ombudsman/${found.matter.id}?selesai=${parsed.data.intent}`);
}

function StatusForm({ intent }: { intent: "answer" | "close" }) {
  const t = useT();
  const actionData = useActionData<ActionData>();
  const data = actionData?.intent === intent ? actionData : undefined;
  const id = `note-${intent}`;
  return (
    <section className="card" aria-labelledby={`${intent}-title`} data-testid={`ombudsman-${intent}`}>
      <h2 id={`${intent}-title`}>{t(`ombudsman.detail.${intent}Title` as MessageKey)}</h2>
      <Form method="post" className="stack admin-form" noValidate>
        <input type="hidden" name="intent" value={intent} />
        <Field id={id} label={t(`ombudsman.detail.${intent}Note` as MessageKey)} hint={t(`ombudsman.detail.${intent}Hint` as MessageKey)} error={data?.errors.note} required>
          {(props) => <textarea {...props} name="note" rows={3} maxLength={2000} defaultValue={data?.values.note ?? ""} />}
        </Field>
        <button type="submit" className="button">
          {t(`ombudsman.detail.${intent}Submit` as MessageKey)}
        </button>
      </Form>
    </section>
  );
}

export default function OmbudsmanMatterPage() {
  const t = useT();
  const locale = useLocale();
  const { matter, history, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [params] = useSearchParams();
  const done = params.get("selesai");
  const when = (iso: string) => new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Jakarta" }).format(new Date(iso));
  const rule = OMBUDSMAN_DEADLINE_RULES[matter.kind];
  return (
    <>
      <p>
        <Link to="/staf/ombudsman">{t("ombudsman.detail.back")}</Link>
      </p>
      <h1>{t("ombudsman.detail.heading", { reference: matter.reference })}</h1>
      {done ? (
        <p className="notice notice--ok" role="status">
          {t(done === "answer" ? "ombudsman.detail.answered" : done === "close" ? "ombudsman.detail.closed" : "ombudsman.saved")}
        </p>
      ) : null}
      {/* Refusals that are not about the note (status already changed, unknown intent) go on top:
          the form they came from may no longer be shown. */}
      <FormAlert message={actionData?.errors.form ?? actionData?.errors.intent} />
      <dl className="summary" data-testid="ombudsman-matter">
        <dt>{t("ombudsman.field.kind")}</dt>
        <dd>{t(`ombudsman.kind.${matter.kind}` as MessageKey)}</dd>
        <dt>{t("ombudsman.field.unitId")}</dt>
        <dd>{matter.unitName}</dd>
        <dt>{t("ombudsman.field.trackingCode")}</dt>
        <dd>{matter.trackingCode ?? t("ombudsman.detail.noComplaint")}</dd>
        <dt>{t("ombudsman.field.receivedOn")}</dt>
        <dd>{matter.receivedOn}</dd>
        <dt>{t("ombudsman.field.dueOn")}</dt>
        <dd>
          {matter.dueOn} <DueBadge status={matter.status} daysLeft={matter.daysLeft} overdue={matter.overdue} />
          <div>{t(`ombudsman.rule.${matter.kind}` as MessageKey)}</div>
          {rule.confirmed ? null : <div>{t("ombudsman.rule.unconfirmed")}</div>}
        </dd>
        <dt>{t("ombudsman.field.status")}</dt>
        <dd data-testid="ombudsman-status">{t(`ombudsman.status.${matter.status}` as MessageKey)}</dd>
        {matter.summary ? (
          <>
            <dt>{t("ombudsman.field.summary")}</dt>
            <dd>{matter.summary}</dd>
          </>
        ) : null}
        {matter.evidenceNote ? (
          <>
            <dt>{t("ombudsman.field.evidenceNote")}</dt>
            <dd>{matter.evidenceNote}</dd>
          </>
        ) : null}
        {matter.closingNote ? (
          <>
            <dt>{t("ombudsman.field.closingNote")}</dt>
            <dd>{matter.closingNote}</dd>
          </>
        ) : null}
      </dl>
      {canManage && canMoveTo(matter.status, "ANSWERED") ? <StatusForm intent="answer" /> : null}
      {canManage && canMoveTo(matter.status, "CLOSED") ? <StatusForm intent="close" /> : null}
      <h2>{t("ombudsman.detail.history")}</h2>
      <ol data-testid="ombudsman-history">
        {history.map((entry, index) => (
          <li key={index}>
            {when(entry.at)}: {t(`ombudsman.audit.${entry.action.replace("ombudsman_matter.", "")}` as MessageKey)}
            {entry.actorName ? ` (${entry.actorName})` : ""}
            {entry.note ? ` — ${entry.note}` : ""}
          </li>
        ))}
      </ol>
    </>
  );
}

export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <>
      <h1>{status === 403 ? t("ombudsman.forbidden.title") : status === 404 ? t("ombudsman.notFound") : t("error.generic")}</h1>
      {status === 403 ? <p>{t("ombudsman.forbidden.body")}</p> : null}
      <p>
        <Link to="/staf/ombudsman">{t("ombudsman.detail.back")}</Link>
      </p>
    </>
  );
}
