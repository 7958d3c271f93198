// Client-safe, and without the catalogues: a page gets its words as loader data (`messages`, the
// keys of its area in the visitor's language: app/services/i18n-areas.ts), so the browser bundle
// carries neither language. The catalogues themselves are read on the server (i18n.server.ts).
import { createContext, createElement, useContext, useMemo, type ReactNode } from "react";
// Type only (erased from the build): the keys, not the texts.
import type idCatalogue from "~/locales/id.json";

export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "id";
export const LOCALE_COOKIE = "lang";

export type MessageKey = keyof typeof idCatalogue;
export type Catalogue = Record<MessageKey, string>;
/** The part of one locale's catalogue that a page was sent. */
export type Messages = Partial<Record<MessageKey, string>>;
export type MessageVars = Record<string, string | number>;

/** What a page translates with: its language and the messages it was sent. */
export interface I18nData {
  locale: Locale;
  messages: Messages;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** A stored locale (a user's, a complaint's) as a Locale; anything else reads as Bahasa Indonesia. */
export function localeOrDefault(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than becoming blank. */
export function formatMessage(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Picks the locale from `?lang=`, then the cookie, then Bahasa Indonesia (never Accept-Language: id first). */
export function resolveLocale(request: Request): Locale {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (isLocale(fromQuery)) return fromQuery;
  const cookie = request.headers.get("Cookie") ?? "";
  const match = cookie.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([a-z]{2})`));
  return localeOrDefault(match?.[1]);
}

/** `secure` in production over HTTPS, like every cookie we set (no secret here, but no downgrade either). */
export function localeCookie(locale: Locale, { secure = false }: { secure?: boolean } = {}): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${secure ? "; Secure" : ""}`;
}

const reportedMissing = new Set<string>();

/**
 * A key the page was not sent is a bug in app/services/i18n-areas.ts (or a typo cast to MessageKey).
 * The test servers run with LAPOR_STRICT_I18N=1 and fail the render, so a public page reaching for
 * a staff key fails its test; in production the visitor sees the key, and the log says which one.
 */
function missingMessage(key: string): string {
  if (typeof process !== "undefined" && process.env.LAPOR_STRICT_I18N === "1") {
    throw new Error(`i18n: "${key}" is not among this page's messages (see app/services/i18n-areas.ts)`);
  }
  if (!reportedMissing.has(key)) {
    reportedMissing.add(key);
    console.error(`i18n: "${key}" is not among this page's messages (see app/services/i18n-areas.ts)`);
  }
  return key;
}

export function lookupMessage(messages: Messages, key: MessageKey, vars?: MessageVars): string {
  const template = messages[key];
  return template === undefined ? missingMessage(key) : formatMessage(template, vars);
}

/** The `messages` a route's loader data carries, if any (root, the staf layout, /dev/mailbox). */
export function messagesOf(data: unknown): Messages | undefined {
  const messages = typeof data === "object" && data !== null ? (data as { messages?: unknown }).messages : undefined;
  return typeof messages === "object" && messages !== null && !Array.isArray(messages) ? (messages as Messages) : undefined;
}

/** Every matched route's messages in one catalogue (meta functions get `matches`, as does useMatches()). */
export function mergeMessages(matches: readonly { data?: unknown }[]): Messages {
  return Object.assign({}, ...matches.map((match) => messagesOf(match.data)));
}

const I18nContext = createContext<I18nData>({ locale: DEFAULT_LOCALE, messages: {} });

export function I18nProvider({ locale, messages, children }: I18nData & { children: ReactNode }) {
  const value = useMemo(() => ({ locale, messages }), [locale, messages]);
  return createElement(I18nContext.Provider, { value }, children);
}

/**
 * Set by entry.server.tsx when the root loader did not run (an action threw on a document request:
 * Remix then runs no loader at or above the error boundary), so the root error page still has the
 * visitor's words. Null in the browser.
 */
export const ErrorPageI18nContext = createContext<I18nData | null>(null);

/** The JSON block in which such an error page carries its words for hydration (ErrorBoundary in root.tsx). */
export const ERROR_PAGE_I18N_ID = "error-page-i18n";

/**
 * shouldRevalidate for the routes that send messages (root, the staf layout). Their words change
 * only with `?lang=` (/bahasa reloads the whole document), so a form post or a link does not fetch
 * the catalogue again. Except from an error page rendered without their data (the JSON block above
 * is there): the router would keep that missing data, so the next page loads it.
 */
export function revalidateMessages({ currentUrl, nextUrl }: { currentUrl: URL; nextUrl: URL }): boolean {
  if (currentUrl.searchParams.get("lang") !== nextUrl.searchParams.get("lang")) return true;
  return typeof document !== "undefined" && document.getElementById(ERROR_PAGE_I18N_ID) !== null;
}

export function useLocale(): Locale {
  return useContext(I18nContext).locale;
}

export function useT(): (key: MessageKey, vars?: MessageVars) => string {
  const { messages } = useContext(I18nContext);
  return (key, vars) => lookupMessage(messages, key, vars);
}
