// The overdue Ombudsman matters for the staff workload (the triage desk's queue is counted beside
// its list: countTriageQueue in triage.server.ts). Counted in SQL, never by loading rows. What each
// queue means is the domain's (app/domain/complaints/work-queue-views.ts); the condition here mirrors
// findOmbudsmanMatters' overdue filter, and tests/work-queues.test.ts checks the count against its list.
import type { DbClient } from "~/services/db-types.server";
import type { OmbudsmanScope } from "./ombudsman.server";

/** OPEN matters in the scope whose due date (a local date, "YYYY-MM-DD") is before `today`. */
export async function countOpenOmbudsmanMattersDueBefore(db: DbClient, { scope, today }: { scope: OmbudsmanScope; today: string }): Promise<number> {
  return db.ombudsmanMatter.count({
    where: { AND: [scope.kind === "any" ? {} : { unitId: { in: scope.unitIds } }, { status: "OPEN", dueOn: { lt: new Date(`${today}T00:00:00Z`) } }] },
  });
}
