import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boundaryOf, MalformedMultipartError, parseMultipartBuffer } from "./multipart-buffer.server";

async function encode(form: FormData): Promise<{ body: Buffer; boundary: string }> {
  const request = new Request("http://local/", { method: "POST", body: form });
  return { body: Buffer.from(await request.arrayBuffer()), boundary: boundaryOf(request.headers.get("Content-Type"))! };
}

describe("multipart from memory", () => {
  it("reads what a browser or SendGrid sends, file names with ; = ' and non-Latin letters included", async () => {
    const form = new FormData();
    form.set("text", "Baik Pak.\r\nTerima kasih.");
    for (const [i, name] of ["laporan;1 a=b.jpg", "' OR '1'='1' --.pdf", "=?UTF-8?B?Zm90by5qcGc=?=", "foto jalan 「rusak」.png", 'kutip "ganda".jpg'].entries()) {
      form.append(`attachment${i + 1}`, new Blob([new Uint8Array([0xff, 0xd8, i])], { type: "image/jpeg" }), name);
    }
    const { body, boundary } = await encode(form);
    const parts = parseMultipartBuffer(body, boundary);
    expect(parts[0]).toMatchObject({ name: "text", contentType: null });
    expect(parts[0]!.bytes.toString("utf8")).toBe("Baik Pak.\r\nTerima kasih.");
    // Browsers and undici write a double quote in a file name as %22 (HTML's form encoding).
    expect(parts.slice(1).map((p) => p.filename)).toEqual(["laporan;1 a=b.jpg", "' OR '1'='1' --.pdf", "=?UTF-8?B?Zm90by5qcGc=?=", "foto jalan 「rusak」.png", "kutip %22ganda%22.jpg"]);
    expect(parts.slice(1).map((p) => [...p.bytes])).toEqual([0, 1, 2, 3, 4].map((i) => [0xff, 0xd8, i]));
  });

  it("keeps a part's bytes as they are (a text in ISO-8859-1), and reads quoted and RFC 5987 parameters", () => {
    const boundary = "xYz";
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\n`),
      Buffer.from("Caf\u00e9", "latin1"),
      Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="attachment1"; filename="a\\"b.jpg"; filename*=UTF-8''na%C3%AFve.jpg\r\nContent-Type: image/jpeg\r\n\r\nJPG\r\n--${boundary}--\r\n`),
    ]);
    const [text, file] = parseMultipartBuffer(body, boundary);
    expect([...text!.bytes]).toEqual([0x43, 0x61, 0x66, 0xe9]);
    expect(file).toMatchObject({ name: "attachment1", filename: "naïve.jpg", contentType: "image/jpeg" });
  });

  it("refuses what is not multipart with its own error, and never throws anything else", () => {
    expect(boundaryOf("application/json")).toBeNull();
    expect(boundaryOf("multipart/form-data")).toBeNull();
    expect(() => parseMultipartBuffer(Buffer.from("no boundary here"), "b")).toThrow(MalformedMultipartError);
    expect(() => parseMultipartBuffer(Buffer.from("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ncut off"), "b")).toThrow(MalformedMultipartError);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), fc.constantFrom("b", "----x", "--"), (bytes, boundary) => {
        try {
          parseMultipartBuffer(Buffer.concat([Buffer.from(`--${boundary}\r\n`), Buffer.from(bytes)]), boundary);
        } catch (error) {
          expect(error).toBeInstanceOf(MalformedMultipartError);
        }
      }),
    );
  });
});
