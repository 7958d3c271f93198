import { useT } from "~/services/i18n";

export type SlaBadgeProps = { kind: "none" } | { kind: "overdue" } | { kind: "left"; workingMinutes: number };

/**
 * Time left on the running deadline, in working time, or "Terlambat". Overdue carries a text label
 * and a symbol, not only a colour (WCAG 1.4.1).
 */
export function SlaBadge(props: SlaBadgeProps) {
  const t = useT();
  if (props.kind === "none") return <span className="sla-badge sla-badge--none">{t("inbox.sla.none")}</span>;
  if (props.kind === "overdue") {
    return (
      <strong className="sla-badge sla-badge--overdue" data-testid="sla-overdue">
        <span aria-hidden="true">⚠ </span>
        {t("inbox.sla.overdue")}
      </strong>
    );
  }
  const hours = Math.floor(props.workingMinutes / 60);
  const minutes = Math.floor(props.workingMinutes % 60);
  const soon = props.workingMinutes < 8 * 60;
  return (
    <span className={`sla-badge${soon ? " sla-badge--soon" : ""}`}>
      {hours > 0 ? t("inbox.sla.hours", { hours, minutes }) : t("inbox.sla.minutes", { minutes })}
    </span>
  );
}
