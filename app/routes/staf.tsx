// The layout every /staf page nests under (flat routes: staf.*). It adds the staff wording to the
// public messages the root sends, so citizens' pages never download it. No data and no guard:
// each staff route checks its own user.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, type ShouldRevalidateFunction } from "@remix-run/react";
import { resolveLocale, revalidateMessages } from "~/services/i18n";
import { messagesFor } from "~/services/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return { messages: messagesFor(resolveLocale(request), "staff") };
}

// Not after every form post: the words change only with the language (see revalidateMessages).
export const shouldRevalidate: ShouldRevalidateFunction = revalidateMessages;

export default function StaffLayout() {
  return <Outlet />;
}
