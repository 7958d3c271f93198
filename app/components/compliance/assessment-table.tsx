import { Link } from "@remix-run/react";
import { formatScore } from "~/components/compliance/assessment-entry-form";
import type { listAssessmentResults } from "~/domain/compliance/assessment-list.server";
import { useLocale, useT, type MessageKey } from "~/services/i18n";

type AssessmentRows = Awaited<ReturnType<typeof listAssessmentResults>>;

/** The results on record, one row per assessed subject, each linking to its component findings. */
export function AssessmentTable({ assessments, year, path }: { assessments: AssessmentRows; year: number | null; path: string }) {
  const t = useT();
  const locale = useLocale();
  const PATH = path;
  return (
    <div className="table-scroll">
      <table data-testid="assessments">
        <caption>{year ? t("assessment.list.captionYear", { year }) : t("assessment.list.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("assessment.field.year")}</th>
            <th scope="col">{t("assessment.field.subject")}</th>
            <th scope="col">{t("assessment.field.method")}</th>
            <th scope="col">{t("assessment.field.totalScore")}</th>
            <th scope="col">{t("assessment.field.result")}</th>
            <th scope="col">{t("assessment.field.confirmed")}</th>
            <th scope="col">{t("assessment.field.source")}</th>
          </tr>
        </thead>
        <tbody>
          {assessments.map((a) => (
            <tr key={a.id} data-testid="assessment-row" data-id={a.id}>
              <td>{a.year}</td>
              <th scope="row">
                {a.scope === "CITY" ? t("assessment.scope.CITY") : a.subjectName}
                {a.scope === "PRODUCT" && a.unitName ? <div>{a.unitName}</div> : null}
                <div>
                  <Link to={`${PATH}/${a.id}`} data-testid="assessment-findings-link">
                    {t("assessment.findings.link")}
                  </Link>
                  {a.findingCount > 0 ? ` · ${t("assessment.findings.unmetCount", { count: a.unmetCount })}` : null}
                </div>
              </th>
              <td>{t(`assessment.method.${a.method}` as MessageKey)}</td>
              <td>
                {formatScore(a.totalScore, locale)}
                {a.dimensions.length > 0 ? (
                  <div>
                    {a.dimensions.map((d) => `${t(`assessment.dimension.${d.dimension}` as MessageKey)} ${formatScore(d.score, locale)}`).join(" · ")}
                  </div>
                ) : null}
                {a.computedTotalDiffers !== null ? <div data-testid="assessment-differs">{t("assessment.list.differs", { computed: formatScore(a.computedTotalDiffers, locale) })}</div> : null}
              </td>
              <td>{[a.grade, a.zone ? t(`assessment.zone.${a.zone}` as MessageKey) : null, a.opinionLabel].filter(Boolean).join(" · ") || "–"}</td>
              <td>{a.confirmed ? t("assessment.yes") : t("assessment.no")}</td>
              <td>{a.sourceUrl ? <a href={a.sourceUrl} rel="noreferrer noopener">{a.source}</a> : a.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
