// A citizen's e-mail reply, as SendGrid Inbound Parse delivers it (issue #15, ADR 039). The signed
// reply address names the complaint; the sender must be the complainant's own address; robots are
// never answered. While the complaint waits on the citizen, the mail is their answer (the same
// CITIZEN_REPLY the tracking page makes: the clock resumes, the unit has it back); in any other
// state it is a message for staff and the citizen is told what happens next. Each mail is handled
// once, by its Message-ID, however often SendGrid delivers it.
import { createHash } from "node:crypto";
import type { Db } from "~/services/db.server";
import { inspectUpload, storeBlob, type StoredAttachment } from "~/services/attachments.server";
import type { InboundParsePost } from "~/services/inbound-parse.server";
import { createLogger } from "~/services/logger.server";
import { localeOrDefault, translate } from "~/services/i18n.server";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { performCitizenAction } from "~/domain/complaints/citizen-tracking.server";
import {
  claimInboundEmail,
  eventOfInboundEmail,
  finishInboundEmail,
  releaseInboundEmail,
  type InboundResult,
} from "~/models/inbound-email.server";
import { autoResponseReason } from "./auto-response";
import { messageIdOf, parseAddress, parseEnvelope, parseHeaderBlock } from "./headers";
import { checkReplyRecipients } from "./reply-address.server";
import { extractReplyText } from "./reply-text";
import { queueInboundAcknowledgement } from "./acknowledgement.server";

export type InboundMailOutcome =
  | { kind: "answered" | "message_added"; inboundEmailId: string; eventId: bigint }
  | { kind: "refused"; inboundEmailId: string; reason: string }
  | { kind: "duplicate"; inboundEmailId: string }
  /** Another delivery of the same mail is being handled now: SendGrid should try again later. */
  | { kind: "retry_later" };

const log = createLogger("inbound-mail");
const MAX_MESSAGE_KEY_LENGTH = 300;
const ADDRESS_IN_TEXT = /[^\s<>,;:"'()[\]]+@[^\s<>,;:"'()[\]]+/g;

export async function receiveInboundMail(db: Db, post: InboundParsePost, { now, storageDir }: { now: Date; storageDir: string }): Promise<InboundMailOutcome> {
  const headers = parseHeaderBlock(post.headers);
  const messageKey = messageKeyOf(messageIdOf(headers), post);
  const claim = await claimInboundEmail(db, messageKey, now);
  if (claim.kind === "in_progress") return { kind: "retry_later" };
  if (claim.kind === "duplicate") return { kind: "duplicate", inboundEmailId: claim.id };

  try {
    const result = await handleClaimedMail(db, claim.id, post, headers, { now, storageDir });
    await finishInboundEmail(db, claim.id, result);
    // Outcome and reason only: never the sender, the recipients or a word of the text (ADR 006).
    log.info("inbound mail", { inboundEmailId: claim.id, outcome: result.outcome, reason: result.refusalReason ?? undefined });
    if (result.outcome === "REFUSED") return { kind: "refused", inboundEmailId: claim.id, reason: result.refusalReason ?? "refused" };
    return { kind: result.outcome === "ANSWERED" ? "answered" : "message_added", inboundEmailId: claim.id, eventId: result.eventId! };
  } catch (error) {
    await releaseInboundEmail(db, claim.id).catch(() => {});
    throw error;
  }
}

async function handleClaimedMail(
  db: Db,
  inboundEmailId: string,
  post: InboundParsePost,
  headers: ReturnType<typeof parseHeaderBlock>,
  { now, storageDir }: { now: Date; storageDir: string },
): Promise<InboundResult> {
  const envelope = parseEnvelope(post.envelope);
  const recipients = [...addressesIn(post.to), ...addressesIn(post.cc), ...(envelope?.to ?? [])];
  const token = checkReplyRecipients(recipients, now);
  if (!token.ok) return { outcome: "REFUSED", refusalReason: token.reason };

  const complaint = await db.complaint.findUnique({
    where: { id: token.complaintId },
    select: { id: true, status: true, locale: true, complainant: { select: { email: true } } },
  });
  if (!complaint) return { outcome: "REFUSED", refusalReason: "unknown_complaint" };
  const refuse = (reason: string): InboundResult => ({ outcome: "REFUSED", complaintId: complaint.id, refusalReason: reason });

  // A request that died after writing the event but before recording it: the event stands.
  const written = await eventOfInboundEmail(db, complaint.id, inboundEmailId);
  if (written) return { outcome: written.type === "CITIZEN_REPLIED" ? "ANSWERED" : "MESSAGE_ADDED", complaintId: complaint.id, eventId: written.id };

  const sender = parseAddress(post.from);
  const robot = autoResponseReason({ headers, subject: post.subject, envelopeFrom: envelope ? envelope.from : sender });
  if (robot) return refuse(`auto_reply:${robot}`);
  const complainantAddress = complaint.complainant?.email?.trim().toLowerCase() ?? null;
  if (!sender || !complainantAddress || sender !== complainantAddress) return refuse("sender_mismatch");

  if (post.oversize) {
    await queueInboundAcknowledgement(db, { complaintId: complaint.id, kind: "oversize", now });
    return refuse("oversize");
  }

  const text = extractReplyText({ text: post.text, html: post.html });
  const screened = post.files.map((file) => inspectUpload(file.bytes, file.fileName));
  const accepted = screened.flatMap((inspection, i) => (inspection.ok ? [{ inspection, bytes: post.files[i]!.bytes }] : []));
  const attachmentsRefused = screened.length - accepted.length + post.extraFiles;
  if (text === "" && accepted.length === 0) return { ...refuse("empty"), attachmentsRefused };

  const attachments: StoredAttachment[] = [];
  for (const { inspection, bytes } of accepted) {
    await storeBlob(storageDir, bytes);
    attachments.push({ sha256: inspection.sha256, sizeBytes: inspection.sizeBytes, mimeType: inspection.mimeType, originalName: inspection.fileName });
  }
  // Staff read where the words came from and what did not come through.
  const payload = { channel: "email", inboundEmailId, ...(attachmentsRefused > 0 ? { attachmentsRefused } : {}) };
  const message = text === "" ? null : text;
  const counts = { attachmentsKept: attachments.length, attachmentsRefused };

  if (complaint.status === "AWAITING_CITIZEN") {
    // An answer of attachments alone still answers; the timeline says so in the complaint's language.
    const answer = message ?? translate(localeOrDefault(complaint.locale), "email.inbound.attachmentsOnly");
    const answered = await performCitizenAction(db, complaint.id, { intent: "reply", message: answer }, { now, attachments, payload });
    if (answered.ok) return { outcome: "ANSWERED", complaintId: complaint.id, eventId: answered.eventId, ...counts };
    // The question was answered or closed a moment ago: the mail is still worth keeping for staff.
  }
  const added = await applyTransition(db, { complaintId: complaint.id, action: "CITIZEN_MESSAGE", actor: "CITIZEN", message, attachments, payload, now });
  if (!added.ok) return { ...refuse("not_accepted"), ...counts };
  await queueInboundAcknowledgement(db, { complaintId: complaint.id, kind: "message", now });
  return { outcome: "MESSAGE_ADDED", complaintId: complaint.id, eventId: added.eventId, ...counts };
}

/** The Message-ID, or (none, or too long to be one) a digest of what identifies this mail. */
function messageKeyOf(messageId: string | null, post: InboundParsePost): string {
  if (messageId && messageId.length <= MAX_MESSAGE_KEY_LENGTH) return messageId;
  const digest = createHash("sha256");
  for (const part of [messageId ?? "", post.headers, post.from, post.to, post.subject, post.text, post.html]) digest.update(part).update("\u0000");
  return `sha256:${digest.digest("hex")}`;
}

function addressesIn(field: string): string[] {
  return [...field.matchAll(ADDRESS_IN_TEXT)].map((match) => match[0].toLowerCase());
}
