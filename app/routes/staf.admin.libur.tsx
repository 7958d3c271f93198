import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { z } from "~/services/zod.server";
import { Field, FormAlert } from "~/components/forms";
import { canManageCalendars, deleteHoliday, HolidayFormSchema, listHolidays, saveHoliday, type HolidayRow } from "~/domain/admin/calendar.server";
import { HOLIDAY_KINDS } from "~/domain/admin/form-options";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { firstIssuePerField } from "~/services/form-errors";
import { useLocale, useT, type MessageKey } from "~/services/i18n";
import { pageTitle } from "~/services/meta";
import { requireStaffUser } from "~/services/session.server";
import { readForm } from "~/services/form-body.server";

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "adminSla.holiday.title", [{ name: "robots", content: "noindex" }]);

const PATH = "/staf/admin/libur";

async function requireHolidayAdmin(request: Request) {
  const db = getDb();
  const now = appNow();
  const user = await requireStaffUser(db, request, now);
  if (!canManageCalendars(user)) throw new Response("Forbidden", { status: 403 });
  return { db, user, now };
}

function yearOf(value: string | null, now: Date): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : Number(new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 4));
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, now } = await requireHolidayAdmin(request);
  const params = new URL(request.url).searchParams;
  const year = yearOf(params.get("tahun"), now);
  const holidays = await listHolidays(db, year);
  const editing = params.get("ubah");
  return { year, holidays, editing: holidays.some((h) => h.id === editing) ? editing : null };
}

type ActionData = { intent: "save" | "delete"; id: string | null; errors: Record<string, string>; values: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const { db, user } = await requireHolidayAdmin(request);
  const values: Record<string, string> = {};
  for (const [key, value] of await readForm(request)) if (typeof value === "string") values[key] = value;
  const intent = values.intent === "delete" ? "delete" : "save";
  const idParse = z.uuid().safeParse(values.id);
  const id = idParse.success ? idParse.data.toLowerCase() : null;
  if ((values.id || intent === "delete") && !id) return Response.json({ intent, id: null, errors: { form: "adminSla.error.notFound" }, values } satisfies ActionData, { status: 404 });
  if (intent === "delete") {
    const outcome = await deleteHoliday(db, id!, { actorUserId: user.id });
    if (!outcome.ok) return Response.json({ intent, id, errors: { form: "adminSla.error.notFound" }, values } satisfies ActionData, { status: 404 });
    return redirect(`${PATH}?tahun=${outcome.year}&selesai=hapus`);
  }
  const parsed = HolidayFormSchema.safeParse(values);
  if (!parsed.success) {
    return Response.json({ intent, id, errors: firstIssuePerField(parsed.error, "adminSla.error.invalid") as Record<string, string>, values } satisfies ActionData, { status: 400 });
  }
  const outcome = await saveHoliday(db, id, parsed.data, { actorUserId: user.id });
  if (!outcome.ok) {
    const duplicate = outcome.reason === "duplicate";
    return Response.json(
      { intent, id, errors: duplicate ? { date: "adminSla.refusal.holidayDuplicate" } : { form: "adminSla.error.notFound" }, values } satisfies ActionData,
      { status: duplicate ? 400 : 404 },
    );
  }
  return redirect(`${PATH}?tahun=${outcome.year}&selesai=simpan`);
}

function HolidayForm({ holiday }: { holiday: HolidayRow | undefined }) {
  const t = useT();
  const actionData = useActionData<ActionData>();
  const data = actionData?.intent === "save" && actionData.id === (holiday?.id ?? null) ? actionData : undefined;
  const values: Record<string, string> = data
    ? data.values
    : holiday
      ? { date: holiday.date, kind: holiday.kind, name: holiday.name, nameEn: holiday.nameEn, source: holiday.source, sourceUrl: holiday.sourceUrl ?? "", confirmed: holiday.confirmed ? "on" : "" }
      : { kind: "NATIONAL", confirmed: "on" };
  const errors = data?.errors ?? {};
  const v = (field: string) => values[field] ?? "";
  const prefix = holiday ? "edit" : "new";
  return (
    <section className="card" aria-labelledby={`holiday-${prefix}-title`} data-testid={`holiday-form-${prefix}`}>
      <h2 id={`holiday-${prefix}-title`}>{holiday ? t("adminSla.holiday.edit", { date: holiday.date }) : t("adminSla.holiday.new")}</h2>
      <FormAlert message={errors.form} />
      <Form method="post" className="stack" noValidate key={holiday?.id ?? "new"}>
        <input type="hidden" name="intent" value="save" />
        {holiday ? <input type="hidden" name="id" value={holiday.id} /> : null}
        <Field id={`${prefix}-date`} label={t("adminSla.holiday.date")} hint={t("adminSla.holiday.dateHint")} error={errors.date} required>
          {(props) => <input {...props} name="date" type="date" defaultValue={v("date")} />}
        </Field>
        <Field id={`${prefix}-kind`} label={t("adminSla.holiday.kind")} error={errors.kind} required>
          {(props) => (
            <select {...props} name="kind" defaultValue={v("kind")}>
              {HOLIDAY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`adminSla.holidayKind.${kind}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${prefix}-name`} label={t("adminSla.holiday.name")} error={errors.name} required>
          {(props) => <input {...props} name="name" type="text" maxLength={200} defaultValue={v("name")} />}
        </Field>
        <Field id={`${prefix}-nameEn`} label={t("adminSla.holiday.nameEn")} error={errors.nameEn} required>
          {(props) => <input {...props} name="nameEn" type="text" lang="en" maxLength={200} defaultValue={v("nameEn")} />}
        </Field>
        <Field id={`${prefix}-source`} label={t("adminSla.holiday.source")} hint={t("adminSla.holiday.sourceHint")} error={errors.source} required>
          {(props) => <input {...props} name="source" type="text" maxLength={500} defaultValue={v("source")} />}
        </Field>
        <Field id={`${prefix}-sourceUrl`} label={t("adminSla.holiday.sourceUrl")} error={errors.sourceUrl}>
          {(props) => <input {...props} name="sourceUrl" type="url" maxLength={1000} defaultValue={v("sourceUrl")} />}
        </Field>
        <Field id={`${prefix}-confirmed`} label={t("adminSla.holiday.confirmed")} hint={t("adminSla.holiday.confirmedHint")} error={errors.confirmed}>
          {(props) => <input {...props} name="confirmed" type="checkbox" defaultChecked={v("confirmed") === "on"} />}
        </Field>
        <button type="submit" className="button">
          {t("adminSla.save")}
        </button>
      </Form>
    </section>
  );
}

export default function HolidayAdmin() {
  const t = useT();
  const locale = useLocale();
  const { year, holidays, editing } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [params] = useSearchParams();
  const done = params.get("selesai");
  return (
    <>
      <p>
        <Link to="/staf">{t("adminSla.back")}</Link>
      </p>
      <h1>{t("adminSla.holiday.title")}</h1>
      <p>{t("adminSla.holiday.lead")}</p>
      {done ? (
        <p className="notice notice--ok" role="status">
          {t(done === "hapus" ? "adminSla.deleted" : "adminSla.saved")}
        </p>
      ) : null}
      {actionData?.intent === "delete" ? <FormAlert message={actionData.errors.form} /> : null}
      <Form method="get" className="stack">
        <Field id="year" label={t("adminSla.holiday.year")}>
          {(props) => <input {...props} name="tahun" type="number" inputMode="numeric" min={2000} max={2100} defaultValue={year} />}
        </Field>
        <button type="submit" className="button button--secondary">
          {t("adminSla.holiday.show")}
        </button>
      </Form>
      <div className="table-scroll">
        <table data-testid="holidays">
          <caption>{t("adminSla.holiday.caption", { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("adminSla.holiday.date")}</th>
              <th scope="col">{t("adminSla.holiday.kind")}</th>
              <th scope="col">{t("adminSla.holiday.name")}</th>
              <th scope="col">{t("adminSla.holiday.source")}</th>
              <th scope="col">{t("adminSla.holiday.confirmed")}</th>
              <th scope="col">{t("adminSla.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {holidays.map((h) => (
              <tr key={h.id} data-testid="holiday-row" data-id={h.id} data-date={h.date}>
                <th scope="row">{h.date}</th>
                <td>{t(`adminSla.holidayKind.${h.kind}` as MessageKey)}</td>
                <td>{locale === "en" ? h.nameEn : h.name}</td>
                <td>{h.sourceUrl ? <a href={h.sourceUrl} rel="noreferrer noopener">{h.source}</a> : h.source}</td>
                <td>{h.confirmed ? t("adminSla.yes") : t("adminSla.no")}</td>
                <td>
                  <Link to={`?tahun=${year}&ubah=${h.id}`}>{t("adminSla.edit")}</Link>
                  <Form method="post">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="id" value={h.id} />
                    <button type="submit" className="button button--secondary">
                      {t("adminSla.delete")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {holidays.length === 0 ? <p>{t("adminSla.holiday.none")}</p> : null}
      {editing ? <HolidayForm holiday={holidays.find((h) => h.id === editing)} /> : null}
      <HolidayForm holiday={undefined} />
    </>
  );
}

export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  return (
    <>
      <h1>{forbidden ? t("adminSla.forbidden.title") : t("error.generic")}</h1>
      {forbidden ? <p>{t("adminSla.forbidden.body")}</p> : null}
      <p>
        <Link to="/staf">{t("adminSla.back")}</Link>
      </p>
    </>
  );
}
