// The SLA worker's use-case: look at one complaint's clocks now and do what is owed (escalate a
// missed deadline one level at a time, remind before a deadline, auto-close a lapsed citizen
// window), then say when to look again. Safe to run any number of times, concurrently: the row
// lock serialises evaluations and the unique escalation key refuses a second record of a breach.
import type { Db } from "~/services/db.server";
import { qualifiedTable } from "~/services/db.server";
import { translate } from "~/services/i18n";
import { formatWib } from "~/services/format";
import { enqueueJob } from "~/models/outbox.server";
import { createNotice } from "~/models/email.server";
import { loadCalendarForUnit } from "~/models/calendar.server";
import { loadSlaPolicy } from "~/models/sla-policy.server";
import { findEscalationRecipients, findReminderRecipients, loadDoneDuties } from "~/models/sla-duties.server";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { TERMINAL_STATUSES, type ComplaintStatus } from "~/domain/complaints/workflow";
import { computeSlaSnapshot } from "./clock";
import { computeSlaDuties, escalationKey, reminderKey, type DueEscalation } from "./escalation";

export interface SlaEvaluation {
  escalated: { stage: string; level: number }[];
  reminded: string[];
  autoClosed: boolean;
  nextCheckAt: Date | null;
}

const NOTHING: SlaEvaluation = { escalated: [], reminded: [], autoClosed: false, nextCheckAt: null };

export async function evaluateComplaintSla(db: Db, complaintId: string, { now }: { now: Date }): Promise<SlaEvaluation> {
  const outcome = await db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM ${qualifiedTable(db, "complaint")} WHERE id = ${complaintId}::uuid FOR UPDATE`;
      if (locked.length === 0) return { kind: "gone" } as const;
      const complaint = await tx.complaint.findUniqueOrThrow({
        where: { id: complaintId },
        select: { status: true, unitId: true, productId: true, category: true, priority: true, trackingCode: true, escalationLevel: true, unit: { select: { name: true } } },
      });
      if (TERMINAL_STATUSES.includes(complaint.status as ComplaintStatus)) {
        await tx.complaint.update({ where: { id: complaintId }, data: { slaCheckAt: null } });
        return { kind: "done", evaluation: NOTHING } as const;
      }
      const events = await tx.complaintEvent.findMany({
        where: { complaintId, toStatus: { not: null } },
        orderBy: { id: "asc" },
        select: { type: true, toStatus: true, occurredAt: true },
      });
      const policy = await loadSlaPolicy(tx, { unitId: complaint.unitId, productId: complaint.productId, category: complaint.category, priority: complaint.priority });
      const calendar = await loadCalendarForUnit(tx, complaint.unitId);
      const snapshot = computeSlaSnapshot(events, policy, calendar, now);
      const done = await loadDoneDuties(tx, complaintId);
      const duties = computeSlaDuties(snapshot, policy, calendar, now, done);
      if (duties.autoClose) return { kind: "auto-close", stage: duties.autoClose } as const;

      const escalated: SlaEvaluation["escalated"] = [];
      for (const due of duties.escalations) {
        const { targetUnitId, recipients } = await findEscalationRecipients(tx, { role: due.role, complaintUnitId: complaint.unitId });
        // The unique (complaint, stage, level, breached deadline) key is the last word on "once".
        const inserted = await tx.$queryRaw<{ id: string }[]>`
          INSERT INTO ${qualifiedTable(db, "escalation")} (complaint_id, stage, level, breached_due_at, target_unit_id, target_role, due_at, escalated_at)
          VALUES (${complaintId}::uuid, ${due.stage}::"SlaStage", ${due.level}, ${due.breachedDueAt}, ${targetUnitId}::uuid, ${due.role}::"Role", ${due.nextLevelAt}, ${now})
          ON CONFLICT (complaint_id, stage, level, breached_due_at) DO NOTHING
          RETURNING id`;
        if (inserted.length === 0) continue;
        const escalatedEvent = await tx.complaintEvent.create({
          data: {
            complaintId,
            type: "ESCALATED",
            visibility: "INTERNAL",
            actorKind: "SYSTEM",
            payload: { stage: due.stage, level: due.level, role: due.role, breachedDueAt: due.breachedDueAt.toISOString() },
            occurredAt: now,
          },
          select: { id: true },
        });
        // Escalation rates are reported; the status did not change, so no transition queued this.
        await enqueueJob(tx, "refreshReports", { complaintId, eventId: escalatedEvent.id.toString() });
        for (const recipient of recipients) {
          const vars = escalationVars(due, complaint.trackingCode, complaint.unit?.name ?? null, recipient.locale);
          await createNotice(tx, {
            dedupeKey: `escalation-${escalationKey(due.stage, due.level, due.breachedDueAt)}-${complaintId}-${recipient.email.toLowerCase()}`,
            complaintId,
            template: "sla.escalation",
            locale: recipient.locale,
            to: recipient.email,
            subject: translate(recipient.locale, "email.escalation.subject", vars),
            bodyText: translate(recipient.locale, "email.escalation.body", vars),
          });
        }
        escalated.push({ stage: due.stage, level: due.level });
      }
      if (escalated.length > 0) {
        const level = Math.max(complaint.escalationLevel, ...escalated.map((e) => e.level));
        await tx.complaint.update({ where: { id: complaintId }, data: { escalationLevel: level } });
      }

      const reminded: string[] = [];
      if (duties.reminders.length > 0) {
        const recipients = await findReminderRecipients(tx, complaint.unitId);
        for (const reminder of duties.reminders) {
          await tx.complaintEvent.create({
            data: {
              complaintId,
              type: "REMINDER_SENT",
              visibility: "INTERNAL",
              actorKind: "SYSTEM",
              payload: { stage: reminder.stage, stageStartedAt: reminder.stageStartedAt.toISOString(), dueAt: reminder.dueAt.toISOString() },
              occurredAt: now,
            },
          });
          for (const recipient of recipients) {
            const vars = {
              code: complaint.trackingCode,
              stage: translate(recipient.locale, `stage.${reminder.stage}`),
              due: formatWib(reminder.dueAt.toISOString(), recipient.locale),
            };
            await createNotice(tx, {
              dedupeKey: `reminder-${reminderKey(reminder.stage, reminder.stageStartedAt)}-${complaintId}-${recipient.email.toLowerCase()}`,
              complaintId,
              template: "sla.reminder",
              locale: recipient.locale,
              to: recipient.email,
              subject: translate(recipient.locale, "email.reminder.subject", vars),
              bodyText: translate(recipient.locale, "email.reminder.body", vars),
            });
          }
          reminded.push(reminder.stage);
        }
      }

      // Escalations of a stage that has since been met are settled.
      const stopped = Object.values(snapshot.stages).filter((s) => s?.stoppedAt).map((s) => s!.stage);
      if (stopped.length > 0) {
        await tx.escalation.updateMany({ where: { complaintId, settledAt: null, stage: { in: stopped } }, data: { settledAt: now } });
      }

      const after = computeSlaDuties(snapshot, policy, calendar, now, await loadDoneDuties(tx, complaintId));
      await tx.complaint.update({ where: { id: complaintId }, data: { slaCheckAt: after.nextCheckAt } });
      if (after.nextCheckAt && after.nextCheckAt > now) {
        await enqueueJob(tx, "evaluateSla", { complaintId, dueAt: after.nextCheckAt.toISOString() }, { runAt: after.nextCheckAt });
      }
      return { kind: "done", evaluation: { escalated, reminded, autoClosed: false, nextCheckAt: after.nextCheckAt } } as const;
    },
    { timeout: 30_000 },
  );

  if (outcome.kind === "gone") return NOTHING;
  if (outcome.kind === "done") return outcome.evaluation;
  // A lapsed citizen window closes the complaint through the workflow like any other action.
  const closed = await applyTransition(db, { complaintId, action: "AUTO_CLOSE", actor: "SYSTEM", payload: { lapsed: outcome.stage }, now });
  return { ...NOTHING, autoClosed: closed.ok };
}

function escalationVars(due: DueEscalation, code: string, unitName: string | null, locale: "id" | "en") {
  return {
    code,
    level: due.level,
    stage: translate(locale, `stage.${due.stage}`),
    unit: unitName ?? translate(locale, "track.view.unitPending"),
    due: formatWib(due.breachedDueAt.toISOString(), locale),
    role: translate(locale, `role.${due.role}`),
  };
}
