import type { StoredAttachment } from "~/services/attachments.server";
import { inspectUpload, storeBlob } from "./attachments.server";
import type { ReceivedFile } from "./multipart.server";

export interface ScreenedUploads {
  accepted: { bytes: Uint8Array; attachment: StoredAttachment }[];
  /** i18n key of the first problem, shown beside the attachments field. */
  error?: string;
}

/** Checks every received file (size, type from the bytes, unsafe content) without storing any. */
export function screenUploads(files: ReceivedFile[], tooManyFiles: boolean): ScreenedUploads {
  const screened: ScreenedUploads = tooManyFiles ? { accepted: [], error: "form.error.tooManyFiles" } : { accepted: [] };
  for (const file of files) {
    const inspection = file.oversize ? ({ ok: false, reason: "too_large" } as const) : inspectUpload(file.bytes, file.fileName);
    if (!inspection.ok) {
      screened.error ??= `form.error.attachment.${inspection.reason}`;
      continue;
    }
    screened.accepted.push({
      bytes: file.bytes,
      attachment: { sha256: inspection.sha256, sizeBytes: inspection.sizeBytes, mimeType: inspection.mimeType, originalName: inspection.fileName },
    });
  }
  return screened;
}

/** Writes the accepted files to content-addressed storage; call once the whole form is valid. */
export async function persistUploads(storageDir: string, accepted: ScreenedUploads["accepted"]): Promise<StoredAttachment[]> {
  for (const file of accepted) await storeBlob(storageDir, file.bytes);
  return accepted.map((file) => file.attachment);
}
