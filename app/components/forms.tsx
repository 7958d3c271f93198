import type { ReactNode } from "react";
import { useT } from "~/services/i18n";
import type { MessageKey } from "~/services/i18n";

/**
 * A labelled field with hint and error tied to the control by aria-describedby, so a screen
 * reader announces the error with the field. `error` is an i18n key.
 */
export function Field({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  children: (props: { id: string; "aria-describedby"?: string; "aria-invalid"?: true; required?: boolean }) => ReactNode;
}) {
  const t = useT();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {required ? <span className="field__required"> ({t("form.required")})</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {t(error as MessageKey)}
        </p>
      ) : null}
      {children({ id, "aria-describedby": describedBy, ...(error ? { "aria-invalid": true as const } : {}), required })}
    </div>
  );
}

/** Lists every error at the top of a form, each linking to its field (WCAG 3.3.1). */
export function ErrorSummary({ errors, labels }: { errors: Record<string, string | undefined>; labels: Record<string, string> }) {
  const t = useT();
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h2>{t("form.errorSummary")}</h2>
      <ul>
        {entries.map(([field, key]) => (
          <li key={field}>
            <a href={`#${field}`}>
              {labels[field] ?? field}: {t(key as MessageKey)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A form-wide problem (rate limit, expired form, refused action), announced as it appears. */
export function FormAlert({ message }: { message?: string | null }) {
  const t = useT();
  if (!message) return null;
  return (
    <p className="error-summary" role="alert">
      {t(message as MessageKey)}
    </p>
  );
}
