import { Form, Link, useSearchParams } from "@remix-run/react";
import type { WorkQueueView } from "~/domain/complaints/work-queue-views";
import { OPEN_STATUSES, TERMINAL_STATUSES } from "~/domain/complaints/workflow";
import { useLocale, useT, type MessageKey } from "~/services/i18n";

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
          <div className="field">
            <label htmlFor="filter-status" className="field__label">
              {t("inbox.filter.status")}
            </label>
            <select id="filter-status" name="status" defaultValue={filters.status}>
              <option value="">{t("inbox.filter.statusOpen")}</option>
              {[...OPEN_STATUSES, ...TERMINAL_STATUSES].map((status) => (
                <option key={status} value={status}>
                  {t(`inbox.status.${status}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-product" className="field__label">
              {t("inbox.filter.product")}
            </label>
            <select id="filter-product" name="produk" defaultValue={filters.productId}>
              <option value="">{t("inbox.filter.any")}</option>
              {products.map((product) => (
                <option key={product.id} value={product.id}>
                  {locale === "en" ? product.nameEn : product.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-form" className="field__label">
              {t("inbox.filter.form")}
            </label>
            <select id="filter-form" name="bentuk" defaultValue={filters.form}>
              <option value="">{t("inbox.filter.any")}</option>
              {forms.map((form) => (
                <option key={form.code} value={form.code}>
                  {locale === "en" ? form.nameEn : form.nameId}
                </option>
              ))}
            </select>
          </div>
          {kecamatan.length > 0 ? (
            <div className="field">
              <label htmlFor="filter-kecamatan" className="field__label">
                {t("inbox.filter.kecamatan")}
              </label>
              <select id="filter-kecamatan" name="kecamatan" defaultValue={filters.kecamatan ?? ""}>
                <option value="">{t("inbox.filter.any")}</option>
                {kecamatan.map((k) => (
                  <option key={k.code} value={k.code}>
                    {k.name}
                  </option>
                ))}
              </select>
            </div>
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
