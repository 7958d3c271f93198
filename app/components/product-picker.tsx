import { useEffect, useState } from "react";
import { useT } from "~/services/i18n";

interface UnitOption {
  id: string;
  name: string;
  /** The product's name in the visitor's language. */
  products: { id: string; label: string }[];
}

type SelectProps = { id: string; "aria-describedby"?: string; "aria-invalid"?: true; required?: boolean };

/**
 * The service chooser. Without JavaScript it is a plain grouped <select> (typing jumps to a
 * match); once the page is interactive a search box above it narrows the list by service or
 * unit name. The chosen option is never filtered away.
 */
export function ProductPicker({ units, defaultValue, selectProps }: { units: UnitOption[]; defaultValue: string; selectProps: SelectProps }) {
  const t = useT();
  const [interactive, setInteractive] = useState(false);
  const [query, setQuery] = useState("");
  const [value, setValue] = useState(defaultValue);
  useEffect(() => setInteractive(true), []);

  const needle = query.trim().toLocaleLowerCase("id");
  const shown = needle
    ? units
        .map((unit) => {
          const unitMatches = unit.name.toLocaleLowerCase("id").includes(needle);
          return { ...unit, products: unit.products.filter((p) => unitMatches || p.id === value || p.label.toLocaleLowerCase("id").includes(needle)) };
        })
        .filter((unit) => unit.products.length > 0)
    : units;

  return (
    <>
      {interactive ? (
        <div className="field">
          <label htmlFor="productSearch" className="field__label">
            {t("form.product.search")}
          </label>
          <input id="productSearch" type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" />
          <p className="field__hint" aria-live="polite">
            {t("form.product.matches", { count: shown.reduce((sum, unit) => sum + unit.products.length, 0) })}
          </p>
        </div>
      ) : null}
      <select {...selectProps} name="productId" value={value} onChange={(event) => setValue(event.target.value)}>
        <option value="">{t("form.product.placeholder")}</option>
        {shown.map((unit) => (
          <optgroup key={unit.id} label={unit.name}>
            {unit.products.map((product) => (
              <option key={product.id} value={product.id}>
                {product.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </>
  );
}
