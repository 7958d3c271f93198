import { Form, Link } from "@remix-run/react";
import { useT } from "~/services/i18n";

export interface InboxCodeSearchState {
  typed: string;
  outcome: "found" | "notFound" | "invalid";
  code: string | null;
}

/**
 * The inbox's search by tracking code (a code read out on the phone, copied from a letter or a
 * mail), a compact GET form that works without JavaScript. What it found is InboxCodeSearchOutcome,
 * shown above the list while the form sits under it (the list comes first for the keyboard).
 */
export function InboxCodeSearch({ search }: { search: InboxCodeSearchState | null }) {
  const t = useT();
  return (
    <Form method="get" className="inbox-search" role="search" aria-labelledby="inbox-search-title">
      <h2 id="inbox-search-title">{t("inbox.search.title")}</h2>
      <div className="field">
        <label htmlFor="search-code" className="field__label">
          {t("inbox.search.label")}
        </label>
        <p id="search-code-hint" className="field__hint">
          {t("inbox.search.hint")}
        </p>
        <div className="inbox-search__row">
          <input
            id="search-code"
            name="kode"
            type="search"
            defaultValue={search?.typed ?? ""}
            maxLength={64}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby="search-code-hint"
          />
          <button type="submit" className="button">
            {t("inbox.search.submit")}
          </button>
          {search ? (
            <Link to="/staf/kotak-masuk" className="button button--secondary">
              {t("inbox.search.clear")}
            </Link>
          ) : null}
        </div>
      </div>
    </Form>
  );
}

export function InboxCodeSearchOutcome({ search }: { search: InboxCodeSearchState }) {
  const t = useT();
  return (
    <p className={search.outcome === "found" ? "notice notice--ok" : "notice"} role="status" data-testid="inbox-search-outcome">
      {search.outcome === "found"
        ? t("inbox.search.found", { code: search.code ?? "" })
        : search.outcome === "notFound"
          ? t("inbox.search.notFound", { code: search.code ?? "" })
          : t("inbox.search.invalid", { typed: search.typed })}
    </p>
  );
}
