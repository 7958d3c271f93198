// Client-safe: the catalogues are plain JSON and both ship to the browser with the root route.
import { createContext, createElement, useContext, type ReactNode } from "react";
import id from "~/locales/id.json";
import en from "~/locales/en.json";

export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "id";
export const LOCALE_COOKIE = "lang";

export type MessageKey = keyof typeof id;
export type Catalogue = Record<MessageKey, string>;

// `satisfies` makes a key missing from the English catalogue a type error, not a blank label.
export const CATALOGUES = { id, en: en satisfies Catalogue } as const satisfies Record<Locale, Catalogue>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export type MessageVars = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const template = CATALOGUES[locale][key] ?? CATALOGUES[DEFAULT_LOCALE][key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Picks the locale from `?lang=`, then the cookie, then Bahasa Indonesia (never Accept-Language: id first). */
export function resolveLocale(request: Request): Locale {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (isLocale(fromQuery)) return fromQuery;
  const cookie = request.headers.get("Cookie") ?? "";
  const match = cookie.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([a-z]{2})`));
  return isLocale(match?.[1]) ? match[1] : DEFAULT_LOCALE;
}

/** `secure` in production over HTTPS, like every cookie we set (no secret here, but no downgrade either). */
export function localeCookie(locale: Locale, { secure = false }: { secure?: boolean } = {}): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${secure ? "; Secure" : ""}`;
}

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return createElement(LocaleContext.Provider, { value: locale }, children);
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): (key: MessageKey, vars?: MessageVars) => string {
  const locale = useLocale();
  return (key, vars) => translate(locale, key, vars);
}
