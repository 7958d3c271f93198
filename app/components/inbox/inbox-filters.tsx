import { Form, Link, useSearchParams } from "@remix-run/react";
import type { WorkQueueView } from "~/domain/complaints/work-queue-views";
import { OPEN_STATUSES, TERMINAL_STATUSES } from "~/domain/complaints/workflow";
import { useLocale, useT, type MessageKey } from "~/services/i18n";
import { FilterSelect } from "~/components/forms";

export interface InboxFilterValues {
  status: string;
  productId: string;
  form: string;
  /** The kecamatan code, "" for any. */
  kecamatan?: string;
  overdue: boolean;
  mine: boolean;
}

/**
 * The filter form behind a disclosure ("Saring"), under the list: the views cover the daily work,
 * filters are for looking something up. Open when a filter is in use, so what narrows the list is
 * visible. A GET form that keeps the current view.
 */
export function InboxFilters({
  view,
  open,
  filters,
  products,
  forms,
  kecamatan = [],
}: {
  view: WorkQueueView | null;
  open: boolean;
  filters: InboxFilterValues;
  products: { id: string; name: string; nameEn: string }[];
  forms: { code: string; nameId: string; nameEn: string }[];
  kecamatan?: { code: string; name: string }[];
}) {
  const t = useT();
  const locale = useLocale();
  // The order is read from the address itself: "Terbanyak didukung" (#14, ADR 038) or the default.
  const [params] = useSearchParams();
  return (
    <details className="inbox-filter-disclosure" open={open} data-testid="inbox-filters">
      <summary>
        {t("inbox.filters")}
        {open ? ` ${t("inbox.filters.active")}` : null}
      </summary>
      <Form method="get" aria-label={t("inbox.filters")}>
        {view ? <input type="hidden" name="tampilan" value={view} /> : null}
        <div className="inbox-filters__fields">
          <FilterSelect
            id="filter-status"
            name="status"
            label={t("inbox.filter.status")}
            anyLabel={t("inbox.filter.statusOpen")}
            defaultValue={filters.status}
            options={[...OPEN_STATUSES, ...TERMINAL_STATUSES].map((status) => ({ value: status, label: t(`inbox.status.${status}` as MessageKey) }))}
          />
          <FilterSelect
            id="filter-product"
            name="produk"
            label={t("inbox.filter.product")}
            anyLabel={t("inbox.filter.any")}
            defaultValue={filters.productId}
            options={products.map((product) => ({ value: product.id, label: locale === "en" ? product.nameEn : product.name }))}
          />
          <FilterSelect
            id="filter-form"
            name="bentuk"
            label={t("inbox.filter.form")}
            anyLabel={t("inbox.filter.any")}
            defaultValue={filters.form}
            options={forms.map((form) => ({ value: form.code, label: locale === "en" ? form.nameEn : form.nameId }))}
          />
          {kecamatan.length > 0 ? (
            <FilterSelect
              id="filter-kecamatan"
              name="kecamatan"
              label={t("inbox.filter.kecamatan")}
              anyLabel={t("inbox.filter.any")}
              defaultValue={filters.kecamatan ?? ""}
              options={kecamatan.map((k) => ({ value: k.code, label: k.name }))}
            />
          ) : null}
          <div className="field">
            <label htmlFor="filter-sort" className="field__label">
              {t("inbox.sort")}
            </label>
            <select id="filter-sort" name="urut" defaultValue={params.get("urut") === "dukungan" ? "dukungan" : ""}>
              <option value="">{t("inbox.sort.due")}</option>
              <option value="dukungan">{t("inbox.sort.support")}</option>
            </select>
          </div>
          <div className="field field--checkbox">
            <input id="filter-overdue" type="checkbox" name="terlambat" value="1" defaultChecked={filters.overdue} />
            <label htmlFor="filter-overdue">{t("inbox.filter.overdue")}</label>
          </div>
          <div className="field field--checkbox">
            <input id="filter-mine" type="checkbox" name="saya" value="1" defaultChecked={filters.mine} />
            <label htmlFor="filter-mine">{t("inbox.filter.mine")}</label>
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t("inbox.filter.apply")}
          </button>
          <Link to={view ? `/staf/kotak-masuk?tampilan=${view}` : "/staf/kotak-masuk"} className="button button--secondary">
            {t("inbox.filter.reset")}
          </Link>
        </div>
      </Form>
    </details>
  );
}
