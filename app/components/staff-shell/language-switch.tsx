import { Form, useLocation } from "@remix-run/react";
import { useLocale, useT } from "~/services/i18n";

/** The language switch of every header, the citizen's and the staff's. */
export function LanguageSwitch() {
  const t = useT();
  const location = useLocation();
  const other = useLocale() === "id" ? "en" : "id";
  return (
    // A POST form, so switching language works without JavaScript and is never a mutating GET.
    <Form method="post" action="/bahasa" className="lang-switch" reloadDocument>
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" lang={other} title={t("lang.switchToHint")}>
        {t("lang.switchTo")}
      </button>
    </Form>
  );
}
