// The liaison's first view: units ranked by risk (app/domain/reports/risk.ts). Three columns only —
// unit, risk, reasons — so nothing decisive sits behind a sideways scroll at 1366 px; at phone width
// each row becomes a card. The level is written out, never shown by colour alone.
import { Link } from "@remix-run/react";
import type { RiskReason, UnitRisk } from "~/domain/reports/risk";
import { riskReasonText } from "~/domain/reports/risk-text";
import type { ReportLabels } from "~/models/report-labels.server";
import { formatNumber } from "~/services/format";
import { useLocale, useT, type MessageKey } from "~/services/i18n";

interface Filter {
  from: string;
  to: string;
  unitId: string;
}

export function RiskTable({
  risk,
  filter,
  unitNames,
  labels,
  period,
}: {
  risk: { units: UnitRisk[]; lettersCounted: boolean };
  filter: Filter;
  unitNames: Record<string, string>;
  labels: ReportLabels;
  /** The months the index and its trend are read over, as shown. */
  period: { from: string; to: string };
}) {
  const t = useT();
  const atRisk = risk.units.filter((u) => u.level !== "green");
  const green = risk.units.filter((u) => u.level === "green");
  return (
    <section aria-labelledby="warnings" className="risk">
      <h2 id="warnings">{t("report.risk.title")}</h2>
      <p className="field__hint">{t("report.risk.period", period)}</p>
      {risk.units.length === 0 ? (
        <p>{t("report.risk.empty")}</p>
      ) : (
        <>
          {atRisk.length === 0 ? <p data-testid="risk-none">{t("report.risk.none")}</p> : <RiskRows units={atRisk} start={1} filter={filter} unitNames={unitNames} labels={labels} caption={t("report.risk.caption")} />}
          {green.length > 0 ? (
            <details className="risk__green">
              <summary>{t("report.risk.green", { n: green.length })}</summary>
              <RiskRows units={green} start={atRisk.length + 1} filter={filter} unitNames={unitNames} labels={labels} caption={t("report.risk.green", { n: green.length })} />
            </details>
          ) : null}
        </>
      )}
      <p>{t("report.risk.lead")}</p>
      {risk.lettersCounted ? null : <p className="field__hint">{t("report.risk.lettersNotCounted")}</p>}
      <p className="field__hint">{t("report.risk.rule")}</p>
    </section>
  );
}

function RiskRows({ units, start, filter, unitNames, labels, caption }: { units: UnitRisk[]; start: number; filter: Filter; unitNames: Record<string, string>; labels: ReportLabels; caption: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <table className="risk-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("report.risk.col.unit")}</th>
          <th scope="col">{t("report.risk.col.level")}</th>
          <th scope="col">{t("report.risk.col.reasons")}</th>
        </tr>
      </thead>
      <tbody>
        {units.map((u, i) => (
          <tr key={u.unitId} className={`risk-row risk-row--${u.level}`} data-testid="risk-row" data-unit={u.unitId} data-level={u.level}>
            <th scope="row">
              <span className="risk-row__rank">{start + i}.</span>{" "}
              <Link to={`/staf/laporan/unit/${u.unitId}?dari=${filter.from}&sampai=${filter.to}`}>{unitNames[u.unitId] ?? u.unitId}</Link>
              <span className="risk-row__index">
                {u.index === null ? t("report.risk.indexThin", { n: u.handled }) : t("report.risk.index", { index: formatNumber(u.index, locale, 1), n: u.handled })}
              </span>
            </th>
            <td>
              <span className={`risk-badge risk-badge--${u.level}`}>{t(`report.risk.level.${u.level}` as MessageKey)}</span>
            </td>
            <td>
              {u.reasons.length === 0 ? "–" : (
                <ul className="risk-reasons">
                  {u.reasons.map((reason, k) => (
                    <li key={k} className={`risk-reason risk-reason--${reason.severity}`}>
                      <span className="visually-hidden">{t(`report.risk.severity.${reason.severity}` as MessageKey)}: </span>
                      <Link to={reasonHref(reason, u.unitId, filter)}>{riskReasonText(reason, t, locale, labels)}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Where a reason's data is: the unit's report card section, the Ombudsman letters, or the complaints behind a late figure. */
export function reasonHref(reason: RiskReason, unitId: string, filter: Filter): string {
  const card = (anchor: string) => `/staf/laporan/unit/${unitId}?dari=${filter.from}&sampai=${filter.to}#${anchor}`;
  switch (reason.kind) {
    case "lastBand":
      return card("assessments");
    case "indexBelowLast":
    case "indexRed":
    case "indexDrop":
      return card("index");
    case "lettersOverdue":
      return `/staf/ombudsman?${new URLSearchParams({ unit: unitId, terlambat: "1" })}`;
    case "lettersDueSoon":
      return `/staf/ombudsman?${new URLSearchParams({ unit: unitId, status: "OPEN" })}`;
    case "sharedGaps":
    case "unmetComponents":
      return card("findings-title");
    case "late":
      return `/staf/laporan/pengaduan?${new URLSearchParams({ dari: filter.from, sampai: filter.to, unit: unitId, tahap: reason.stage, hasil: "missed" })}`;
  }
}
