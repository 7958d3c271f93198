// /dev/mailbox: the emails the portal has stored, for development and trials without SendGrid.
//
// NEVER turn this on in production without a staff login in front of it. Every message lists a
// citizen's address, and receipts carry the tracking code plus a signed link that, on its own,
// opens the complaint (docs/decisions/008-citizen-access-without-accounts.md): anyone who could
// read this page could open every complaint and learn who filed it. So the page exists only when
// NODE_ENV is not "production", or when an operator sets DEV_MAILBOX=on on purpose (a closed
// staging box); otherwise the loader answers 404, as if there were no such route.
import { redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { readReplyFlash, readReplyForm, replyAsCitizen } from "~/domain/inbound-mail/dev-reply.server";
import { parseFormWithFiles, UnreadableFormError } from "~/services/multipart.server";
import { ATTACHMENT_LIMITS } from "~/services/attachments.server";
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
  const params = new URL(request.url).searchParams;
  return {
    reply: readReplyFlash(params),
    // `messages` is the page's wording (the root merges every route's); the emails are `emails`.
    messages: messagesFor(resolveLocale(request), "devMailbox"),
    emails: emails.map((message) => ({
      id: message.id,
      canReply: message.replyTo !== null,
      locale: message.locale,
      to: message.toAddress,
      subject: message.subject,
      body: message.bodyText,
      status: message.status,
      createdAt: message.createdAt.toISOString(),
    })),
  };
}

/** "Reply as the citizen": posts to the Inbound Parse webhook as SendGrid would, then back to the list. */
export async function action({ request }: ActionFunctionArgs) {
  if (!isDevMailboxEnabled()) throw new Response("Not Found", { status: 404 });
  let parsed;
  try {
    parsed = await parseFormWithFiles(request, { maxFileBytes: ATTACHMENT_LIMITS.maxBytes, maxFiles: 1 });
  } catch (error) {
    if (error instanceof UnreadableFormError) throw new Response("Bad Request", { status: 400 });
    throw error;
  }
  const fields = readReplyForm(parsed.form);
  if (!fields.success) throw new Response("Bad Request", { status: 400 });
  const file = parsed.files[0] && !parsed.files[0].oversize ? { name: parsed.files[0].fileName, bytes: new Uint8Array(parsed.files[0].bytes) } : null;
  const back = new URLSearchParams({ pesan: fields.data.emailMessageId });
  if (fields.data.text.trim() === "" && !file) {
    back.set("balasan", "empty");
    return redirect(`/dev/mailbox?${back}#pesan-${fields.data.emailMessageId}`);
  }
  const outcome = await replyAsCitizen(getDb(), { emailMessageId: fields.data.emailMessageId, text: fields.data.text, file, origin: new URL(request.url).origin });
  back.set("balasan", outcome.kind);
  if (outcome.kind === "refused") back.set("alasan", outcome.reason);
  if (outcome.kind === "failed" && outcome.status) back.set("kode", String(outcome.status));
  return redirect(`/dev/mailbox?${back}`);
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
  const { emails, reply } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("devMailbox.title")}</h1>
      <p className="lead">{t("devMailbox.lead")}</p>
      <p className="notice" role="note">
        {t("devMailbox.warning")}
      </p>
      {reply ? (
        <p className="notice" role="status" data-testid="dev-reply-outcome">
          {reply.outcome === "empty"
            ? t("devMailbox.reply.error.text")
            : t(`devMailbox.reply.outcome.${reply.outcome}`, { reason: reply.reason ?? "?", status: reply.status ?? "?" })}
        </p>
      ) : null}
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
                    {message.canReply ? <ReplyAsCitizen emailMessageId={message.id} /> : null}
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

function ReplyAsCitizen({ emailMessageId }: { emailMessageId: string }) {
  const t = useT();
  const textId = `reply-text-${emailMessageId}`;
  const fileId = `reply-file-${emailMessageId}`;
  return (
    <details className="dev-reply" id={`pesan-${emailMessageId}`}>
      <summary>{t("devMailbox.reply.summary")}</summary>
      <Form method="post" encType="multipart/form-data" reloadDocument>
        <p className="hint">{t("devMailbox.reply.hint")}</p>
        <input type="hidden" name="emailMessageId" value={emailMessageId} />
        <label htmlFor={textId}>{t("devMailbox.reply.text")}</label>
        <textarea id={textId} name="text" rows={4} />
        <label htmlFor={fileId}>{t("devMailbox.reply.file")}</label>
        <input id={fileId} type="file" name="attachment" accept="image/jpeg,image/png,application/pdf" />
        <button type="submit">{t("devMailbox.reply.submit")}</button>
      </Form>
    </details>
  );
}
