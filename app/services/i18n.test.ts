import { describe, expect, it } from "vitest";
import en from "~/locales/en.json";
import id from "~/locales/id.json";
import { resolveLocale, translate } from "./i18n";

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
