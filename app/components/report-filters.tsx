// The period (and, for staff, unit) filter of the report pages and /statistik.
import { Form } from "@remix-run/react";
import { useT } from "~/services/i18n";

export function ReportFilters({ filter, unitOptions, action }: { filter: { from: string; to: string; unitId?: string }; unitOptions?: { id: string; name: string }[]; action?: string }) {
  const t = useT();
  return (
    <Form method="get" action={action} className="report-filters" aria-labelledby="report-filters-title">
      <h2 id="report-filters-title">{t("report.filters")}</h2>
      <div className="field">
        <label htmlFor="report-from" className="field__label">{t("report.filter.from")}</label>
        <input id="report-from" name="dari" type="month" defaultValue={filter.from} aria-describedby="report-month-hint" />
      </div>
      <div className="field">
        <label htmlFor="report-to" className="field__label">{t("report.filter.to")}</label>
        <input id="report-to" name="sampai" type="month" defaultValue={filter.to} aria-describedby="report-month-hint" />
      </div>
      {unitOptions ? (
        <div className="field">
          <label htmlFor="report-unit" className="field__label">{t("report.filter.unit")}</label>
          <select id="report-unit" name="unit" defaultValue={filter.unitId ?? ""}>
            <option value="">{t("report.filter.allUnits")}</option>
            {unitOptions.map((u) => (
              <option key={u.id} value={u.id}>{u.name}</option>
            ))}
          </select>
        </div>
      ) : null}
      <p id="report-month-hint" className="field__hint">{t("report.filter.monthHint")}</p>
      <div className="actions">
        <button type="submit" className="button">{t("report.filter.apply")}</button>
      </div>
    </Form>
  );
}
