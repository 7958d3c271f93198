// Applying one verified Event Webhook batch (issue #15): each event is matched to the message we
// sent, by our id first (`customArgs.email_message_id`), else by SendGrid's id (the X-Message-Id we
// stored is a dotted prefix of the event's `sg_message_id`); the message keeps the strongest outcome
// (events.ts); and an address reported unreachable is marked on the complainants who gave it
// (undeliverable.server.ts). One transaction per batch.
//
// Idempotent and order-free: a message's outcome only moves up (or to a later event of the same
// strength), so a batch posted again, or a `delivered` that arrives after the bounce, changes
// nothing; a complainant is marked once, and not again for mail written before they changed the
// address. Events of messages we do not know (another system on the same SendGrid account, a row
// since removed) are counted and dropped.
import { Prisma } from "~/generated/prisma/client";
import { qualifiedTable, schemaNameOf, type Db } from "~/services/db.server";
import { DELIVERY_RANK, deliveryOutcome, outranks, providerIdCandidates, type DeliveryEvent, type DeliveryOutcome, type DeliveryStatus } from "./events";
import { markAddressesUndeliverable, type UndeliverableReport } from "./undeliverable.server";

export interface AppliedBatch {
  /** Events with the fields we need (the rest were skipped as malformed before this). */
  events: number;
  /** Events of a kind we keep (delivered, deferred, bounce, dropped, spamreport, unsubscribe). */
  kept: number;
  /** Kept events that named no message of ours. */
  unmatched: number;
  /** Messages whose outcome changed. */
  updated: number;
  /** Complainant rows newly marked undeliverable. */
  marked: number;
  /** Open complaints whose timeline now says so. */
  complaintsTold: number;
}

interface MatchedMessage {
  id: string;
  providerMessageId: string | null;
  toAddress: string;
  createdAt: Date;
}

/** How many provider-id candidates one batch may look up (a batch is at most ~768 KB, a few thousand events). */
const MAX_CANDIDATES = 50_000;

export async function applyDeliveryEvents(db: Db, events: readonly DeliveryEvent[], now: Date): Promise<AppliedBatch> {
  const kept = events.flatMap((event) => {
    const outcome = deliveryOutcome(event);
    return outcome ? [{ event, outcome }] : [];
  });
  const result: AppliedBatch = { events: events.length, kept: kept.length, unmatched: 0, updated: 0, marked: 0, complaintsTold: 0 };
  if (kept.length === 0) return result;

  return db.$transaction(
    async (tx) => {
      const messages = await findMessages(tx, kept.map((k) => k.event));
      const byId = new Map(messages.map((m) => [m.id, m]));
      const byProviderId = new Map(messages.filter((m) => m.providerMessageId).map((m) => [m.providerMessageId!, m]));
      const messageOf = (event: DeliveryEvent): MatchedMessage | undefined => {
        const ours = event.emailMessageId ? byId.get(event.emailMessageId) : undefined;
        if (ours) return ours;
        if (!event.sgMessageId) return undefined;
        for (const candidate of providerIdCandidates(event.sgMessageId)) {
          const found = byProviderId.get(candidate);
          if (found) return found;
        }
        return undefined;
      };

      // The strongest outcome per message in this batch; then one UPDATE that applies it only where
      // it outranks what the row already holds (checked by the database, row by row, so two
      // batches for the same message at once cannot step it back).
      const best = new Map<string, { status: DeliveryStatus; at: Date; reason: string }>();
      const reports: UndeliverableReport[] = [];
      for (const { event, outcome } of kept) {
        const message = messageOf(event);
        if (!message) {
          result.unmatched += 1;
          continue;
        }
        const at = new Date(event.timestamp * 1000);
        const current = best.get(message.id);
        if (!current || outranks({ status: outcome.status, at }, current)) best.set(message.id, { status: outcome.status, at, reason: outcome.reason });
        if (outcome.undeliverable && sameAddress(event, message)) reports.push(reportOf(message, outcome));
      }
      result.updated = await recordOutcomes(db, tx, best);
      const marked = await markAddressesUndeliverable(db, tx, reports, now);
      result.marked = marked.complainants;
      result.complaintsTold = marked.complaints;
      return result;
    },
    { timeout: 30_000 },
  );
}

/** The address SendGrid names is the one we sent to; a mismatch (never expected) marks nobody. */
function sameAddress(event: DeliveryEvent, message: MatchedMessage): boolean {
  return event.email === null || event.email.trim().toLowerCase() === message.toAddress.trim().toLowerCase();
}

function reportOf(message: MatchedMessage, outcome: DeliveryOutcome): UndeliverableReport {
  return { address: message.toAddress.trim().toLowerCase(), reason: outcome.status, writtenAt: message.createdAt };
}

async function findMessages(tx: Prisma.TransactionClient, events: readonly DeliveryEvent[]): Promise<MatchedMessage[]> {
  const ids = [...new Set(events.map((e) => e.emailMessageId).filter((id): id is string => id !== null))];
  const candidates = [...new Set(events.flatMap((e) => (e.sgMessageId && !e.emailMessageId ? providerIdCandidates(e.sgMessageId) : [])))].slice(0, MAX_CANDIDATES);
  // An event with our id whose row is gone still tries SendGrid's id.
  const select = { id: true, providerMessageId: true, toAddress: true, createdAt: true } as const;
  const found = ids.length > 0 ? await tx.emailMessage.findMany({ where: { id: { in: ids } }, select }) : [];
  const missing = new Set(ids.filter((id) => !found.some((m) => m.id === id)));
  const fallback = [
    ...candidates,
    ...events.flatMap((e) => (e.emailMessageId && missing.has(e.emailMessageId) && e.sgMessageId ? providerIdCandidates(e.sgMessageId) : [])),
  ];
  if (fallback.length > 0) found.push(...(await tx.emailMessage.findMany({ where: { providerMessageId: { in: [...new Set(fallback)] } }, select })));
  return found;
}

async function recordOutcomes(db: Db, tx: Prisma.TransactionClient, best: Map<string, { status: DeliveryStatus; at: Date; reason: string }>): Promise<number> {
  if (best.size === 0) return 0;
  const rows = [...best.entries()];
  const statusType = Prisma.raw(`"${schemaNameOf(db)}"."EmailDeliveryStatus"`);
  // Our own constants, written into the statement: parameters would leave CASE without a type.
  const rankOf = Prisma.raw(Object.entries(DELIVERY_RANK).map(([status, rank]) => `WHEN '${status}' THEN ${Number(rank)}`).join(" "));
  return tx.$executeRaw`
    UPDATE ${qualifiedTable(db, "email_message")} AS m
    SET delivery_status = v.status::${statusType}, delivery_updated_at = v.at, delivery_reason = v.reason
    FROM unnest(${rows.map(([id]) => id)}::uuid[], ${rows.map(([, b]) => b.status)}::text[], ${rows.map(([, b]) => b.at)}::timestamptz[],
      ${rows.map(([, b]) => b.reason)}::text[], ${rows.map(([, b]) => DELIVERY_RANK[b.status])}::int[]) AS v(id, status, at, reason, rank)
    WHERE m.id = v.id
      AND (m.delivery_status IS NULL
        OR (v.rank, v.at) > ((CASE m.delivery_status::text ${rankOf} ELSE 0 END), COALESCE(m.delivery_updated_at, '-infinity'::timestamptz)))`;
}
