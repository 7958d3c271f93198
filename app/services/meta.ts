import type { MetaArgs, MetaDescriptor } from "@remix-run/node";
import { lookupMessage, mergeMessages, type MessageKey } from "./i18n";

/** A page title in the visitor's language, from the messages the matched routes' loaders sent (root; the staf layout for staff pages). */
export function pageTitle(args: Pick<MetaArgs, "matches">, key: MessageKey, extra: MetaDescriptor[] = []): MetaDescriptor[] {
  const messages = mergeMessages(args.matches);
  return [{ title: `${lookupMessage(messages, key)} — ${lookupMessage(messages, "app.name")}` }, ...extra];
}
