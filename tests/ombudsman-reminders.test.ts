// Reminders of Ombudsman matters through the SLA sweep job: to every liaison and to the head of the
// unit concerned (not other units' heads), 7 and 2 days before the due date and once overdue, each
// once however often the sweep runs; nothing for an answered matter.
import { randomBytes } from "node:crypto";
import type { Job } from "bullmq";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../prisma/seed/index";
import { JOBS } from "~/jobs/contracts";
import { createLogger } from "~/services/logger.server";
import { slaProcessor } from "../workers/processors/sla";
import { useTestDatabase } from "./support/isolation";

const database = useTestDatabase({ seed: true });
const db = () => database.db;
const log = createLogger("ombudsman-reminders-test");
const wibNoon = (date: string) => new Date(`${date}T12:00:00+07:00`);
const email = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!.email;

let dukcapilId: string;
let dinkesId: string;
let liaisonId: string;
beforeAll(async () => {
  await seedDemoAccounts(db(), { password: "kata-sandi-pengingat-2026", mustChangePassword: false });
  dukcapilId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "DISDUKCAPIL" } })).id;
  dinkesId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "DINKES" } })).id;
  liaisonId = (await db().user.findUniqueOrThrow({ where: { email: email("LIAISON") } })).id;
  // A second head, of another unit: not told of Disdukcapil's matters.
  await db().user.create({
    data: { email: "kepala.dinkes@uji.invalid", name: "Kepala Dinkes Uji", memberships: { create: { unitId: dinkesId, role: "UNIT_HEAD" } } },
  });
});

const sweep = (at: Date) => slaProcessor.handle({ name: JOBS.sweepSla.name, data: {} } as Job, { db: db(), log, now: () => at });

async function matter(dueOn: string, status: "OPEN" | "ANSWERED" = "OPEN") {
  return db().ombudsmanMatter.create({
    data: {
      kind: "CORRECTIVE_ACTION",
      reference: `LAHP-${randomBytes(3).toString("hex")}`,
      unitId: dukcapilId,
      receivedOn: new Date("2026-11-02T00:00:00Z"),
      dueOn: new Date(`${dueOn}T00:00:00Z`),
      status,
      recordedById: liaisonId,
    },
  });
}

const remindersOf = (matterId: string) =>
  db().emailMessage.findMany({ where: { template: "ombudsman.reminder", dedupeKey: { contains: matterId } }, orderBy: { createdAt: "asc" }, select: { dedupeKey: true, toAddress: true, subject: true, bodyText: true } });

describe("Ombudsman matter reminders", () => {
  it("go to the liaisons and the unit's head 7 and 2 days before, and once overdue; each once", async () => {
    const open = await matter("2026-12-20");
    const answered = await matter("2026-12-20", "ANSWERED");

    await sweep(wibNoon("2026-12-12"));
    expect(await remindersOf(open.id)).toEqual([]);

    await sweep(wibNoon("2026-12-13"));
    await sweep(wibNoon("2026-12-14"));
    const week = await remindersOf(open.id);
    expect(week.map((m) => m.toAddress).sort()).toEqual([email("LIAISON"), email("UNIT_HEAD")].sort());
    expect(week.every((m) => m.dedupeKey.startsWith("ombudsman-before-7-"))).toBe(true);
    expect(week[0]!.subject).toContain(open.reference);
    expect(week[0]!.subject).toContain("20 Desember 2026");
    expect(week[0]!.subject).not.toContain("2026-12-20");
    expect(week[0]!.bodyText).toContain(`/staf/ombudsman/${open.id}`);
    expect(week.map((m) => m.toAddress)).not.toContain("kepala.dinkes@uji.invalid");

    await sweep(wibNoon("2026-12-19"));
    await sweep(wibNoon("2026-12-21"));
    await sweep(wibNoon("2026-12-22"));
    const all = await remindersOf(open.id);
    const step = (key: string) => /^ombudsman-(before-\d+|overdue)-/.exec(key)?.[1];
    expect(all.map((m) => step(m.dedupeKey)).sort()).toEqual(["before-2", "before-2", "before-7", "before-7", "overdue", "overdue"]);
    expect(all.filter((m) => m.dedupeKey.startsWith("ombudsman-overdue-"))[0]!.subject).toMatch(/^Terlambat/);
    expect(await remindersOf(answered.id)).toEqual([]);
    // Every reminder is queued for sending like any other e-mail.
    const queued = await db().outboxMessage.count({ where: { jobName: JOBS.sendEmail.name } });
    expect(queued).toBeGreaterThanOrEqual(all.length);
  });

  it("after days without a sweep, sends only the step that applies now", async () => {
    const late = await matter("2026-12-10");
    await sweep(wibNoon("2026-12-09"));
    const sent = await remindersOf(late.id);
    expect(sent.length).toBe(2);
    expect(sent.every((m) => m.dedupeKey.startsWith("ombudsman-before-2-"))).toBe(true);
  });
});
