// POST /laporan-warga/:code/dukung: "Saya juga mengalami ini" (#14 item 4, ADR 038). One support per
// browser (its signed cookie, hashed), a per-network limit, an optional e-mail for status changes.
// Answers with a redirect back to the report page and the outcome (POST-redirect-GET).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { publicReportPath, supportReport } from "~/domain/support/support.server";
import { parseSupporterEmail, SUPPORT_OUTCOME_PARAM, type SupportOutcome } from "~/domain/support/support";
import { checkSupportQuota, countStoredSupport } from "~/services/citizen-limits.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";
import { readForm } from "~/services/form-body.server";
import { resolveLocale } from "~/services/i18n";
import { z } from "~/services/zod.server";

const CodeParam = z.string().trim().min(1).max(64);
const SupportBody = z.object({ email: z.string().max(1000).optional() });

/** Only a form posts here; a visitor who opens the address is sent to the report. */
export async function loader({ params }: LoaderFunctionArgs) {
  const code = CodeParam.safeParse(params.code);
  if (!code.success) throw new Response(null, { status: 404 });
  return redirect(publicReportPath(encodeURIComponent(code.data)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const code = CodeParam.safeParse(params.code);
  if (!code.success) throw new Response(null, { status: 404 });
  const body = SupportBody.safeParse(Object.fromEntries(await readForm(request)));
  const email = parseSupporterEmail(body.success ? body.data.email : "");
  const { quota, verdict } = await checkSupportQuota(request);
  const back = (trackingCode: string, outcome: SupportOutcome, status = 303) => {
    const response = redirect(`${publicReportPath(trackingCode)}?${SUPPORT_OUTCOME_PARAM}=${outcome}#dukung`, { status });
    if (quota.setCookie) response.headers.append("Set-Cookie", quota.setCookie);
    return response;
  };
  const safeCode = encodeURIComponent(code.data.toUpperCase());
  if (!body.success || !email.ok) return back(safeCode, "invalidEmail");
  if (!verdict.allowed) {
    const response = back(safeCode, "limited");
    response.headers.set("Retry-After", String(verdict.retryAfterSeconds));
    return response;
  }
  const env = getEnv();
  const result = await supportReport(getDb(), {
    code: code.data,
    browserId: quota.browserId,
    email: email.email,
    locale: resolveLocale(request),
    now: appNow(),
    publicBaseUrl: env.PUBLIC_BASE_URL,
  });
  if (result.kind === "not_found") throw new Response(null, { status: 404 });
  if (result.added) await countStoredSupport(quota);
  return back(result.trackingCode, result.outcome);
}
