// Who may open a complaint's attachment, and what is sent. Files live in content-addressed storage
// (app/services/attachments.server.ts); rows say which complaint and timeline event they belong to.
//   - Staff: whoever may read the complaint (canAccessComplaint, the same rule as its detail page).
//     Every download is audited: a citizen's evidence can show who they are (a KTP photo, a letter).
//   - Citizens: the holder of the complaint's tracking access, and only files on PUBLIC timeline
//     events; an internal note's attachment does not exist for them.
import { readFile } from "node:fs/promises";
import { canAccessComplaint, unitTreeFrom, type UserLike } from "~/domain/auth/permissions";
import { hasAccess } from "./tracking-access.server";
import { isUuid, loadUnits } from "~/models/inbox.server";
import { readBlobPath } from "~/services/attachments.server";
import type { Db } from "~/services/db.server";

export interface AttachmentFile {
  bytes: Uint8Array<ArrayBuffer>;
  mimeType: string;
  originalName: string;
}

export type AttachmentDownload = { ok: true; file: AttachmentFile } | { ok: false; status: 403 | 404 };

const NOT_FOUND = { ok: false, status: 404 } as const;

async function findAttachment(db: Db, attachmentId: string) {
  if (!isUuid(attachmentId)) return null;
  return db.attachment.findUnique({
    where: { id: attachmentId },
    select: {
      id: true,
      sha256: true,
      originalName: true,
      complaintId: true,
      complaint: { select: { unitId: true, trackingCode: true } },
      event: { select: { visibility: true } },
      blob: { select: { mimeType: true } },
    },
  });
}

async function readStored(storageDir: string, row: { sha256: string; originalName: string; blob: { mimeType: string } }): Promise<AttachmentDownload> {
  try {
    const bytes = new Uint8Array(await readFile(readBlobPath(storageDir, row.sha256)));
    return { ok: true, file: { bytes, mimeType: row.blob.mimeType, originalName: row.originalName } };
  } catch (error) {
    // A row whose file is gone (storage restored from an older backup): answered as missing.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return NOT_FOUND;
    throw error;
  }
}

export async function openAttachmentForStaff(
  db: Db,
  { user, attachmentId, storageDir }: { user: UserLike & { id: string }; attachmentId: string; storageDir: string },
): Promise<AttachmentDownload> {
  const row = await findAttachment(db, attachmentId);
  if (!row) return NOT_FOUND;
  const tree = unitTreeFrom(await loadUnits(db));
  if (!canAccessComplaint(user, { unitId: row.complaint.unitId }, tree, "read")) return { ok: false, status: 403 };
  const download = await readStored(storageDir, row);
  if (download.ok) {
    await db.auditLog.create({
      data: { actorUserId: user.id, action: "attachment.downloaded", entity: "attachment", entityId: row.id, data: { complaintId: row.complaintId } },
    });
  }
  return download;
}

export async function openAttachmentForCitizen(
  db: Db,
  { trackingCode, attachmentId, cookieHeader, now, storageDir }: { trackingCode: string; attachmentId: string; cookieHeader: string | null; now: Date; storageDir: string },
): Promise<AttachmentDownload> {
  const row = await findAttachment(db, attachmentId);
  // One answer for every refusal: whether an id exists is not the visitor's business.
  if (!row || row.complaint.trackingCode !== trackingCode || row.event?.visibility !== "PUBLIC") return NOT_FOUND;
  if (!hasAccess(cookieHeader, row.complaintId, now)) return NOT_FOUND;
  return readStored(storageDir, row);
}

/**
 * Content-Disposition for a name the citizen or clerk chose: an ASCII fallback and the exact name
 * in RFC 5987 form. Always "attachment": nothing uploaded is rendered inside our origin.
 */
export function contentDisposition(originalName: string): string {
  const fallback = originalName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_") || "lampiran";
  // RFC 5987 attr-chars: encodeURIComponent leaves ' ( ) * as they are, which the grammar does not allow.
  const exact = encodeURIComponent(originalName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

export function attachmentResponse(file: AttachmentFile): Response {
  return new Response(file.bytes, {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.bytes.byteLength),
      "Content-Disposition": contentDisposition(file.originalName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      // Opened directly anyway: no script, no form, no plugin may run in it.
      "Content-Security-Policy": "sandbox; default-src 'none'",
    },
  });
}
