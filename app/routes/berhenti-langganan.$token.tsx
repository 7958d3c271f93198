// /berhenti-langganan/:token: a supporter stops the status mails of one report (#14, ADR 038). The
// link in the mail opens a page with one button; only the POST deletes (mail scanners open links).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { findSubscription, publicReportPath, unsubscribe } from "~/domain/support/support.server";
import { getDb } from "~/services/db.server";
import { readForm } from "~/services/form-body.server";
import { useT } from "~/services/i18n";
import { pageTitle } from "~/services/meta";
import { z } from "~/services/zod.server";

export const meta: MetaFunction = (args) => pageTitle(args, "support.unsubscribe.title");

// The token is a secret of its holder: never cached, never sent on as a referrer.
export const headers = () => ({ "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" });

const TokenParam = z.string().min(1).max(200);

export async function loader({ params, request }: LoaderFunctionArgs) {
  const token = TokenParam.safeParse(params.token);
  const done = new URL(request.url).searchParams.get("selesai") === "1";
  if (done) return { state: "done" as const, trackingCode: null };
  const found = token.success ? await findSubscription(getDb(), token.data) : { kind: "not_found" as const };
  return found.kind === "found" ? { state: "ask" as const, trackingCode: found.trackingCode } : { state: "gone" as const, trackingCode: null };
}

export async function action({ params, request }: ActionFunctionArgs) {
  await readForm(request);
  const token = TokenParam.safeParse(params.token);
  if (token.success) await unsubscribe(getDb(), token.data);
  return redirect(`/berhenti-langganan/${encodeURIComponent(params.token ?? "-")}?selesai=1`, { status: 303 });
}

export default function Unsubscribe() {
  const { state, trackingCode } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("support.unsubscribe.title")}</h1>
      {state === "ask" && trackingCode ? (
        <>
          <p>
            {t("support.unsubscribe.ask")} <Link to={publicReportPath(trackingCode)}>{trackingCode}</Link>
          </p>
          <Form method="post">
            <button type="submit" className="button">
              {t("support.unsubscribe.button")}
            </button>
          </Form>
        </>
      ) : (
        <p role="status" data-testid="unsubscribe-result">
          {state === "done" ? t("support.unsubscribe.done") : t("support.unsubscribe.gone")}
        </p>
      )}
    </>
  );
}
