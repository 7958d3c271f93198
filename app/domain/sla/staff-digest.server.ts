// Staff digests (issue #20 item 4, ADR 009 session 6): the SLA evaluation records what each staff
// address is owed (staff_alert); the sweep then writes every address ONE message listing all of it
// that is not yet mailed, escalations before reminders, oldest deadline first, each with a link
// straight to the complaint. One mail per complaint and level had flooded a unit head with 25
// messages in a minute.
//
// Once: the digests and the marks on their alerts commit together, so a sweep retried after a crash
// lists only what no digest has listed yet; the alerts themselves are deduplicated per address and
// item when they are recorded. Redis carries only the message id (ADR 006).
import { createNotices, type Notice } from "~/models/email.server";
import { lockUnmailedStaffAlerts, markStaffAlertsMailed, type UnmailedStaffAlert } from "~/models/staff-alerts.server";
import type { Db } from "~/services/db.server";
import { blocksFromText, renderEmailHtml, renderEmailText, type EmailBlock, type EmailItem } from "~/services/email-render";
import { formatWib, formatWibDate } from "~/services/format";
import { localeOrDefault, translate, type Locale, type MessageKey } from "~/services/i18n.server";
import { absoluteUrl } from "~/services/urls";
import { ESCALATION_LADDERS, isEscalatingStage, type EscalationDuty } from "./escalation";

/** How many alerts one digest transaction takes; a larger backlog is mailed by the next sweeps. */
export const STAFF_DIGEST_BATCH = 5_000;

/**
 * Where the reader acts on the complaint, in the staff workspace (the sign-in page brings a
 * signed-out reader back to it): the complaint page, except for the coordinators' late or nearly
 * late verification, which is done on the triage desk; the complaint page only shows it to them.
 */
export function staffComplaintUrl(publicBaseUrl: string, alert: Pick<UnmailedStaffAlert, "complaintId" | "stage" | "kind" | "role">): string {
  const verifies = alert.stage === "VERIFICATION" && (alert.kind === "REMINDER" || alert.role === "COORDINATOR");
  return absoluteUrl(publicBaseUrl, `${verifies ? "/staf/triase" : "/staf/pengaduan"}/${alert.complaintId}`);
}

type Orderable = Pick<UnmailedStaffAlert, "kind" | "dueAt" | "level" | "trackingCode">;

/** Escalations, then citizens who cannot be mailed while a complaint waits on them (issue #15), then reminders. */
const KIND_ORDER: Record<UnmailedStaffAlert["kind"], number> = { ESCALATION: 0, CITIZEN_UNREACHABLE: 1, REMINDER: 2 };

/**
 * Most urgent first: escalations before reminders; escalations from the oldest missed deadline (a
 * higher level first when two share it), reminders from the nearest deadline.
 */
export function orderDigestAlerts<T extends Orderable>(alerts: readonly T[]): T[] {
  return [...alerts].sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.dueAt.getTime() - b.dueAt.getTime() ||
      (b.level ?? 0) - (a.level ?? 0) ||
      a.trackingCode.localeCompare(b.trackingCode),
  );
}

function dutyOf(alert: UnmailedStaffAlert): EscalationDuty {
  if (!isEscalatingStage(alert.stage)) return "OVERSEE";
  return ESCALATION_LADDERS[alert.stage].steps.find((step) => step.level === alert.level)?.duty ?? "OVERSEE";
}

function nextRoleOf(alert: UnmailedStaffAlert): string | null {
  if (!isEscalatingStage(alert.stage)) return null;
  return ESCALATION_LADDERS[alert.stage].steps.find((step) => step.level === (alert.level ?? 0) + 1)?.role ?? null;
}

function itemOf(alert: UnmailedStaffAlert, locale: Locale, now: Date, publicBaseUrl: string): EmailItem {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
  const product = locale === "en" ? alert.productNameEn : alert.productName;
  const title = t("email.staffDigest.item", {
    code: alert.trackingCode,
    service: product ?? t("email.staffDigest.noService"),
    unit: alert.unitName ?? t("email.staffDigest.noUnit"),
  });
  const stage = t(`stage.${alert.stage}` as MessageKey);
  const due = formatWib(alert.dueAt.toISOString(), locale);
  const link = staffComplaintUrl(publicBaseUrl, alert);
  if (alert.kind === "REMINDER") return { title, lines: [t("email.staffDigest.reminder", { stage, due })], link };
  if (alert.kind === "CITIZEN_UNREACHABLE") {
    return { title, lines: [t(alert.stage === "CONFIRMATION" ? "email.staffDigest.unreachable.confirmation" : "email.staffDigest.unreachable.reply", { due })], link };
  }

  const lines = [t("email.staffDigest.escalation.reached", { level: alert.level ?? 1, role: t(`role.${alert.role ?? "UNIT_HEAD"}` as MessageKey), stage, due })];
  const duty = dutyOf(alert) === "ACT" ? "act" : "oversee";
  const nextRole = nextRoleOf(alert);
  // The top of the ladder promises no next level; a next level already reached says so in the past tense.
  if (!alert.nextLevelAt || !nextRole) lines.push(t(`email.staffDigest.escalation.${duty}Top`));
  else {
    const vars = { next: formatWib(alert.nextLevelAt.toISOString(), locale), nextRole: t(`role.${nextRole}` as MessageKey) };
    lines.push(alert.nextLevelAt.getTime() > now.getTime() ? t(`email.staffDigest.escalation.${duty}`, vars) : t(`email.staffDigest.escalation.${duty}Passed`, vars));
  }
  return { title, lines, link };
}

function subjectOf(alerts: readonly UnmailedStaffAlert[], locale: Locale, now: Date): string {
  const [only] = alerts;
  if (alerts.length === 1 && only) {
    const stage = translate(locale, `stage.${only.stage}` as MessageKey);
    if (only.kind === "CITIZEN_UNREACHABLE") return translate(locale, "email.staffDigest.unreachable.subject", { code: only.trackingCode });
    return only.kind === "ESCALATION"
      ? translate(locale, "email.escalation.subject", { level: only.level ?? 1, code: only.trackingCode, stage, date: formatWibDate(only.dueAt, locale) })
      : translate(locale, "email.reminder.subject", { code: only.trackingCode, stage, due: formatWib(only.dueAt.toISOString(), locale) });
  }
  const count = (kind: "escalations" | "reminders" | "unreachable", n: number) => translate(locale, `email.staffDigest.count.${kind}.${n === 1 ? "one" : "other"}`, { count: n });
  const parts = (
    [
      ["escalations", alerts.filter((a) => a.kind === "ESCALATION").length],
      ["unreachable", alerts.filter((a) => a.kind === "CITIZEN_UNREACHABLE").length],
      ["reminders", alerts.filter((a) => a.kind === "REMINDER").length],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => count(kind, n));
  // "1 eskalasi dan 2 pengingat"; with three kinds, "1 eskalasi, 1 … dan 2 pengingat".
  const counts = parts.length === 1 ? parts[0]! : translate(locale, "email.staffDigest.count.both", { escalations: parts.slice(0, -1).join(", "), reminders: parts[parts.length - 1]! });
  return translate(locale, "email.staffDigest.subject", { date: formatWibDate(now, locale), counts });
}

/** One address's digest of its alerts (any order), in its reader's language. */
export function composeStaffDigest(alerts: readonly UnmailedStaffAlert[], { now, publicBaseUrl }: { now: Date; publicBaseUrl: string }): Notice {
  const ordered = orderDigestAlerts(alerts);
  const first = ordered[0];
  if (!first) throw new Error("a digest needs at least one alert");
  const locale = localeOrDefault(first.locale);
  const escalations = ordered.filter((a) => a.kind === "ESCALATION");
  const unreachable = ordered.filter((a) => a.kind === "CITIZEN_UNREACHABLE");
  const reminders = ordered.filter((a) => a.kind === "REMINDER");
  const blocks: EmailBlock[] = [{ kind: "paragraph", text: translate(locale, "email.staffDigest.intro") }];
  for (const [heading, group] of [
    ["email.staffDigest.escalations", escalations],
    ["email.staffDigest.unreachableTitle", unreachable],
    ["email.staffDigest.reminders", reminders],
  ] as const) {
    if (group.length === 0) continue;
    blocks.push({ kind: "heading", text: translate(locale, heading, { count: group.length }) });
    blocks.push({ kind: "items", items: group.map((alert) => itemOf(alert, locale, now, publicBaseUrl)) });
  }
  blocks.push(...blocksFromText(translate(locale, "email.staffDigest.closing", { inbox: absoluteUrl(publicBaseUrl, "/staf/kotak-masuk") })));
  const subject = subjectOf(ordered, locale, now);
  const content = { locale, subject, blocks };
  const complaints = new Set(ordered.map((a) => a.complaintId));
  return {
    // Each alert is in one digest only, so the first alert's id names this one for good.
    dedupeKey: `sla-digest-${ordered.reduce((min, a) => (a.id < min ? a.id : min), first.id)}`,
    // A digest about one complaint belongs to it; one about several belongs to none.
    complaintId: complaints.size === 1 ? first.complaintId : null,
    template: "sla.digest",
    locale,
    to: first.toAddress,
    subject,
    bodyText: renderEmailText(content),
    bodyHtml: renderEmailHtml(content),
  };
}

/** The digests for a set of alerts: one per address (case-insensitive), with the alerts each lists. */
export function composeStaffDigests(alerts: readonly UnmailedStaffAlert[], options: { now: Date; publicBaseUrl: string }): { alertIds: bigint[]; notice: Notice }[] {
  const byAddress = new Map<string, UnmailedStaffAlert[]>();
  for (const alert of alerts) {
    const key = alert.toAddress.toLowerCase();
    const list = byAddress.get(key);
    if (list) list.push(alert);
    else byAddress.set(key, [alert]);
  }
  return [...byAddress.values()].map((group) => ({ alertIds: group.map((a) => a.id), notice: composeStaffDigest(group, options) }));
}

/**
 * Mails every staff address its alerts that no digest has listed yet: one message per address,
 * written and marked in one transaction. Run by the SLA sweep after its evaluations.
 */
export async function sendStaffDigests(db: Db, now: Date, { publicBaseUrl }: { publicBaseUrl: string }): Promise<{ digests: number; alerts: number }> {
  return db.$transaction(
    async (tx) => {
      const alerts = await lockUnmailedStaffAlerts(db, tx, STAFF_DIGEST_BATCH);
      if (alerts.length === 0) return { digests: 0, alerts: 0 };
      const digests = composeStaffDigests(alerts, { now, publicBaseUrl });
      await createNotices(db, tx, digests.map((d) => d.notice));
      const ids = await tx.emailMessage.findMany({ where: { dedupeKey: { in: digests.map((d) => d.notice.dedupeKey) } }, select: { id: true, dedupeKey: true } });
      const idOf = new Map(ids.map((row) => [row.dedupeKey, row.id]));
      await markStaffAlertsMailed(
        db,
        tx,
        digests.map((d) => ({ alertIds: d.alertIds, emailMessageId: idOf.get(d.notice.dedupeKey)! })),
      );
      return { digests: digests.length, alerts: alerts.length };
    },
    { timeout: 60_000 },
  );
}
