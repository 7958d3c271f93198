import { describe, expect, it } from "vitest";
import { CITY_TURN_STATUSES, endOfJakartaDay, UNIT_WORK_STATUSES, WAITING_ON_CITIZEN_STATUSES, WORK_QUEUE_VIEWS, workQueueCriteria, workQueueHref } from "./work-queue-views";
import { OPEN_STATUSES } from "./workflow";

describe("the work-queue views", () => {
  it("split the open statuses between the city's turn and the citizen's, with none left over", () => {
    expect([...CITY_TURN_STATUSES, ...WAITING_ON_CITIZEN_STATUSES].sort()).toEqual([...OPEN_STATUSES].sort());
    for (const status of UNIT_WORK_STATUSES) expect(CITY_TURN_STATUSES).toContain(status);
  });

  it("end today at the next midnight in Jakarta (UTC+7)", () => {
    expect(endOfJakartaDay(new Date("2026-12-07T16:59:59.999Z")).toISOString()).toBe("2026-12-07T17:00:00.000Z");
    expect(endOfJakartaDay(new Date("2026-12-07T17:00:00.000Z")).toISOString()).toBe("2026-12-08T17:00:00.000Z");
    expect(endOfJakartaDay(new Date("2026-12-07T02:00:00.000Z")).toISOString()).toBe("2026-12-07T17:00:00.000Z");
  });

  it("give each view its criteria and its URL", () => {
    const now = new Date("2026-12-07T02:00:00.000Z");
    const userId = "00000000-0000-4000-8000-000000000001";
    expect(workQueueCriteria("saya", { userId, now })).toEqual({ statuses: CITY_TURN_STATUSES, assignedToUserId: userId });
    expect(workQueueCriteria("belum-ditugaskan", { userId, now })).toEqual({ statuses: UNIT_WORK_STATUSES, unassignedOnly: true });
    expect(workQueueCriteria("terlambat", { userId, now })).toEqual({ statuses: CITY_TURN_STATUSES, dueBefore: now });
    expect(workQueueCriteria("jatuh-tempo-hari-ini", { userId, now })).toEqual({ statuses: CITY_TURN_STATUSES, dueFrom: now, dueBefore: new Date("2026-12-07T17:00:00.000Z") });
    expect(workQueueCriteria("menunggu-warga", { userId, now })).toEqual({ statuses: WAITING_ON_CITIZEN_STATUSES });
    expect(WORK_QUEUE_VIEWS.map(workQueueHref)).toEqual([
      "/staf/kotak-masuk?tampilan=saya",
      "/staf/kotak-masuk?tampilan=belum-ditugaskan",
      "/staf/kotak-masuk?tampilan=terlambat",
      "/staf/kotak-masuk?tampilan=jatuh-tempo-hari-ini",
      "/staf/kotak-masuk?tampilan=menunggu-warga",
    ]);
  });
});
