import type { Locale } from "./i18n";

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date and time as people in Pangkalpinang read it: Asia/Jakarta, suffixed WIB. */
export function formatWib(iso: string, locale: Locale): string {
  const key = `${locale}-dt`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", {
      timeZone: "Asia/Jakarta",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    });
    formatters.set(key, formatter);
  }
  return `${formatter.format(new Date(iso))} WIB`;
}
