import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { z } from "~/services/zod.server";
import { Field, FormAlert } from "~/components/forms";
import { assignCalendar, canManageCalendars, listCalendars, parseCalendarForm, saveCalendar, type CalendarRow } from "~/domain/admin/calendar.server";
import { WEEKDAYS } from "~/domain/admin/form-options";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { useT, type MessageKey } from "~/services/i18n";
import { pageTitle } from "~/services/meta";
import { requireStaffUser } from "~/services/session.server";
import { readForm } from "~/services/form-body.server";

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "adminSla.calendar.title", [{ name: "robots", content: "noindex" }]);

const PATH = "/staf/admin/kalender";

async function requireCalendarAdmin(request: Request) {
  const db = getDb();
  const user = await requireStaffUser(db, request, appNow());
  if (!canManageCalendars(user)) throw new Response("Forbidden", { status: 403 });
  return { db, user };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { db } = await requireCalendarAdmin(request);
  const [calendars, units] = await Promise.all([
    listCalendars(db),
    db.serviceUnit.findMany({ where: { isActive: true }, orderBy: { name: "asc" }, select: { id: true, name: true, calendarId: true } }),
  ]);
  const editing = new URL(request.url).searchParams.get("ubah");
  return { calendars, units, editing: editing === "baru" || calendars.some((c) => c.id === editing) ? editing : null };
}

type ActionData = { intent: "save" | "assign"; id: string | null; errors: Record<string, string>; values: Record<string, string> };

const uuidOrNull = (value: string | undefined) => {
  const parsed = z.uuid().safeParse(value);
  return parsed.success ? parsed.data.toLowerCase() : null;
};

export async function action({ request }: ActionFunctionArgs) {
  const { db, user } = await requireCalendarAdmin(request);
  const values: Record<string, string> = {};
  for (const [key, value] of await readForm(request)) if (typeof value === "string") values[key] = value;
  if (values.intent === "assign") {
    const unitId = uuidOrNull(values.unitId);
    const calendarId = values.calendarId ? uuidOrNull(values.calendarId) : null;
    const errors: Record<string, string> = {};
    if (!unitId) errors.unitId = "adminSla.error.unitUnknown";
    if (values.calendarId && !calendarId) errors.calendarId = "adminSla.error.calendarUnknown";
    if (Object.keys(errors).length > 0) return Response.json({ intent: "assign", id: null, errors, values } satisfies ActionData, { status: 400 });
    const outcome = await assignCalendar(db, unitId!, calendarId, { actorUserId: user.id });
    if (!outcome.ok) {
      const field = outcome.reason === "unit_not_found" ? "unitId" : "calendarId";
      const key = field === "unitId" ? "adminSla.error.unitUnknown" : "adminSla.error.calendarUnknown";
      return Response.json({ intent: "assign", id: null, errors: { [field]: key }, values } satisfies ActionData, { status: 400 });
    }
    return redirect(`${PATH}?selesai=tetapkan`);
  }
  const id = values.id ? uuidOrNull(values.id) : null;
  if (values.id && !id) return Response.json({ intent: "save", id: null, errors: { form: "adminSla.error.notFound" }, values } satisfies ActionData, { status: 404 });
  const parsed = parseCalendarForm(values);
  if (!parsed.ok) return Response.json({ intent: "save", id, errors: parsed.errors as Record<string, string>, values } satisfies ActionData, { status: 400 });
  const outcome = await saveCalendar(db, id, parsed.input, { actorUserId: user.id });
  if (!outcome.ok) {
    const codeTaken = outcome.reason === "code_taken";
    return Response.json(
      { intent: "save", id, errors: codeTaken ? { code: "adminSla.refusal.code_taken" } : { form: "adminSla.error.notFound" }, values } satisfies ActionData,
      { status: codeTaken ? 400 : 404 },
    );
  }
  return redirect(`${PATH}?ubah=${outcome.id}&selesai=simpan`);
}

function CalendarForm({ calendar }: { calendar: CalendarRow | undefined }) {
  const t = useT();
  const actionData = useActionData<ActionData>();
  const data = actionData?.intent === "save" && actionData.id === (calendar?.id ?? null) ? actionData : undefined;
  let values: Record<string, string>;
  if (data) values = data.values;
  else if (calendar) {
    values = { code: calendar.code, name: calendar.name, source: calendar.source, observesCutiBersama: calendar.observesCutiBersama ? "on" : "" };
    for (const hours of calendar.weeklyHours) {
      values[`open${hours.weekday}`] = hours.open;
      values[`close${hours.weekday}`] = hours.close;
    }
  } else values = { observesCutiBersama: "on" };
  const errors = data?.errors ?? {};
  const v = (field: string) => values[field] ?? "";
  return (
    <section className="card" aria-labelledby="calendar-form-title" data-testid="calendar-form">
      <h2 id="calendar-form-title">{calendar ? t("adminSla.calendar.edit", { name: calendar.name }) : t("adminSla.calendar.new")}</h2>
      <FormAlert message={errors.form ?? errors.hours} />
      <Form method="post" className="stack" noValidate key={calendar?.id ?? "new"}>
        <input type="hidden" name="intent" value="save" />
        {calendar ? <input type="hidden" name="id" value={calendar.id} /> : null}
        <Field id="code" label={t("adminSla.calendar.code")} error={errors.code} required>
          {(props) => <input {...props} name="code" type="text" maxLength={40} defaultValue={v("code")} />}
        </Field>
        <Field id="name" label={t("adminSla.calendar.name")} error={errors.name} required>
          {(props) => <input {...props} name="name" type="text" maxLength={200} defaultValue={v("name")} />}
        </Field>
        <Field id="source" label={t("adminSla.calendar.source")} hint={t("adminSla.calendar.sourceHint")} error={errors.source} required>
          {(props) => <textarea {...props} name="source" rows={2} maxLength={500} defaultValue={v("source")} />}
        </Field>
        <fieldset>
          <legend>{t("adminSla.calendar.hours")}</legend>
          <p className="field__hint">{t("adminSla.calendar.hoursHint")}</p>
          {WEEKDAYS.map((weekday) => (
            <fieldset key={weekday} data-testid={`weekday-${weekday}`}>
              <legend>{t(`adminSla.weekday.${weekday}` as MessageKey)}</legend>
              <Field id={`open${weekday}`} label={t("adminSla.calendar.open")} error={errors[`open${weekday}`]}>
                {(props) => <input {...props} name={`open${weekday}`} type="time" defaultValue={v(`open${weekday}`)} />}
              </Field>
              <Field id={`close${weekday}`} label={t("adminSla.calendar.close")} error={errors[`close${weekday}`]}>
                {(props) => <input {...props} name={`close${weekday}`} type="time" defaultValue={v(`close${weekday}`)} />}
              </Field>
            </fieldset>
          ))}
        </fieldset>
        <Field id="observesCutiBersama" label={t("adminSla.calendar.observesCutiBersama")} hint={t("adminSla.calendar.observesCutiBersamaHint")} error={errors.observesCutiBersama}>
          {(props) => <input {...props} name="observesCutiBersama" type="checkbox" defaultChecked={v("observesCutiBersama") === "on"} />}
        </Field>
        <button type="submit" className="button">
          {t("adminSla.save")}
        </button>
      </Form>
    </section>
  );
}

export default function CalendarAdmin() {
  const t = useT();
  const { calendars, units, editing } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [params] = useSearchParams();
  const assignErrors = actionData?.intent === "assign" ? actionData.errors : {};
  const assignValues = actionData?.intent === "assign" ? actionData.values : {};
  const hoursText = (calendar: CalendarRow) =>
    calendar.weeklyHours.map((h) => `${t(`adminSla.weekday.${h.weekday}` as MessageKey)} ${h.open}–${h.close}`).join(", ");
  return (
    <>
      <p>
        <Link to="/staf">{t("adminSla.back")}</Link>
      </p>
      <h1>{t("adminSla.calendar.title")}</h1>
      <p>{t("adminSla.calendar.lead")}</p>
      {params.get("selesai") ? (
        <p className="notice notice--ok" role="status">
          {t("adminSla.saved")}
        </p>
      ) : null}
      <div className="table-scroll">
        <table data-testid="calendars">
          <thead>
            <tr>
              <th scope="col">{t("adminSla.calendar.name")}</th>
              <th scope="col">{t("adminSla.calendar.hours")}</th>
              <th scope="col">{t("adminSla.calendar.observesCutiBersama")}</th>
              <th scope="col">{t("adminSla.calendar.units")}</th>
              <th scope="col">{t("adminSla.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {calendars.map((c) => (
              <tr key={c.id} data-testid="calendar-row" data-id={c.id}>
                <th scope="row">
                  {c.name} <code>{c.code}</code>
                  {c.isDefault ? <> ({t("adminSla.calendar.default")})</> : null}
                </th>
                <td>{hoursText(c)}</td>
                <td>{c.observesCutiBersama ? t("adminSla.yes") : t("adminSla.no")}</td>
                <td>{c.isDefault ? t("adminSla.calendar.defaultUnits") : c.units.map((u) => u.name).join(", ") || "—"}</td>
                <td>
                  <Link to={`?ubah=${c.id}`}>{t("adminSla.edit")}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <Link to="?ubah=baru">{t("adminSla.calendar.new")}</Link>
      </p>
      {editing ? <CalendarForm calendar={calendars.find((c) => c.id === editing)} /> : null}

      <section className="card" aria-labelledby="assign-title" data-testid="assign-form">
        <h2 id="assign-title">{t("adminSla.calendar.assign")}</h2>
        <p className="field__hint">{t("adminSla.calendar.assignHint")}</p>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="assign" />
          <Field id="assign-unit" label={t("adminSla.calendar.unit")} error={assignErrors.unitId} required>
            {(props) => (
              <select {...props} name="unitId" defaultValue={assignValues.unitId ?? ""}>
                <option value="">{t("adminSla.calendar.chooseUnit")}</option>
                {units.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="assign-calendar" label={t("adminSla.calendar.calendar")} error={assignErrors.calendarId}>
            {(props) => (
              <select {...props} name="calendarId" defaultValue={assignValues.calendarId ?? ""}>
                <option value="">{t("adminSla.calendar.useDefault")}</option>
                {calendars
                  .filter((c) => !c.isDefault)
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <button type="submit" className="button">
            {t("adminSla.calendar.assignSubmit")}
          </button>
        </Form>
      </section>
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
