import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { escapeXml, toXmlDocument } from "./xml";

describe("escapeXml", () => {
  it("escapes the five special characters and drops characters XML 1.0 cannot carry", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;");
    expect(escapeXml("bell\u0007 nul\u0000 tab\t ok")).toBe("bell nul tab\t ok");
    expect(escapeXml("lone \uD800 surrogate, pair \uD83D\uDE00 kept")).toBe("lone  surrogate, pair \uD83D\uDE00 kept");
  });
});

describe("toXmlDocument", () => {
  it("writes the declaration, nested objects, named array items and empty elements for null", () => {
    const xml = toXmlDocument("services", [{ service_code: "A&B", metadata: true, group: null, values: [{ key: "k", name: "<n>" }] }], { services: "service", values: "value" });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<services>')).toBe(true);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ parseTagValue: false }).parse(xml);
    expect(parsed.services.service).toEqual({ service_code: "A&B", metadata: "true", group: "", values: { value: { key: "k", name: "<n>" } } });
  });

  it("survives hostile text: markup, CDATA ends and control characters stay text", () => {
    const text = "]]><script>alert(1)</script>\u0001&amp;";
    const xml = toXmlDocument("errors", [{ code: 400, description: text }], { errors: "error" });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(new XMLParser({ parseTagValue: false, processEntities: true }).parse(xml).errors.error.description).toBe("]]><script>alert(1)</script>&amp;");
  });

  it("refuses an array without an item name and an invalid element name", () => {
    expect(() => toXmlDocument("root", { list: [1] })).toThrow(/item element name/);
    expect(() => toXmlDocument("root", { "bad name": 1 })).toThrow(/invalid XML element name/);
  });
});
