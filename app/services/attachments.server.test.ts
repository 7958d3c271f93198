import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ATTACHMENT_LIMITS,
  FALLBACK_FILE_NAME,
  inspectUpload,
  readBlobPath,
  sanitizeFileName,
  sniffMimeType,
  storeBlob,
} from "./attachments.server";

const latin1 = (text: string) => Buffer.from(text, "latin1");
const concat = (...parts: (Uint8Array | string)[]) => new Uint8Array(Buffer.concat(parts.map((part) => (typeof part === "string" ? latin1(part) : part))));

// Real headers: a JFIF APP0 segment, a PNG signature with its IHDR chunk, a PDF header line.
const JPEG = concat(
  Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
  randomBytes(2_000),
  Uint8Array.from([0xff, 0xd9]),
);
const PNG = concat(
  Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  Uint8Array.from([0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89]),
  randomBytes(500),
);

function pdf(...objects: (Uint8Array | string)[]): Uint8Array {
  return concat("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", ...objects, "trailer\n<< /Root 1 0 R >>\n%%EOF\n");
}
const CATALOG = "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n";
function stream(id: number, dictionary: string, body: Uint8Array | string): Uint8Array {
  const bytes = typeof body === "string" ? latin1(body) : body;
  return concat(`${id} 0 obj\n<< ${dictionary} /Length ${bytes.length} >>\nstream\n`, bytes, "\nendstream\nendobj\n");
}
const objectStream = (id: number, objects: string) => stream(id, "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", deflateSync(latin1(objects)));

describe("sniffMimeType", () => {
  it("recognises JPEG, PNG and PDF by their magic bytes only", () => {
    expect(sniffMimeType(JPEG)).toBe("image/jpeg");
    expect(sniffMimeType(PNG)).toBe("image/png");
    expect(sniffMimeType(pdf(CATALOG))).toBe("application/pdf");
    expect(sniffMimeType(latin1("MZ\x90\x00"))).toBeNull();
    expect(sniffMimeType(latin1("GIF89a"))).toBeNull();
    expect(sniffMimeType(latin1(" %PDF-1.7"))).toBeNull();
    expect(sniffMimeType(Uint8Array.from([0xff, 0xd8]))).toBeNull();
    expect(sniffMimeType(PNG.subarray(0, 7))).toBeNull();
    expect(sniffMimeType(new Uint8Array())).toBeNull();
  });
});

describe("inspectUpload", () => {
  it("accepts the three types with hash, size and a name", () => {
    for (const [bytes, name, mimeType] of [
      [JPEG, "foto jalan.JPG", "image/jpeg"],
      [PNG, "tangkapan-layar.png", "image/png"],
      [pdf(CATALOG), "surat.pdf", "application/pdf"],
    ] as const) {
      const result = inspectUpload(bytes, name);
      expect(result).toEqual({
        ok: true,
        mimeType,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        sizeBytes: bytes.length,
        fileName: name,
      });
    }
  });

  it("takes the type from the bytes: a PDF named .jpg is a PDF, and its name says so", () => {
    expect(inspectUpload(pdf(CATALOG), "photo.jpg")).toMatchObject({ ok: true, mimeType: "application/pdf", fileName: "photo.jpg.pdf" });
    expect(inspectUpload(JPEG, "scan")).toMatchObject({ ok: true, mimeType: "image/jpeg", fileName: "scan.jpg" });
    expect(inspectUpload(JPEG, "foto.jpeg")).toMatchObject({ ok: true, fileName: "foto.jpeg" });
    expect(inspectUpload(PNG, "../../index.html")).toMatchObject({ ok: true, fileName: "index.html.png" });
  });

  it("unsupported_type: an executable renamed photo.jpg, and other formats", () => {
    const exe = concat("MZ\x90\x00\x03\x00\x00\x00", randomBytes(200));
    expect(inspectUpload(exe, "photo.jpg")).toEqual({ ok: false, reason: "unsupported_type" });
    expect(inspectUpload(latin1("<html><body>hi</body></html>"), "foto.png")).toEqual({ ok: false, reason: "unsupported_type" });
    expect(inspectUpload(latin1("GIF89a\x01\x00\x01\x00"), "x.gif")).toEqual({ ok: false, reason: "unsupported_type" });
  });

  it("too_large above 10 MiB, empty at zero bytes", () => {
    const atLimit = new Uint8Array(ATTACHMENT_LIMITS.maxBytes);
    atLimit.set(JPEG.subarray(0, 20));
    expect(inspectUpload(atLimit, "big.jpg")).toMatchObject({ ok: true, sizeBytes: 10 * 1024 * 1024 });
    const overLimit = new Uint8Array(ATTACHMENT_LIMITS.maxBytes + 1);
    overLimit.set(JPEG.subarray(0, 20));
    expect(inspectUpload(overLimit, "big.jpg")).toEqual({ ok: false, reason: "too_large" });
    expect(inspectUpload(new Uint8Array(), "x.jpg")).toEqual({ ok: false, reason: "empty" });
  });

  it("unsafe_content: markup in the first KiB of an image, whatever its case", () => {
    expect(inspectUpload(concat(PNG.subarray(0, 8), "<script>alert(document.cookie)</script>"), "x.png")).toEqual({ ok: false, reason: "unsafe_content" });
    expect(inspectUpload(concat(JPEG.subarray(0, 20), "<HTML><BODY onload=x()>"), "x.jpg")).toEqual({ ok: false, reason: "unsafe_content" });
    expect(inspectUpload(concat(PNG.subarray(0, 8), "\x00".repeat(900), "<svg onload=x()>"), "x.png")).toEqual({ ok: false, reason: "unsafe_content" });
    expect(inspectUpload(concat(PNG.subarray(0, 8), "\x00".repeat(2_000), "<script>"), "x.png")).toMatchObject({ ok: true });
  });

  it("unsafe_content: an image that is also a PDF", () => {
    expect(inspectUpload(concat(JPEG.subarray(0, 20), "%PDF-1.4\n1 0 obj"), "x.jpg")).toEqual({ ok: false, reason: "unsafe_content" });
  });

  it("unsafe_content: PDFs with JavaScript or Launch actions, however spelled or hidden", () => {
    const unsafe = [
      pdf(CATALOG, "3 0 obj\n<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>\nendobj\n"),
      pdf(CATALOG, "3 0 obj\n<</OpenAction<</JS(app.alert(1))>>>>\nendobj\n"),
      pdf(CATALOG, "3 0 obj\n<< /S /Launch /F (cmd.exe) >>\nendobj\n"),
      pdf(CATALOG, "3 0 obj\n<< /S /J#61va#53cript /J#53 (x) >>\nendobj\n"),
      pdf(CATALOG, "3 0 obj\n<< /Names << /#4A#53 4 0 R >> >>\nendobj\n"),
      // Dictionaries inside a compressed object stream, invisible to a byte scan.
      pdf(CATALOG, objectStream(5, "6 0 << /S /JavaScript /JS (app.alert(1)) >>")),
      pdf(CATALOG, objectStream(5, "6 0 << /OpenAction << /JS 7 0 R >> >>")),
      pdf(CATALOG, objectStream(5, "6 0 << /S /Launch /F (x) >>")),
      // An object stream we cannot read, and one that inflates without bound.
      pdf(CATALOG, stream(5, "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", randomBytes(300))),
      pdf(CATALOG, stream(5, "/Type /ObjStm /N 1 /First 4 /Filter /LZWDecode", "6 0 << >>")),
      pdf(CATALOG, stream(5, "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", deflateSync(Buffer.alloc(17 * 1024 * 1024)))),
      pdf(CATALOG, stream(5, "/Type /Obj#53tm /N 1 /First 4", "6 0 << /JS (x) >>")),
    ];
    unsafe.forEach((bytes, i) => expect(inspectUpload(bytes, "x.pdf"), `case ${i}`).toEqual({ ok: false, reason: "unsafe_content" }));
  });

  it("accepts ordinary PDFs, including binary streams that contain /JS by chance", () => {
    const chance = concat(randomBytes(1_000), "/JS ", randomBytes(1_000), "/JS(", randomBytes(500));
    const safe = [
      pdf(CATALOG, stream(3, "/Filter /DCTDecode /Width 10 /Height 10", concat(JPEG.subarray(0, 20), chance))),
      pdf(CATALOG, objectStream(5, "6 0 << /Type /Page /Parent 2 0 R /Contents 7 0 R >>")),
      pdf(CATALOG, stream(7, "/Filter /FlateDecode", deflateSync(latin1("BT /F1 12 Tf (Jalan rusak di /JSX) Tj ET")))),
      pdf(CATALOG, "3 0 obj\n<< /S /URI /URI (https://pangkalpinangkota.go.id/) /JSmith 1 >>\nendobj\n"),
    ];
    safe.forEach((bytes, i) => expect(inspectUpload(bytes, "x.pdf"), `case ${i}`).toMatchObject({ ok: true, mimeType: "application/pdf" }));
  });
});

describe("sanitizeFileName", () => {
  it("keeps only the last path component", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("C:\\Users\\budi\\Desktop\\foto KTP.jpg")).toBe("foto KTP.jpg");
    expect(sanitizeFileName("/")).toBe(FALLBACK_FILE_NAME);
  });

  it("removes control and invisible formatting characters", () => {
    expect(sanitizeFileName("foto\u202Egpj.exe")).toBe("fotogpj.exe");
    expect(sanitizeFileName("a\u0000b\r\n\tc\u200B.pdf")).toBe("ab c.pdf");
    expect(sanitizeFileName("  laporan   akhir  .pdf ")).toBe("laporan akhir.pdf");
  });

  it("falls back to lampiran when nothing is left, keeping the extension", () => {
    for (const name of ["", "   ", "..", ".", "\u0000\u0001"]) expect(sanitizeFileName(name), JSON.stringify(name)).toBe("lampiran");
    expect(sanitizeFileName(".pdf")).toBe("lampiran.pdf");
    expect(sanitizeFileName("...pdf")).toBe("lampiran.pdf");
    expect(sanitizeFileName("photo.")).toBe("photo");
  });

  it("limits the name to 120 characters and keeps the extension, never splitting a character", () => {
    const long = sanitizeFileName(`${"a".repeat(300)}.jpeg`);
    expect(long).toHaveLength(120);
    expect(long.endsWith(".jpeg")).toBe(true);
    const emoji = sanitizeFileName(`${"😀".repeat(200)}.pdf`);
    expect([...emoji]).toHaveLength(120);
    expect(emoji).toBe(`${"😀".repeat(116)}.pdf`);
    expect(sanitizeFileName(`${"b".repeat(200)}.notanextension`)).toHaveLength(120);
    expect(sanitizeFileName("Laporan Kelurahan Bukit Intan.PDF")).toBe("Laporan Kelurahan Bukit Intan.PDF");
  });
});

describe("storeBlob and readBlobPath", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "lapor-blobs-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes <dir>/<sha[0..2]>/<sha> with mode 0640 and the exact bytes", async () => {
    const bytes = concat(PNG, randomBytes(64));
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const stored = await storeBlob(join(dir, "new", "nested"), bytes);
    expect(stored).toEqual({ sha256, path: join(dir, "new", "nested", sha256.slice(0, 2), sha256) });
    expect(new Uint8Array(await readFile(stored.path))).toEqual(bytes);
    expect((await stat(stored.path)).mode & 0o777).toBe(0o640);
    expect(readBlobPath(join(dir, "new", "nested"), sha256)).toBe(stored.path);
  });

  it("stores the same bytes once, even when asked concurrently", async () => {
    const root = join(dir, "dedupe");
    const bytes = concat(JPEG, randomBytes(64));
    const first = await storeBlob(root, bytes);
    const before = await stat(first.path);
    const second = await storeBlob(root, bytes);
    expect(second).toEqual(first);
    const after = await stat(first.path);
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    const again = concat(PNG, randomBytes(64));
    const results = await Promise.all(Array.from({ length: 8 }, () => storeBlob(root, again)));
    expect(new Set(results.map((r) => r.path)).size).toBe(1);
    const shards = await readdir(root);
    const files = (await Promise.all(shards.map((shard) => readdir(join(root, shard))))).flat();
    expect(files.sort()).toEqual([first.sha256, results[0]!.sha256].sort());
  });

  it("replaces a damaged blob of the wrong length", async () => {
    const root = join(dir, "damaged");
    const bytes = concat(JPEG, randomBytes(64));
    const path = readBlobPath(root, createHash("sha256").update(bytes).digest("hex"));
    await mkdir(join(path, ".."), { recursive: true });
    await writeFile(path, bytes.subarray(0, 10));
    await storeBlob(root, bytes);
    expect(new Uint8Array(await readFile(path))).toEqual(bytes);
  });

  it("refuses anything but a lowercase hex sha256, so no path can escape the directory", () => {
    const valid = "a".repeat(64);
    expect(readBlobPath("/srv/blobs", valid)).toBe(["", "srv", "blobs", "aa", valid].join(sep));
    for (const attempt of [
      "../../../../etc/passwd",
      `../${"a".repeat(61)}`,
      `aa/${"a".repeat(61)}`,
      `${"a".repeat(63)}/`,
      "A".repeat(64),
      "a".repeat(63),
      "a".repeat(65),
      `${"a".repeat(63)}\u0000`,
      `${"a".repeat(32)}%2e%2e${"a".repeat(26)}`,
      "",
    ]) {
      expect(() => readBlobPath("/srv/blobs", attempt), attempt).toThrow(/sha256/);
    }
  });
});
