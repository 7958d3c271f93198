import {
  unstable_composeUploadHandlers as composeUploadHandlers,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";

export interface ReceivedFile {
  field: string;
  fileName: string;
  bytes: Uint8Array;
  /** More bytes arrived than the limit; `bytes` holds only the first limit + 1. */
  oversize: boolean;
}

/**
 * Parses a multipart form without ever throwing on a large file: an oversize file is recorded as
 * such and the rest of the form still parses, so the citizen gets a message and keeps what they typed.
 */
export async function parseFormWithFiles(
  request: Request,
  { maxFileBytes, maxFiles }: { maxFileBytes: number; maxFiles: number },
): Promise<{ form: FormData; files: ReceivedFile[]; tooManyFiles: boolean }> {
  const files: ReceivedFile[] = [];
  let tooManyFiles = false;
  const fileHandler = async ({ name, filename, data }: { name: string; filename?: string; data: AsyncIterable<Uint8Array> }) => {
    if (filename === undefined) return undefined;
    const chunks: Uint8Array[] = [];
    let size = 0;
    let oversize = false;
    for await (const chunk of data) {
      if (oversize) continue; // drain the rest without keeping it
      size += chunk.byteLength;
      if (size > maxFileBytes) {
        oversize = true;
        chunks.push(chunk.subarray(0, Math.max(0, chunk.byteLength - (size - maxFileBytes - 1))));
        continue;
      }
      chunks.push(chunk);
    }
    if (filename === "" && size === 0) return ""; // an empty file input: nothing chosen
    if (files.length >= maxFiles) {
      tooManyFiles = true;
      return "";
    }
    files.push({ field: name, fileName: filename, bytes: Buffer.concat(chunks), oversize });
    return "";
  };
  const form = await parseMultipartFormData(
    request,
    composeUploadHandlers(fileHandler, createMemoryUploadHandler({ maxPartSize: 64 * 1024 })),
  );
  return { form, files, tooManyFiles };
}
