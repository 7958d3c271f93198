// Administration of staff accounts and their memberships (issue "Staff workspace", item Admin).
// An admin never sets or sees a password: a new account gets the password-setting email of the
// reset flow (requestPasswordReset). Every change writes an AuditLog row with field names and ids,
// never a password or a token.
import { z } from "zod";
import { Prisma } from "~/generated/prisma/client";
import { requestPasswordReset, normalizeEmail } from "~/domain/auth/login.server";
import { hasPermission, STAFF_ROLES } from "~/domain/auth/permissions";
import type { Db } from "~/services/db.server";
import type { DbClient } from "~/services/db-types.server";
import { LOCALES } from "~/services/i18n";
import { destroyUserSessions, requireStaffUser, type StaffUser } from "~/services/session.server";

/** The signed-in staff user holding manage:user:any, or a thrown redirect (signed out) or 403. */
export async function requireUserAdmin(db: Db, request: Request, now: Date): Promise<StaffUser> {
  const user = await requireStaffUser(db, request, now);
  if (!hasPermission(user, "manage:user:any")) throw new Response("Forbidden", { status: 403 });
  return user;
}

export const CreateUserSchema = z.object({
  email: z
    .string({ message: "admin.error.emailRequired" })
    .trim()
    .min(1, { message: "admin.error.emailRequired" })
    .max(254, { message: "admin.error.email" })
    .pipe(z.email({ message: "admin.error.email" }))
    .transform(normalizeEmail),
  name: z.string({ message: "admin.error.personNameRequired" }).trim().min(1, { message: "admin.error.personNameRequired" }).max(200, { message: "form.error.tooLong" }),
  locale: z.enum(LOCALES, { message: "admin.error.locale" }),
});
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

export const USER_INTENTS = ["deactivate", "reactivate", "addMembership", "removeMembership", "resendInvite"] as const;
export type UserIntent = (typeof USER_INTENTS)[number];

export const UserActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reactivate") }),
  z.object({ intent: z.literal("resendInvite") }),
  z.object({
    intent: z.literal("addMembership"),
    role: z.enum(STAFF_ROLES, { message: "admin.error.role" }),
    unitId: z.uuid({ message: "admin.error.unitRequired" }),
  }),
  z.object({ intent: z.literal("removeMembership"), membershipId: z.uuid({ message: "form.error.invalid" }) }),
]);
export type UserActionInput = z.infer<typeof UserActionSchema>;

export function isUserIntent(value: unknown): value is UserIntent {
  return typeof value === "string" && (USER_INTENTS as readonly string[]).includes(value);
}

async function audit(db: DbClient, actorUserId: string, action: string, entity: string, entityId: string, data: Prisma.InputJsonObject) {
  await db.auditLog.create({ data: { actorUserId, action, entity, entityId, data } });
}

/** Serialises changes that could leave the city without an active admin. */
async function lockAdmins(tx: Prisma.TransactionClient) {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('lapor:admin_memberships'))::text AS locked`;
}

/** ADMIN memberships held by active accounts: the ones that can still run the system. */
async function countActiveAdminMemberships(tx: DbClient, except: { membershipId?: string; userId?: string } = {}): Promise<number> {
  return tx.membership.count({
    where: {
      role: "ADMIN",
      user: { isActive: true, ...(except.userId ? { id: { not: except.userId } } : {}) },
      ...(except.membershipId ? { id: { not: except.membershipId } } : {}),
    },
  });
}

/** Staff accounts (not citizen accounts) with their roles, by name. */
export async function listStaffUsers(db: DbClient) {
  return db.user.findMany({
    where: { OR: [{ memberships: { some: { role: { in: [...STAFF_ROLES] } } } }, { memberships: { none: {} } }] },
    select: {
      id: true,
      email: true,
      name: true,
      isActive: true,
      isDemo: true,
      lastLoginAt: true,
      memberships: { select: { id: true, role: true, unit: { select: { shortName: true, name: true } } }, orderBy: { createdAt: "asc" } },
    },
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
}

export async function getUserForAdmin(db: DbClient, id: string) {
  return db.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      isActive: true,
      isDemo: true,
      lastLoginAt: true,
      createdAt: true,
      passwordHash: true,
      memberships: { select: { id: true, role: true, unitId: true, unit: { select: { code: true, shortName: true, name: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
}

export type CreateUserOutcome = { ok: true; userId: string } | { ok: false; reason: "email_taken" };

/**
 * Creates a staff account without a password and sends it the password-setting link (the reset
 * flow's email, valid one hour; "send the link again" on the user's page makes a fresh one).
 */
export async function createStaffUser(
  db: Db,
  input: CreateUserInput,
  { actorUserId, now, publicBaseUrl }: { actorUserId: string; now: Date; publicBaseUrl: string },
): Promise<CreateUserOutcome> {
  let userId: string;
  try {
    userId = await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: input.email, name: input.name, locale: input.locale, passwordHash: null, mustChangePassword: false }, select: { id: true } });
      await audit(tx, actorUserId, "user.created", "user", user.id, { fields: ["email", "name", "locale"] });
      return user.id;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, reason: "email_taken" };
    throw error;
  }
  await requestPasswordReset(db, input.email, now, publicBaseUrl);
  await audit(db, actorUserId, "user.invitation_sent", "user", userId, {});
  return { ok: true, userId };
}

export type UserRefusal = "not_found" | "self" | "last_admin" | "inactive" | "unit_unknown" | "membership_exists";
export type UserOutcome = { ok: true; intent: UserIntent } | { ok: false; reason: UserRefusal };

/** Which form field a refusal belongs beside. */
export function userRefusalField(reason: UserRefusal): "unitId" | "role" | "form" {
  if (reason === "unit_unknown") return "unitId";
  if (reason === "membership_exists") return "role";
  return "form";
}

/**
 * Deactivates (ending every session at once) or reactivates an account, sends a fresh invitation,
 * adds or removes a membership. Refuses what would leave no active ADMIN membership, and an admin
 * deactivating their own account.
 */
export async function changeUser(
  db: Db,
  userId: string,
  input: UserActionInput,
  { actorUserId, now, publicBaseUrl }: { actorUserId: string; now: Date; publicBaseUrl: string },
): Promise<UserOutcome> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, isActive: true } });
  if (!user) return { ok: false, reason: "not_found" };
  switch (input.intent) {
    case "deactivate": {
      if (userId === actorUserId) return { ok: false, reason: "self" };
      return db.$transaction(async (tx) => {
        await lockAdmins(tx);
        const current = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { isActive: true } });
        if (current.isActive) {
          if ((await countActiveAdminMemberships(tx, { userId })) === 0) return { ok: false, reason: "last_admin" } as const;
          await tx.user.update({ where: { id: userId }, data: { isActive: false } });
          const endedSessions = await destroyUserSessions(tx, userId);
          await audit(tx, actorUserId, "user.deactivated", "user", userId, { fields: ["isActive"], endedSessions });
        }
        return { ok: true, intent: input.intent } as const;
      });
    }
    case "reactivate": {
      if (!user.isActive) {
        await db.$transaction(async (tx) => {
          await tx.user.update({ where: { id: userId }, data: { isActive: true, failedLoginCount: 0, lockedUntil: null } });
          await audit(tx, actorUserId, "user.reactivated", "user", userId, { fields: ["isActive"] });
        });
      }
      return { ok: true, intent: input.intent };
    }
    case "resendInvite": {
      if (!user.isActive) return { ok: false, reason: "inactive" };
      await requestPasswordReset(db, user.email, now, publicBaseUrl);
      await audit(db, actorUserId, "user.invitation_sent", "user", userId, {});
      return { ok: true, intent: input.intent };
    }
    case "addMembership": {
      const unitId = input.unitId.toLowerCase();
      const unit = await db.serviceUnit.findUnique({ where: { id: unitId }, select: { id: true, isActive: true } });
      if (!unit || !unit.isActive) return { ok: false, reason: "unit_unknown" };
      try {
        await db.$transaction(async (tx) => {
          const membership = await tx.membership.create({ data: { userId, unitId, role: input.role }, select: { id: true } });
          await audit(tx, actorUserId, "membership.added", "user", userId, { fields: ["membership"], membershipId: membership.id, role: input.role, unitId });
        });
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, reason: "membership_exists" };
        throw error;
      }
      return { ok: true, intent: input.intent };
    }
    case "removeMembership": {
      const membershipId = input.membershipId.toLowerCase();
      return db.$transaction(async (tx) => {
        await lockAdmins(tx);
        const membership = await tx.membership.findFirst({ where: { id: membershipId, userId }, select: { id: true, role: true, unitId: true } });
        if (!membership) return { ok: false, reason: "not_found" } as const;
        if (membership.role === "ADMIN" && (await countActiveAdminMemberships(tx, { membershipId: membership.id })) === 0) {
          return { ok: false, reason: "last_admin" } as const;
        }
        await tx.membership.delete({ where: { id: membership.id } });
        await audit(tx, actorUserId, "membership.removed", "user", userId, { fields: ["membership"], membershipId: membership.id, role: membership.role, unitId: membership.unitId });
        return { ok: true, intent: input.intent } as const;
      });
    }
  }
}
