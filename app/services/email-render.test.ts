import { describe, expect, it } from "vitest";
import { emailHtmlProblems, emailHtmlText } from "../../tests/support/email-html";
import { blocksFromText, renderEmailHtml, renderEmailText, renderTextMessage } from "./email-render";

describe("e-mail rendering", () => {
  it("makes an HTML part from a plain-text message: paragraphs, lists, and each address a link that shows itself", () => {
    const text = "Kode lacak: LPK-7K3M9-QXR2CX\nPantau: https://lapor.example/lacak/LPK-7K3M9-QXR2CX?t=a.b.\n\n- satu\n- dua\n\nSelesai.";
    const { text: plain, html } = renderTextMessage("id", "Pengaduan Anda diterima", text);
    expect(plain).toBe(text);
    expect(emailHtmlProblems(html, "id")).toEqual([]);
    expect(html).toContain('<a href="https://lapor.example/lacak/LPK-7K3M9-QXR2CX?t=a.b"');
    expect(html).toMatch(/<ul[^>]*><li[^>]*>satu<\/li><li[^>]*>dua<\/li><\/ul>/);
    expect(emailHtmlText(html)).toContain("Kode lacak: LPK-7K3M9-QXR2CX");
  });

  it("escapes whatever it is given, so no text becomes markup", () => {
    const html = renderEmailHtml({ locale: "en", subject: "<b>x</b>", blocks: blocksFromText(`Unit "A" & <script>alert(1)</script> 'B'`) });
    expect(emailHtmlProblems(html, "en")).toEqual([]);
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("<title>&lt;b&gt;x&lt;/b&gt;</title>");
  });

  it("renders a digest's numbered items the same in both parts", () => {
    const content = {
      locale: "en" as const,
      subject: "Digest",
      blocks: [
        { kind: "heading" as const, text: "Escalations (1)" },
        { kind: "items" as const, items: [{ title: "LPK-7K3M9-QXR2CX", lines: ["Level 1"], link: "https://lapor.example/staf/pengaduan/1" }] },
      ],
    };
    expect(renderEmailText(content)).toBe("ESCALATIONS (1)\n\n1. LPK-7K3M9-QXR2CX\n   Level 1\n   https://lapor.example/staf/pengaduan/1");
    const html = renderEmailHtml(content);
    expect(emailHtmlProblems(html, "en")).toEqual([]);
    expect(emailHtmlText(html)).toContain("LPK-7K3M9-QXR2CX Level 1 https://lapor.example/staf/pengaduan/1");
  });
});
