// Reading a form post's body defensively. `request.formData()` throws on a body that is not a
// form (JSON, plain text, a truncated or boundary-less multipart body), which Remix turns into a
// 500 and an error in the log; and it buffers a body of any size. Every action reads its form
// here instead: the wrong content type is a 415, an oversized body a 413, an unparsable one a 400,
// each thrown as a Response, which the root error boundary shows in the visitor's language (and
// handleError does not log: a hostile or broken client is not a server failure).

/** Text forms only: our longest field is 5,000 characters; a staff template a few KiB. */
export const MAX_FORM_BYTES = 256 * 1024;

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/**
 * Reads at most `limit` bytes of the body; null when it is longer (chunked bodies have no length to
 * check first). The rest is left unread, not cancelled: cancelling destroys the connection, and
 * the refusal with it. The server reads and drops what is left once the answer is written
 * (drainBody in app/server/app.ts).
 */
export async function readCappedBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (Number(request.headers.get("content-length") ?? "0") > limit) return null;
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      reader.releaseLock();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(new ArrayBuffer(total));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * A thrown refusal. When an action throws, Remix does not run the root loader (the root is the
 * error boundary); the error page gets the visitor's language and words from entry.server.tsx
 * instead (ErrorBoundary in app/root.tsx), so the refusal itself carries nothing.
 */
export function formRefusal(status: 400 | 413 | 415): Response {
  return new Response(null, { status });
}

/**
 * The same form without NUL characters in its text values. PostgreSQL cannot store U+0000 in a text
 * column (the insert fails, which was a 500); no person types one, so it is dropped, not refused.
 */
export function withoutNul(form: FormData): FormData {
  let dirty = false;
  for (const [, value] of form) if (typeof value === "string" && value.includes("\u0000")) dirty = true;
  if (!dirty) return form;
  const clean = new FormData();
  for (const [name, value] of form) clean.append(name.replaceAll("\u0000", ""), typeof value === "string" ? value.replaceAll("\u0000", "") : value);
  return clean;
}

/** The posted form (NUL characters dropped), or a thrown 415 / 413 / 400 Response (see above). */
export async function readForm(request: Request, { maxBytes = MAX_FORM_BYTES }: { maxBytes?: number } = {}): Promise<FormData> {
  const contentType = request.headers.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(mediaType)) throw formRefusal(415);
  const bytes = await readCappedBody(request, maxBytes);
  if (!bytes) throw formRefusal(413);
  try {
    return withoutNul(await new Response(bytes, { headers: { "Content-Type": contentType } }).formData());
  } catch {
    throw formRefusal(400);
  }
}
