// The visibility radios on the complaint form, each with what the public will see if it is chosen.
// The list is read from the publication rule itself (PUBLICATION_RULES), so the form cannot promise
// one thing while Open311 and the public pages do another (ADR 026).
import { VISIBILITIES, type Visibility } from "~/domain/complaints/complaint-form";
import { PUBLICATION_RULES } from "~/domain/publication/publication";
import { useT, type MessageKey } from "~/services/i18n";

/** What the public sees of a complaint of this visibility once it is verified, as message keys. */
export function publicExposureKeys(visibility: Visibility): MessageKey[] {
  const rules = PUBLICATION_RULES[visibility];
  if (Object.values(rules).every((rule) => rule === "omit")) return ["form.visibility.shows.nothing"];
  return [
    rules.description === "redact" ? "form.visibility.shows.description" : "form.visibility.shows.noDescription",
    rules.address === "redact" ? "form.visibility.shows.address" : "form.visibility.shows.areaOnly",
    "form.visibility.shows.never",
  ];
}

export function VisibilityChoice({ chosen, error }: { chosen: Visibility; error?: string }) {
  const t = useT();
  return (
    <fieldset aria-describedby={error ? "visibility-error" : undefined}>
      <legend id="visibility">{t("form.visibility")}</legend>
      {error ? (
        <p id="visibility-error" className="field__error">
          {t(error as MessageKey)}
        </p>
      ) : null}
      {VISIBILITIES.map((visibility) => (
        <div className="field field--radio" key={visibility}>
          <input
            id={`visibility-${visibility}`}
            type="radio"
            name="visibility"
            value={visibility}
            defaultChecked={chosen === visibility}
            aria-describedby={`visibility-${visibility}-shows`}
          />
          <label htmlFor={`visibility-${visibility}`}>{t(`home.visibility.${visibility}` as MessageKey)}</label>
          <ul id={`visibility-${visibility}-shows`} className="field__hint visibility-shows">
            {publicExposureKeys(visibility).map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </div>
      ))}
    </fieldset>
  );
}
