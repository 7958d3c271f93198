// Staff pages only (its words are in the staff i18n area; public pages must not import it).
import { useT } from "~/services/i18n";

/** The free-text fields of the staff forms: what a person typed and would have to type again. */
const TYPED_TEXT_FIELDS = ["message", "reason", "note"] as const;

/**
 * What was typed into a form that is no longer on the page (the complaint moved on while the
 * clerk was writing, e.g. a colleague acted first): shown back read-only under the refusal, so the
 * text can be copied into whatever form now applies instead of being lost.
 */
export function UnsentText({ values }: { values: Record<string, string> | undefined }) {
  const t = useT();
  const text = TYPED_TEXT_FIELDS.map((field) => values?.[field]?.trim() ?? "")
    .filter((value) => value !== "")
    .join("\n\n");
  if (text === "") return null;
  return (
    <div className="field" data-testid="unsent-text">
      <label htmlFor="unsent-text" className="field__label">
        {t("staff.unsentText.label")}
      </label>
      <p id="unsent-text-hint" className="field__hint">
        {t("staff.unsentText.hint")}
      </p>
      <textarea id="unsent-text" readOnly rows={4} defaultValue={text} aria-describedby="unsent-text-hint" />
    </div>
  );
}
