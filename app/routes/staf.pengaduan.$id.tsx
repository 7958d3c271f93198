import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useNavigation, useRouteError, useSearchParams } from "@remix-run/react";
import { Field, FormAlert } from "~/components/forms";
import { UnsentText } from "~/components/unsent-text";
import { canAccessComplaint, canSeeIdentity, unitTreeFrom } from "~/domain/auth/permissions";
import { activeTemplates } from "~/domain/admin/templates.server";
import { IDENTITY_PURPOSE_KEYS, IDENTITY_PURPOSES, isIdentityPurpose } from "~/domain/complaints/identity-purposes";
import { revealComplainantIdentity, type RevealedIdentity } from "~/domain/complaints/identity.server";
import {
  APPEAL_INTENTS,
  appealDeciderRole,
  availableIntents,
  INTENTS_WITH_ATTACHMENTS,
  performStaffAction,
  StaffActionSchema,
  unitStaff,
  type StaffIntent,
} from "~/domain/complaints/unit-actions.server";
import { isUuid, loadUnits } from "~/models/inbox.server";
import { ATTACHMENT_LIMITS } from "~/services/attachments.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";
import { firstIssuePerField } from "~/services/form-errors";
import { formatWib } from "~/services/format";
import { useLocale, useT, type MessageKey } from "~/services/i18n";
import { pageTitle } from "~/services/meta";
import { parseFormWithFiles, refuseUnreadableForm } from "~/services/multipart.server";
import { requireStaffUser, type StaffUser } from "~/services/session.server";
import { persistUploads, screenUploads } from "~/services/uploads.server";
import { readForm } from "~/services/form-body.server";

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "inbox.detail.title", [{ name: "robots", content: "noindex" }]);

const DONE_KEYS: Record<StaffIntent, MessageKey> = {
  acknowledge: "inbox.done.acknowledge",
  "request-info": "inbox.done.requestInfo",
  respond: "inbox.done.respond",
  "propose-resolution": "inbox.done.proposeResolution",
  note: "inbox.done.note",
  assign: "inbox.done.assign",
  transfer: "inbox.done.transfer",
  "uphold-appeal": "inbox.done.upholdAppeal",
  "dismiss-appeal": "inbox.done.dismissAppeal",
};

/** The complaint header with its unit: 404 when unknown, 403 when the user may not read it. */
async function loadGuarded(id: string | undefined, user: StaffUser) {
  if (!isUuid(id)) throw new Response("Not found", { status: 404 });
  const db = getDb();
  const [complaint, units] = await Promise.all([
    db.complaint.findUnique({ where: { id }, select: { id: true, unitId: true, status: true, visibility: true, complainantId: true } }),
    loadUnits(db),
  ]);
  if (!complaint) throw new Response("Not found", { status: 404 });
  const tree = unitTreeFrom(units);
  if (!canAccessComplaint(user, complaint, tree, "read")) throw new Response("Forbidden", { status: 403 });
  return { complaint, units, tree };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const now = appNow();
  const user = await requireStaffUser(db, request, now);
  const { complaint: head, units, tree } = await loadGuarded(params.id, user);
  // Never selects the complainant: identity leaves the database only through the audited accessor.
  const complaint = await db.complaint.findUniqueOrThrow({
    where: { id: head.id },
    select: {
      id: true,
      trackingCode: true,
      status: true,
      visibility: true,
      title: true,
      description: true,
      incidentDate: true,
      address: true,
      escalationLevel: true,
      priority: true,
      submittedAt: true,
      unitId: true,
      verificationDueAt: true,
      firstResponseDueAt: true,
      resolutionDueAt: true,
      citizenReplyDueAt: true,
      confirmationDueAt: true,
      unit: { select: { name: true } },
      product: { select: { name: true, nameEn: true } },
      maladministration: { select: { nameId: true, nameEn: true } },
      kelurahan: { select: { name: true } },
      kecamatan: { select: { name: true } },
      assignedOfficer: { select: { name: true } },
      events: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          type: true,
          visibility: true,
          actorKind: true,
          message: true,
          payload: true,
          occurredAt: true,
          actorUser: { select: { name: true } },
          attachments: { select: { id: true, originalName: true } },
        },
      },
      escalations: { orderBy: { escalatedAt: "asc" }, select: { id: true, stage: true, level: true, targetRole: true, escalatedAt: true, settledAt: true, dueAt: true } },
    },
  });
  const intents = availableIntents(user, complaint, tree);
  // Response templates: the unit's active ones, offered while a reply can be written (?templat=<id> pre-fills it).
  const templates = complaint.unitId && (intents.includes("respond") || intents.includes("propose-resolution")) ? await activeTemplates(db, complaint.unitId) : [];
  const chosenTemplate = templates.find((tpl) => tpl.id === new URL(request.url).searchParams.get("templat")) ?? null;
  const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
  const staffIds = new Set<string>();
  for (const event of complaint.events) {
    const payload = event.payload as Record<string, unknown> | null;
    if (typeof payload?.assignedOfficerId === "string") staffIds.add(payload.assignedOfficerId);
  }
  const staffNames = new Map(
    (staffIds.size > 0 ? await db.user.findMany({ where: { id: { in: [...staffIds] } }, select: { id: true, name: true } }) : []).map((u) => [u.id, u.name]),
  );
  const deadlines = (
    [
      ["VERIFICATION", complaint.verificationDueAt],
      ["FIRST_RESPONSE", complaint.firstResponseDueAt],
      ["RESOLUTION", complaint.resolutionDueAt],
      ["CITIZEN_REPLY", complaint.citizenReplyDueAt],
      ["CONFIRMATION", complaint.confirmationDueAt],
    ] as const
  )
    .filter(([, due]) => due !== null)
    .map(([stage, due]) => ({ stage, dueAt: due!.toISOString(), overdue: due!.getTime() <= now.getTime() }));
  return {
    complaint: {
      id: complaint.id,
      trackingCode: complaint.trackingCode,
      status: complaint.status,
      visibility: complaint.visibility,
      title: complaint.title,
      description: complaint.description,
      incidentDate: complaint.incidentDate?.toISOString().slice(0, 10) ?? null,
      location: [complaint.address, complaint.kelurahan?.name, complaint.kecamatan?.name].filter(Boolean).join(", ") || null,
      escalationLevel: complaint.escalationLevel,
      priority: complaint.priority,
      submittedAt: complaint.submittedAt.toISOString(),
      unitName: complaint.unit?.name ?? null,
      productName: complaint.product?.name ?? null,
      productNameEn: complaint.product?.nameEn ?? null,
      formName: complaint.maladministration?.nameId ?? null,
      formNameEn: complaint.maladministration?.nameEn ?? null,
      assignedOfficer: complaint.assignedOfficer?.name ?? null,
    },
    deadlines,
    escalations: complaint.escalations.map((e) => ({
      id: e.id,
      stage: e.stage,
      level: e.level,
      targetRole: e.targetRole,
      escalatedAt: e.escalatedAt.toISOString(),
      settledAt: e.settledAt?.toISOString() ?? null,
    })),
    timeline: complaint.events.map((event) => {
      const payload = (event.payload ?? {}) as Record<string, unknown>;
      const assigned = typeof payload.assignedOfficerId === "string" ? (staffNames.get(payload.assignedOfficerId) ?? "?") : null;
      const transferredTo = event.type === "TRANSFERRED" && typeof payload.toUnitId === "string" ? (unitName.get(payload.toUnitId) ?? null) : null;
      return {
        id: event.id.toString(),
        type: event.type,
        visibility: event.visibility,
        actor: event.actorKind === "STAFF" ? (event.actorUser?.name ?? null) : event.actorKind,
        message: event.message,
        occurredAt: event.occurredAt.toISOString(),
        attachments: event.attachments.map((a) => ({ id: a.id, name: a.originalName })),
        assignedOfficer: assigned,
        transferredTo,
      };
    }),
    identity: {
      allowed: canSeeIdentity(user, head, tree),
      anonim: head.visibility === "ANONIM",
      exists: head.complainantId !== null,
    },
    intents,
    templates: templates.map(({ id, title, locale }) => ({ id, title, locale })),
    chosenTemplate,
    officers: intents.includes("assign") && complaint.unitId ? await unitStaff(db, complaint.unitId) : [],
    transferUnits: intents.includes("transfer")
      ? units.filter((unit) => unit.isActive && unit.id !== complaint.unitId).map((unit) => ({ id: unit.id, name: unit.name }))
      : [],
  };
}

type ActionData = {
  intent: string;
  errors: Record<string, string>;
  values: Record<string, string>;
  identity?: RevealedIdentity;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const now = appNow();
  const user = await requireStaffUser(db, request, now);
  const { complaint, tree } = await loadGuarded(params.id, user);
  const multipart = (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
  const parsedForm = multipart
    ? await parseFormWithFiles(request, { maxFileBytes: ATTACHMENT_LIMITS.maxBytes, maxFiles: ATTACHMENT_LIMITS.maxFiles }).catch(refuseUnreadableForm)
    : { form: await readForm(request), files: [], tooManyFiles: false };
  const values: Record<string, string> = {};
  for (const [key, value] of parsedForm.form) if (typeof value === "string") values[key] = value;
  const intent = values.intent ?? "";

  if (intent === "reveal-identity") {
    const purpose = values.purpose ?? "";
    if (!isIdentityPurpose(purpose)) {
      return Response.json({ intent, errors: { purpose: "inbox.error.purpose" }, values } satisfies ActionData, { status: 400 });
    }
    if (!canSeeIdentity(user, complaint, tree)) {
      return Response.json({ intent, errors: { form: "inbox.identity.notAllowed" }, values } satisfies ActionData, { status: 403 });
    }
    const outcome = await revealComplainantIdentity(db, { complaintId: complaint.id, userId: user.id, purpose });
    if (!outcome.ok) {
      const status = outcome.reason === "forbidden" ? 403 : 404;
      const key = outcome.reason === "no_identity" ? "inbox.identity.none" : outcome.reason === "forbidden" ? "inbox.identity.notAllowed" : "inbox.notFound";
      return Response.json({ intent, errors: { form: key }, values } satisfies ActionData, { status });
    }
    return Response.json({ intent, errors: {}, values: {}, identity: outcome.identity } satisfies ActionData, { headers: { "Cache-Control": "private, no-store" } });
  }

  const parsed = StaffActionSchema.safeParse(values);
  if (!parsed.success) {
    const errors = firstIssuePerField(parsed.error) as Record<string, string>;
    if (errors.intent) errors.form = "inbox.error.unknownIntent";
    return Response.json({ intent, errors, values } satisfies ActionData, { status: 400 });
  }
  if (!availableIntents(user, complaint, tree).includes(parsed.data.intent)) {
    const forbidden = (APPEAL_INTENTS as readonly string[]).includes(parsed.data.intent)
      ? appealDeciderRole(user, complaint.unitId, tree) === null
      : !canAccessComplaint(user, complaint, tree, "act");
    return Response.json({ intent, errors: { form: forbidden ? "inbox.error.forbidden" : "inbox.error.notNow" }, values } satisfies ActionData, {
      status: forbidden ? 403 : 409,
    });
  }
  const withFiles = INTENTS_WITH_ATTACHMENTS.includes(parsed.data.intent);
  const uploads = withFiles ? screenUploads(parsedForm.files, parsedForm.tooManyFiles) : { accepted: [] };
  if (uploads.error) return Response.json({ intent, errors: { attachments: uploads.error }, values } satisfies ActionData, { status: 400 });
  const attachments = await persistUploads(getEnv().STORAGE_DIR, uploads.accepted);
  const outcome = await performStaffAction(db, { user, userId: user.id, complaintId: complaint.id, input: parsed.data, tree, attachments, now });
  if (!outcome.ok) {
    const map = {
      not_found: ["inbox.notFound", 404],
      forbidden: ["inbox.error.forbidden", 403],
      not_allowed_now: ["inbox.error.notNow", 409],
      invalid_officer: ["inbox.error.invalidOfficer", 400],
      invalid_unit: ["inbox.error.invalidUnit", 400],
      same_unit: ["inbox.error.sameUnit", 400],
    } as const;
    const [key, status] = map[outcome.reason];
    const field = outcome.reason === "invalid_officer" ? "officerId" : outcome.reason === "invalid_unit" || outcome.reason === "same_unit" ? "unitId" : "form";
    return Response.json({ intent, errors: { [field]: key }, values } satisfies ActionData, { status });
  }
  // Post/redirect/get. After a transfer the user may no longer read the complaint: back to the inbox.
  if (parsed.data.intent === "transfer") {
    const stillReadable = canAccessComplaint(user, { unitId: parsed.data.unitId.toLowerCase() }, tree, "read");
    if (!stillReadable) return redirect(`/staf/kotak-masuk?selesai=transfer`);
  }
  return redirect(`/staf/pengaduan/${complaint.id}?selesai=${parsed.data.intent}`);
}

function ActionForm({
  intent,
  title,
  submitLabel,
  errors,
  multipart,
  children,
}: {
  intent: StaffIntent;
  title: string;
  submitLabel: string;
  errors: Record<string, string>;
  multipart?: boolean;
  children?: React.ReactNode;
}) {
  const t = useT();
  const navigation = useNavigation();
  const { timeline } = useLoaderData<typeof loader>();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  // A new timeline event means the last action went through: remount the form so a sent reply
  // does not sit there ready to be sent twice (without JavaScript the page reloads anyway).
  const lastEventId = timeline.at(-1)?.id ?? "none";
  return (
    <section className="card" aria-labelledby={`action-${intent}`}>
      <h3 id={`action-${intent}`}>{title}</h3>
      <FormAlert message={errors.form} />
      <Form key={lastEventId} method="post" encType={multipart ? "multipart/form-data" : undefined} className="stack" noValidate>
        <input type="hidden" name="intent" value={intent} />
        {children}
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("inbox.action.submitting") : submitLabel}
        </button>
      </Form>
    </section>
  );
}

export default function StaffComplaintDetail() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [params] = useSearchParams();
  const done = params.get("selesai") as StaffIntent | null;
  const { complaint, intents } = data;
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.errors : {});
  const valueFor = (intent: string, field: string) => (actionData?.intent === intent ? (actionData.values[field] ?? "") : "");
  const has = (intent: StaffIntent) => intents.includes(intent);
  const messageAction = (intent: StaffIntent, key: "requestInfo" | "respond" | "proposeResolution" | "note", hint?: string) => (
    <ActionForm
      intent={intent}
      title={t(`inbox.action.${key}.title` as MessageKey)}
      submitLabel={t(`inbox.action.${key}.submit` as MessageKey)}
      errors={errorsFor(intent)}
      multipart
    >
      <Field id={`${intent}-message`} label={t(`inbox.action.${key}.message` as MessageKey)} hint={hint} error={errorsFor(intent).message} required>
        {(props) => {
          // A chosen template pre-fills the reply forms, unless this form came back with what was typed.
          const prefill = (intent === "respond" || intent === "propose-resolution") && actionData?.intent !== intent ? (data.chosenTemplate?.body ?? "") : "";
          return <textarea {...props} key={data.chosenTemplate?.id ?? "none"} name="message" rows={5} maxLength={5000} defaultValue={valueFor(intent, "message") || prefill} />;
        }}
      </Field>
      <Field id={`${intent}-attachments`} label={t("form.attachments")} hint={t("form.attachments.hint")} error={errorsFor(intent).attachments}>
        {(props) => <input {...props} name="attachments" type="file" multiple accept="image/jpeg,image/png,application/pdf" />}
      </Field>
    </ActionForm>
  );

  return (
    <>
      <p>
        <Link to="/staf/kotak-masuk">{t("inbox.detail.back")}</Link>
      </p>
      <h1>
        {t("inbox.detail.title")} <code>{complaint.trackingCode}</code>
      </h1>
      {done && done in DONE_KEYS ? (
        <p className="notice notice--ok" role="status">
          {t(DONE_KEYS[done])}
        </p>
      ) : null}
      <dl className="summary">
        <dt>{t("inbox.detail.code")}</dt>
        <dd>
          <code>{complaint.trackingCode}</code>
        </dd>
        <dt>{t("inbox.detail.status")}</dt>
        <dd data-testid="status">{t(`inbox.status.${complaint.status}` as MessageKey)}</dd>
        <dt>{t("inbox.detail.unit")}</dt>
        <dd data-testid="unit">{complaint.unitName ?? t("inbox.noUnit")}</dd>
        <dt>{t("inbox.detail.product")}</dt>
        <dd>{complaint.productName ? (locale === "en" ? complaint.productNameEn : complaint.productName) : t("inbox.noProduct")}</dd>
        <dt>{t("inbox.detail.form")}</dt>
        <dd>{complaint.formName ? (locale === "en" ? complaint.formNameEn : complaint.formName) : t("inbox.noProduct")}</dd>
        <dt>{t("inbox.detail.visibility")}</dt>
        <dd>{t(`inbox.visibility.${complaint.visibility}` as MessageKey)}</dd>
        <dt>{t("inbox.detail.submitted")}</dt>
        <dd>{formatWib(complaint.submittedAt, locale)}</dd>
        {complaint.incidentDate ? (
          <>
            <dt>{t("inbox.detail.incidentDate")}</dt>
            <dd>{complaint.incidentDate}</dd>
          </>
        ) : null}
        {complaint.location ? (
          <>
            <dt>{t("inbox.detail.location")}</dt>
            <dd>{complaint.location}</dd>
          </>
        ) : null}
        <dt>{t("inbox.detail.assigned")}</dt>
        <dd>{complaint.assignedOfficer ?? t("inbox.detail.assignedNone")}</dd>
        <dt>{t("inbox.detail.priority")}</dt>
        <dd data-testid="priority">{t(`adminSla.priority.${complaint.priority}` as MessageKey)}</dd>
        <dt>{t("inbox.detail.escalationLevel")}</dt>
        <dd>{complaint.escalationLevel > 0 ? t("inbox.escalation.level", { level: complaint.escalationLevel }) : t("inbox.escalation.none")}</dd>
      </dl>

      <h2>{t("inbox.detail.content")}</h2>
      {complaint.visibility === "RAHASIA" ? <p className="notice">{t("inbox.detail.rahasia")}</p> : null}
      {complaint.title ? <p><strong>{complaint.title}</strong></p> : null}
      <p className="timeline__message" data-testid="description">
        {complaint.description}
      </p>

      <section className="card" aria-labelledby="identity-title" data-testid="identity">
        <h2 id="identity-title">{t("inbox.identity.title")}</h2>
        {actionData?.intent === "reveal-identity" && actionData.identity ? (
          <>
            <dl className="summary" data-testid="identity-revealed">
              <dt>{t("inbox.identity.name")}</dt>
              <dd>{actionData.identity.name ?? t("inbox.identity.empty")}</dd>
              <dt>{t("inbox.identity.email")}</dt>
              <dd>{actionData.identity.email ?? t("inbox.identity.empty")}</dd>
              <dt>{t("inbox.identity.phone")}</dt>
              <dd>{actionData.identity.phone ?? t("inbox.identity.empty")}</dd>
            </dl>
            <p className="notice">{t("inbox.identity.audited")}</p>
          </>
        ) : !data.identity.exists ? (
          <p>{t("inbox.identity.none")}</p>
        ) : data.identity.allowed ? (
          <>
            <p>{t("inbox.identity.hidden")}</p>
            <FormAlert message={errorsFor("reveal-identity").form} />
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="reveal-identity" />
              <Field id="identity-purpose" label={t("inbox.identity.purpose")} error={errorsFor("reveal-identity").purpose} required>
                {(props) => (
                  <select {...props} name="purpose" defaultValue={valueFor("reveal-identity", "purpose") || "follow-up"}>
                    {IDENTITY_PURPOSES.map((purpose) => (
                      <option key={purpose} value={purpose}>
                        {t(IDENTITY_PURPOSE_KEYS[purpose])}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <button type="submit" className="button button--secondary" data-testid="reveal-identity">
                {t("inbox.identity.reveal")}
              </button>
            </Form>
          </>
        ) : (
          <>
            <FormAlert message={errorsFor("reveal-identity").form} />
            <p>{data.identity.anonim ? t("inbox.identity.anonim") : t("inbox.identity.notAllowed")}</p>
          </>
        )}
      </section>

      <h2>{t("inbox.detail.deadlines")}</h2>
      {data.deadlines.length === 0 ? (
        <p>{t("inbox.detail.noDeadlines")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("inbox.detail.stage")}</th>
                <th scope="col">{t("inbox.detail.due")}</th>
              </tr>
            </thead>
            <tbody>
              {data.deadlines.map((deadline) => (
                <tr key={deadline.stage}>
                  <th scope="row">{t(`inbox.stage.${deadline.stage}` as MessageKey)}</th>
                  <td>
                    <time dateTime={deadline.dueAt}>{formatWib(deadline.dueAt, locale)}</time>
                    {deadline.overdue ? (
                      <strong className="sla-badge sla-badge--overdue">
                        {" "}
                        <span aria-hidden="true">⚠ </span>
                        {t("inbox.sla.overdue")}
                      </strong>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("inbox.detail.escalations")}</h2>
      {data.escalations.length === 0 ? (
        <p>{t("inbox.detail.noEscalations")}</p>
      ) : (
        <ul>
          {data.escalations.map((e) => (
            <li key={e.id}>
              {t("inbox.detail.escalationRow", {
                level: e.level,
                stage: t(`inbox.stage.${e.stage}` as MessageKey),
                role: t(`staff.role.${e.targetRole}` as MessageKey),
              })}{" "}
              · <time dateTime={e.escalatedAt}>{formatWib(e.escalatedAt, locale)}</time> ·{" "}
              {e.settledAt ? t("inbox.detail.escalationSettled", { at: formatWib(e.settledAt, locale) }) : t("inbox.detail.escalationOpen")}
            </li>
          ))}
        </ul>
      )}

      <h2>{t("inbox.detail.timeline")}</h2>
      <ol className="timeline" data-testid="timeline">
        {data.timeline.map((entry) => (
          <li key={entry.id} className={entry.visibility === "INTERNAL" ? "timeline__item timeline__item--internal" : "timeline__item"}>
            <p className="timeline__meta">
              <strong>{t(`inbox.event.${entry.type}` as MessageKey)}</strong> ·{" "}
              <time dateTime={entry.occurredAt}>{formatWib(entry.occurredAt, locale)}</time> ·{" "}
              {entry.actor === "CITIZEN" ? t("inbox.event.by.citizen") : entry.actor === "SYSTEM" ? t("inbox.event.by.system") : entry.actor} ·{" "}
              <span className="timeline__visibility">{entry.visibility === "INTERNAL" ? t("inbox.detail.internal") : t("inbox.detail.public")}</span>
            </p>
            {entry.assignedOfficer ? <p className="timeline__message">{t("inbox.event.officerAssigned", { name: entry.assignedOfficer })}</p> : null}
            {entry.transferredTo ? <p className="timeline__message">{t("inbox.event.transferredTo", { unit: entry.transferredTo })}</p> : null}
            {entry.message ? <p className="timeline__message">{entry.message}</p> : null}
            {entry.attachments.length > 0 ? (
              <p className="timeline__attachments">
                {t("inbox.detail.attachments")}:{" "}
                {entry.attachments.map((a, i) => (
                  <span key={a.id}>
                    {i > 0 ? ", " : null}
                    <a href={`/staf/lampiran/${a.id}`} download>
                      {a.name}
                    </a>
                  </span>
                ))}
              </p>
            ) : null}
          </li>
        ))}
      </ol>

      <h2>{t("inbox.actions.title")}</h2>
      {/* A refusal for a form no longer on the page (the status moved on, or the right is gone). */}
      {actionData && actionData.intent !== "reveal-identity" && !intents.includes(actionData.intent as StaffIntent) ? (
        <>
          <FormAlert message={actionData.errors.form} />
          <UnsentText values={actionData.values} />
        </>
      ) : null}
      {intents.length === 0 ? <p>{t("inbox.actions.none")}</p> : null}
      {data.templates.length > 0 ? (
        <form method="get" className="stack" data-testid="use-template">
          <Field id="templat" label={t("templates.use.label")} hint={t("templates.use.hint")}>
            {(props) => (
              <select {...props} name="templat" defaultValue={data.chosenTemplate?.id ?? ""}>
                <option value="">{t("templates.use.choose")}</option>
                {data.templates.map((tpl) => (
                  <option key={tpl.id} value={tpl.id} lang={tpl.locale}>
                    {tpl.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="button button--secondary">
            {t("templates.use.submit")}
          </button>
          {data.chosenTemplate ? (
            <p className="notice" role="status">
              {t("templates.use.applied", { title: data.chosenTemplate.title })}
            </p>
          ) : null}
        </form>
      ) : null}
      {has("acknowledge") ? (
        <ActionForm intent="acknowledge" title={t("inbox.action.acknowledge.title")} submitLabel={t("inbox.action.acknowledge.submit")} errors={errorsFor("acknowledge")} />
      ) : null}
      {has("request-info") ? messageAction("request-info", "requestInfo", t("inbox.action.requestInfo.hint")) : null}
      {has("respond") ? messageAction("respond", "respond") : null}
      {has("propose-resolution") ? messageAction("propose-resolution", "proposeResolution") : null}
      {has("assign") ? (
        <ActionForm intent="assign" title={t("inbox.action.assign.title")} submitLabel={t("inbox.action.assign.submit")} errors={errorsFor("assign")}>
          <Field id="assign-officer" label={t("inbox.action.assign.officer")} error={errorsFor("assign").officerId} required>
            {(props) => (
              <select {...props} name="officerId" defaultValue={valueFor("assign", "officerId")}>
                <option value="">{t("inbox.action.assign.choose")}</option>
                {data.officers.map((officer) => (
                  <option key={officer.id} value={officer.id}>
                    {officer.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </ActionForm>
      ) : null}
      {has("transfer") ? (
        <ActionForm intent="transfer" title={t("inbox.action.transfer.title")} submitLabel={t("inbox.action.transfer.submit")} errors={errorsFor("transfer")}>
          <Field id="transfer-unit" label={t("inbox.action.transfer.unit")} error={errorsFor("transfer").unitId} required>
            {(props) => (
              <select {...props} name="unitId" defaultValue={valueFor("transfer", "unitId")}>
                <option value="">{t("inbox.action.transfer.choose")}</option>
                {data.transferUnits.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="transfer-reason" label={t("inbox.action.transfer.reason")} error={errorsFor("transfer").reason} required>
            {(props) => <textarea {...props} name="reason" rows={3} maxLength={5000} defaultValue={valueFor("transfer", "reason")} />}
          </Field>
        </ActionForm>
      ) : null}
      {has("uphold-appeal") || has("dismiss-appeal") ? (
        <section aria-labelledby="appeal-decision">
          <h3 id="appeal-decision">{t("inbox.action.appeal.title")}</h3>
          <p>{t("inbox.action.appeal.intro")}</p>
          {(["uphold-appeal", "dismiss-appeal"] as const).filter(has).map((intent) => {
            const key = intent === "uphold-appeal" ? "upholdAppeal" : "dismissAppeal";
            return (
              <ActionForm key={intent} intent={intent} title={t(`inbox.action.${key}.title`)} submitLabel={t(`inbox.action.${key}.submit`)} errors={errorsFor(intent)}>
                <Field id={`${intent}-message`} label={t(`inbox.action.${key}.message`)} hint={t(`inbox.action.${key}.hint`)} error={errorsFor(intent).message} required>
                  {(props) => <textarea {...props} name="message" rows={4} maxLength={5000} defaultValue={valueFor(intent, "message")} />}
                </Field>
              </ActionForm>
            );
          })}
        </section>
      ) : null}
      {has("note") ? messageAction("note", "note", t("inbox.action.note.hint")) : null}
    </>
  );
}

export function ErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <>
      <h1>{forbidden ? t("inbox.forbidden.title") : notFound ? t("inbox.notFound") : t("error.generic")}</h1>
      {forbidden ? <p>{t("inbox.forbidden.body")}</p> : null}
      <p>
        <Link to="/staf/kotak-masuk">{t("inbox.detail.back")}</Link>
      </p>
    </>
  );
}
