// The dev mailbox's "reply as the citizen" (issue #15): builds the body SendGrid Inbound Parse would
// post for a reply to one stored message, from that message's recipient to its reply address, and
// posts it to our own webhook over HTTP with the webhook's credentials. Nothing is taken on trust
// from the form but the words and the file: sender and recipient come from the stored message.
import { z } from "zod";
import { findEmailToAnswer } from "~/models/email.server";
import type { DbClient } from "~/services/db-types.server";
import { getEnv } from "~/services/env.server";
import { inboundParseForm, inboundWebhookCredentials } from "~/services/inbound-parse.server";

export const INBOUND_WEBHOOK_PATH = "/webhooks/sendgrid/inbound";

export type DevReplyOutcome = { kind: "answered" | "message_added" | "duplicate" } | { kind: "refused"; reason: string } | { kind: "failed"; status: number | null };

export async function replyAsCitizen(
  db: DbClient,
  { emailMessageId, text, file, origin }: { emailMessageId: string; text: string; file: { name: string; bytes: Uint8Array<ArrayBuffer> } | null; origin: string },
): Promise<DevReplyOutcome> {
  const message = await findEmailToAnswer(db, emailMessageId);
  const credentials = inboundWebhookCredentials();
  // The credentials go only to this server: the request's origin comes from its Host header, which a
  // visitor chooses, so it must be a loopback address or the public site's own host.
  if (!message || !credentials || !isOwnOrigin(origin)) return { kind: "failed", status: null };
  const form = inboundParseForm({
    from: message.toAddress,
    to: message.replyTo,
    subject: `Re: ${message.subject}`,
    text,
    inReplyTo: `<${message.providerMessageId ?? emailMessageId}@lapor-pangkalpinang>`,
    files: file ? [{ name: file.name, type: "application/octet-stream", bytes: file.bytes }] : [],
  });
  try {
    const response = await fetch(new URL(INBOUND_WEBHOOK_PATH, origin), {
      method: "POST",
      body: form,
      headers: { Authorization: `Basic ${Buffer.from(credentials).toString("base64")}` },
    });
    if (!response.ok) return { kind: "failed", status: response.status };
    const body = (await response.json()) as { outcome?: string; reason?: string };
    if (body.outcome === "refused") return { kind: "refused", reason: body.reason ?? "?" };
    if (body.outcome === "answered" || body.outcome === "message_added" || body.outcome === "duplicate") return { kind: body.outcome };
    return { kind: "failed", status: response.status };
  } catch {
    return { kind: "failed", status: null };
  }
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function isOwnOrigin(origin: string, publicBaseUrl = getEnv().PUBLIC_BASE_URL): boolean {
  try {
    const { hostname } = new URL(origin);
    return LOOPBACK.has(hostname) || hostname === new URL(publicBaseUrl).hostname;
  } catch {
    return false;
  }
}

const ReplyFlash = z.object({
  outcome: z.enum(["answered", "message_added", "duplicate", "refused", "failed", "empty"]),
  reason: z.string().regex(/^[a-z_:]{1,60}$/).optional(),
  status: z.string().regex(/^\d{3}$/).optional(),
  id: z.uuid().optional(),
});

/** The outcome the dev mailbox shows after a reply, from its query string (anything else: nothing). */
export function readReplyFlash(params: URLSearchParams): z.infer<typeof ReplyFlash> | null {
  const parsed = ReplyFlash.safeParse({ outcome: params.get("balasan"), reason: params.get("alasan") ?? undefined, status: params.get("kode") ?? undefined, id: params.get("pesan") ?? undefined });
  return parsed.success ? parsed.data : null;
}

const ReplyForm = z.object({ emailMessageId: z.uuid(), text: z.string().max(10_000).default("") });

export function readReplyForm(form: FormData) {
  return ReplyForm.safeParse(Object.fromEntries(form));
}
