// Use-cases for Ombudsman matters: record a letter with its computed due date, mark it answered
// or closed with a note. Each change and its AuditLog row are one transaction (STYLE.md).
import { Prisma } from "~/generated/prisma/client";
import { loadCalendarForUnit } from "~/domain/calendar/unit-calendars.server";
import type { Db } from "~/services/db.server";
import type { DbClient } from "~/services/db-types.server";
import { canMoveTo, computeOmbudsmanDueDate, jakartaDate, type OmbudsmanMatterStatus } from "./ombudsman-deadlines";
import type { OmbudsmanMatterFormInput } from "./ombudsman";

const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

async function audit(db: DbClient, actorUserId: string, action: string, entityId: string, data: Prisma.InputJsonObject) {
  await db.auditLog.create({ data: { actorUserId, action, entity: "ombudsman_matter", entityId, data } });
}

/** Field → i18n key, as the form shows them. */
export type MatterErrors = Partial<Record<keyof OmbudsmanMatterFormInput | "form", string>>;
export type RecordMatterOutcome = { ok: true; id: string; dueOn: string } | { ok: false; errors: MatterErrors };

export async function recordOmbudsmanMatter(
  db: Db,
  input: OmbudsmanMatterFormInput,
  { actorUserId, now }: { actorUserId: string; now: Date },
): Promise<RecordMatterOutcome> {
  // A letter cannot arrive tomorrow; a typo in the year would otherwise hide a deadline for a year.
  if (input.receivedOn > jakartaDate(now)) return { ok: false, errors: { receivedOn: "ombudsman.error.receivedInFuture" } };
  const unit = await db.serviceUnit.findUnique({ where: { id: input.unitId }, select: { id: true, isActive: true } });
  if (!unit?.isActive) return { ok: false, errors: { unitId: "ombudsman.error.unit" } };
  let complaintId: string | null = null;
  if (input.trackingCode) {
    const complaint = await db.complaint.findUnique({ where: { trackingCode: input.trackingCode }, select: { id: true } });
    if (!complaint) return { ok: false, errors: { trackingCode: "ombudsman.error.trackingCodeUnknown" } };
    complaintId = complaint.id;
  }
  // Ombudsman periods run on the city's government working days, not a unit's own service days
  // (a Puskesmas open on Saturday answers the Ombudsman on the same clock as everyone): default calendar.
  const calendar = await loadCalendarForUnit(db, null);
  const due = computeOmbudsmanDueDate(input.kind, input.receivedOn, { statedDueOn: input.statedDueOn, calendar });
  if (!due.ok) {
    if (due.reason === "invalid_received") return { ok: false, errors: { receivedOn: "ombudsman.error.receivedOn" } };
    return { ok: false, errors: { statedDueOn: due.reason === "stated_due_required" ? "ombudsman.error.statedDueRequired" : "ombudsman.error.statedDueBeforeReceived" } };
  }
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.ombudsmanMatter.create({
        data: {
          kind: input.kind,
          reference: input.reference,
          summary: input.summary ?? null,
          unitId: unit.id,
          complaintId,
          receivedOn: dateOnly(input.receivedOn),
          dueOn: dateOnly(due.dueOn),
          recordedById: actorUserId,
        },
        select: { id: true },
      });
      await audit(tx, actorUserId, "ombudsman_matter.create", row.id, {
        kind: input.kind,
        reference: input.reference,
        unitId: unit.id,
        complaintId,
        receivedOn: input.receivedOn,
        dueOn: due.dueOn,
      });
      return { ok: true, id: row.id, dueOn: due.dueOn } as const;
    });
  } catch (error) {
    // The same letter for the same unit twice (a double submit, or two people at once).
    if (isUniqueViolation(error)) return { ok: false, errors: { reference: "ombudsman.error.duplicate" } };
    throw error;
  }
}

export type StatusOutcome = { ok: true } | { ok: false; reason: "not_found" | "invalid_status"; status?: OmbudsmanMatterStatus };

/** OPEN → ANSWERED (`note`: what was sent, e.g. the letter number) or OPEN/ANSWERED → CLOSED. */
export async function changeOmbudsmanMatterStatus(
  db: Db,
  id: string,
  to: "ANSWERED" | "CLOSED",
  note: string,
  { actorUserId, now }: { actorUserId: string; now: Date },
): Promise<StatusOutcome> {
  return db.$transaction(async (tx) => {
    const before = await tx.ombudsmanMatter.findUnique({ where: { id }, select: { status: true } });
    if (!before) return { ok: false, reason: "not_found" } as const;
    if (!canMoveTo(before.status, to)) return { ok: false, reason: "invalid_status", status: before.status } as const;
    // The conditional update makes a concurrent change lose cleanly instead of overwriting.
    const { count } = await tx.ombudsmanMatter.updateMany({
      where: { id, status: before.status },
      data: to === "ANSWERED" ? { status: to, answeredAt: now, evidenceNote: note } : { status: to, closedAt: now, closingNote: note },
    });
    if (count === 0) return { ok: false, reason: "invalid_status" } as const;
    await audit(tx, actorUserId, to === "ANSWERED" ? "ombudsman_matter.answer" : "ombudsman_matter.close", id, { from: before.status, to, note });
    return { ok: true } as const;
  });
}
