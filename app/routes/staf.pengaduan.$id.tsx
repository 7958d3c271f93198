import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { ComplaintHistory } from "~/components/complaint/complaint-history";
import { Composer, composerHandles } from "~/components/complaint/composer";
import { IdentityPanel } from "~/components/complaint/identity-panel";
import { PriorityForm } from "~/components/complaint/priority-form";
import { ComplaintSidePanel } from "~/components/complaint/side-panel";
import { StaffActions } from "~/components/complaint/staff-actions";
import { StaffComplaintSummary } from "~/components/complaint/staff-complaint-summary";
import {
  actOnStaffComplaint,
  loadStaffComplaintPage,
  requireReadableComplaint,
  type StaffComplaintActionData,
  type StaffComplaintPage,
} from "~/domain/complaints/staff-complaint.server";
import type { StaffIntent } from "~/domain/complaints/unit-actions.server";
import { ATTACHMENT_LIMITS } from "~/services/attachments.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";
import { readForm } from "~/services/form-body.server";
import { useT, type MessageKey } from "~/services/i18n";
import { pageTitle } from "~/services/meta";
import { parseFormWithFiles, refuseUnreadableForm } from "~/services/multipart.server";
import { requireStaffUser } from "~/services/session.server";
import { PublicTextHiddenNotice } from "~/components/complaint/moderation-form";

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = (args) => pageTitle(args, "inbox.detail.title", [{ name: "robots", content: "noindex" }]);

const DONE_KEYS: Record<StaffIntent | "set-priority", MessageKey> = {
  acknowledge: "inbox.done.acknowledge",
  "request-info": "inbox.done.requestInfo",
  respond: "inbox.done.respond",
  "propose-resolution": "inbox.done.proposeResolution",
  note: "inbox.done.note",
  assign: "inbox.done.assign",
  transfer: "inbox.done.transfer",
  "uphold-appeal": "inbox.done.upholdAppeal",
  "dismiss-appeal": "inbox.done.dismissAppeal",
  "set-priority": "inbox.done.setPriority",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const now = appNow();
  const user = await requireStaffUser(db, request, now);
  const guarded = await requireReadableComplaint(db, params.id, user);
  return loadStaffComplaintPage(db, { user, guarded, templateId: new URL(request.url).searchParams.get("templat"), now });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const now = appNow();
  const user = await requireStaffUser(db, request, now);
  const guarded = await requireReadableComplaint(db, params.id, user);
  const multipart = (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
  const parsedForm = multipart
    ? await parseFormWithFiles(request, { maxFileBytes: ATTACHMENT_LIMITS.maxBytes, maxFiles: ATTACHMENT_LIMITS.maxFiles }).catch(refuseUnreadableForm)
    : { form: await readForm(request), files: [], tooManyFiles: false };
  const values: Record<string, string> = {};
  for (const [key, value] of parsedForm.form) if (typeof value === "string") values[key] = value;
  const result = await actOnStaffComplaint(db, {
    user,
    guarded,
    values,
    files: parsedForm.files,
    tooManyFiles: parsedForm.tooManyFiles,
    storageDir: getEnv().STORAGE_DIR,
    now,
  });
  if (result.kind === "redirect") return redirect(result.to);
  // A revealed identity must not sit in any cache.
  if (result.data.identity) return Response.json(result.data, { headers: { "Cache-Control": "private, no-store" } });
  return Response.json(result.data, { status: result.status });
}

export default function StaffComplaintDetail() {
  const t = useT();
  const data = useLoaderData<typeof loader>() as StaffComplaintPage;
  const actionData = useActionData<StaffComplaintActionData>();
  const [params] = useSearchParams();
  const done = params.get("selesai") as keyof typeof DONE_KEYS | null;
  const { complaint } = data;
  const composerOwnsRefusal = composerHandles(actionData, data);
  const priorityRefusal = actionData?.intent === "set-priority" ? actionData : undefined;
  return (
    <>
      <p className="complaint-top">
        <Link to="/staf/kotak-masuk">{t("inbox.detail.back")}</Link>
        {/* Straight to the composer: past the timeline and the side panel's forms (issue #21). */}
        {data.composer.length > 0 ? (
          <a href="#composer" className="complaint-top__skip" data-testid="skip-to-composer">
            {t("inbox.composer.skip")}
          </a>
        ) : null}
      </p>
      <h1>
        {t("inbox.detail.title")} <code>{complaint.trackingCode}</code>
      </h1>
      {data.publicText?.hiddenAt ? <PublicTextHiddenNotice panel={data.publicText} /> : null}
      {done && done in DONE_KEYS ? (
        <p className="notice notice--ok" role="status">
          {t(DONE_KEYS[done])}
        </p>
      ) : null}
      <div className="complaint-workspace">
        <div className="complaint-workspace__main">
          <StaffComplaintSummary complaint={complaint} />
          <ComplaintHistory escalations={data.escalations} timeline={data.timeline} />
        </div>
        <ComplaintSidePanel data={data}>
          <StaffActions data={data} actionData={actionData} composerOwnsRefusal={composerOwnsRefusal} />
          {data.priorityChoices.length > 0 ? (
            <details className="side-action" open={priorityRefusal ? true : undefined} data-testid="side-priority">
              <summary>{t("inbox.priority.title")}</summary>
              <PriorityForm current={complaint.priority} choices={data.priorityChoices} errors={priorityRefusal?.errors} values={priorityRefusal?.values} />
            </details>
          ) : null}
          <IdentityPanel identity={data.identity} actionData={actionData} />
        </ComplaintSidePanel>
        <div className="complaint-workspace__composer">
          <Composer data={data} actionData={actionData} />
        </div>
      </div>
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
