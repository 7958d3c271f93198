import type { StoredAttachment } from "~/services/attachments.server";
import type { DbClient } from "~/services/db-types.server";

/** Records files already in content-addressed storage as attachments of one timeline event. */
export async function attachToEvent(
  db: DbClient,
  { complaintId, eventId, uploadedBy, attachments }: { complaintId: string; eventId: bigint; uploadedBy: "CITIZEN" | "STAFF"; attachments: StoredAttachment[] },
): Promise<void> {
  for (const attachment of attachments) {
    await db.attachmentBlob.upsert({
      where: { sha256: attachment.sha256 },
      create: { sha256: attachment.sha256, sizeBytes: attachment.sizeBytes, mimeType: attachment.mimeType },
      update: {},
    });
    await db.attachment.create({
      data: { complaintId, eventId, sha256: attachment.sha256, originalName: attachment.originalName, uploadedBy },
    });
  }
}
