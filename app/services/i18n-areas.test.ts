// The areas (i18n-areas.ts) against the catalogue and the code: every entry names real keys, every
// namespace is either sent somewhere or deliberately server-only, and the keys written literally in
// route and component files are in the messages those pages receive. Keys computed in loaders and
// domain modules (validation errors) are covered at run time instead: the test servers run with
// LAPOR_STRICT_I18N=1.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { I18N_AREAS, keyInArea, type I18nArea } from "./i18n-areas";
import { CATALOGUES, messagesFor } from "./i18n.server";

const APP = fileURLToPath(new URL("..", import.meta.url));
const KEYS = Object.keys(CATALOGUES.id);
const NAMESPACES = [...new Set(KEYS.map((key) => key.split(".")[0]!))];

/** Namespaces only server code uses (emails, the Open311 API): in no area, never in the browser. */
const SERVER_ONLY = ["email", "stage", "role", "open311"];

const PUBLIC_ROUTES = ["root.tsx", "routes/_index.tsx", "routes/lapor.tsx", "routes/lacak._index.tsx", "routes/lacak.$code.tsx", "routes/statistik.tsx", "routes/bahasa.tsx", "routes/$.tsx"];

/** A route file and the components it imports (transitively): where a page's literal keys live. */
function pageFiles(route: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, name] of readFileSync(`${APP}${file}`, "utf8").matchAll(/from "~\/components\/([\w/-]+)"/g)) {
      const component = [`components/${name}.tsx`, `components/${name}.ts`].find((candidate) => existsSync(`${APP}${candidate}`));
      if (component) visit(component);
    }
  };
  visit(route);
  return [...seen];
}

/** Exact keys in string literals, and the fixed start of keys built in template literals (`status.${x}`). */
function keysUsedIn(file: string): { exact: string[]; prefixes: string[] } {
  const source = readFileSync(`${APP}${file}`, "utf8");
  const exact = [...source.matchAll(/["'`]([A-Za-z0-9]+(?:\.[A-Za-z0-9_]+)+)["'`]/g)].map((m) => m[1]!).filter((key) => KEYS.includes(key));
  const prefixes = [...source.matchAll(/`([A-Za-z0-9]+(?:\.[A-Za-z0-9_]+)*\.)\$\{/g)].map((m) => m[1]!).filter((prefix) => NAMESPACES.includes(prefix.split(".")[0]!));
  return { exact, prefixes };
}

/** Keys `files` use that none of `areas` sends. */
function missingFrom(files: string[], areas: I18nArea[]): string[] {
  const sent = (key: string) => areas.some((area) => keyInArea(key, area));
  const missing = new Set<string>();
  for (const file of files) {
    const { exact, prefixes } = keysUsedIn(file);
    for (const key of exact) if (!sent(key)) missing.add(`${file}: ${key}`);
    for (const prefix of prefixes) {
      const keys = KEYS.filter((key) => key.startsWith(prefix));
      if (keys.length === 0) missing.add(`${file}: no key starts with ${prefix}`);
      for (const key of keys) if (!sent(key)) missing.add(`${file}: ${key} (from ${prefix}…)`);
    }
  }
  return [...missing].sort();
}

describe("i18n areas", () => {
  it("name only keys that exist", () => {
    for (const [area, entries] of Object.entries(I18N_AREAS)) {
      for (const entry of entries) expect(KEYS.some((key) => key === entry || key.startsWith(`${entry}.`)), `${area}: ${entry}`).toBe(true);
    }
  });

  it("send every namespace somewhere, except the server-only ones, which go nowhere", () => {
    const areas = Object.keys(I18N_AREAS) as I18nArea[];
    for (const namespace of NAMESPACES) {
      const keys = KEYS.filter((key) => key.startsWith(`${namespace}.`));
      const sent = keys.filter((key) => areas.some((area) => keyInArea(key, area)));
      if (SERVER_ONLY.includes(namespace)) expect(sent, namespace).toEqual([]);
      else expect(sent.length, `${namespace}: in no area and not listed as server-only`).toBeGreaterThan(0);
    }
  });

  it("cover the keys written in the public pages and their components", () => {
    expect(missingFrom([...new Set(PUBLIC_ROUTES.flatMap(pageFiles))], ["public"])).toEqual([]);
  });

  it("cover the keys written in the staff pages (public plus staff) and the dev mailbox", () => {
    const staffRoutes = readdirSync(`${APP}routes`).filter((name) => name.startsWith("staf.")).map((name) => `routes/${name}`);
    expect(staffRoutes.length).toBeGreaterThan(25);
    expect(missingFrom([...new Set(staffRoutes.flatMap(pageFiles))], ["public", "staff"])).toEqual([]);
    expect(missingFrom(pageFiles("routes/dev.mailbox.tsx"), ["public", "devMailbox"])).toEqual([]);
  });

  it("hand a page one language and only its area's keys", () => {
    const publicId = messagesFor("id", "public");
    const publicEn = messagesFor("en", "public");
    expect(publicId["form.title"]).toBe(CATALOGUES.id["form.title"]);
    expect(publicEn["form.title"]).toBe(CATALOGUES.en["form.title"]);
    expect(Object.keys(publicId).every((key) => keyInArea(key, "public"))).toBe(true);
    expect(Object.keys(publicId)).toEqual(Object.keys(publicEn));
    expect(publicId).not.toHaveProperty("staff.login.title");
    expect(publicId).not.toHaveProperty("email.receipt.body");
    expect(messagesFor("id", "public")).toBe(publicId);
  });
});
