// Supporting a published report without an account, the supporter's optional e-mail, and the
// status mails those supporters get (#14, ADR 038).
//
// What is stored for a support: a keyed HMAC of the browser's cookie id (the id itself stays in the
// browser; an IP address is never stored, it only feeds the per-network rate limit in Redis as a
// keyed hash). What is stored for a subscription: the address, its locale and the SHA-256 of its
// unsubscribe token. The token is itself a keyed HMAC of (complaint, address): the mail can carry
// it without the database ever holding it.
import { createHash } from "node:crypto";
import { createNotices, type Notice } from "~/models/email.server";
import {
  deleteEndedSubscriptions,
  deleteSubscriptionByTokenHash,
  findSubscriptionByTokenHash,
  findSupportTarget,
  insertSubscription,
  insertSupport,
  listSubscribers,
} from "~/models/support.server";
import type { Db } from "~/services/db.server";
import type { DbClient } from "~/services/db-types.server";
import { localeOrDefault, translate, type MessageKey } from "~/services/i18n.server";
import { keyedHash } from "~/services/secrets.server";
import { normalizeTrackingCode } from "~/domain/complaints/tracking-code";
import type { ComplaintStatus } from "~/domain/complaints/workflow";
import { ENDED_STATUSES, isSupportable, notifiesSupporters, SUBSCRIPTION_DAYS_AFTER_END, type SupportOutcome } from "./support";

/** The only thing a support stores about who gave it. */
export const supporterKeyOf = (browserId: string) => keyedHash("supporter", browserId).toString("base64url");

export const unsubscribeTokenOf = (complaintId: string, email: string) => keyedHash("support-unsubscribe", `${complaintId}|${email}`).toString("base64url");
const tokenHashOf = (token: string) => createHash("sha256").update(token).digest("hex");

export const publicReportPath = (trackingCode: string) => `/laporan-warga/${trackingCode}`;
export const unsubscribePath = (token: string) => `/berhenti-langganan/${token}`;

export type SupportResult =
  | { kind: "not_found" }
  | { kind: "done"; trackingCode: string; outcome: SupportOutcome; added: boolean; count: number };

/**
 * One support of the report `code` by `browserId`, and the address if one was given. The caller has
 * checked the network's limit; a support that was not added (the same browser again) costs nothing.
 */
export async function supportReport(
  db: Db,
  { code, browserId, email, locale, now, publicBaseUrl }: { code: string; browserId: string; email: string | null; locale: string; now: Date; publicBaseUrl: string },
): Promise<SupportResult> {
  const trackingCode = normalizeTrackingCode(code);
  const target = trackingCode ? await findSupportTarget(db, trackingCode) : null;
  // Unpublished and RAHASIA reports answer exactly like unknown codes: nothing says they exist.
  if (!target || target.visibility === "RAHASIA" || target.verifiedAt === null) return { kind: "not_found" };
  if (!isSupportable(target)) return { kind: "done", trackingCode: target.trackingCode, outcome: "closed", added: false, count: target.supportCount };
  const { added, count } = await insertSupport(db, { complaintId: target.id, supporterKey: supporterKeyOf(browserId), now });
  let subscribed = false;
  if (email) {
    const token = unsubscribeTokenOf(target.id, email);
    const created = (await insertSubscription(db, { complaintId: target.id, email, tokenHash: tokenHashOf(token), locale, now })).created;
    if (created) {
      await createNotices(db, db, [subscriptionNotice({ complaintId: target.id, trackingCode: target.trackingCode, email, locale: localeOrDefault(locale), token, publicBaseUrl })]);
    }
    subscribed = true;
  }
  const outcome: SupportOutcome = subscribed ? "subscribed" : added ? "added" : "already";
  return { kind: "done", trackingCode: target.trackingCode, outcome, added, count };
}

function subscriptionNotice({
  complaintId,
  trackingCode,
  email,
  locale,
  token,
  publicBaseUrl,
}: {
  complaintId: string;
  trackingCode: string;
  email: string;
  locale: "id" | "en";
  token: string;
  publicBaseUrl: string;
}): Notice {
  const vars = { code: trackingCode, link: `${publicBaseUrl}${publicReportPath(trackingCode)}`, unsubscribe: `${publicBaseUrl}${unsubscribePath(token)}` };
  return {
    dedupeKey: `support-subscribed-${complaintId}-${tokenHashOf(token).slice(0, 32)}`,
    complaintId,
    template: "support.subscribed",
    locale,
    to: email,
    subject: translate(locale, "email.support.subscribed.subject", vars),
    bodyText: translate(locale, "email.support.subscribed.body", vars),
  };
}

export type UnsubscribeLookup = { kind: "found"; trackingCode: string } | { kind: "not_found" };

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export async function findSubscription(db: DbClient, token: string): Promise<UnsubscribeLookup> {
  if (!TOKEN.test(token)) return { kind: "not_found" };
  const row = await findSubscriptionByTokenHash(db, tokenHashOf(token));
  return row ? { kind: "found", trackingCode: row.trackingCode } : { kind: "not_found" };
}

/** Deletes the subscription (the address with it). Unknown and already used tokens answer the same. */
export async function unsubscribe(db: DbClient, token: string): Promise<void> {
  if (TOKEN.test(token)) await deleteSubscriptionByTokenHash(db, tokenHashOf(token));
}

/**
 * Inside a transition's transaction: a mail to every subscribed supporter when the report's status
 * changes in public. The mail carries the code, the new status and the unit's name (all on the
 * public report page) and links; never text anyone typed, so nothing of it needs the publication
 * rule's redaction, and the rule's gate (isPublishable) decides whether it is sent at all.
 */
export async function queueSupporterNotices(
  db: Db,
  tx: DbClient,
  {
    complaintId,
    eventId,
    from,
    to,
    publicEvent,
    publicBaseUrl,
  }: { complaintId: string; eventId: bigint; from: ComplaintStatus; to: ComplaintStatus; publicEvent: boolean; publicBaseUrl: string },
): Promise<number> {
  const complaint = await tx.complaint.findUniqueOrThrow({
    where: { id: complaintId },
    select: { trackingCode: true, visibility: true, verifiedAt: true, supportCount: true, unit: { select: { name: true } } },
  });
  if (complaint.supportCount === 0 || !notifiesSupporters({ from, to, publicEvent, verifiedAt: complaint.verifiedAt, visibility: complaint.visibility })) return 0;
  const subscribers = await listSubscribers(tx, complaintId);
  const notices = subscribers.map((subscriber): Notice => {
    const locale = localeOrDefault(subscriber.locale);
    const token = unsubscribeTokenOf(complaintId, subscriber.email);
    const vars = {
      code: complaint.trackingCode,
      status: translate(locale, `status.${to}` as MessageKey),
      unit: complaint.unit?.name ?? translate(locale, "email.citizen.noUnit"),
      link: `${publicBaseUrl}${publicReportPath(complaint.trackingCode)}`,
      unsubscribe: `${publicBaseUrl}${unsubscribePath(token)}`,
    };
    return {
      // One mail per supporter and event: a retried transaction never mails twice.
      dedupeKey: `supporter-${complaintId}-${eventId}-${tokenHashOf(token).slice(0, 32)}`,
      complaintId,
      template: "support.status",
      locale,
      to: subscriber.email,
      subject: translate(locale, "email.support.status.subject", vars),
      bodyText: translate(locale, "email.support.status.body", vars),
    };
  });
  return (await createNotices(db, tx, notices)).created;
}

/** Deletes subscriptions of reports that ended more than SUBSCRIPTION_DAYS_AFTER_END days ago. */
export async function purgeEndedSubscriptions(db: Db, now: Date): Promise<number> {
  return deleteEndedSubscriptions(db, { endedStatuses: ENDED_STATUSES, endedBefore: new Date(now.getTime() - SUBSCRIPTION_DAYS_AFTER_END * 86_400_000) });
}
