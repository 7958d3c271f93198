import { slaTimeLeft, type SlaState } from "~/components/sla-time-left";
import { useT } from "~/services/i18n";

export type SlaBadgeProps = SlaState;

/**
 * Time left on the running deadline, in working time, or "Terlambat". The short form is what the
 * eye scans; the words are what a screen reader says. Overdue carries a text label and a symbol,
 * not only a colour (WCAG 1.4.1).
 */
export function SlaBadge(props: SlaBadgeProps) {
  const t = useT();
  const left = slaTimeLeft(props);
  if (left.tone === "none") return <span className="sla-badge sla-badge--none">{t(left.short.key)}</span>;
  if (left.tone === "overdue") {
    return (
      <strong className="sla-badge sla-badge--overdue" data-testid="sla-overdue">
        <span aria-hidden="true">⚠ </span>
        {t(left.short.key)}
      </strong>
    );
  }
  return (
    <span className={`sla-badge${left.tone === "soon" ? " sla-badge--soon" : ""}`}>
      <span aria-hidden="true">{t(left.short.key, left.short.vars)}</span>
      <span className="visually-hidden">{t(left.long.key, left.long.vars)}</span>
    </span>
  );
}
