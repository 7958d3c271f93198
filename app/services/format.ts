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

/**
 * A day as people read it ("22 Januari 2027", "22 January 2027"), never "2027-01-22": an instant
 * (ISO string or Date) is taken in Asia/Jakarta, a bare "YYYY-MM-DD" is that calendar day.
 */
export function formatWibDate(value: string | Date, locale: Locale): string {
  const key = `${locale}-d`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { timeZone: "Asia/Jakarta", day: "numeric", month: "long", year: "numeric" });
    formatters.set(key, formatter);
  }
  const instant = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00+07:00`) : new Date(value);
  return formatter.format(instant);
}

const numberLocale = (locale: Locale) => (locale === "id" ? "id-ID" : "en-GB");

/** A number with at most `digits` decimals, in the locale's notation (1.234,5 or 1,234.5). */
export function formatNumber(value: number, locale: Locale, digits = 0): string {
  return new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

/** A share 0–1 as a percentage with one decimal; an en dash when there is nothing to measure. */
export function formatShare(value: number | null, locale: Locale): string {
  return value === null ? "–" : `${formatNumber(value * 100, locale, 1)} %`;
}

/** Working minutes as working hours with one decimal; an en dash when unknown. */
export function formatWorkingHours(minutes: number | null, locale: Locale): string {
  return minutes === null ? "–" : formatNumber(minutes / 60, locale, 1);
}

/** "2026-02-01" → "Feb 2026" / "Feb 2026" in the locale. */
export function formatMonth(periodMonth: string, locale: Locale): string {
  return new Intl.DateTimeFormat(numberLocale(locale), { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${periodMonth}T00:00:00Z`));
}

/** An Ombudsman score as published: always two decimals (91,70). */
export function formatScore(value: number, locale: Locale): string {
  return new Intl.NumberFormat(numberLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}
