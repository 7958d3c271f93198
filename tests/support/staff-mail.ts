// Staff e-mail about SLA duties is one digest per address and sweep (ADR 009, session 6): the
// staff_alert rows say which digest listed which complaint, level and reminder. Tests that ask
// "who was mailed about this complaint" read them here.
import type { DbClient } from "~/services/db-types.server";

export interface StaffMailAbout {
  kind: "ESCALATION" | "REMINDER" | "CITIZEN_UNREACHABLE";
  stage: string;
  level: number | null;
  message: { id: string; toAddress: string; subject: string; bodyText: string; bodyHtml: string | null; template: string; locale: string; status: string };
}

/** The digests that listed this complaint's alerts, one entry per address and alert; fails on an alert no digest listed yet. */
export async function staffMailsAbout(db: DbClient, complaintId: string, { kind }: { kind?: "ESCALATION" | "REMINDER" } = {}): Promise<StaffMailAbout[]> {
  const alerts = await db.staffAlert.findMany({
    where: { complaintId, ...(kind ? { kind } : {}) },
    orderBy: { dedupeKey: "asc" },
    select: {
      kind: true,
      stage: true,
      level: true,
      dedupeKey: true,
      emailMessage: { select: { id: true, toAddress: true, subject: true, bodyText: true, bodyHtml: true, template: true, locale: true, status: true } },
    },
  });
  return alerts.map(({ emailMessage, dedupeKey, ...alert }) => {
    if (!emailMessage) throw new Error(`staff alert ${dedupeKey} has not been mailed yet (no sweep since it was recorded?)`);
    return { ...alert, message: emailMessage };
  });
}
