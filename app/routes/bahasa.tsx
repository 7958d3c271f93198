import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "~/services/zod.server";
import { getEnv } from "~/services/env.server";
import { DEFAULT_LOCALE, localeCookie, LOCALES } from "~/services/i18n";
import { readForm } from "~/services/form-body.server";

const switchLocaleSchema = () =>
  z.object({
    locale: z.enum(LOCALES).catch(DEFAULT_LOCALE),
    // Only same-site paths: an open redirect here would be a phishing aid.
    redirectTo: z
      .string()
      .regex(/^\/(?!\/)/)
      .catch("/"),
  });

export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await readForm(request));
  const { locale, redirectTo } = switchLocaleSchema().parse(form);
  const target = new URL(redirectTo, "http://local");
  target.searchParams.delete("lang");
  return redirect(target.pathname + target.search, { headers: { "Set-Cookie": localeCookie(locale, { secure: getEnv().NODE_ENV === "production" && getEnv().PUBLIC_BASE_URL.startsWith("https:") }) } });
}

export async function loader() {
  return redirect("/");
}
