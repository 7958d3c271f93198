// Reminders of what the city owes Ombudsman RI: an open matter nearing or past its due date is
// e-mailed to the ombudsman liaisons and to the heads of the unit concerned (OMBUDSMAN_REMINDER_RULE).
// Run by the SLA sweep every minute; a notice's dedupe key (matter, step, recipient) makes each
// reminder go out once however often it runs, and whichever worker runs it.
import { createNotices, type Notice } from "~/models/email.server";
import { listOmbudsmanReminderRecipients } from "~/models/ombudsman.server";
import { absoluteUrl } from "~/services/urls";
import { formatWibDate } from "~/services/format";
import type { Db } from "~/services/db.server";
import { localeOrDefault, translate } from "~/services/i18n.server";
import { OMBUDSMAN_REMINDER_RULE, ombudsmanReminderStep } from "./ombudsman-deadlines";
import { listOmbudsmanDeadlines } from "./ombudsman-lists.server";

export async function sendOmbudsmanReminders(db: Db, now: Date, { publicBaseUrl }: { publicBaseUrl: string }): Promise<{ created: number }> {
  // Every open matter in the reminder window, overdue ones included: none may be crowded out by a limit.
  const matters = await listOmbudsmanDeadlines(db, { now, scope: { kind: "any" }, withinDays: Math.max(...OMBUDSMAN_REMINDER_RULE.daysBefore), limit: null });
  if (matters.length === 0) return { created: 0 };

  const people = await listOmbudsmanReminderRecipients(db, [...new Set(matters.map((m) => m.unitId))]);
  const notices: Notice[] = [];
  for (const matter of matters) {
    const step = ombudsmanReminderStep({ status: "OPEN", dueOn: matter.dueOn }, now);
    if (!step) continue;
    const recipients = new Map<string, "id" | "en">();
    for (const person of people) {
      if (person.role === "LIAISON" || person.unitId === matter.unitId) recipients.set(person.email.toLowerCase(), localeOrDefault(person.locale));
    }
    const which = step === "overdue" ? "overdue" : "before";
    for (const [email, locale] of recipients) {
      const vars = {
        kind: translate(locale, `ombudsman.kind.${matter.kind}`),
        reference: matter.reference,
        unit: matter.unitName,
        due: formatWibDate(matter.dueOn, locale),
        days: Math.abs(matter.daysLeft),
        link: absoluteUrl(publicBaseUrl, `/staf/ombudsman/${matter.id}`),
      };
      notices.push({
        dedupeKey: `ombudsman-${step}-${matter.id}-${email}`,
        template: "ombudsman.reminder",
        locale,
        to: email,
        subject: translate(locale, `email.ombudsmanReminder.${which}.subject`, vars),
        bodyText: translate(locale, `email.ombudsmanReminder.${which}.body`, vars),
      });
    }
  }
  return db.$transaction((tx) => createNotices(db, tx, notices));
}
