// A multipart/form-data reader over a body already in memory (RFC 7578), for the Inbound Parse
// webhook. Remix's streaming parser splits Content-Disposition on every ";" and "=", so a part
// named `filename="laporan;1 a=b.jpg"` (or an RFC 2047 `=?UTF-8?B?…?=` name, common in mail) makes
// the whole body "malformed": a mail SendGrid would then retry for days and never deliver. Here
// the parameters are read as RFC 7578 writes them (quoted strings with escapes), and every part's
// bytes are kept as bytes, so the caller decodes text in the charset the mail named.

export interface MultipartPart {
  name: string;
  /** Present (possibly "") for a file part. */
  filename?: string;
  contentType: string | null;
  bytes: Buffer;
}

export class MalformedMultipartError extends Error {}

export function boundaryOf(contentType: string | null): string | null {
  if (!contentType || contentType.split(";")[0]!.trim().toLowerCase() !== "multipart/form-data") return null;
  const boundary = headerParameters(contentType).get("boundary");
  return boundary && boundary.length <= 200 ? boundary : null;
}

export function parseMultipartBuffer(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) throw new MalformedMultipartError("no boundary in body");
  for (;;) {
    at += delimiter.length;
    // "--" after a delimiter ends the body.
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return parts;
    const headerStart = skipLineEnd(body, at);
    const headerEnd = body.indexOf("\r\n\r\n", headerStart);
    if (headerEnd < 0) throw new MalformedMultipartError("part without a header end");
    const next = body.indexOf(Buffer.concat([Buffer.from("\r\n"), delimiter]), headerEnd + 4);
    if (next < 0) throw new MalformedMultipartError("part without a closing boundary");
    const headers = partHeaders(body.subarray(headerStart, headerEnd).toString("latin1"));
    const disposition = headers.get("content-disposition");
    if (!disposition || disposition.split(";")[0]!.trim().toLowerCase() !== "form-data") throw new MalformedMultipartError("part without form-data disposition");
    const parameters = headerParameters(disposition);
    const name = parameters.get("name");
    if (name === undefined) throw new MalformedMultipartError("part without a name");
    const filename = parameters.get("filename*") ?? parameters.get("filename");
    parts.push({ name, ...(filename !== undefined ? { filename } : {}), contentType: headers.get("content-type") ?? null, bytes: body.subarray(headerEnd + 4, next) });
    at = next + 2;
  }
}

function skipLineEnd(body: Buffer, at: number): number {
  let position = at;
  // Transport padding (spaces, tabs) may follow a delimiter before its line end.
  while (body[position] === 0x20 || body[position] === 0x09) position += 1;
  if (body[position] === 0x0d && body[position + 1] === 0x0a) return position + 2;
  throw new MalformedMultipartError("delimiter not followed by a line end");
}

function partHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    // Header values are UTF-8 in practice (browsers, SendGrid); read as such from the latin1 bytes.
    headers.set(line.slice(0, colon).trim().toLowerCase(), Buffer.from(line.slice(colon + 1).trim(), "latin1").toString("utf8"));
  }
  return headers;
}

/** `form-data; name="a"; filename="b;c=d.jpg"` → name, filename; quoted strings with \-escapes; names lower-cased. */
function headerParameters(value: string): Map<string, string> {
  const parameters = new Map<string, string>();
  const pattern = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (const match of value.matchAll(pattern)) {
    const key = match[1]!.toLowerCase();
    const raw = match[2] !== undefined ? match[2].replace(/\\(.)/g, "$1") : match[3]!.trim();
    parameters.set(key, key.endsWith("*") ? decodeExtended(raw) : raw);
  }
  return parameters;
}

/** RFC 5987 `UTF-8''na%C3%AFve.jpg`. */
function decodeExtended(value: string): string {
  const match = /^([^']*)'[^']*'(.*)$/.exec(value);
  if (!match) return value;
  try {
    return decodeURIComponent(match[2]!);
  } catch {
    return match[2]!;
  }
}
