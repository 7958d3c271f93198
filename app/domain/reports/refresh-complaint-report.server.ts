// The reports worker's use-case: fold one complaint's current state into the facts and roll-ups.
// Idempotent and order-free: it always reads the complaint as it is now, so a late or repeated job
// writes the same rows as a timely one.
import type { Db } from "~/services/db.server";
import { loadCalendarForUnit } from "~/domain/calendar/unit-calendars.server";
import { loadSlaPolicy } from "~/domain/sla/policy.server";
import { loadFactSource, storeFact } from "~/models/report-facts.server";
import { computeComplaintFact, type ComplaintFact } from "./complaint-fact";

export async function refreshComplaintReport(db: Db, complaintId: string, { now }: { now: Date }): Promise<ComplaintFact | null> {
  const source = await loadFactSource(db, complaintId);
  if (!source) return null;
  const { complaint, events, category, priority } = source;
  const policy = await loadSlaPolicy(db, { unitId: complaint.unitId, productId: complaint.productId, category, priority });
  const calendar = await loadCalendarForUnit(db, complaint.unitId);
  const fact = computeComplaintFact({ complaint, events, policy, calendar, now });
  await storeFact(db, fact, now);
  return fact;
}
