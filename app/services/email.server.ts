// Outgoing email: SendGrid when an API key is configured, otherwise the dev mailbox (the rows stay
// in Postgres and /dev/mailbox shows them). docs/decisions/009-email-through-sendgrid.md
//
// Only the default imports are used: both packages export a configured singleton, and the named
// `Client`/`MailService` class imports type-check in TS 5.9 but not in TS 7 (STACK.md §6, TS2595).
// The classes are reached through the singletons' constructors instead, so every transport owns
// its own Client + MailService pair: two transports (or two test files in one process) can never
// reconfigure each other's API key or base URL, and nothing has to be re-set before each send.
import sgClient from "@sendgrid/client";
import sgMail from "@sendgrid/mail";
import { z } from "zod";
import { MAIL_FROM_NAME } from "./email-render";
import { escapeRegExp } from "./regexp";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Our EmailMessage id; sent as SendGrid `customArgs.email_message_id` so webhooks can be matched. */
  customId: string;
  replyTo?: string;
  /**
   * RFC 3834 `Auto-Submitted`: every message we send is written by the system ("auto-generated"),
   * an acknowledgement of a citizen's mail is "auto-replied". Well-behaved out-of-office robots do
   * not answer either, so a robot and our acknowledgement cannot mail each other for ever.
   */
  autoSubmitted?: "auto-generated" | "auto-replied";
}

export type SendResult =
  | { ok: true; providerMessageId: string | null; devMailbox?: boolean }
  | { ok: false; permanent: boolean; status: number | null; error: string };

export interface EmailTransport {
  kind: "sendgrid" | "dev-mailbox";
  send(message: OutgoingEmail): Promise<SendResult>;
}

export interface EmailTransportOptions {
  apiKey?: string;
  /** Only for tests and local capture servers; production talks to SendGrid's own host. */
  baseUrl?: string;
  from: string;
  /** Shown as the sender beside the address (`"Lapor Pangkalpinang" <MAIL_FROM>`). */
  fromName?: string;
  /** A request SendGrid has not answered by then counts as a transient failure (retried). */
  timeoutMs?: number;
}

type SendGridClient = typeof sgClient;
type SendGridMail = typeof sgMail;
const ClientClass = sgClient.constructor as new () => SendGridClient;
const MailServiceClass = sgMail.constructor as new () => SendGridMail;

export const DEFAULT_SEND_TIMEOUT_MS = 10_000;
const MAX_ERROR_LENGTH = 500;

export function createEmailTransport(options: EmailTransportOptions): EmailTransport {
  const { apiKey, baseUrl, from, fromName = MAIL_FROM_NAME, timeoutMs = DEFAULT_SEND_TIMEOUT_MS } = options;
  if (!apiKey) {
    return {
      kind: "dev-mailbox",
      send: async () => ({ ok: true, providerMessageId: null, devMailbox: true }),
    };
  }

  // The order is the one that works (STACK.md §6): setApiKey resets baseUrl to SendGrid's region
  // host, so the override comes after it; and the mail service must be handed this client, or it
  // keeps using its own.
  const client = new ClientClass();
  client.setApiKey(apiKey);
  if (baseUrl) client.setDefaultRequest("baseUrl", baseUrl);
  const mail = new MailServiceClass();
  mail.setClient(client);
  mail.setTimeout(timeoutMs);

  return {
    kind: "sendgrid",
    async send(message) {
      try {
        const [response] = await mail.send({
          to: message.to,
          from: { email: from, name: fromName },
          subject: message.subject,
          // The helper turns these into SendGrid's `content` array, text/plain first as the API requires.
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          ...(message.replyTo ? { replyTo: message.replyTo } : {}),
          headers: { "Auto-Submitted": message.autoSubmitted ?? "auto-generated" },
          customArgs: { email_message_id: message.customId },
        });
        return { ok: true, providerMessageId: headerValue(response.headers, "x-message-id") };
      } catch (error) {
        return classifyFailure(error, message);
      }
    },
  };
}

function headerValue(headers: unknown, name: string): string | null {
  if (!headers || typeof headers !== "object") return null;
  const value = (headers as Record<string, unknown>)[name];
  if (typeof value === "string" && value !== "") return value;
  if (Array.isArray(value) && typeof value[0] === "string") return value[0];
  return null;
}

/** SendGrid's documented error body: `{ errors: [{ message, field?, help? }] }`. */
const SendGridErrorBody = z.object({
  errors: z
    .array(
      z.object({
        message: z.string(),
        field: z.string().nullish(),
        help: z.unknown().optional(),
      }),
    )
    .min(1),
});

/** What `@sendgrid/client` rejects with for an HTTP status >= 400 (its ResponseError). */
const ResponseErrorShape = z.object({
  code: z.number().int(),
  message: z.string().optional(),
  response: z.object({ body: z.unknown().optional() }).optional(),
});

function classifyFailure(error: unknown, message: OutgoingEmail): SendResult {
  const response = ResponseErrorShape.safeParse(error);
  if (error instanceof Error && response.success && response.data.code >= 400) {
    const status = response.data.code;
    const body = SendGridErrorBody.safeParse(response.data.response?.body);
    const detail = body.success
      ? body.data.errors.map((e) => (e.field ? `${e.message} (field ${e.field})` : e.message)).join("; ")
      : response.data.message || "no error details";
    return {
      ok: false,
      // Too many requests and server errors pass; any other refusal would be repeated as it is.
      permanent: status !== 429 && status < 500,
      status,
      error: redact(`SendGrid ${status}: ${detail}`, message),
    };
  }
  if (isNetworkError(error)) {
    const { code, message: text } = error as { code?: unknown; message?: unknown };
    const reason = typeof code === "string" && code !== "" ? `${code}: ${String(text ?? "")}` : String(text ?? "unknown");
    return { ok: false, permanent: false, status: null, error: redact(`SendGrid unreachable: ${reason}`, message) };
  }
  // Thrown before any request was made (the mail helper refused the message): sending the same
  // message again would fail the same way.
  const text = error instanceof Error ? error.message : String(error);
  return { ok: false, permanent: true, status: null, error: redact(`SendGrid request not built: ${text}`, message) };
}

/** Connection refused or reset, DNS failure, timeout: no HTTP answer at all (axios underneath). */
function isNetworkError(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const candidate = error as { isAxiosError?: unknown; response?: unknown; code?: unknown };
  return candidate.isAxiosError === true || (typeof candidate.code === "string" && candidate.response === undefined);
}

const EMAIL_LIKE = /[^\s@"'<>(),;:[\]]+@[^\s@"'<>(),;:[\]]+\.[^\s@"'<>(),;:[\]]+/g;

/**
 * Error texts end up in `email_message.last_error` and in the worker's logs: they must never carry
 * the recipient or the message itself (docs/decisions/006-no-personal-data-in-redis-or-logs.md).
 */
function redact(text: string, message: OutgoingEmail): string {
  let out = text;
  for (const secret of [message.text, message.html, message.subject]) {
    if (secret && secret.length >= 3) out = out.split(secret).join("[redacted]");
  }
  if (message.to) out = out.replace(new RegExp(escapeRegExp(message.to), "gi"), "[recipient]");
  out = out.replace(EMAIL_LIKE, "[address]");
  return out.length > MAX_ERROR_LENGTH ? `${out.slice(0, MAX_ERROR_LENGTH - 1)}…` : out;
}


/**
 * Whether /dev/mailbox exists: never in production unless an operator turns it on on purpose
 * (`DEV_MAILBOX=on`, e.g. on a closed staging box). See the comment in app/routes/dev.mailbox.tsx.
 */
export function isDevMailboxEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.NODE_ENV !== "production" || env.DEV_MAILBOX === "on";
}
