import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, isRouteErrorResponse, useActionData, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { z } from "~/services/zod.server";
import { TriageActions } from "~/components/triage/triage-actions";
import { TriageSummary } from "~/components/triage/triage-summary";
import { ModerationForm } from "~/components/complaint/moderation-form";
import { actOnModeration, isModerationIntent, loadModerationPanel, type ModerationPanel } from "~/domain/public-reports/moderation.server";
import { requireTriageUser } from "~/domain/complaints/triage-actions.server";
import { actOnTriage, loadTriagePage, nextToVerify, triageQueuePosition, type TriageActionData, type TriagePage } from "~/domain/complaints/triage-page.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { useT, type MessageKey } from "~/services/i18n";
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

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const now = appNow();
  await requireTriageUser(db, request, now);
  const page = await loadTriagePage(db, complaintIdOf(params), now);
  if (!page) throw notFound();
  return { ...page, moderation: await loadModerationPanel(db, page.view.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb();
  const now = appNow();
  const user = await requireTriageUser(db, request, now);
  const complaintId = complaintIdOf(params);
  const values: Record<string, string> = {};
  for (const [key, value] of await readForm(request)) if (typeof value === "string") values[key] = value;
  // Moderation of the public report (#14, ADR 037): not a workflow action.
  if (isModerationIntent(values.intent)) {
    const moderated = await actOnModeration(db, complaintId, values, { user, now });
    if (moderated.kind === "not_found") throw notFound();
    if (moderated.kind === "refused") return Response.json(moderated.data, { status: moderated.status });
    return redirect(`/staf/triase/${complaintId}?selesai=${moderated.intent}`);
  }
  // "Verify and open the next": the place in the queue is read before verifying clears it.
  const openNext = values.intent === "verify" && values.next === "open";
  const position = openNext ? await triageQueuePosition(db, complaintId) : null;
  const result = await actOnTriage(db, complaintId, values, { actorUserId: user.id, now });
  if (result.kind === "not_found") throw notFound();
  if (result.kind === "refused") return Response.json(result.data, { status: result.status });
  // Post/redirect/get: a refresh never repeats the action.
  if (openNext) {
    const next = await nextToVerify(db, { after: position, skipId: complaintId, now });
    return redirect(next ? `/staf/triase/${next}?selesai=verify-next` : "/staf/triase?selesai=verify-last");
  }
  return redirect(`/staf/triase/${complaintId}?selesai=${result.intent}`);
}

export default function TriageComplaint() {
  const t = useT();
  const page = useLoaderData<typeof loader>() as TriagePage & { moderation: ModerationPanel | null };
  const data = useActionData<TriageActionData>();
  const [params] = useSearchParams();
  const done = params.get("selesai");
  const { view } = page;

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
          {t(done === "verify-next" ? "triage.done.verifyNext" : (`triage.done.${done}` as MessageKey))}
        </p>
      ) : null}
      <TriageSummary view={view} />
      <TriageActions page={page} data={data} />
      {page.moderation ? <ModerationForm panel={page.moderation} data={data} /> : null}
    </>
  );
}

const DONE = new Set<string>(["verify", "reject", "hold", "release", "duplicate", "route", "verify-next", "hide-text", "show-text"]);
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
