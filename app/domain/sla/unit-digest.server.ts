// Writes the morning summaries (UNIT_DIGEST_RULE) for every unit with work waiting, on working days
// of the default calendar. Run by the e-mail sweep; dedupe keys make it once per unit, day and person.
import { isWorkingInstant } from "~/domain/calendar/working-time";
import { loadCalendarForUnit } from "~/domain/calendar/unit-calendars.server";
import { createNotices, type Notice } from "~/models/email.server";
import { listUnitDigestRecipients, loadUnitWorkloads } from "~/models/unit-digest.server";
import { absoluteUrl } from "~/services/urls";
import { formatWibDate } from "~/services/format";
import type { Db } from "~/services/db.server";
import { localeOrDefault, translate } from "~/services/i18n.server";
import { inDigestWindow, needsDigest, wibClock } from "./unit-digest";

export async function sendUnitDigests(db: Db, now: Date, { publicBaseUrl }: { publicBaseUrl: string }): Promise<{ created: number }> {
  const { date, minute } = wibClock(now);
  if (!inDigestWindow(minute)) return { created: 0 };
  // A holiday or a weekend has no office to summarise for (the default calendar's office hours).
  const calendar = await loadCalendarForUnit(db, null);
  if (!isWorkingInstant(new Date(`${date}T10:00:00+07:00`), calendar)) return { created: 0 };

  const dayEnd = new Date(new Date(`${date}T00:00:00+07:00`).getTime() + 86_400_000);
  const workloads = await loadUnitWorkloads(db, now, dayEnd);
  const busy = [...workloads].filter(([, load]) => needsDigest(load)).map(([unitId]) => unitId);
  if (busy.length === 0) return { created: 0 };
  const link = absoluteUrl(publicBaseUrl, "/staf/kotak-masuk");
  const notices: Notice[] = [];
  for (const person of await listUnitDigestRecipients(db, busy)) {
    const load = workloads.get(person.unitId)!;
    const locale = localeOrDefault(person.locale);
    // The day as the reader says it ("23 November 2026"); the dedupe key keeps the ISO date.
    const vars = { unit: person.unitName, date: formatWibDate(date, locale), waiting: load.waiting, dueToday: load.dueToday, overdue: load.overdue, link };
    notices.push({
      dedupeKey: `digest-${date}-${person.unitId}-${person.email.toLowerCase()}`,
      template: "unit.digest",
      locale,
      to: person.email,
      subject: translate(locale, "email.unitDigest.subject", vars),
      bodyText: translate(locale, "email.unitDigest.body", vars),
    });
  }
  return createNotices(db, db, notices);
}
