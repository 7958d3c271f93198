// SendGrid's signed Event Webhook (issue #15): delivery, bounce, drop, spam report and unsubscribe
// events for the mail we sent. Everything is in app/domain/email-delivery/webhook.server.ts; the
// route only hands over the request and the configuration.
import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveEventWebhook } from "~/domain/email-delivery/webhook.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";

/** SendGrid only posts; a GET (a person trying the URL) is told so, once the webhook exists at all. */
export function loader() {
  if (!getEnv().SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY) return new Response("not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response("POST only\n", { status: 405, headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const env = getEnv();
  return receiveEventWebhook(getDb(), request, {
    publicKey: env.SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY,
    maxAgeSeconds: env.SENDGRID_EVENT_WEBHOOK_MAX_AGE_SECONDS,
    now: appNow(),
  });
}
