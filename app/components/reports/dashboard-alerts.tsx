import { Link } from "@remix-run/react";
import { DueBadge } from "~/components/ombudsman-due-badge";
import { TableScroll } from "~/components/table-scroll";
import type { listOmbudsmanDeadlines } from "~/domain/compliance/ombudsman-lists.server";
import type { Dashboard } from "~/domain/reports/dashboard.server";
import { formatWib } from "~/services/format";
import { useLocale, useT, type MessageKey } from "~/services/i18n";

/** What falls due soon on the Ombudsman's letters (null: the reader may not see them). */
export function OmbudsmanDeadlineList({ ombudsmanDeadlines }: { ombudsmanDeadlines: Awaited<ReturnType<typeof listOmbudsmanDeadlines>> | null }) {
  const t = useT();
  return (
    <>
      {ombudsmanDeadlines ? (
        <>
          <h2>{t("report.ombudsman.title")}</h2>
          {ombudsmanDeadlines.length === 0 ? (
            <p>{t("report.ombudsman.none")}</p>
          ) : (
            <ul data-testid="ombudsman-deadlines">
              {ombudsmanDeadlines.map((matter) => (
                <li key={matter.id}>
                  <Link to={`/staf/ombudsman/${matter.id}`}>{`${t(`ombudsman.kind.${matter.kind}` as MessageKey)} ${matter.reference}`}</Link>
                  {` — ${matter.unitName} — `}
                  <DueBadge status="OPEN" daysLeft={matter.daysLeft} overdue={matter.overdue} />
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to="/staf/ombudsman">{t("report.ombudsman.all")}</Link>
          </p>
        </>
      ) : null}
    </>
  );
}

/** Complaints escalated and not yet settled, with the level's own deadline. */
export function OpenEscalations({ escalations }: { escalations: Dashboard["escalations"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h2>{t("report.escalations.title")}</h2>
      {escalations.length === 0 ? (
        <p>{t("report.escalations.none")}</p>
      ) : (
        <TableScroll label={t("report.escalations.title")}>
          <table>
            <caption className="visually-hidden">{t("report.escalations.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("report.col.code")}</th>
                <th scope="col">{t("report.col.unit")}</th>
                <th scope="col">{t("report.col.stage")}</th>
                <th scope="col">{t("report.col.level")}</th>
                <th scope="col">{t("report.col.escalatedAt")}</th>
                <th scope="col">{t("report.col.levelDue")}</th>
              </tr>
            </thead>
            <tbody>
              {escalations.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <Link to={`/staf/pengaduan/${e.complaint.id}`}>{e.complaint.trackingCode}</Link>
                  </th>
                  <td>{e.complaint.unit?.shortName ?? "–"}</td>
                  <td>{t(`report.stage.${e.stage}` as MessageKey)}</td>
                  <td className="num">{t("report.level", { level: e.level, role: t(`staff.role.${e.targetRole}` as MessageKey) })}</td>
                  <td>{formatWib(String(e.escalatedAt), locale)}</td>
                  <td>{e.dueAt ? formatWib(String(e.dueAt), locale) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
