// The record of each mail SendGrid Inbound Parse delivered (ADR 039), one row per Message-ID.
// A request claims the row first (RECEIVED), does the work, then writes what came of it; a
// retry of the same mail finds the row and adds nothing.
import type { InboundEmailOutcome } from "~/generated/prisma/client";
import type { Db } from "~/services/db.server";

/** A claim older than this is taken to be a request that died half-way; a retry may take it over. */
export const INBOUND_CLAIM_STALE_MS = 10 * 60_000;

export type InboundClaim =
  | { kind: "claimed"; id: string }
  /** Already handled: nothing more to do. */
  | { kind: "duplicate"; id: string; outcome: InboundEmailOutcome }
  /** Another request is handling it right now: SendGrid should try again later. */
  | { kind: "in_progress" };

export async function claimInboundEmail(db: Db, messageKey: string, now: Date): Promise<InboundClaim> {
  const inserted = await db.inboundEmail.createManyAndReturn({
    data: [{ messageKey, receivedAt: now, outcome: "RECEIVED" }],
    skipDuplicates: true,
    select: { id: true },
  });
  if (inserted[0]) return { kind: "claimed", id: inserted[0].id };
  const existing = await db.inboundEmail.findUnique({ where: { messageKey }, select: { id: true, outcome: true, receivedAt: true } });
  if (!existing) return { kind: "in_progress" }; // released between the two statements: let the retry decide
  if (existing.outcome !== "RECEIVED") return { kind: "duplicate", id: existing.id, outcome: existing.outcome };
  // Take over a claim whose request died; only one taker wins the update.
  const taken = await db.inboundEmail.updateMany({
    where: { id: existing.id, outcome: "RECEIVED", receivedAt: { lt: new Date(now.getTime() - INBOUND_CLAIM_STALE_MS) } },
    data: { receivedAt: now },
  });
  return taken.count === 1 ? { kind: "claimed", id: existing.id } : { kind: "in_progress" };
}

export interface InboundResult {
  outcome: Exclude<InboundEmailOutcome, "RECEIVED">;
  complaintId?: string | null;
  refusalReason?: string | null;
  eventId?: bigint | null;
  attachmentsKept?: number;
  attachmentsRefused?: number;
}

export async function finishInboundEmail(db: Db, id: string, result: InboundResult): Promise<void> {
  await db.inboundEmail.update({
    where: { id },
    data: {
      outcome: result.outcome,
      complaintId: result.complaintId ?? null,
      refusalReason: result.refusalReason ?? null,
      eventId: result.eventId ?? null,
      attachmentsKept: result.attachmentsKept ?? 0,
      attachmentsRefused: result.attachmentsRefused ?? 0,
    },
  });
}

/** Gives the claim up after a failure, so SendGrid's retry does the work again. */
export async function releaseInboundEmail(db: Db, id: string): Promise<void> {
  await db.inboundEmail.deleteMany({ where: { id, outcome: "RECEIVED" } });
}

/** The event a taken-over claim's first request already wrote, if it got that far. */
export async function eventOfInboundEmail(db: Db, complaintId: string, inboundEmailId: string): Promise<{ id: bigint; type: string } | null> {
  return db.complaintEvent.findFirst({
    where: { complaintId, payload: { path: ["inboundEmailId"], equals: inboundEmailId } },
    select: { id: true, type: true },
  });
}

/** Refused mails of one complaint, newest first, for the staff page: reasons only, never the text. */
export async function listRefusedInboundEmails(db: Db, complaintId: string, limit = 10): Promise<{ receivedAt: Date; refusalReason: string | null }[]> {
  return db.inboundEmail.findMany({
    where: { complaintId, outcome: "REFUSED" },
    orderBy: { receivedAt: "desc" },
    take: limit,
    select: { receivedAt: true, refusalReason: true },
  });
}
