import type { MetaArgs, MetaDescriptor } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, translate, type MessageKey } from "./i18n";

/** A page title in the visitor's language, read from the root loader's locale. */
export function pageTitle(args: Pick<MetaArgs, "matches">, key: MessageKey, extra: MetaDescriptor[] = []): MetaDescriptor[] {
  const rootData = args.matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  const locale = isLocale(rootData?.locale) ? rootData.locale : DEFAULT_LOCALE;
  return [{ title: `${translate(locale, key)} — ${translate(locale, "app.name")}` }, ...extra];
}
