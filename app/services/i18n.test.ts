import { describe, expect, it, vi } from "vitest";
import en from "~/locales/en.json";
import id from "~/locales/id.json";
import { formatMessage, lookupMessage, mergeMessages, resolveLocale } from "./i18n";
import { translate } from "./i18n.server";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n catalogues", () => {
  it("have the same keys and the same placeholders in Bahasa Indonesia and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
      expect(id[key].trim(), key).not.toBe("");
      expect(en[key].trim(), key).not.toBe("");
    }
  });

  it("fills placeholders", () => {
    expect(translate("id", "home.stats", { units: 76, products: 427 })).toBe("76 unit layanan dan 427 produk layanan terdaftar.");
    expect(translate("en", "home.stats", { units: 1, products: 2 })).toBe("1 service units and 2 service products registered.");
  });

  it("defaults to Bahasa Indonesia and honours ?lang= before the cookie", () => {
    expect(resolveLocale(new Request("http://x/", { headers: { "Accept-Language": "en-US" } }))).toBe("id");
    expect(resolveLocale(new Request("http://x/", { headers: { Cookie: "a=b; lang=en" } }))).toBe("en");
    expect(resolveLocale(new Request("http://x/?lang=id", { headers: { Cookie: "lang=en" } }))).toBe("id");
    expect(resolveLocale(new Request("http://x/?lang=fr", { headers: { Cookie: "lang=xx" } }))).toBe("id");
  });
});

describe("looking a key up in a page's messages", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(lookupMessage({ "home.stats": id["home.stats"] }, "home.stats", { units: 3, products: 4 })).toBe("3 unit layanan dan 4 produk layanan terdaftar.");
    expect(formatMessage("{a} dan {b}", { a: 1 })).toBe("1 dan {b}");
  });

  it("merges the messages of every matched route, ignoring data that is not a catalogue", () => {
    const merged = mergeMessages([{ data: { messages: { "app.name": "A" } } }, { data: { messages: [{ id: 1 }] } }, { data: null }, { data: { messages: { "nav.home": "B" } } }]);
    expect(merged).toEqual({ "app.name": "A", "nav.home": "B" });
  });

  it("fails loudly under LAPOR_STRICT_I18N=1 (the test servers), naming the key", () => {
    vi.stubEnv("LAPOR_STRICT_I18N", "1");
    try {
      expect(() => lookupMessage({}, "staff.login.title")).toThrow(/staff\.login\.title/);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("otherwise shows the key and logs it once", () => {
    vi.stubEnv("LAPOR_STRICT_I18N", "");
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(lookupMessage({}, "staff.login.lead")).toBe("staff.login.lead");
      expect(lookupMessage({}, "staff.login.lead")).toBe("staff.login.lead");
      expect(error).toHaveBeenCalledTimes(1);
      expect(String(error.mock.calls[0]?.[0])).toContain("staff.login.lead");
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
