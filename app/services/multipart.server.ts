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
 * A form sent without files (`application/x-www-form-urlencoded`, e.g. the citizen's confirm, rate,
 * reject, appeal and withdraw forms) is parsed as such: Remix's multipart parser throws on it.
 */
export async function parseFormWithFiles(
  request: Request,
  { maxFileBytes, maxFiles }: { maxFileBytes: number; maxFiles: number },
): Promise<{ form: FormData; files: ReceivedFile[]; tooManyFiles: boolean }> {
  if (!(request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    return { form: await request.formData(), files: [], tooManyFiles: false };
  }
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
