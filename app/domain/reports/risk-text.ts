// The risk ranking's reasons in words (risk.ts): one wording for the page, the report card and the
// PDF, so they never disagree. Client-safe.
import type { ReportLabels } from "~/models/report-labels.server";
import { formatNumber, formatScore, formatShare } from "~/services/format";
import type { Locale, MessageKey, MessageVars } from "~/services/i18n";
import { RISK_RULE, type RiskReason } from "./risk";

/** One reason in words, as the dashboard, the report card and the PDF print it. */
export function riskReasonText(reason: RiskReason, t: (key: MessageKey, vars?: MessageVars) => string, locale: Locale, labels: Pick<ReportLabels, "components">): string {
  const names = (numbers: readonly number[]) => numbers.map((n) => labels.components[n] ?? String(n)).join("; ");
  const index = (v: number) => formatNumber(v, locale, 1);
  switch (reason.kind) {
    case "lastBand":
      return t("report.risk.reason.lastBand", {
        year: reason.year,
        score: reason.score === null ? "–" : formatScore(reason.score, locale),
        band: [reason.grade, t(`report.zone.${reason.zone}` as MessageKey)].filter(Boolean).join(" · "),
      });
    case "indexBelowLast":
      return t("report.risk.reason.indexBelowLast", { index: index(reason.index), n: reason.n, band: reason.band, last: reason.lastBand });
    case "indexRed":
      return t("report.risk.reason.indexRed", { index: index(reason.index), n: reason.n, band: reason.band });
    case "indexDrop":
      return t("report.risk.reason.indexDrop", { index: index(reason.index), previous: index(reason.previous), n: reason.n });
    case "lettersOverdue":
      return t("report.risk.reason.lettersOverdue", { count: reason.count, days: reason.days });
    case "lettersDueSoon":
      return t("report.risk.reason.lettersDueSoon", { count: reason.count, days: reason.days });
    case "sharedGaps":
      return t("report.risk.reason.sharedGaps", { year: reason.year, components: names(reason.components) });
    case "unmetComponents":
      return t("report.risk.reason.unmetComponents", { year: reason.year, count: reason.components.length });
    case "late": {
      const text = t(`report.risk.reason.late.${reason.stage}` as MessageKey, { missed: reason.missed, n: reason.n, share: formatShare(reason.share, locale) });
      return reason.n < RISK_RULE.minSample ? `${text} — ${t("report.risk.thin", { min: RISK_RULE.minSample })}` : text;
    }
  }
}
