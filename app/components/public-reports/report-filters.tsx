// The public list's filters: a plain GET form, so they work without JavaScript and every filtered
// view has an address to share.
import { Form, Link } from "@remix-run/react";
import { STATUS_GROUP_NAMES, type StatusGroup } from "~/domain/public-reports/status-groups";
import { useT, type MessageKey } from "~/services/i18n";

export interface PublicFilterValues {
  kecamatan: string;
  unit: string;
  status: string;
  month: string;
}

export const groupLabel = (group: StatusGroup): MessageKey => `publicReport.group.${group}` as MessageKey;

export function PublicReportFilters({ values, kecamatan, units }: { values: PublicFilterValues; kecamatan: { code: string; name: string }[]; units: { id: string; name: string }[] }) {
  const t = useT();
  const filtered = Object.values(values).some((value) => value !== "");
  return (
    <Form method="get" action="/laporan-warga" className="report-filters public-report-filters" aria-labelledby="public-filters-title">
      <h2 id="public-filters-title">{t("publicReport.filter.title")}</h2>
      <div className="field">
        <label htmlFor="public-kecamatan" className="field__label">
          {t("publicReport.filter.kecamatan")}
        </label>
        <select id="public-kecamatan" name="kecamatan" defaultValue={values.kecamatan}>
          <option value="">{t("publicReport.filter.any")}</option>
          {kecamatan.map((k) => (
            <option key={k.code} value={k.code}>
              {k.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="public-unit" className="field__label">
          {t("publicReport.filter.unit")}
        </label>
        <select id="public-unit" name="unit" defaultValue={values.unit}>
          <option value="">{t("publicReport.filter.any")}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="public-status" className="field__label">
          {t("publicReport.filter.status")}
        </label>
        <select id="public-status" name="status" defaultValue={values.status}>
          <option value="">{t("publicReport.filter.any")}</option>
          {STATUS_GROUP_NAMES.map((group) => (
            <option key={group} value={group}>
              {t(groupLabel(group))}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="public-month" className="field__label">
          {t("publicReport.filter.month")}
        </label>
        <input id="public-month" name="bulan" type="month" defaultValue={values.month} aria-describedby="public-month-hint" />
        <p id="public-month-hint" className="field__hint">
          {t("publicReport.filter.monthHint")}
        </p>
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {t("publicReport.filter.submit")}
        </button>
        {filtered ? <Link to="/laporan-warga">{t("publicReport.filter.reset")}</Link> : null}
      </div>
    </Form>
  );
}
