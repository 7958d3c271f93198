import { useT } from "~/services/i18n";

/**
 * Days left to an Ombudsman deadline, or "Terlambat N hari" in red text with a symbol: the word
 * carries the meaning, the colour only repeats it (WCAG 1.4.1).
 */
export function DueBadge({ status, daysLeft, overdue }: { status: "OPEN" | "ANSWERED" | "CLOSED"; daysLeft: number; overdue: boolean }) {
  const t = useT();
  if (status !== "OPEN") return null;
  if (overdue) {
    return (
      <strong className="due-overdue" data-testid="ombudsman-overdue">
        <span aria-hidden="true">⚠ </span>
        {t("ombudsman.due.overdue", { days: -daysLeft })}
      </strong>
    );
  }
  if (daysLeft === 0) return <strong className="due-soon">{t("ombudsman.due.today")}</strong>;
  return <span className={daysLeft <= 7 ? "due-soon" : undefined}>{t("ombudsman.due.left", { days: daysLeft })}</span>;
}
