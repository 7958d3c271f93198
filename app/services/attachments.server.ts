import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { constants as zlibConstants, inflateSync } from "node:zlib";

// Citizens' attachments: photos and scanned letters. The type is decided by the bytes, never by
// the name or the browser's Content-Type, and content that a browser or PDF reader could execute
// is refused. Blobs are stored once per content under their sha256
// (`<dir>/<first two hex>/<sha256>`, mirrored by AttachmentBlob); the citizen's file name is only
// metadata (Attachment.originalName).

export const ATTACHMENT_LIMITS = {
  maxFiles: 5,
  maxBytes: 10 * 1024 * 1024,
  allowedTypes: ["image/jpeg", "image/png", "application/pdf"],
} as const;

export type AttachmentMimeType = (typeof ATTACHMENT_LIMITS.allowedTypes)[number];

/** A file kept on disk by its sha256, as a complaint or an event refers to it. */
export interface StoredAttachment {
  sha256: string;
  sizeBytes: number;
  mimeType: string;
  originalName: string;
}

export type UploadInspection =
  | { ok: true; mimeType: AttachmentMimeType; sha256: string; sizeBytes: number; fileName: string }
  | { ok: false; reason: "empty" | "too_large" | "unsupported_type" | "unsafe_content" };

const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF_MAGIC = [...Buffer.from("%PDF-", "latin1")];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

/**
 * What the leading magic bytes say the file is. This is detection only: use inspectUpload to
 * decide whether an upload may be stored.
 */
export function sniffMimeType(bytes: Uint8Array): AttachmentMimeType | null {
  if (startsWith(bytes, JPEG_MAGIC)) return "image/jpeg";
  if (startsWith(bytes, PNG_MAGIC)) return "image/png";
  if (startsWith(bytes, PDF_MAGIC)) return "application/pdf";
  return null;
}

// Content sniffers (old browsers, some mail and chat previews) look at the first KiB and render a
// file as HTML or open it as PDF when they recognise markup there, whatever its magic bytes say.
const SNIFF_WINDOW_BYTES = 1024;
const MARKUP_MARKERS = ["<script", "<html", "<!doctype", "<iframe", "<svg", "<body"];
const PDF_MARKER = "%pdf-";

// Names of PDF actions that run code or programs. Any JavaScript action also carries /S /JavaScript,
// and /JavaScript and /Launch are long enough that compressed data never contains them by chance,
// so those two are looked for everywhere. "/JS" is three bytes that turn up by chance in
// compressed streams (a few percent of 10 MiB files), so it is looked for only where dictionaries
// live: outside stream bodies, and inside object streams, which PDF 1.5+ writers use for most
// dictionaries and which therefore must be inflated to be read at all.
const ACTIONS_ANYWHERE = new Set(["JavaScript", "Launch"]);
const ACTIONS_IN_DICTIONARIES = new Set(["JavaScript", "JS", "Launch"]);
// A legitimate object stream inflates to some hundreds of KiB; past this the file is refused
// rather than inflated further (a compression bomb would otherwise exhaust memory).
const MAX_INFLATED_BYTES = 16 * 1024 * 1024;
const PDF_NAME = /\/([^\x00\t\n\f\r /[\]<>(){}%]+)/g;
const STREAM_START = /(?<![A-Za-z])stream(?:\r\n|\n|\r)/g;
const DICTIONARY_LOOKBACK = 4096;

function* pdfNames(text: string): Generator<string> {
  for (const match of text.matchAll(PDF_NAME)) {
    const raw = match[1] ?? "";
    // "#xx" escapes spell any name differently without changing it: /J#61vaScript is /JavaScript.
    yield raw.includes("#") ? raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : raw;
  }
}

function containsAnyName(text: string, names: ReadonlySet<string>): boolean {
  for (const name of pdfNames(text)) if (names.has(name)) return true;
  return false;
}

function pdfHasActiveContent(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  if (containsAnyName(text, ACTIONS_ANYWHERE)) return true;
  let budget = MAX_INFLATED_BYTES;
  let cursor = 0;
  // Each pass moves the cursor past a stream's body or ends the loop.
  while (cursor < text.length) {
    STREAM_START.lastIndex = cursor;
    const start = STREAM_START.exec(text);
    if (containsAnyName(text.slice(cursor, start ? start.index : text.length), ACTIONS_IN_DICTIONARIES)) return true;
    if (!start) break;
    const bodyStart = start.index + start[0].length;
    const endstream = text.indexOf("endstream", bodyStart);
    const bodyEnd = endstream === -1 ? text.length : endstream;
    const dictionaryStart = Math.max(text.lastIndexOf("obj", start.index), start.index - DICTIONARY_LOOKBACK, 0);
    const dictionaryNames = new Set(pdfNames(text.slice(dictionaryStart, start.index)));
    if (dictionaryNames.has("ObjStm")) {
      let content: string;
      if (dictionaryNames.has("FlateDecode")) {
        if (budget <= 0) return true;
        try {
          const inflated = inflateSync(bytes.subarray(bodyStart, bodyEnd), {
            maxOutputLength: budget,
            // Tolerates a stream cut short or followed by its end-of-line: readers accept both.
            finishFlush: zlibConstants.Z_SYNC_FLUSH,
          });
          budget -= inflated.length;
          content = inflated.toString("latin1");
        } catch {
          // Unreadable or oversized: what it hides cannot be checked.
          return true;
        }
      } else if (dictionaryNames.has("Filter")) {
        // Encoded in a way we do not decode; legitimate writers use Flate.
        return true;
      } else {
        content = text.slice(bodyStart, bodyEnd);
      }
      if (containsAnyName(content, ACTIONS_IN_DICTIONARIES)) return true;
    }
    cursor = endstream === -1 ? text.length : endstream + "endstream".length;
  }
  return false;
}

function hasUnsafeContent(bytes: Uint8Array, mimeType: AttachmentMimeType): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_WINDOW_BYTES)).toString("latin1").toLowerCase();
  if (MARKUP_MARKERS.some((marker) => head.includes(marker))) return true;
  if (mimeType === "application/pdf") return pdfHasActiveContent(bytes);
  return head.includes(PDF_MARKER);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const EXTENSIONS: Record<AttachmentMimeType, readonly string[]> = {
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
  "application/pdf": ["pdf"],
};

/**
 * Whether an upload may be stored, and if so its type (from its bytes), hash, size and a file name
 * to keep as metadata: the sanitised declared name, with the detected type's extension appended
 * when it does not already end in one, so a download opens in the program its content is for.
 * `bytes` is the whole file; the multipart parser must already stop reading past maxBytes.
 */
export function inspectUpload(bytes: Uint8Array, declaredName: string): UploadInspection {
  if (bytes.byteLength === 0) return { ok: false, reason: "empty" };
  if (bytes.byteLength > ATTACHMENT_LIMITS.maxBytes) return { ok: false, reason: "too_large" };
  const mimeType = sniffMimeType(bytes);
  if (!mimeType) return { ok: false, reason: "unsupported_type" };
  if (hasUnsafeContent(bytes, mimeType)) return { ok: false, reason: "unsafe_content" };
  const extensions = EXTENSIONS[mimeType];
  const name = sanitizeFileName(declaredName);
  const extension = /\.([A-Za-z0-9]{1,10})$/.exec(name)?.[1]?.toLowerCase();
  const fileName = extension && extensions.includes(extension) ? name : sanitizeFileName(`${name}.${extensions[0]}`);
  return { ok: true, mimeType, sha256: sha256Hex(bytes), sizeBytes: bytes.byteLength, fileName };
}

export const FALLBACK_FILE_NAME = "lampiran";
const MAX_FILE_NAME_LENGTH = 120;
const EXTENSION = /^[A-Za-z0-9]{1,10}$/;

/**
 * A citizen's file name made safe to keep and show: no directories, no control or invisible
 * formatting characters (a right-to-left override makes "gpj.exe" read as "exe.jpg"), no leading
 * or trailing dots or spaces, at most 120 characters with the extension kept, "lampiran" when
 * nothing is left. Escaping for a Content-Disposition header is the download's job.
 */
export function sanitizeFileName(name: string): string {
  const base = name.normalize("NFC").split(/[/\\]/).at(-1) ?? "";
  const cleaned = base
    // Tabs and line breaks separated words; other control characters separated nothing.
    .replace(/[\t\n\v\f\r\p{Zl}\p{Zp}]/gu, " ")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/\s+/gu, " ")
    .trim();
  const dot = cleaned.lastIndexOf(".");
  const extension = dot >= 0 && EXTENSION.test(cleaned.slice(dot + 1)) ? cleaned.slice(dot + 1) : "";
  const trimStem = (stem: string) => stem.replace(/^[.\s]+/u, "").replace(/[.\s]+$/u, "");
  let stem = trimStem(extension ? cleaned.slice(0, dot) : cleaned);
  if (stem === "") stem = FALLBACK_FILE_NAME;
  const room = MAX_FILE_NAME_LENGTH - (extension ? extension.length + 1 : 0);
  // Cut by code points so an emoji or a non-BMP character is never split in half.
  const codePoints = [...stem];
  if (codePoints.length > room) stem = trimStem(codePoints.slice(0, room).join("")) || FALLBACK_FILE_NAME;
  return extension ? `${stem}.${extension}` : stem;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Where a blob lives; throws unless `sha256` is 64 lowercase hex characters, so no path can be smuggled in. */
export function readBlobPath(storageDir: string, sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error("blob id must be a lowercase hex sha256");
  return join(storageDir, sha256.slice(0, 2), sha256);
}

async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, "r");
    await handle.sync();
  } catch (error) {
    // Some platforms cannot open or sync a directory; the blob is in place, only durability across
    // a power cut is weaker there.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EISDIR" && code !== "EPERM" && code !== "EINVAL" && code !== "EBADF") throw error;
  } finally {
    await handle?.close();
  }
}

/**
 * Stores bytes under their sha256, once: when a file of the same length is already there it is
 * left alone. The write goes to a temporary file in the same directory, is synced, then renamed
 * into place, so a reader or a crash never sees a partial blob under the final name.
 */
export async function storeBlob(storageDir: string, bytes: Uint8Array): Promise<{ sha256: string; path: string }> {
  const sha256 = sha256Hex(bytes);
  const path = readBlobPath(storageDir, sha256);
  const existing = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  // A file of another length under this name is damaged (content-addressed names cannot collide).
  if (existing?.isFile() && existing.size === bytes.byteLength) return { sha256, path };

  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o750 });
  const temp = join(dir, `.${sha256}.${randomBytes(6).toString("hex")}.tmp`);
  let renamed = false;
  try {
    const handle = await open(temp, "wx", 0o640);
    try {
      await handle.writeFile(bytes);
      // The mode given to open() is narrowed by the process umask; the policy is exactly 0640.
      await handle.chmod(0o640);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    renamed = true;
  } finally {
    if (!renamed) await rm(temp, { force: true });
  }
  await syncDirectory(dir);
  return { sha256, path };
}
