// A change to what deadlines are computed from (here a holiday, added then removed) reaches the
// deadlines stored on open complaints: the change marks them for a check, the sweeper evaluates them
// against the new calendar and stores the new dates (what the inbox sorts on and the pages show).
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { deleteHoliday, saveHoliday } from "~/domain/admin/calendar.server";
import { sweepDueComplaints } from "~/domain/sla/evaluate-sla.server";
import { useTestDatabase } from "./support/isolation";
import { fileComplaintAt } from "./support/complaint-form";

const database = useTestDatabase({ seed: true });
const db = () => database.db;
const wib = (local: string) => new Date(`${local}+07:00`);
const localDay = (date: Date) => new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

let productId: string;
let adminId: string;
beforeAll(async () => {
  productId = (await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } })).id;
  adminId = (await db().user.create({ data: { email: `admin-${randomBytes(4).toString("hex")}@uji.invalid`, name: "Admin Uji" } })).id;
});

const file = (now: Date) => fileComplaintAt(db(), now, { productId, incidentDate: "2027-03-01" });

const stored = (id: string) => db().complaint.findUniqueOrThrow({ where: { id }, select: { verificationDueAt: true, nextDueAt: true, nextDueStage: true, slaCheckAt: true } });

describe("a holiday added after complaints were filed", () => {
  it("moves their stored deadlines at the next sweep, and removing it moves them back", async () => {
    const filedAt = wib("2027-03-01T09:00:00");
    const id = await file(filedAt);
    const before = await stored(id);
    expect(before.verificationDueAt).not.toBeNull();
    expect(before.nextDueAt).toEqual(before.verificationDueAt);

    // The city declares the deadline's own day a holiday.
    const holiday = await saveHoliday(
      db(),
      null,
      { date: localDay(before.verificationDueAt!), kind: "NATIONAL", name: "Libur uji", nameEn: "Test holiday", source: "Keputusan uji", confirmed: true },
      { actorUserId: adminId },
    );
    expect(holiday.ok).toBe(true);
    // Marked for a check now (the sweeper's query finds it), not at its old check time.
    expect((await stored(id)).slaCheckAt!.getTime()).toBeLessThanOrEqual(Date.now());

    const sweptAt = new Date(filedAt.getTime() + 60_000);
    expect((await sweepDueComplaints(db(), sweptAt, 100)).checked).toBeGreaterThanOrEqual(1);
    const moved = await stored(id);
    expect(moved.verificationDueAt!.getTime()).toBeGreaterThan(before.verificationDueAt!.getTime());
    expect(localDay(moved.verificationDueAt!)).not.toBe(localDay(before.verificationDueAt!));
    expect(moved.nextDueAt).toEqual(moved.verificationDueAt);
    expect(moved.nextDueStage).toBe("VERIFICATION");
    expect(moved.slaCheckAt!.getTime()).toBeGreaterThan(sweptAt.getTime());

    // A mistake, removed again: the deadline is the first one once more.
    expect((await deleteHoliday(db(), holiday.ok ? holiday.id : "", { actorUserId: adminId })).ok).toBe(true);
    await sweepDueComplaints(db(), new Date(sweptAt.getTime() + 60_000), 100);
    expect((await stored(id)).verificationDueAt).toEqual(before.verificationDueAt);
  });
});
