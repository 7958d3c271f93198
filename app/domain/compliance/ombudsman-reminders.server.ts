// Reminders of what the city owes Ombudsman RI: an open matter nearing or past its due date is
// e-mailed to the ombudsman liaisons and to the heads of the unit concerned (OMBUDSMAN_REMINDER_RULE).
// Run by the SLA sweep every minute; a notice's dedupe key (matter, step, recipient) makes each
// reminder go out once however often it runs, and whichever worker runs it.
import { createNotices, type Notice } from "~/models/email.server";
import { translate } from "~/services/i18n.server";
import type { Db } from "~/services/db.server";
import { addCalendarDays, jakartaDate, OMBUDSMAN_REMINDER_RULE, daysUntil, ombudsmanReminderStep } from "./ombudsman-deadlines";

const asLocale = (value: string): "id" | "en" => (value === "en" ? "en" : "id");
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export async function sendOmbudsmanReminders(db: Db, now: Date, { publicBaseUrl }: { publicBaseUrl: string }): Promise<{ created: number }> {
  const horizon = addCalendarDays(jakartaDate(now), Math.max(...OMBUDSMAN_REMINDER_RULE.daysBefore));
  const matters = await db.ombudsmanMatter.findMany({
    where: { status: "OPEN", dueOn: { lte: new Date(`${horizon}T00:00:00Z`) } },
    select: { id: true, kind: true, reference: true, dueOn: true, unitId: true, unit: { select: { name: true } } },
  });
  if (matters.length === 0) return { created: 0 };

  const people = await db.membership.findMany({
    where: { user: { isActive: true }, OR: [{ role: "LIAISON" }, { role: "UNIT_HEAD", unitId: { in: [...new Set(matters.map((m) => m.unitId))] } }] },
    select: { role: true, unitId: true, user: { select: { email: true, locale: true } } },
  });
  const base = publicBaseUrl.replace(/\/+$/, "");
  const notices: Notice[] = [];
  for (const matter of matters) {
    const dueOn = isoDate(matter.dueOn);
    const step = ombudsmanReminderStep({ status: "OPEN", dueOn }, now);
    if (!step) continue;
    const recipients = new Map<string, "id" | "en">();
    for (const person of people) {
      if (person.role === "LIAISON" || person.unitId === matter.unitId) recipients.set(person.user.email.toLowerCase(), asLocale(person.user.locale));
    }
    const left = daysUntil(dueOn, now);
    const which = step === "overdue" ? "overdue" : "before";
    for (const [email, locale] of recipients) {
      const vars = {
        kind: translate(locale, `ombudsman.kind.${matter.kind}`),
        reference: matter.reference,
        unit: matter.unit.name,
        due: dueOn,
        days: Math.abs(left),
        link: `${base}/staf/ombudsman/${matter.id}`,
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
