// The public list's filters: a plain GET form, so they work without JavaScript and every filtered
// view has an address to share.
import { Form, Link } from "@remix-run/react";
import { STATUS_GROUP_NAMES, type StatusGroup } from "~/domain/public-reports/status-groups";
import { useT, type MessageKey } from "~/services/i18n";
import { FilterSelect } from "~/components/forms";

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
      <FilterSelect
        id="public-kecamatan"
        name="kecamatan"
        label={t("publicReport.filter.kecamatan")}
        anyLabel={t("publicReport.filter.any")}
        defaultValue={values.kecamatan}
        options={kecamatan.map((k) => ({ value: k.code, label: k.name }))}
      />
      <FilterSelect
        id="public-unit"
        name="unit"
        label={t("publicReport.filter.unit")}
        anyLabel={t("publicReport.filter.any")}
        defaultValue={values.unit}
        options={units.map((u) => ({ value: u.id, label: u.name }))}
      />
      <FilterSelect
        id="public-status"
        name="status"
        label={t("publicReport.filter.status")}
        anyLabel={t("publicReport.filter.any")}
        defaultValue={values.status}
        options={STATUS_GROUP_NAMES.map((group) => ({ value: group, label: t(groupLabel(group)) }))}
      />
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
