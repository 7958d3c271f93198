import { Link } from "@remix-run/react";
import { SlaBadge } from "~/components/sla-badge";
import type { InboxPageRow } from "~/domain/complaints/inbox-page.server";
import { useLocale, useT, type MessageKey } from "~/services/i18n";

/**
 * One complaint in the work queue: its code (the row's link, the first stop of the list), what the
 * citizen wrote in one line (name and contacts blanked), product, priority, officer, status and
 * time left. The tick box comes last so the keyboard meets the link first. At narrow widths the
 * row becomes a card (app.css, "inbox work queue").
 */
export function InboxRow({ row, selecting }: { row: InboxPageRow; selecting: boolean }) {
  const t = useT();
  const locale = useLocale();
  const priority = row.priority !== "NORMAL";
  return (
    <tr data-testid="inbox-row" data-id={row.id} className={`inbox-row${row.sla.kind === "overdue" ? " inbox-row--overdue" : ""}`}>
      <th scope="row" className="inbox-row__code">
        <Link to={`/staf/pengaduan/${row.id}`}>
          <code>{row.trackingCode}</code>
        </Link>
      </th>
      <td className="inbox-row__summary">
        <span className="inbox-row__summary-text">{row.summary}</span>
      </td>
      <td className="inbox-row__product">
        <span className="inbox-row__product-text">
          {row.productName ? (locale === "en" ? row.productNameEn : row.productName) : t("inbox.noProduct")}
          <small> · {row.unitName ?? t("inbox.noUnit")}</small>
        </span>
      </td>
      <td className={`inbox-row__priority${priority ? ` inbox-row__priority--${row.priority.toLowerCase()}` : ""}`} data-label={t("inbox.col.priority")}>
        {t(`adminSla.priority.${row.priority}` as MessageKey)}
      </td>
      <td className="inbox-row__assignee" data-label={t("inbox.col.assignee")}>
        {row.assignedToMe ? <strong>{t("inbox.mine")}</strong> : (row.assigneeName ?? <span className="inbox-row__none">{t("inbox.unassigned")}</span>)}
      </td>
      <td className="inbox-row__status">
        {t(`inbox.status.${row.status}` as MessageKey)}
        {row.escalationLevel > 0 ? <small className="inbox-row__escalated"> · {t("inbox.escalated", { level: row.escalationLevel })}</small> : null}
        {row.emailUndeliverable ? (
          <small className="inbox-row__email" data-testid="inbox-email-undeliverable">
            {" "}
            · <span aria-hidden="true">⚠ </span>
            {t("inbox.email.undeliverable")}
          </small>
        ) : null}
        {row.supportCount > 0 ? (
          <small className="inbox-row__support" data-testid="inbox-support">
            {" "}
            · {t("inbox.supportCount", { count: row.supportCount })}
          </small>
        ) : null}
      </td>
      <td className="inbox-row__sla">
        <SlaBadge {...row.sla} />
        {row.nextDueStage && row.sla.kind !== "none" ? <small className="inbox-row__stage">{t(`inbox.stage.${row.nextDueStage}` as MessageKey)}</small> : null}
      </td>
      {selecting ? (
        <td className="inbox-row__select">
          {row.selectable ? (
            // The label only widens the target a finger or a mouse has to hit.
            <label className="inbox-row__pick">
              <input type="checkbox" name="ids" value={row.id} id={`pilih-${row.id}`} aria-label={t("inbox.select", { code: row.trackingCode })} />
            </label>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}
