import type { SlaStage } from "~/generated/prisma/client";
import type { DbClient } from "~/services/db-types.server";
import { localeOrDefault } from "~/services/i18n";
import type { EscalationRole, RecordedEscalation } from "./sla-types";

/** What the SLA worker has already done for a complaint: its escalations, and the reminders sent (stage and clock start). */
export interface RecordedDuties {
  escalations: RecordedEscalation[];
  reminders: { stage: SlaStage; stageStartedAt: Date }[];
}

/** Escalations and reminders recorded for these complaints, in two queries; complaints with nothing done have no entry. */
export async function findRecordedDuties(db: DbClient, complaintIds: readonly string[]): Promise<Map<string, RecordedDuties>> {
  const [escalations, reminderEvents] = await Promise.all([
    db.escalation.findMany({
      where: { complaintId: { in: [...complaintIds] } },
      select: { complaintId: true, stage: true, level: true, cycleStartedAt: true, breachedDueAt: true, settledReason: true, settledAt: true },
    }),
    db.complaintEvent.findMany({ where: { complaintId: { in: [...complaintIds] }, type: "REMINDER_SENT" }, select: { complaintId: true, payload: true } }),
  ]);
  const recorded = new Map<string, RecordedDuties>();
  const entry = (complaintId: string) => {
    let found = recorded.get(complaintId);
    if (!found) recorded.set(complaintId, (found = { escalations: [], reminders: [] }));
    return found;
  };
  for (const { complaintId, settledAt, settledReason, ...e } of escalations) {
    // A row settled without a reason was settled when its stage stopped (a client older than ADR 029).
    entry(complaintId).escalations.push({ ...e, settledReason: settledAt ? (settledReason ?? "STAGE_STOPPED") : null });
  }
  for (const r of reminderEvents) {
    const payload = r.payload as { stage?: SlaStage; stageStartedAt?: string };
    if (payload.stage && payload.stageStartedAt) entry(r.complaintId).reminders.push({ stage: payload.stage, stageStartedAt: new Date(payload.stageStartedAt) });
  }
  return recorded;
}

export interface NoticeRecipient {
  email: string;
  locale: "id" | "en";
}

export interface EscalationUnit {
  id: string;
  parentId: string | null;
  contactEmails: string[];
  kind: string;
  isActive: boolean;
}

/** Every unit with what escalation needs of it: a city has tens, so a sweep reads them once. */
export function loadEscalationUnits(db: DbClient): Promise<EscalationUnit[]> {
  return db.serviceUnit.findMany({ select: { id: true, parentId: true, contactEmails: true, kind: true, isActive: true } });
}

/** How far up the unit tree level 1 looks for a head (kelurahan → kecamatan → city is three). */
const MAX_UNIT_DEPTH = 8;

/**
 * Who hears of an escalation level, and the unit that now holds it:
 * - COORDINATOR: every active coordinator (they verify city-wide), with the coordinator desk's
 *   contact addresses; the desk holds it;
 * - UNIT_HEAD: the unit head(s) of the complaint's unit (or of the coordinator's unit while no unit
 *   has it) with the unit's contact addresses;
 * - INSPECTORATE, LIAISON: every active member of that role (the Inspektorat's contact addresses too).
 *
 * A unit with no active head of its own (a Puskesmas, a kelurahan whose head has no account yet)
 * escalates to the nearest unit above it that has one (Dinkes, the kecamatan): DESIGN.md uses the
 * parent hierarchy for escalation, and those heads may act on the units below them. One query for
 * the heads whatever the depth; the sweep passes the unit list it read once for the whole run.
 */
export async function findEscalationRecipients(
  db: DbClient,
  { role, complaintUnitId, units: known }: { role: EscalationRole; complaintUnitId: string | null; units?: readonly EscalationUnit[] },
): Promise<{ targetUnitId: string | null; recipients: NoticeRecipient[] }> {
  const units = known ?? (await loadEscalationUnits(db));
  const byId = new Map(units.map((u) => [u.id, u]));
  const firstActive = (kind: "COORDINATOR" | "INSPECTORATE") => units.find((u) => u.kind === kind && u.isActive) ?? null;
  const unit =
    role === "UNIT_HEAD"
      ? complaintUnitId
        ? (byId.get(complaintUnitId) ?? null)
        : firstActive("COORDINATOR")
      : role === "COORDINATOR" || role === "INSPECTORATE"
        ? firstActive(role)
        : null;
  // The unit and those above it, nearest first; a unit head's level stops at the nearest with a head.
  const chain: string[] = [];
  for (let at = unit; at && chain.length <= MAX_UNIT_DEPTH && !chain.includes(at.id); at = at.parentId ? (byId.get(at.parentId) ?? null) : null) {
    chain.push(at.id);
    if (role !== "UNIT_HEAD") break;
  }
  const members = await db.membership.findMany({
    where: { role, user: { isActive: true }, ...(role === "UNIT_HEAD" && unit ? { unitId: { in: chain } } : {}) },
    select: { unitId: true, user: { select: { email: true, locale: true } } },
  });
  const holderId = role === "UNIT_HEAD" && unit ? (chain.find((id) => members.some((m) => m.unitId === id)) ?? unit.id) : (unit?.id ?? null);
  const recipients = new Map<string, NoticeRecipient>();
  for (const member of members) {
    if (role === "UNIT_HEAD" && unit && member.unitId !== holderId) continue;
    recipients.set(member.user.email.toLowerCase(), { email: member.user.email, locale: localeOrDefault(member.user.locale) });
  }
  // The complaint's own unit (or the desk, or the Inspektorat) always hears of it through its contact addresses.
  for (const email of unit?.contactEmails ?? []) if (!recipients.has(email.toLowerCase())) recipients.set(email.toLowerCase(), { email, locale: "id" });
  return { targetUnitId: holderId, recipients: [...recipients.values()] };
}

/**
 * Who is reminded before a deadline: whoever acts on the stage (level 1 of its ladder). The
 * coordinators for verification, the liaisons for an appeal, otherwise the officers and heads of
 * the unit that holds the complaint (the coordinators while none does).
 */
export async function findReminderRecipients(db: DbClient, { complaintUnitId, actor }: { complaintUnitId: string | null; actor: EscalationRole }): Promise<NoticeRecipient[]> {
  const members = await db.membership.findMany({
    where:
      actor === "UNIT_HEAD" && complaintUnitId
        ? { unitId: complaintUnitId, role: { in: ["OFFICER", "UNIT_HEAD"] }, user: { isActive: true } }
        : { role: actor === "UNIT_HEAD" ? "COORDINATOR" : actor, user: { isActive: true } },
    select: { user: { select: { email: true, locale: true } } },
  });
  const unique = new Map(members.map((m) => [m.user.email.toLowerCase(), { email: m.user.email, locale: localeOrDefault(m.user.locale) }]));
  return [...unique.values()];
}
