import { findRecordedDuties } from "~/models/sla-duties.server";
import type { DbClient } from "~/services/db-types.server";
import { doneDuties, reminderKey, type DoneDuties } from "./escalation";

/** Escalations and reminders already recorded for a complaint, as the duty computation reads them. */
export async function loadDoneDuties(db: DbClient, complaintId: string): Promise<DoneDuties> {
  return (await loadDoneDutiesFor(db, [complaintId])).get(complaintId) ?? doneDuties();
}

/** The same for many complaints in two queries; complaints with nothing done have no entry. */
export async function loadDoneDutiesFor(db: DbClient, complaintIds: readonly string[]): Promise<Map<string, DoneDuties>> {
  const recorded = await findRecordedDuties(db, complaintIds);
  return new Map(
    [...recorded].map(([complaintId, { escalations, reminders }]) => [
      complaintId,
      doneDuties({ escalations, reminders: reminders.map((r) => reminderKey(r.stage, r.stageStartedAt)) }),
    ]),
  );
}
