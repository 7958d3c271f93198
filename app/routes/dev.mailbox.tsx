// /dev/mailbox: the emails the portal has stored, for development and trials without SendGrid.
//
// NEVER turn this on in production without a staff login in front of it. Every message lists a
// citizen's address, and receipts carry the tracking code plus a signed link that, on its own,
// opens the complaint (docs/decisions/008-citizen-access-without-accounts.md): anyone who could
// read this page could open every complaint and learn who filed it. So the page exists only when
// NODE_ENV is not "production", or when an operator sets DEV_MAILBOX=on on purpose (a closed
// staging box); otherwise the loader answers 404, as if there were no such route.
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listRecentEmails } from "~/models/email.server";
import { getDb } from "~/services/db.server";
import { isDevMailboxEnabled } from "~/services/email.server";
import { formatWib } from "~/services/format";
import { resolveLocale, useLocale, useT, type MessageKey } from "~/services/i18n";
import { messagesFor } from "~/services/i18n.server";
import { pageTitle } from "~/services/meta";

const LATEST = 50;

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store", "X-Robots-Tag": "noindex" });

export const meta: MetaFunction = (args) => pageTitle(args, "devMailbox.title", [{ name: "robots", content: "noindex" }]);

export async function loader({ request }: LoaderFunctionArgs) {
  if (!isDevMailboxEnabled()) throw new Response("Not Found", { status: 404 });
  const emails = await listRecentEmails(getDb(), LATEST);
  return {
    // `messages` is the page's wording (the root merges every route's); the emails are `emails`.
    messages: messagesFor(resolveLocale(request), "devMailbox"),
    emails: emails.map((message) => ({
      id: message.id,
      locale: message.locale,
      to: message.toAddress,
      subject: message.subject,
      body: message.bodyText,
      status: message.status,
      createdAt: message.createdAt.toISOString(),
    })),
  };
}

const STATUS_LABEL = {
  PENDING: "devMailbox.status.PENDING",
  SENT: "devMailbox.status.SENT",
  FAILED: "devMailbox.status.FAILED",
  DEV_MAILBOX: "devMailbox.status.DEV_MAILBOX",
} as const satisfies Record<string, MessageKey>;

export default function DevMailbox() {
  const t = useT();
  const locale = useLocale();
  const { emails } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("devMailbox.title")}</h1>
      <p className="lead">{t("devMailbox.lead")}</p>
      <p className="notice" role="note">
        {t("devMailbox.warning")}
      </p>
      {emails.length === 0 ? (
        <p>{t("devMailbox.empty")}</p>
      ) : (
        <div className="table-scroll">
        <table>
          <caption>{t("devMailbox.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("devMailbox.col.subject")}</th>
              <th scope="col">{t("devMailbox.col.to")}</th>
              <th scope="col">{t("devMailbox.col.status")}</th>
              <th scope="col">{t("devMailbox.col.created")}</th>
              <th scope="col">{t("devMailbox.col.body")}</th>
            </tr>
          </thead>
          <tbody>
            {emails.map((message) => {
              // The message's own language may differ from the page's: tell assistive technology.
              const lang = message.locale === "en" || message.locale === "id" ? message.locale : undefined;
              return (
                <tr key={message.id}>
                  <th scope="row" lang={lang}>
                    {message.subject}
                  </th>
                  <td>{message.to}</td>
                  <td>{t(STATUS_LABEL[message.status])}</td>
                  <td>
                    <time dateTime={message.createdAt}>{formatWib(message.createdAt, locale)}</time>
                  </td>
                  <td>
                    {/* timeline__message wraps long lines (pre-wrap), so the table never scrolls sideways. */}
                    <pre className="timeline__message" lang={lang}>
                      {message.body}
                    </pre>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      )}
    </>
  );
}
