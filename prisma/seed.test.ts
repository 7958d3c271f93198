import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "~/services/password.server";
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
