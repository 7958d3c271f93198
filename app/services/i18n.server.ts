// The catalogues, server side only: `.server` keeps them out of the browser bundle. Server code
// (emails, the Open311 API, CSV exports, plain-text errors) translates here; pages get the slice
// of one locale their area needs through loader data (messagesFor).
import en from "~/locales/en.json";
import id from "~/locales/id.json";
import { DEFAULT_LOCALE, formatMessage, type Catalogue, type Locale, type MessageKey, type Messages, type MessageVars } from "./i18n";
import { keyInArea, type I18nArea } from "./i18n-areas";

export { DEFAULT_LOCALE, isLocale, localeOrDefault, LOCALES, resolveLocale, type Locale, type MessageKey, type MessageVars } from "./i18n";

// `satisfies` makes a key missing from the English catalogue a type error, not a blank label.
export const CATALOGUES = { id, en: en satisfies Catalogue } as const satisfies Record<Locale, Catalogue>;

export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  return formatMessage(CATALOGUES[locale][key] ?? CATALOGUES[DEFAULT_LOCALE][key] ?? key, vars);
}

const slices = new Map<string, Readonly<Messages>>();

/** The keys of `area` in `locale`, computed once per pair (every page load sends the same object). */
export function messagesFor(locale: Locale, area: I18nArea): Readonly<Messages> {
  const cacheKey = `${locale}:${area}`;
  let slice = slices.get(cacheKey);
  if (!slice) {
    slice = Object.freeze(Object.fromEntries(Object.entries(CATALOGUES[locale]).filter(([key]) => keyInArea(key, area))) as Messages);
    slices.set(cacheKey, slice);
  }
  return slice;
}

