// SendGrid Inbound Parse posts each mail to the reply domain here (issue #15, ADR 039). The URL
// SendGrid is given carries basic-auth credentials (https://user:password@host/webhooks/sendgrid/inbound),
// which it sends as an Authorization header. Whatever the mail, the answer is a 2xx once it is
// recorded (a refusal included: SendGrid would otherwise deliver it again for three days); only a
// failure on our side asks for a retry.
import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveInboundMail } from "~/domain/inbound-mail/receive-mail.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";
import { inboundWebhookCredentials, readInboundParse } from "~/services/inbound-parse.server";
import { UnreadableFormError } from "~/services/multipart.server";
import { sameSecret } from "~/services/secrets.server";

const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers } });

export function loader() {
  return plain(405, "method not allowed", { Allow: "POST" });
}

export async function action({ request }: ActionFunctionArgs) {
  const credentials = inboundWebhookCredentials();
  if (!credentials) return plain(404, "not found");
  if (request.method !== "POST") return plain(405, "method not allowed", { Allow: "POST" });
  const expected = `Basic ${Buffer.from(credentials).toString("base64")}`;
  if (!sameSecret(request.headers.get("Authorization") ?? "", expected)) {
    return plain(401, "unauthorised", { "WWW-Authenticate": 'Basic realm="inbound"' });
  }

  let post;
  try {
    post = await readInboundParse(request);
  } catch (error) {
    if (error instanceof UnreadableFormError) return plain(error.reason === "too_large" ? 413 : 400, error.reason);
    throw error;
  }
  const outcome = await receiveInboundMail(getDb(), post, { now: appNow(), storageDir: getEnv().STORAGE_DIR });
  if (outcome.kind === "retry_later") return plain(503, "in progress", { "Retry-After": "60" });
  return Response.json(outcome.kind === "refused" ? { outcome: outcome.kind, reason: outcome.reason } : { outcome: outcome.kind }, { status: 200, headers: { "Cache-Control": "no-store" } });
}
