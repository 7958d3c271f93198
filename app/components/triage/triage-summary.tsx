import type { TriagePage } from "~/domain/complaints/triage-page.server";
import { PlaceMap, PlaceRows, type Place } from "~/components/map/place";
import { STATUS_KEYS as CITIZEN_STATUS_KEYS } from "~/components/citizen/tracking-summary";
import { formatWib } from "~/services/format";
import { useLocale, useT, type MessageKey } from "~/services/i18n";

// The citizen's words, except that the coordinator sees "held" apart from "submitted".
const STATUS_KEYS: Record<string, MessageKey> = { ...CITIZEN_STATUS_KEYS, SUBMITTED: "triage.status.SUBMITTED", ON_HOLD: "triage.status.ON_HOLD" };

/** What the coordinator decides on: the complaint's facts, the citizen's text and files, its timeline. */
export function TriageSummary({ view }: { view: TriagePage["view"] }) {
  const t = useT();
  const locale = useLocale();
  const place: Place = {
    kecamatanName: view.kecamatanName,
    kelurahanName: view.kelurahanName,
    address: view.address,
    latitude: view.latitude,
    longitude: view.longitude,
    tiles: view.tiles,
  };
  return (
    <>
      <dl className="summary">
        <dt>{t("triage.detail.status")}</dt>
        <dd data-testid="status">{t(STATUS_KEYS[view.status] ?? "triage.status.SUBMITTED")}</dd>
        <dt>{t("triage.detail.priority")}</dt>
        <dd data-testid="priority">{t(`adminSla.priority.${view.priority}` as MessageKey)}</dd>
        <dt>{t("triage.detail.visibility")}</dt>
        <dd>{t(`triage.visibility.${view.visibility}` as MessageKey)}</dd>
        <dt>{t("triage.detail.submitted")}</dt>
        <dd>{formatWib(view.submittedAt, locale)}</dd>
        {view.verificationDueAt ? (
          <>
            <dt>{t("triage.detail.deadline")}</dt>
            <dd>
              {formatWib(view.verificationDueAt, locale)}
              {view.overdue ? (
                <>
                  {" "}
                  <strong className="badge badge--overdue">{t("triage.queue.overdue")}</strong>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        <dt>{t("triage.detail.service")}</dt>
        <dd>{view.productName ? (locale === "en" ? view.productNameEn : view.productName) : t("triage.unitUnknown")}</dd>
        <dt>{t("triage.detail.unit")}</dt>
        <dd data-testid="unit">{view.unitName ?? t("triage.unitUnknown")}</dd>
        <dt>{t("triage.detail.form")}</dt>
        <dd>{view.maladministration ? (locale === "en" ? view.maladministration.nameEn : view.maladministration.nameId) : t("triage.formUnknown")}</dd>
        {view.incidentDate ? (
          <>
            <dt>{t("triage.detail.incidentDate")}</dt>
            <dd>{view.incidentDate}</dd>
          </>
        ) : null}
        <PlaceRows place={place} />
        {view.duplicateOfCode ? (
          <>
            <dt>{t("triage.detail.duplicateOf")}</dt>
            <dd data-testid="duplicate-of">
              <code>{view.duplicateOfCode}</code>
            </dd>
          </>
        ) : null}
      </dl>
      <PlaceMap place={place} />

      <h2>{t("triage.detail.description")}</h2>
      {view.title ? <p><strong>{view.title}</strong></p> : null}
      <p className="timeline__message">{view.description}</p>
      <h3>{t("triage.detail.attachments")}</h3>
      {view.attachments.length === 0 ? (
        <p>{t("triage.detail.noAttachments")}</p>
      ) : (
        <ul>
          {view.attachments.map((attachment) => (
            <li key={attachment.id}>
              <a href={`/staf/lampiran/${attachment.id}`} download>
                {attachment.name}
              </a>
            </li>
          ))}
        </ul>
      )}

      <h2>{t("triage.detail.timeline")}</h2>
      <ol className="timeline">
        {view.timeline.map((entry) => (
          <li key={entry.id} className={entry.byCitizen ? "timeline__item timeline__item--citizen" : "timeline__item"}>
            <p className="timeline__meta">
              <strong>{t(`event.${entry.type}` as MessageKey)}</strong> · <time dateTime={entry.occurredAt}>{formatWib(entry.occurredAt, locale)}</time>
            </p>
            {entry.message ? <p className="timeline__message">{entry.message}</p> : null}
          </li>
        ))}
      </ol>
    </>
  );
}
