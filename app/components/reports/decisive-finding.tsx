// What a unit's report card opens with: the gaps both the Ombudsman and the complaints point at
// (the next assessment is likely to find them again), else the unit's top risk reasons, each a link
// to its data. The full findings and figures follow further down.
import { Link } from "@remix-run/react";
import type { UnitRisk } from "~/domain/reports/risk";
import type { ReportLabels } from "~/models/report-labels.server";
import { useLocale, useT, type MessageKey } from "~/services/i18n";
import { riskReasonText } from "~/domain/reports/risk-text";
import { reasonHref } from "./risk-table";

/** How many risk reasons the card's opening names; the rest are on the dashboard's row. */
const TOP_REASONS = 3;

export function DecisiveFinding({
  risk,
  findings,
  fixList,
  unitId,
  filter,
  labels,
}: {
  risk: UnitRisk | null;
  findings: { year: number; components: number[] } | null;
  fixList: number[];
  unitId: string;
  filter: { from: string; to: string };
  labels: ReportLabels;
}) {
  const t = useT();
  const locale = useLocale();
  const shared = findings ? findings.components.filter((n) => fixList.includes(n)) : [];
  const reasons = (risk?.reasons ?? []).filter((r) => r.severity !== "info" && r.kind !== "sharedGaps").slice(0, TOP_REASONS);
  const level = risk?.level ?? "green";
  return (
    <section className={`card decisive risk-row--${level}`} aria-labelledby="decisive-title" data-testid="decisive-finding">
      <h2 id="decisive-title">
        {t("report.card.decisive")}: <span className={`risk-badge risk-badge--${level}`}>{t(`report.risk.level.${level}` as MessageKey)}</span>
      </h2>
      {shared.length > 0 && findings ? (
        <>
          <p>{t("report.card.decisiveShared", { year: findings.year })}</p>
          <ul data-testid="decisive-shared">
            {shared.map((n) => (
              <li key={n}>
                <Link to={`/staf/laporan/unit/${unitId}?dari=${filter.from}&sampai=${filter.to}#findings-title`}>{labels.components[n] ?? n}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {reasons.length > 0 ? (
        <>
          <p>{t("report.card.decisiveRisk")}</p>
          <ul>
            {reasons.map((reason, i) => (
              <li key={i}>
                <Link to={reasonHref(reason, unitId, { ...filter, unitId })}>{riskReasonText(reason, t, locale, labels)}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {shared.length === 0 && reasons.length === 0 ? <p>{t("report.card.decisiveNone")}</p> : null}
    </section>
  );
}
