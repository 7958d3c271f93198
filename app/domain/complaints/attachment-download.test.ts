import { describe, expect, it } from "vitest";
import { contentDisposition } from "./attachment-download.server";

describe("contentDisposition", () => {
  it("always asks for a download, with an ASCII fallback and the exact name in RFC 5987 form", () => {
    expect(contentDisposition("bukti.pdf")).toBe(`attachment; filename="bukti.pdf"; filename*=UTF-8''bukti.pdf`);
    expect(contentDisposition("Surat (1) 'asli'*.pdf")).toBe(`attachment; filename="Surat (1) 'asli'*.pdf"; filename*=UTF-8''Surat%20%281%29%20%27asli%27%2A.pdf`);
    expect(contentDisposition("kuitansi ÄÖ.jpg")).toBe(`attachment; filename="kuitansi __.jpg"; filename*=UTF-8''kuitansi%20%C3%84%C3%96.jpg`);
  });

  it("cannot be broken out of: quotes, backslashes and line breaks never reach the header raw", () => {
    const header = contentDisposition('a"b\\c\r\nSet-Cookie: x=1.jpg');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.split('"')).toHaveLength(3);
    expect(header).toBe(`attachment; filename="a_b_c__Set-Cookie: x=1.jpg"; filename*=UTF-8''a%22b%5Cc%0D%0ASet-Cookie%3A%20x%3D1.jpg`);
    expect(contentDisposition("")).toBe(`attachment; filename="lampiran"; filename*=UTF-8''`);
  });
});
