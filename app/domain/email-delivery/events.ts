// What SendGrid's Event Webhook tells us about a message we sent (issue #15), read without trusting
// its shape: each event of a batch is checked on its own, one malformed event is skipped and the
// rest still count (SendGrid retries a whole batch that is not answered with a 2xx, so refusing a
// batch for one odd event would only bring it back). Pure: no database, no clock.
//
// What is kept of an event is ours: a status, the event's time and a short reason code made from
// SendGrid's fixed vocabularies (event type, SMTP status, bounce classification, drop reason).
// SendGrid's free-text `reason`/`response` can quote the address or the receiving server's words
// about the person, so it is never stored or logged (ADR 006).
import { z } from "zod";
import type { EmailDeliveryStatus } from "~/generated/prisma/client";

export type DeliveryStatus = EmailDeliveryStatus;

/**
 * The order of strength: a message keeps the strongest outcome it was reported with, whatever order
 * the events arrive in (SendGrid does not promise any). A `delivered` that arrives after a bounce
 * does not undo it; a spam report or unsubscribe (which follow a delivery) outrank the delivery.
 */
export const DELIVERY_RANK: Record<DeliveryStatus, number> = {
  DEFERRED: 1,
  DELIVERED: 2,
  BLOCKED: 3,
  BOUNCED: 4,
  DROPPED: 5,
  UNSUBSCRIBED: 6,
  SPAM_REPORT: 7,
};

/** One event as far as we read it; everything else SendGrid sends (ip, useragent, url, category …) is dropped. */
export interface DeliveryEvent {
  event: string;
  /** Seconds since the epoch, as SendGrid sends it. */
  timestamp: number;
  email: string | null;
  /** Our EmailMessage id, echoed from the `customArgs` we sent (a top-level key of the event). */
  emailMessageId: string | null;
  /** `<x-message-id>.<filter suffix>`: the X-Message-Id we stored is a dotted prefix of it. */
  sgMessageId: string | null;
  sgEventId: string | null;
  /** Bounces: "bounce" (hard) or "blocked" (soft). */
  type: string | null;
  /** Dropped: SendGrid's short reason ("Bounced Address", "Invalid", …). Kept only to be mapped to a code. */
  dropReason: string | null;
  /** The enhanced SMTP status ("5.1.1"), when it has that shape. */
  smtpStatus: string | null;
  bounceClassification: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SMTP_STATUS = /^[245]\.\d{1,3}\.\d{1,3}$/;

/** A short string field; anything else (a number, an object, a megabyte) reads as absent. */
const shortText = (max: number) =>
  z
    .unknown()
    // Optional first: a missing key is absent, not an error (zod 4 makes a transformed unknown required).
    .optional()
    .transform((value) => (typeof value === "string" && value.length > 0 && value.length <= max && !value.includes("\u0000") ? value : null));

const EventSchema = z.object({
  event: z.string().min(1).max(64),
  // SendGrid sends whole seconds; a numeric string is read too. Anything else: the event is skipped.
  timestamp: z.union([z.number(), z.string().regex(/^\d{1,12}$/).transform(Number)]).pipe(z.number().int().positive().max(253_402_300_799)),
  email: shortText(320),
  email_message_id: shortText(64).transform((value) => (value && UUID.test(value) ? value.toLowerCase() : null)),
  sg_message_id: shortText(256),
  sg_event_id: shortText(256),
  type: shortText(32),
  reason: shortText(2_000),
  status: shortText(16).transform((value) => (value && SMTP_STATUS.test(value) ? value : null)),
  bounce_classification: shortText(64),
});

/** The events of a parsed batch that have the fields we need; `skipped` counts the rest. */
export function readDeliveryEvents(batch: unknown): { events: DeliveryEvent[]; skipped: number } | null {
  // SendGrid always posts an array; a lone object is not what it sends.
  if (!Array.isArray(batch)) return null;
  const events: DeliveryEvent[] = [];
  let skipped = 0;
  for (const item of batch) {
    const parsed = EventSchema.safeParse(item);
    if (!parsed.success) {
      skipped += 1;
      continue;
    }
    const e = parsed.data;
    events.push({
      event: e.event,
      timestamp: e.timestamp,
      email: e.email,
      emailMessageId: e.email_message_id,
      sgMessageId: e.sg_message_id,
      sgEventId: e.sg_event_id,
      type: e.type,
      dropReason: e.event === "dropped" ? e.reason : null,
      smtpStatus: e.status,
      bounceClassification: e.bounce_classification,
    });
  }
  return { events, skipped };
}

/** What an event means for its message and its address; null for events we do not keep (processed, open, click …). */
export interface DeliveryOutcome {
  status: DeliveryStatus;
  /** Our code, e.g. "bounce 5.1.1 invalid-address", "dropped bounced-address", "spamreport". */
  reason: string;
  /** The address cannot (or must not) be mailed again: a hard bounce, a drop for the address, a spam report, an unsubscribe. */
  undeliverable: boolean;
}

/** SendGrid's drop reasons that are about the address, not the message. */
const ADDRESS_DROPS: Record<string, string> = {
  "bounced address": "bounced-address",
  invalid: "invalid-address",
  "unsubscribed address": "unsubscribed-address",
  "spam reporting address": "spam-reporting-address",
};

/** SendGrid's bounce classifications (a fixed list), as slugs. */
const BOUNCE_CLASSES = new Set(["invalid address", "technical", "content", "reputation", "frequency or volume", "mailbox unavailable", "unclassified"]);

const slug = (text: string) => text.trim().toLowerCase().replace(/\s+/g, "-");

export function deliveryOutcome(event: DeliveryEvent): DeliveryOutcome | null {
  const code = (...parts: (string | null)[]) => parts.filter((part): part is string => Boolean(part)).join(" ");
  const classification = event.bounceClassification && BOUNCE_CLASSES.has(event.bounceClassification.trim().toLowerCase()) ? slug(event.bounceClassification) : null;
  switch (event.event) {
    case "delivered":
      return { status: "DELIVERED", reason: "delivered", undeliverable: false };
    case "deferred":
      return { status: "DEFERRED", reason: code("deferred", event.smtpStatus), undeliverable: false };
    case "bounce":
      // "blocked" is a soft bounce (the receiving server refused this message, for now); every
      // other bounce, including SendGrid's older events without a type, is a hard one.
      if (event.type?.toLowerCase() === "blocked") return { status: "BLOCKED", reason: code("blocked", event.smtpStatus, classification), undeliverable: false };
      return { status: "BOUNCED", reason: code("bounce", event.smtpStatus, classification), undeliverable: true };
    case "dropped": {
      const byAddress = event.dropReason ? ADDRESS_DROPS[event.dropReason.trim().toLowerCase()] : undefined;
      // Dropped for the message (spam content, a bad header): the address itself may be fine.
      return { status: "DROPPED", reason: code("dropped", byAddress ?? "other"), undeliverable: byAddress !== undefined };
    }
    case "spamreport":
      return { status: "SPAM_REPORT", reason: "spamreport", undeliverable: true };
    case "unsubscribe":
      return { status: "UNSUBSCRIBED", reason: "unsubscribe", undeliverable: true };
    default:
      return null;
  }
}

/** Whether `next` replaces `current`: stronger, or as strong and later. Re-applying the same event changes nothing. */
export function outranks(next: { status: DeliveryStatus; at: Date }, current: { status: DeliveryStatus | null; at: Date | null }): boolean {
  if (current.status === null) return true;
  const byRank = DELIVERY_RANK[next.status] - DELIVERY_RANK[current.status];
  if (byRank !== 0) return byRank > 0;
  return current.at === null || next.at.getTime() > current.at.getTime();
}

/**
 * The X-Message-Id candidates in an `sg_message_id`: every dotted prefix, longest first. SendGrid
 * appends `.filter…` (and more) to the id it returned when the message was accepted; older ids hold
 * dots themselves, so the whole prefix chain is looked up rather than the first segment alone.
 */
export function providerIdCandidates(sgMessageId: string, maxParts = 12): string[] {
  const parts = sgMessageId.split(".").slice(0, maxParts);
  const candidates: string[] = [];
  for (let n = parts.length; n >= 1; n -= 1) {
    const candidate = parts.slice(0, n).join(".");
    if (candidate !== "") candidates.push(candidate);
  }
  return candidates;
}
