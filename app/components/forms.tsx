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

/**
 * Lists every error at the top of a form, each linking to its field (WCAG 3.3.1), named as the form
 * labels it. A form whose errors have a field type (`Partial<Record<Field, string>>`) must pass a
 * label for every field, so a field added without one fails the type check; a field without a label
 * at run time (errors typed as a plain record) shows its message alone, never its internal name.
 */
export function ErrorSummary<F extends string>({
  errors,
  labels,
}: {
  errors: Partial<Record<F, string | undefined>>;
  labels: Record<NoInfer<F>, string>;
}) {
  const t = useT();
  const entries = (Object.entries(errors) as [F, string | undefined][]).filter((entry): entry is [F, string] => Boolean(entry[1]));
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h2>{t("form.errorSummary")}</h2>
      <ul>
        {entries.map(([field, key]) => {
          const label: string | undefined = Object.hasOwn(labels, field) ? labels[field] : undefined;
          const message = t(key as MessageKey);
          // A label that is a question ("Which is closest…?") takes no colon after it.
          const text = !label ? message : /[?!.:]$/.test(label) ? `${label} ${message}` : `${label}: ${message}`;
          return (
            <li key={field}>
              <a href={`#${field}`}>{text}</a>
            </li>
          );
        })}
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

/**
 * One filter of a GET form (the inbox's "Saring", the public reports' filters): a labelled select
 * whose first option, "any", sends the empty value.
 */
export function FilterSelect({
  id,
  name,
  label,
  anyLabel,
  defaultValue,
  options,
}: {
  id: string;
  name: string;
  label: string;
  anyLabel: string;
  defaultValue: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
