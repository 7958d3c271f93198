import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "~/services/password.server";
import { savePolicy, type PolicyFormInput } from "~/domain/admin/sla.server";
import { useTestDatabase } from "../tests/support/isolation";
import { DEMO_ACCOUNTS, seedDemoAccounts, seedReferenceData } from "./seed/index";

const database = useTestDatabase();

async function counts() {
  const db = database.db;
  return {
    regions: await db.region.count(),
    units: await db.serviceUnit.count(),
    products: await db.serviceProduct.count(),
    forms: await db.maladministrationForm.count(),
    components: await db.serviceStandardComponent.count(),
    holidays: await db.holiday.count(),
    policies: await db.slaPolicy.count(),
    targets: await db.slaTarget.count(),
    calendars: await db.workCalendar.count(),
    assessments: await db.complianceAssessment.count(),
    users: await db.user.count(),
    memberships: await db.membership.count(),
  };
}

describe("seed", () => {
  it("loads Kota Pangkalpinang's reference data, and a second run changes nothing", async () => {
    await seedReferenceData(database.db);
    await seedDemoAccounts(database.db, { password: "demo-test-pass", mustChangePassword: true });
    const first = await counts();
    await seedReferenceData(database.db);
    await seedDemoAccounts(database.db, { password: "demo-test-pass", mustChangePassword: true });
    expect(await counts()).toEqual(first);

    const db = database.db;
    expect(await db.region.count({ where: { kind: "KECAMATAN" } })).toBe(7);
    expect(await db.region.count({ where: { kind: "KELURAHAN" } })).toBe(42);
    expect(await db.serviceUnit.count({ where: { kind: "KECAMATAN" } })).toBe(7);
    expect(await db.serviceUnit.count({ where: { kind: "KELURAHAN" } })).toBe(42);
    for (const code of ["DISDUKCAPIL", "DPMPTSP-NAKER", "DINKES", "DINSOS", "DISHUB", "DLH", "PUPR", "SATPOL-PP", "RSUD-DEPATI-HAMZAH", "INSPEKTORAT"]) {
      expect(await db.serviceUnit.findUnique({ where: { code }, select: { code: true } }), code).not.toBeNull();
    }
    expect(await db.serviceUnit.count({ where: { kind: "PUSKESMAS" } })).toBeGreaterThanOrEqual(9);
    // Every unit but the city itself hangs under a parent: the escalation ladder needs it.
    expect(await db.serviceUnit.count({ where: { parentId: null } })).toBe(1);
    expect(first.products).toBeGreaterThanOrEqual(36);
    expect(first.forms).toBe(10);
    expect(first.components).toBe(14);

    for (const year of [2025, 2026, 2027]) {
      const rows = await db.holiday.findMany({
        where: { date: { gte: new Date(`${year}-01-01`), lt: new Date(`${year + 1}-01-01`) } },
      });
      expect(rows.filter((h) => h.kind === "NATIONAL").length, `${year} national`).toBeGreaterThanOrEqual(16);
      expect(rows.filter((h) => h.kind === "CUTI_BERSAMA").length, `${year} cuti bersama`).toBeGreaterThanOrEqual(7);
      for (const row of rows) expect(row.source, row.name).toMatch(/SKB/);
    }
    expect(await db.holiday.findFirst({ where: { date: new Date("2026-02-16"), kind: "CUTI_BERSAMA" } })).not.toBeNull();

    const policy = await db.slaPolicy.findUniqueOrThrow({ where: { code: "DEFAULT" }, include: { targets: true } });
    const target = (stage: string) => policy.targets.find((t) => t.stage === stage);
    expect(target("VERIFICATION")).toMatchObject({ amount: 3, unit: "WORKING_DAYS" });
    expect(target("FIRST_RESPONSE")).toMatchObject({ amount: 5, unit: "WORKING_DAYS" });
    expect(target("CONFIRMATION")).toMatchObject({ amount: 10, unit: "WORKING_DAYS" });
    for (const t of policy.targets) expect(t.source.length).toBeGreaterThan(10);
    expect(policy.pauseStatuses).toEqual(["AWAITING_CITIZEN"]);

    // One policy per priority besides the default (ADR 035); NORMAL runs on the default.
    const byPriority = await db.slaPolicy.findMany({ where: { priority: { not: null } }, include: { targets: true }, orderBy: { code: "asc" } });
    expect(byPriority.map((p) => [p.code, p.priority, p.isActive])).toEqual([
      ["PRIORITAS-MENDESAK", "URGENT", true],
      ["PRIORITAS-RENDAH", "LOW", true],
      ["PRIORITAS-TINGGI", "HIGH", true],
    ]);
    const targetsOf = (code: string) =>
      Object.fromEntries(byPriority.find((p) => p.code === code)!.targets.map((t) => [t.stage, `${t.amount} ${t.unit}`]));
    expect(targetsOf("PRIORITAS-MENDESAK")).toMatchObject({ FIRST_RESPONSE: "1 WORKING_DAYS", RESOLUTION: "2 WORKING_DAYS", VERIFICATION: "3 WORKING_DAYS" });
    expect(targetsOf("PRIORITAS-TINGGI")).toMatchObject({ FIRST_RESPONSE: "2 WORKING_DAYS", RESOLUTION: "5 WORKING_DAYS" });
    expect(targetsOf("PRIORITAS-RENDAH")).toMatchObject({ FIRST_RESPONSE: "5 WORKING_DAYS", RESOLUTION: "60 CALENDAR_DAYS" });
    for (const p of byPriority) {
      // Every clock the default runs, so a priority never switches one off.
      expect(p.targets.map((t) => t.stage).sort(), p.code).toEqual(policy.targets.map((t) => t.stage).sort());
      expect(p.source, p.code).toMatch(/ADR 035/);
      // Each target says whether its number is published ([C], [P]) or the city's choice ([U]).
      for (const t of p.targets) expect(t.source, `${p.code} ${t.stage}`).toMatch(/\[[CPU]\]|SP4N-LAPOR!|Perpres/);
    }
    expect(byPriority.find((p) => p.priority === "URGENT")!.targets.find((t) => t.stage === "RESOLUTION")!.source).toMatch(/ringan ≤ 2 hari kerja.*\[C\].*\[U\]/);

    const history = await db.complianceAssessment.findMany({ where: { subjectKey: "CITY" }, orderBy: { year: "asc" } });
    expect(history.map((a) => [a.year, a.totalScore?.toString() ?? null, a.zone, a.grade])).toEqual([
      [2015, "55.19", "KUNING", null],
      [2017, "82.05", "HIJAU", null],
      [2021, null, "KUNING", null],
      [2022, null, "HIJAU", "B"],
      [2023, "91.7", "HIJAU", "A"],
      [2025, "85.04", null, null],
    ]);
  });

  it("keeps the SLA policies an administrator saved when it runs again, and follows the seed data for the others", async () => {
    await seedReferenceData(database.db);
    const db = database.db;
    const admin = await db.user.create({ data: { email: "admin-seed-sla@uji.invalid", name: "Admin Uji" } });
    const urgent = await db.slaPolicy.findUniqueOrThrow({ where: { code: "PRIORITAS-MENDESAK" }, include: { targets: true } });
    const input: PolicyFormInput = {
      code: urgent.code,
      name: "Mendesak (keputusan wali kota)",
      source: "Keputusan uji",
      unitId: null,
      productId: null,
      category: null,
      priority: "URGENT",
      reminderPercent: 50,
      escalationStepAmount: 4,
      escalationStepUnit: "WORKING_HOURS",
      isActive: true,
      targets: urgent.targets.map(({ stage, amount, unit, source }) => (stage === "RESOLUTION" ? { stage, amount: 3, unit, source: "Keputusan uji" } : { stage, amount, unit, source })),
    };
    expect(await savePolicy(db, urgent.id, input, { actorUserId: admin.id })).toMatchObject({ ok: true });
    // Someone changed the high-priority policy in the database by hand: not an administrator's save.
    const high = await db.slaPolicy.findUniqueOrThrow({ where: { code: "PRIORITAS-TINGGI" } });
    await db.slaTarget.update({ where: { policyId_stage: { policyId: high.id, stage: "RESOLUTION" } }, data: { amount: 9 } });

    await seedReferenceData(db);

    const kept = await db.slaPolicy.findUniqueOrThrow({ where: { code: "PRIORITAS-MENDESAK" }, include: { targets: true } });
    expect(kept).toMatchObject({ name: "Mendesak (keputusan wali kota)", source: "Keputusan uji", reminderPercent: 50, escalationStepAmount: 4, escalationStepUnit: "WORKING_HOURS" });
    expect(kept.targets.find((t) => t.stage === "RESOLUTION")).toMatchObject({ amount: 3, source: "Keputusan uji" });
    const reseeded = await db.slaTarget.findUniqueOrThrow({ where: { policyId_stage: { policyId: high.id, stage: "RESOLUTION" } } });
    expect(reseeded.amount).toBe(5);
    expect(await db.slaPolicy.count({ where: { priority: { not: null } } })).toBe(3);
  });

  it("creates one demo account per staff role, labelled demo, with the printed password", async () => {
    await seedReferenceData(database.db);
    await seedDemoAccounts(database.db, { password: "demo-other-pass", mustChangePassword: true });
    const users = await database.db.user.findMany({ where: { isDemo: true }, include: { memberships: true } });
    const roles = users.flatMap((u) => u.memberships.map((m) => m.role)).sort();
    expect(roles).toEqual(["ADMIN", "COORDINATOR", "INSPECTORATE", "LIAISON", "OFFICER", "UNIT_HEAD"]);
    expect(users).toHaveLength(DEMO_ACCOUNTS.length);
    for (const user of users) {
      expect(user.email).toMatch(/@demo\.lapor-pangkalpinang\.invalid$/);
      expect(user.name).toMatch(/\(demo\)$/);
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(user.passwordHash!, "demo-other-pass")).toBe(true);
      expect(await verifyPassword(user.passwordHash!, "demo-test-pass")).toBe(false);
    }
  });

  it("leaves a demo account alone once it was signed in to or deactivated: a restart does not hand it back", async () => {
    await seedReferenceData(database.db);
    await seedDemoAccounts(database.db, { password: "demo-first-pass", mustChangePassword: true });
    const db = database.db;
    const [admin, liaison, officer] = await Promise.all(
      ["ADMIN", "LIAISON", "OFFICER"].map((role) => db.user.findFirstOrThrow({ where: { isDemo: true, memberships: { some: { role: role as "ADMIN" } } } })),
    );
    // The administrator took the admin account over (new password) and switched the liaison account off.
    const ownHash = await hashPassword("kata-sandi-milik-admin-kota");
    await db.user.update({ where: { id: admin!.id }, data: { passwordHash: ownHash, mustChangePassword: false, lastLoginAt: new Date() } });
    await db.user.update({ where: { id: liaison!.id }, data: { isActive: false } });
    await db.membership.deleteMany({ where: { userId: liaison!.id } });

    await seedDemoAccounts(database.db, { password: "demo-second-pass", mustChangePassword: true });

    const adminAfter = await db.user.findUniqueOrThrow({ where: { id: admin!.id } });
    expect(adminAfter.passwordHash).toBe(ownHash);
    expect(adminAfter.mustChangePassword).toBe(false);
    const liaisonAfter = await db.user.findUniqueOrThrow({ where: { id: liaison!.id }, include: { memberships: true } });
    expect(liaisonAfter.isActive).toBe(false);
    expect(liaisonAfter.memberships).toEqual([]);
    // Nobody used the officer account yet: it follows the password printed now.
    const officerAfter = await db.user.findUniqueOrThrow({ where: { id: officer!.id } });
    expect(await verifyPassword(officerAfter.passwordHash!, "demo-second-pass")).toBe(true);
  });
});
