// Idempotent seed: reference data (regions, units, products, forms, components, calendar,
// holidays, SLA policies, compliance history) and the demo staff accounts. Every row is upserted
// by its natural key, so running it again updates names and adds what is new, never duplicates.
import type { Db } from "~/services/db.server";
import { hashPassword, verifyPassword } from "~/services/password.server";
import { KECAMATAN } from "./data/regions";
import { UNITS } from "./data/units";
import { PRODUCTS } from "./data/products";
import { HOLIDAYS } from "./data/holidays";
import { MALADMINISTRATION_FORMS, MALADMINISTRATION_SOURCE } from "./data/maladministration";
import { COMPONENT_SOURCE, SERVICE_STANDARD_COMPONENTS } from "./data/components";
import { DEFAULT_CALENDAR, SEEDED_SLA_POLICIES, type SeedSlaPolicy } from "./data/sla";
import { CITY_ASSESSMENTS } from "./data/compliance";
import { DEMO_ACCOUNTS } from "./data/demo";

export interface SeedSummary {
  kecamatan: number;
  kelurahan: number;
  units: number;
  products: number;
  holidays: number;
  assessments: number;
  demoAccounts: number;
}

const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * A seeded SLA policy follows the seed data until an administrator saves it on the SLA page (every
 * save writes an audit row): from then on the administrator's numbers stand, and a restart that
 * re-seeds leaves the policy and its targets as they were (ADR 035).
 */
async function seedSlaPolicy(db: Db, { targets, pauseStatuses, ...policy }: SeedSlaPolicy): Promise<void> {
  const fields = { ...policy, pauseStatuses: [...pauseStatuses] };
  const existing = await db.slaPolicy.findUnique({ where: { code: policy.code }, select: { id: true } });
  if (existing) {
    const edited = await db.auditLog.count({ where: { entity: "sla_policy", entityId: existing.id } });
    if (edited > 0) return;
  }
  const row = existing
    ? await db.slaPolicy.update({ where: { id: existing.id }, data: fields, select: { id: true } })
    : await db.slaPolicy.create({ data: fields, select: { id: true } });
  for (const target of targets) {
    await db.slaTarget.upsert({
      where: { policyId_stage: { policyId: row.id, stage: target.stage } },
      create: { policyId: row.id, ...target },
      update: { amount: target.amount, unit: target.unit, source: target.source },
    });
  }
}

export async function seedReferenceData(db: Db): Promise<Omit<SeedSummary, "demoAccounts">> {
  // Regions: kecamatan first so kelurahan can point at them.
  for (const kecamatan of KECAMATAN) {
    await db.region.upsert({
      where: { code: kecamatan.code },
      create: { code: kecamatan.code, kind: "KECAMATAN", name: kecamatan.name },
      update: { name: kecamatan.name },
    });
    for (const kelurahan of kecamatan.kelurahan) {
      await db.region.upsert({
        where: { code: kelurahan.code },
        create: { code: kelurahan.code, kind: "KELURAHAN", name: kelurahan.name, parentCode: kecamatan.code },
        update: { name: kelurahan.name, parentCode: kecamatan.code },
      });
    }
  }
  const regionCodes = new Set(KECAMATAN.flatMap((k) => [k.code, ...k.kelurahan.map((l) => l.code)]));

  const calendar = {
    ...DEFAULT_CALENDAR,
    // Plain objects for the JSON column (interfaces are not JSON-typed for Prisma).
    weeklyHours: DEFAULT_CALENDAR.weeklyHours.map(({ weekday, open, close }) => ({ weekday, open, close })),
    isDefault: true,
  };
  await db.workCalendar.upsert({ where: { code: calendar.code }, create: calendar, update: calendar });

  // Units in list order; the data lists every parent before its children.
  const unitIds = new Map<string, string>();
  for (const unit of UNITS) {
    const parentId = unit.parentCode ? unitIds.get(unit.parentCode) : null;
    if (unit.parentCode && !parentId) throw new Error(`unit ${unit.code}: parent ${unit.parentCode} must come first`);
    const data = {
      kind: unit.kind,
      name: unit.name,
      shortName: unit.shortName,
      parentId: parentId ?? null,
      regionCode: unit.regionCode && regionCodes.has(unit.regionCode) ? unit.regionCode : null,
      contactEmails: [unit.email],
    };
    const row = await db.serviceUnit.upsert({
      where: { code: unit.code },
      create: { code: unit.code, ...data },
      update: data,
      select: { id: true },
    });
    unitIds.set(unit.code, row.id);
  }

  let products = 0;
  for (const product of PRODUCTS) {
    const targets = product.unitCode
      ? [{ code: product.code, unitCode: product.unitCode }]
      : UNITS.filter((u) => u.kind === product.unitKind).map((u) => ({ code: `${product.code}-${u.code}`, unitCode: u.code }));
    for (const target of targets) {
      const unitId = unitIds.get(target.unitCode);
      if (!unitId) throw new Error(`product ${target.code}: unknown unit ${target.unitCode}`);
      const data = { unitId, name: product.name, nameEn: product.nameEn, description: product.description ?? null };
      await db.serviceProduct.upsert({ where: { code: target.code }, create: { code: target.code, ...data }, update: data });
      products += 1;
    }
  }

  for (const [index, form] of MALADMINISTRATION_FORMS.entries()) {
    const data = { ...form, source: MALADMINISTRATION_SOURCE, sortOrder: index + 1 };
    await db.maladministrationForm.upsert({ where: { code: form.code }, create: data, update: data });
  }
  for (const component of SERVICE_STANDARD_COMPONENTS) {
    const data = { ...component, source: COMPONENT_SOURCE };
    await db.serviceStandardComponent.upsert({ where: { number: component.number }, create: data, update: data });
  }

  for (const holiday of HOLIDAYS) {
    const data = {
      name: holiday.name,
      nameEn: holiday.nameEn,
      source: holiday.source,
      sourceUrl: holiday.sourceUrl,
      confirmed: holiday.confirmed,
    };
    await db.holiday.upsert({
      where: { date_kind: { date: dateOnly(holiday.date), kind: holiday.kind } },
      create: { date: dateOnly(holiday.date), kind: holiday.kind, ...data },
      update: data,
    });
  }

  for (const policy of SEEDED_SLA_POLICIES) await seedSlaPolicy(db, policy);

  for (const assessment of CITY_ASSESSMENTS) {
    const data = { ...assessment, scope: "CITY" as const, subjectKey: "CITY", unitId: unitIds.get("PKP") ?? null };
    await db.complianceAssessment.upsert({
      where: { year_method_subjectKey: { year: assessment.year, method: assessment.method, subjectKey: "CITY" } },
      create: data,
      update: data,
    });
  }

  return {
    kecamatan: KECAMATAN.length,
    kelurahan: KECAMATAN.reduce((sum, k) => sum + k.kelurahan.length, 0),
    units: UNITS.length,
    products,
    holidays: HOLIDAYS.length,
    assessments: CITY_ASSESSMENTS.length,
  };
}

/**
 * Demo staff, one per role. Their password is the one `npm start` prints; outside development
 * they must change it at first login. Accounts already signed in to, or deactivated, are skipped.
 */
export async function seedDemoAccounts(
  db: Db,
  { password, mustChangePassword }: { password: string; mustChangePassword: boolean },
): Promise<number> {
  for (const account of DEMO_ACCOUNTS) {
    const unit = await db.serviceUnit.findUniqueOrThrow({ where: { code: account.unitCode }, select: { id: true } });
    const existing = await db.user.findUnique({
      where: { email: account.email },
      select: { id: true, passwordHash: true, isActive: true, lastLoginAt: true },
    });
    // npm start seeds on every start. An account somebody has signed in to is theirs now (its
    // password may have been changed; an administrator may have deactivated it, locked it or
    // changed its roles): the seed leaves it alone rather than hand it back with the printed
    // password. Only an account nobody has used yet follows the printed password.
    if (existing && (!existing.isActive || existing.lastLoginAt !== null)) continue;
    let user: { id: string };
    if (!existing) {
      user = await db.user.create({
        data: { email: account.email, name: account.name, passwordHash: await hashPassword(password), isDemo: true, mustChangePassword },
        select: { id: true },
      });
    } else {
      // Hashing is deliberately slow; only rehash when the printed password changed.
      const current = existing.passwordHash !== null && (await verifyPassword(existing.passwordHash, password));
      user = await db.user.update({
        where: { id: existing.id },
        data: { name: account.name, isDemo: true, ...(current ? {} : { passwordHash: await hashPassword(password) }) },
        select: { id: true },
      });
    }
    await db.membership.upsert({
      where: { userId_unitId_role: { userId: user.id, unitId: unit.id, role: account.role } },
      create: { userId: user.id, unitId: unit.id, role: account.role },
      update: {},
    });
  }
  return DEMO_ACCOUNTS.length;
}

export { DEMO_ACCOUNTS };
