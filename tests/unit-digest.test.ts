// The units' morning summaries against real PostgreSQL: who gets one, what it counts, when, and once.
import { beforeAll, describe, expect, it } from "vitest";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { sendUnitDigests } from "~/domain/sla/unit-digest.server";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import { fileComplaintAt } from "./support/complaint-form";
import { useTestDatabase } from "./support/isolation";

const database = useTestDatabase({ seed: true });
const db = () => database.db;
const wib = (local: string) => new Date(`${local}+07:00`);
const base = { publicBaseUrl: "https://lapor.example.test/" };
const email = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!.email;

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: "kata-sandi-ringkasan-2026", mustChangePassword: false });
  const productId = (await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } })).id;
  // Two complaints reach Disdukcapil the week before: one is taken up and then runs late, one waits.
  for (const acknowledge of [true, false]) {
    const t0 = wib("2026-11-09T09:00:00");
    const id = await fileComplaintAt(db(), t0, { productId, unitUnknown: false });
    for (const [action, actor] of [["VERIFY", "COORDINATOR"], ["ASSIGN", "SYSTEM"], ...(acknowledge ? [["ACKNOWLEDGE", "OFFICER"] as const] : [])] as const) {
      expect((await applyTransition(db(), { complaintId: id, action, actor, now: t0 })).ok).toBe(true);
    }
  }
});

const digests = () => db().emailMessage.findMany({ where: { template: "unit.digest" }, orderBy: { toAddress: "asc" } });

describe("unit morning summary", () => {
  it("goes to the unit's officers and heads between 07:00 and 07:30 WIB on a working day, with counts only, once", async () => {
    expect(await sendUnitDigests(db(), wib("2026-11-23T06:55:00"), base)).toEqual({ created: 0 });
    expect(await sendUnitDigests(db(), wib("2026-11-21T07:10:00"), base)).toEqual({ created: 0 }); // Saturday

    const first = await sendUnitDigests(db(), wib("2026-11-23T07:05:00"), base);
    expect(first.created).toBe(2);
    const sent = await digests();
    expect(sent.map((m) => m.toAddress).sort()).toEqual([email("UNIT_HEAD"), email("OFFICER")].sort());
    for (const message of sent) {
      expect(message.subject).toBe("Ringkasan pengaduan Dinas Kependudukan dan Pencatatan Sipil Kota Pangkalpinang, 23 November 2026: 1 menunggu, 2 terlambat");
      expect(message.bodyText).toContain("https://lapor.example.test/staf/kotak-masuk");
      expect(message.bodyText).not.toContain("KTP-el belum jadi");
      expect(message.bodyText).not.toContain("Warga Uji");
    }
    // The next sweeps in the window write nothing new; after the window nothing at all.
    expect(await sendUnitDigests(db(), wib("2026-11-23T07:10:00"), base)).toEqual({ created: 0 });
    expect(await sendUnitDigests(db(), wib("2026-11-23T07:35:00"), base)).toEqual({ created: 0 });
    expect(await db().emailMessage.count({ where: { template: "unit.digest", complaintId: null } })).toBe(2);
    // Units with nothing waiting get nothing.
    const dinkesPeople = await db().membership.findMany({ where: { unit: { code: "DINKES" } }, select: { user: { select: { email: true } } } });
    for (const person of dinkesPeople) expect(sent.map((m) => m.toAddress)).not.toContain(person.user.email);
  });
});
