// The workload counts that are not inbox views (the inbox views are checked against their lists over
// HTTP in staff-inbox-queue.test.ts): the triage desk's queue and the overdue Ombudsman letters,
// each against the list it links to, and which role has which count at all.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { loadStaffWorkload, workloadHref } from "~/domain/complaints/work-queues.server";
import type { OmbudsmanScope } from "~/domain/compliance/ombudsman";
import { listOmbudsmanMatters } from "~/domain/compliance/ombudsman-lists.server";
import { listTriageQueue } from "~/models/triage.server";
import type { StaffUser } from "~/services/session.server";
import { fileComplaintAt } from "./support/complaint-form";
import { useTestDatabase } from "./support/isolation";

const database = useTestDatabase({ seed: true });
const db = () => database.db;
const users = {} as Record<(typeof DEMO_ACCOUNTS)[number]["role"], StaffUser>;

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: "kata-sandi-beban-uji-2026", mustChangePassword: false });
  for (const account of DEMO_ACCOUNTS) {
    const user = await db().user.findUniqueOrThrow({
      where: { email: account.email },
      select: { id: true, email: true, name: true, locale: true, mustChangePassword: true, memberships: { select: { unitId: true, role: true, unit: { select: { name: true, shortName: true } } } } },
    });
    users[account.role] = { ...user, sessionId: "test" };
  }
});

describe("the staff workload", () => {
  it("counts the triage queue as /staf/triase lists it, and overdue letters as /staf/ombudsman?terlambat=1 does", async () => {
    const product = await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } });
    const now = new Date();
    const held = await fileComplaintAt(db(), now, { productId: product.id });
    await fileComplaintAt(db(), now, { productId: product.id });
    expect((await applyTransition(db(), { complaintId: held, action: "HOLD", actor: "COORDINATOR", now })).ok).toBe(true);
    const routed = await fileComplaintAt(db(), now, { productId: product.id });
    for (const action of ["VERIFY", "ASSIGN"] as const) expect((await applyTransition(db(), { complaintId: routed, action, actor: action === "VERIFY" ? "COORDINATOR" : "SYSTEM", now })).ok).toBe(true);

    const dukcapil = await db().serviceUnit.findUniqueOrThrow({ where: { code: "DISDUKCAPIL" } });
    const dinkes = await db().serviceUnit.findUniqueOrThrow({ where: { code: "DINKES" } });
    const liaison = users.LIAISON;
    const matter = (unitId: string, dueOn: string, status: "OPEN" | "ANSWERED" = "OPEN") =>
      db().ombudsmanMatter.create({
        data: { kind: "CLARIFICATION_REQUEST", reference: `${randomBytes(3).toString("hex")}/LM/2026`, unitId, receivedOn: new Date("2026-01-02T00:00:00Z"), dueOn: new Date(`${dueOn}T00:00:00Z`), status, recordedById: liaison.id },
      });
    await matter(dukcapil.id, "2026-01-19");
    await matter(dinkes.id, "2026-01-20");
    await matter(dukcapil.id, "2026-01-21", "ANSWERED");
    await matter(dukcapil.id, "2999-12-31");

    const triage = await listTriageQueue(db(), { after: null, now });
    const coordinator = await loadStaffWorkload(db(), users.COORDINATOR, now);
    expect(coordinator.unverified).toBe(triage.total);
    expect(coordinator.unverified).toBe(2);

    for (const role of ["LIAISON", "UNIT_HEAD", "INSPECTORATE", "ADMIN"] as const) {
      const workload = await loadStaffWorkload(db(), users[role], now);
      const scope: OmbudsmanScope = role === "UNIT_HEAD" ? { kind: "units", unitIds: [dukcapil.id] } : { kind: "any" };
      const listed = await listOmbudsmanMatters(db(), { scope, filters: { jenis: undefined, status: undefined, unit: undefined, terlambat: true }, now });
      expect(workload.lettersOverdue, role).toBe(listed.length);
    }
    expect((await loadStaffWorkload(db(), users.LIAISON, now)).lettersOverdue).toBe(2);
    expect((await loadStaffWorkload(db(), users.UNIT_HEAD, now)).lettersOverdue).toBe(1);
  });

  it("gives each role only the queues it has (null = none)", async () => {
    const now = new Date();
    const has = async (role: keyof typeof users) =>
      Object.entries(await loadStaffWorkload(db(), users[role], now))
        .filter(([, count]) => count !== null)
        .map(([key]) => key)
        .sort();
    expect(await has("OFFICER")).toEqual(["dueToday", "late", "mine", "waitingOnCitizen"]);
    expect(await has("UNIT_HEAD")).toEqual(["dueToday", "late", "lettersOverdue", "mine", "unassigned", "waitingOnCitizen"]);
    expect(await has("COORDINATOR")).toEqual(["dueToday", "late", "unassigned", "unverified", "waitingOnCitizen"]);
    expect(await has("INSPECTORATE")).toEqual(["dueToday", "late", "lettersOverdue", "waitingOnCitizen"]);
    expect(await has("LIAISON")).toEqual(["appealsAwaiting", "dueToday", "late", "lettersOverdue", "waitingOnCitizen"]);
    expect(await has("ADMIN")).toEqual(["lettersOverdue"]);
    expect(workloadHref("lettersOverdue")).toBe("/staf/ombudsman?terlambat=1");
    expect(workloadHref("unverified")).toBe("/staf/triase");
    expect(workloadHref("appealsAwaiting")).toBe("/staf/kotak-masuk?status=APPEALED");
    expect(workloadHref("mine")).toBe("/staf/kotak-masuk?tampilan=saya");
  });
});
