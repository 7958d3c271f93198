import type { BulkSummary } from "~/domain/complaints/bulk-actions.server";
import { useT, type MessageKey } from "~/services/i18n";

export interface BulkOfficer {
  unitId: string;
  unitName: string;
  userId: string;
  name: string;
}

/**
 * The actions on the ticked rows, under the list inside the same form (works without JavaScript):
 * an officer and "assign" for those who may assign, "acknowledge" for unit staff. Sticky at the
 * bottom of the window on wide screens, so it stays in reach of a long list.
 */
export function BulkBar({
  canAssign,
  canAcknowledge,
  officers,
  error,
  busy = false,
}: {
  canAssign: boolean;
  canAcknowledge: boolean;
  officers: BulkOfficer[];
  error: string | null;
  /** A post is under way (JavaScript on): no second one from a double click. */
  busy?: boolean;
}) {
  const t = useT();
  const units = [...new Map(officers.map((officer) => [officer.unitId, officer.unitName])).entries()];
  return (
    <fieldset className="bulk-bar" data-testid="bulk-bar" aria-describedby="bulk-hint">
      <legend>{t("inbox.bulk.title")}</legend>
      <p id="bulk-hint" className="visually-hidden">
        {t("inbox.bulk.hint")}
      </p>
      {error ? (
        <p className="field__error" role="alert" data-testid="bulk-error">
          {t(error as MessageKey)}
        </p>
      ) : null}
      <div className="bulk-bar__controls">
        {canAssign && officers.length > 0 ? (
          <>
            <label htmlFor="bulk-officer" className="bulk-bar__label">
              {t("inbox.bulk.officer")}
            </label>
            <select id="bulk-officer" name="officerId" defaultValue="">
              <option value="">{t("inbox.bulk.officerChoose")}</option>
              {units.map(([unitId, unitName]) => (
                <optgroup key={unitId} label={unitName}>
                  {officers
                    .filter((officer) => officer.unitId === unitId)
                    .map((officer) => (
                      <option key={`${unitId}-${officer.userId}`} value={officer.userId}>
                        {officer.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            <button type="submit" name="intent" value="bulk-assign" className="button" disabled={busy}>
              {t("inbox.bulk.assign")}
            </button>
          </>
        ) : null}
        {canAcknowledge ? (
          <button type="submit" name="intent" value="bulk-acknowledge" className={canAssign ? "button button--secondary" : "button"} disabled={busy}>
            {t("inbox.bulk.acknowledge")}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}

/** What the last bulk action did: how many were done, and each refusal with its code and reason. */
export function BulkNotice({ summary }: { summary: BulkSummary }) {
  const t = useT();
  return (
    <div className={summary.refused.length === 0 ? "notice notice--ok" : "notice"} role="status" data-testid="bulk-notice">
      <p>{t(`inbox.bulk.done.${summary.intent}` as MessageKey, { count: summary.done.length })}</p>
      {summary.refused.length > 0 ? (
        <>
          <p>{t("inbox.bulk.refused", { count: summary.refused.length })}</p>
          <ul>
            {summary.refused.map((refusal, i) => (
              <li key={`${refusal.code ?? "?"}-${i}`}>
                {refusal.code ? <code>{refusal.code}</code> : t("inbox.bulk.unknownCode")}: {t(`inbox.bulk.reason.${refusal.reason}` as MessageKey)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
