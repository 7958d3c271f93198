// Disguised uploads through the real /lapor form (multipart over HTTP): the type is decided by the
// bytes, never by the name or the declared Content-Type; content a browser or PDF reader could run
// is refused; a valid file under a wrong name is stored as what it really is, under a safe name.
import { deflateSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { CATALOGUES } from "~/services/i18n.server";
import { useTestServer } from "../e2e/support/browser";
import { complaintFields, toFormData } from "../support/complaint-form";
import { loadCatalogue, nextIp, receiptOf, rowCounts, type Catalogue } from "./support";
import { renderedHtml } from "../support/html";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;
let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await loadCatalogue(db());
});

const bin = (...parts: (string | number[] | Buffer)[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.isBuffer(p) ? p : Buffer.from(p)))));
const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00];
const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = bin(JPEG_HEAD, Buffer.alloc(2048, 7));
const PNG = bin(PNG_HEAD, Buffer.alloc(2048, 3));
const PDF = bin("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

const objectStream = (content: string) => {
  const data = deflateSync(Buffer.from(content, "latin1"));
  return bin(`%PDF-1.7\n5 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`, data, "\nendstream\nendobj\n%%EOF\n");
};

/** Disguised or active files, each with the reason the form must give. */
const REFUSED: { label: string; name: string; type: string; bytes: Uint8Array; reason: "unsupported_type" | "unsafe_content" }[] = [
  { label: "GIF/JS polyglot", name: "foto.jpg", type: "image/jpeg", bytes: bin("GIF89a/*\x00\x00\x00\x00*/=1;alert(document.cookie);//"), reason: "unsupported_type" },
  { label: "Windows program renamed .jpg", name: "foto.jpg", type: "image/jpeg", bytes: bin("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xffPE\x00\x00", Buffer.alloc(512)), reason: "unsupported_type" },
  { label: "ELF renamed .png", name: "foto.png", type: "image/png", bytes: bin("\x7fELF\x02\x01\x01", Buffer.alloc(256)), reason: "unsupported_type" },
  { label: "SVG with script", name: "peta.png", type: "image/svg+xml", bytes: bin('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), reason: "unsupported_type" },
  { label: "HTML renamed .pdf", name: "surat.pdf", type: "application/pdf", bytes: bin("<!doctype html><script>alert(1)</script>"), reason: "unsupported_type" },
  { label: "ZIP renamed .pdf", name: "surat.pdf", type: "application/pdf", bytes: bin("PK\x03\x04\x14\x00\x00\x00\x08\x00", Buffer.alloc(128)), reason: "unsupported_type" },
  { label: "JPEG with a script in its first KiB (content sniffers render it as HTML)", name: "foto.jpg", type: "image/jpeg", bytes: bin(JPEG_HEAD, "<script>alert(1)</script>", Buffer.alloc(512)), reason: "unsafe_content" },
  { label: "PNG with an SVG/HTML body", name: "foto.png", type: "image/png", bytes: bin(PNG_HEAD, "<html><body onload=alert(1)>"), reason: "unsafe_content" },
  { label: "JPEG/PDF polyglot", name: "foto.jpg", type: "image/jpeg", bytes: bin(JPEG_HEAD, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj"), reason: "unsafe_content" },
  { label: "PDF with an OpenAction JavaScript", name: "surat.pdf", type: "application/pdf", bytes: bin("%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF"), reason: "unsafe_content" },
  { label: "PDF with the JavaScript name hex-escaped", name: "surat.pdf", type: "application/pdf", bytes: bin("%PDF-1.4\n1 0 obj << /OpenAction << /S /J#61vaScript /JS (x) >> >> endobj\n%%EOF"), reason: "unsafe_content" },
  { label: "PDF with a Launch action", name: "surat.pdf", type: "application/pdf", bytes: bin("%PDF-1.4\n1 0 obj << /OpenAction << /S /Launch /F (cmd.exe) >> >> endobj\n%%EOF"), reason: "unsafe_content" },
  { label: "PDF hiding /JS in a compressed object stream", name: "surat.pdf", type: "application/pdf", bytes: objectStream("1 0 << /AA << /O << /JS (app.alert(1)) >> >> >>"), reason: "unsafe_content" },
];

async function post(files: { name: string; bytes: Uint8Array; type?: string }[], lang: "id" | "en" = "en") {
  const response = await fetch(`${server.baseUrl}/lapor?lang=${lang}`, {
    method: "POST",
    body: toFormData(complaintFields(catalogue, { address: "Gang Lampiran 3" }), files),
    headers: { "x-forwarded-for": nextIp(51) },
  });
  return { response, html: await response.text() };
}

describe("disguised uploads", () => {
  for (const file of REFUSED) {
    it(`refuses ${file.label}, with the message beside the field, keeping the form and storing nothing`, async () => {
      const before = await rowCounts(db());
      // A valid photo beside it must not carry the bad file in.
      const { response, html } = await post([{ name: "asli.jpg", bytes: JPEG }, file]);
      expect(response.status).toBe(400);
      expect(renderedHtml(html)).toContain(CATALOGUES.en[`form.error.attachment.${file.reason}`]);
      expect(html).toContain('value="Gang Lampiran 3"');
      expect(await rowCounts(db())).toEqual(before);
    });
  }
});

describe("valid files under a wrong name or declared type", () => {
  it("stores each as its true type, with its real extension and a name without directories or direction overrides", async () => {
    const { response, html } = await post([
      { name: "foto.jpg", bytes: PNG, type: "image/jpeg" },
      { name: "surat.exe", bytes: PDF, type: "application/x-msdownload" },
      { name: "../../etc/\u202Egpj.exe", bytes: JPEG, type: "text/html" },
    ]);
    expect(response.status, html.match(/class="field__error"[^>]*>[^<]*/g)?.join(" | ")).toBe(200);
    const { code } = receiptOf(html);
    const complaint = await db().complaint.findUniqueOrThrow({ where: { trackingCode: code }, select: { id: true } });
    const rows = await db().attachment.findMany({ where: { complaintId: complaint.id }, select: { originalName: true, blob: { select: { mimeType: true } } } });
    const stored = rows.map((row) => ({ originalName: row.originalName, mimeType: row.blob.mimeType }));
    expect(stored).toEqual(
      expect.arrayContaining([
        { originalName: "foto.jpg.png", mimeType: "image/png" },
        { originalName: "surat.exe.pdf", mimeType: "application/pdf" },
        { originalName: "gpj.exe.jpg", mimeType: "image/jpeg" },
      ]),
    );
    expect(stored).toHaveLength(3);
  });

  it("a disguised file on the tracking page's reply is refused the same way", async () => {
    // The citizen's reply uses the same screening (uploads.server.ts); the lapor form above is the
    // one most exposed, this checks the second entry point does not bypass it.
    const { screenUploads } = await import("~/services/uploads.server");
    for (const file of REFUSED) {
      const screened = screenUploads([{ field: "attachments", fileName: file.name, bytes: file.bytes, oversize: false }], false);
      expect(screened.accepted, file.label).toHaveLength(0);
      expect(screened.error, file.label).toBe(`form.error.attachment.${file.reason}`);
    }
  });
});
