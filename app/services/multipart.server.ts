import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers as composeUploadHandlers,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";
import { formRefusal, readForm, withoutNul } from "./form-body.server";

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
  const mediaType = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (mediaType !== "multipart/form-data") {
    // Anything but the two form encodings (JSON, raw bytes, no type) is not a form: a 400, not a 500.
    if (mediaType !== "application/x-www-form-urlencoded") throw new UnreadableFormError("malformed");
    // The shared form reader (cap, NUL removal); its refusals become this parser's own.
    const form = await readForm(request).catch((refusal: unknown) => {
      throw new UnreadableFormError(refusal instanceof Response && refusal.status === 413 ? "too_large" : "malformed");
    });
    return { form, files: [], tooManyFiles: false };
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
  let form: FormData;
  try {
    form = await parseMultipartFormData(
      request,
      composeUploadHandlers(fileHandler, createMemoryUploadHandler({ maxPartSize: 64 * 1024 })),
    );
  } catch (error) {
    throw new UnreadableFormError(error instanceof MaxPartSizeExceededError ? "too_large" : "malformed");
  }
  return { form: withoutNul(form), files, tooManyFiles };
}

/**
 * The body could not be read as a form: a text field over 64 KiB ("too_large", 413), or a body that
 * is not multipart at all, has no boundary, or is cut short ("malformed", 400). The caller answers
 * with its own message; neither is a server failure.
 */
export class UnreadableFormError extends Error {
  constructor(readonly reason: "too_large" | "malformed") {
    super(`form body ${reason}`);
  }

  get status(): 400 | 413 {
    return this.reason === "too_large" ? 413 : 400;
  }

  /** The i18n key of the message for the person who sent it. */
  get messageKey(): "form.error.tooLarge" | "form.error.invalid" {
    return this.reason === "too_large" ? "form.error.tooLarge" : "form.error.invalid";
  }
}

/**
 * For `.catch()` after parseFormWithFiles where the page has no form-level message to show (staff
 * pages): an unreadable body becomes a thrown 400/413 Response, rendered by the error boundary.
 */
export function refuseUnreadableForm(error: unknown): never {
  if (error instanceof UnreadableFormError) throw formRefusal(error.status);
  throw error;
}
