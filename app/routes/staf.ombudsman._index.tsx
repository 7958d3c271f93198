import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { ErrorSummary, Field, FormAlert } from "~/components/forms";
import { DueBadge } from "~/components/ombudsman-due-badge";
import { canManageOmbudsman, ombudsmanScopeFor } from "~/domain/compliance/ombudsman";
import { OmbudsmanFilterSchema, OmbudsmanMatterFormSchema } from "~/domain/compliance/ombudsman-forms.server";
import { jakartaDate, OMBUDSMAN_DEADLINE_RULES, OMBUDSMAN_MATTER_KINDS, OMBUDSMAN_MATTER_STATUSES } from "~/domain/compliance/ombudsman-deadlines";
import { recordOmbudsmanMatter } from "~/domain/compliance/ombudsman-matters.server";
import { listOmbudsmanMatters } from "~/domain/compliance/ombudsman-lists.server";
import { listUnitOptions } from "~/models/ombudsman.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { firstIssuePerField } from "~/services/form-errors";
import { useT, type MessageKey } from "~/services/i18n";
import { pageTitle } from "~/services/meta";
import { requireStaffUser } from "~/services/session.server";
import { readForm } from "~/services/form-body.server";

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "ombudsman.title", [{ name: "robots", content: "noindex" }]);

const PATH = "/staf/ombudsman";

async function requireReader(request: Request) {
  const db = getDb();
  const now = appNow();
  const user = await requireStaffUser(db, request, now);
  const scope = ombudsmanScopeFor(user);
  if (!scope) throw new Response("Forbidden", { status: 403 });
  return { db, now, user, scope };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, now, user, scope } = await requireReader(request);
  const filters = OmbudsmanFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const canManage = canManageOmbudsman(user);
  const [matters, units] = await Promise.all([listOmbudsmanMatters(db, { scope, filters, now }), listUnitOptions(db)]);
  // A unit head's filter lists only the units whose matters they can see.
  const visibleUnits = scope.kind === "any" ? units : units.filter((u) => scope.unitIds.includes(u.id));
  return { matters, units: visibleUnits, filters, canManage, today: jakartaDate(now) };
}

type ActionData = { errors: Record<string, string>; values: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const { db, now, user } = await requireReader(request);
  if (!canManageOmbudsman(user)) throw new Response("Forbidden", { status: 403 });
  const values: Record<string, string> = {};
  for (const [key, value] of await readForm(request)) if (typeof value === "string") values[key] = value;
  const parsed = OmbudsmanMatterFormSchema.safeParse(values);
  if (!parsed.success) {
    return Response.json({ errors: firstIssuePerField(parsed.error, "ombudsman.error.invalid") as Record<string, string>, values } satisfies ActionData, { status: 400 });
  }
  const outcome = await recordOmbudsmanMatter(db, parsed.data, { actorUserId: user.id, now });
  if (!outcome.ok) return Response.json({ errors: outcome.errors as Record<string, string>, values } satisfies ActionData, { status: 400 });
  return redirect(`${PATH}/${outcome.id}?selesai=catat`);
}

const FORM_FIELDS = ["kind", "reference", "unitId", "trackingCode", "receivedOn", "statedDueOn", "summary"] as const;

function NewMatterForm({ units, today }: { units: { id: string; name: string }[]; today: string }) {
  const t = useT();
  const actionData = useActionData<ActionData>();
  const values = actionData?.values ?? { kind: "CORRECTIVE_ACTION", receivedOn: today };
  const errors = actionData?.errors ?? {};
  const v = (field: string) => values[field] ?? "";
  const labels = Object.fromEntries(FORM_FIELDS.map((f) => [f, t(`ombudsman.field.${f}` as MessageKey)]));
  return (
    <section className="card" aria-labelledby="new-matter-title" data-testid="ombudsman-new">
      <h2 id="new-matter-title">{t("ombudsman.new.title")}</h2>
      <p>{t("ombudsman.new.lead")}</p>
      <ul>
        {OMBUDSMAN_MATTER_KINDS.map((kind) => (
          <li key={kind}>
            <strong>{t(`ombudsman.kind.${kind}` as MessageKey)}</strong>: {t(`ombudsman.rule.${kind}` as MessageKey)}
            {OMBUDSMAN_DEADLINE_RULES[kind].confirmed ? null : ` ${t("ombudsman.rule.unconfirmed")}`}
          </li>
        ))}
      </ul>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" className="stack admin-form" noValidate>
        <Field id="kind" label={labels.kind!} error={errors.kind} required>
          {(props) => (
            <select {...props} name="kind" defaultValue={v("kind")}>
              {OMBUDSMAN_MATTER_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`ombudsman.kind.${kind}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="reference" label={labels.reference!} hint={t("ombudsman.field.referenceHint")} error={errors.reference} required>
          {(props) => <input {...props} name="reference" type="text" maxLength={120} defaultValue={v("reference")} />}
        </Field>
        <Field id="unitId" label={labels.unitId!} error={errors.unitId} required>
          {(props) => (
            <select {...props} name="unitId" defaultValue={v("unitId")}>
              <option value="">{t("ombudsman.field.unitChoose")}</option>
              {units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="receivedOn" label={labels.receivedOn!} error={errors.receivedOn} required>
          {(props) => <input {...props} name="receivedOn" type="date" defaultValue={v("receivedOn")} />}
        </Field>
        <Field id="statedDueOn" label={labels.statedDueOn!} hint={t("ombudsman.field.statedDueOnHint")} error={errors.statedDueOn}>
          {(props) => <input {...props} name="statedDueOn" type="date" defaultValue={v("statedDueOn")} />}
        </Field>
        <Field id="trackingCode" label={labels.trackingCode!} hint={t("ombudsman.field.trackingCodeHint")} error={errors.trackingCode}>
          {(props) => <input {...props} name="trackingCode" type="text" autoCapitalize="characters" maxLength={40} defaultValue={v("trackingCode")} />}
        </Field>
        <Field id="summary" label={labels.summary!} error={errors.summary}>
          {(props) => <textarea {...props} name="summary" rows={3} maxLength={1000} defaultValue={v("summary")} />}
        </Field>
        <button type="submit" className="button">
          {t("ombudsman.new.submit")}
        </button>
      </Form>
    </section>
  );
}

export default function OmbudsmanList() {
  const t = useT();
  const { matters, units, filters, canManage, today } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <p>
        <Link to="/staf">{t("ombudsman.back")}</Link>
      </p>
      <h1>{t("ombudsman.title")}</h1>
      <p>{t("ombudsman.lead", { today })}</p>
      {canManage ? null : <p className="notice">{t("ombudsman.readOnly")}</p>}
      <Form method="get" className="stack" aria-labelledby="ombudsman-filter-title">
        <h2 id="ombudsman-filter-title">{t("ombudsman.filter.title")}</h2>
        <Field id="filter-jenis" label={t("ombudsman.field.kind")}>
          {(props) => (
            <select {...props} name="jenis" defaultValue={filters.jenis ?? ""}>
              <option value="">{t("ombudsman.filter.all")}</option>
              {OMBUDSMAN_MATTER_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`ombudsman.kind.${kind}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="filter-status" label={t("ombudsman.field.status")}>
          {(props) => (
            <select {...props} name="status" defaultValue={filters.status ?? ""}>
              <option value="">{t("ombudsman.filter.all")}</option>
              {OMBUDSMAN_MATTER_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`ombudsman.status.${status}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="filter-unit" label={t("ombudsman.field.unitId")}>
          {(props) => (
            <select {...props} name="unit" defaultValue={filters.unit ?? ""}>
              <option value="">{t("ombudsman.filter.all")}</option>
              {units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="filter-terlambat" label={t("ombudsman.filter.overdue")}>
          {(props) => <input {...props} name="terlambat" type="checkbox" value="1" defaultChecked={filters.terlambat} />}
        </Field>
        <button type="submit" className="button button--secondary">
          {t("ombudsman.filter.apply")}
        </button>
      </Form>
      {params.get("selesai") ? (
        <p className="notice notice--ok" role="status">
          {t("ombudsman.saved")}
        </p>
      ) : null}
      <div className="table-scroll">
        <table data-testid="ombudsman-matters">
          <caption>{t("ombudsman.list.caption", { count: matters.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("ombudsman.field.reference")}</th>
              <th scope="col">{t("ombudsman.field.kind")}</th>
              <th scope="col">{t("ombudsman.field.unitId")}</th>
              <th scope="col">{t("ombudsman.field.receivedOn")}</th>
              <th scope="col">{t("ombudsman.field.dueOn")}</th>
              <th scope="col">{t("ombudsman.field.status")}</th>
            </tr>
          </thead>
          <tbody>
            {matters.map((m) => (
              <tr key={m.id} data-testid="ombudsman-row" data-id={m.id} data-overdue={m.overdue ? "1" : "0"}>
                <th scope="row">
                  <Link to={`${PATH}/${m.id}`}>{m.reference}</Link>
                  {m.trackingCode ? <div>{m.trackingCode}</div> : null}
                </th>
                <td>{t(`ombudsman.kind.${m.kind}` as MessageKey)}</td>
                <td>{m.unitName}</td>
                <td>{m.receivedOn}</td>
                <td>
                  {m.dueOn}
                  <div>
                    <DueBadge status={m.status} daysLeft={m.daysLeft} overdue={m.overdue} />
                  </div>
                </td>
                <td>{t(`ombudsman.status.${m.status}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {matters.length === 0 ? <p>{t("ombudsman.list.none")}</p> : null}
      {canManage ? <NewMatterForm units={units} today={today} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  return (
    <>
      <h1>{forbidden ? t("ombudsman.forbidden.title") : t("error.generic")}</h1>
      {forbidden ? <p>{t("ombudsman.forbidden.body")}</p> : null}
      <p>
        <Link to="/staf">{t("ombudsman.back")}</Link>
      </p>
    </>
  );
}
