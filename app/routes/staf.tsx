// The layout every /staf page nests under (flat routes: staf.*). It adds the staff wording to the
// public messages the root sends, so citizens' pages never download it, and draws the staff frame:
// the full header for a signed-in user, brand and language only on the sign-in pages. No guard:
// each staff route checks its own user (the login page must render without one).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { StaffFrame, MinimalStaffHeader } from "~/components/staff-shell/staff-frame";
import { StaffHeader } from "~/components/staff-shell/staff-header";
import { loadStaffShell } from "~/components/staff-shell/staff-shell.server";
import { appNow } from "~/services/clock.server";
import { getDb } from "~/services/db.server";
import { resolveLocale, revalidateMessages } from "~/services/i18n";
import { messagesFor } from "~/services/i18n.server";
import { getStaffUser } from "~/services/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const now = appNow();
  const user = await getStaffUser(getDb(), request, now);
  return {
    messages: messagesFor(resolveLocale(request), "staff"),
    shell: user ? await loadStaffShell(getDb(), user, now) : null,
  };
}

/**
 * The counts must follow the work: reload after every form post (an action may have moved a
 * complaint between queues) and on every move to another page. Not when only the query changes
 * (a filter, a view, the next page of the same list): that page shows the list itself, and each
 * reload also resends the staff words (about 17 KB compressed).
 */
export const shouldRevalidate: ShouldRevalidateFunction = (args) => {
  if (revalidateMessages(args)) return true;
  if (args.formMethod !== undefined && args.formMethod.toUpperCase() !== "GET") return true;
  if (args.currentUrl.pathname !== args.nextUrl.pathname) return true;
  // The same address again (a link to the page one is on, revalidator.revalidate()): as Remix would.
  return args.currentUrl.href === args.nextUrl.href ? args.defaultShouldRevalidate : false;
};

export default function StaffLayout() {
  const { shell } = useLoaderData<typeof loader>();
  return (
    <StaffFrame header={shell ? <StaffHeader shell={shell} /> : <MinimalStaffHeader />}>
      <Outlet />
    </StaffFrame>
  );
}
