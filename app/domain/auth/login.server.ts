import { createHash, randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { createNotice } from "~/models/email.server";
import { absoluteUrl } from "~/services/urls";
import type { DbClient } from "~/services/db-types.server";
import { localeOrDefault, translate } from "~/services/i18n.server";
import { hashPassword, needsRehash, verifyPassword } from "~/services/password.server";
import { hashIdentifier, type RateLimitRule } from "~/services/rate-limit.server";
import { destroyUserSessions } from "~/services/session.server";

// Staff sign-in, lockout, password reset and change. Nothing here logs or stores a password, a
// token or an email address in the audit trail: AuditLog rows carry ids, counts and a keyed hash
// of the client's network (ADR 006).

/**
 * City policy values (like RATE_LIMITS in rate-limit.server.ts, kept here with the flow they guard).
 * - staffLogin: per network, across accounts (password spraying); the per-account lockout below is
 *   the brake on guessing one account, so an unreachable Redis allows.
 * - staffPasswordReset: every request may send an email; a rare action, so an outage denies.
 */
export const STAFF_AUTH_RATE_LIMITS = {
  staffLogin: { name: "staff-login", limit: 20, windowSeconds: 900, whenUnavailable: "allow" },
  staffPasswordReset: { name: "staff-password-reset", limit: 5, windowSeconds: 3600, whenUnavailable: "deny" },
} as const satisfies Record<string, RateLimitRule>;

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;
export const MIN_PASSWORD_LENGTH = 12;
/** argon2 hashes anything, but a megabyte password is a denial-of-service tool, not a password. */
export const MAX_PASSWORD_LENGTH = 256;

// An argon2id hash (same parameters as password.server.ts) of a random string nobody knows: an
// unknown email still costs one verification, so response time does not tell which emails exist.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$pqG3a81eQo8Sh3cOtvLXDg$WPyvvqeyLgFvrPunJf38wK7vmbpOJR+3/laufQ2961s";

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

async function audit(db: DbClient, action: string, entityId: string | null, data: Prisma.InputJsonObject = {}, actorUserId: string | null = entityId) {
  await db.auditLog.create({ data: { actorUserId, action, entity: "user", entityId, data } });
}

export type LoginResult = { ok: true; userId: string; mustChangePassword: boolean } | { ok: false; reason: "invalid" | "locked" };

/**
 * Checks a staff login. Unknown or deactivated accounts and wrong passwords answer alike
 * ("invalid") after the same argon2 work. MAX_FAILED_LOGINS wrong passwords in a row lock the
 * account for LOCKOUT_MS; while locked even the right password is refused ("locked"). Success
 * clears the count and records lastLoginAt.
 *
 * Trade-off: "locked" tells a guesser the account exists; staff need to know why they cannot get in,
 * and staff emails are not secret.
 */
export async function loginStaff(db: DbClient, input: { email: string; password: string; ip: string }, now: Date): Promise<LoginResult> {
  const network = hashIdentifier(input.ip);
  const user = await db.user.findUnique({
    where: { email: normalizeEmail(input.email) },
    select: { id: true, passwordHash: true, isActive: true, mustChangePassword: true, lockedUntil: true },
  });
  if (!user || !user.passwordHash || !user.isActive) {
    await verifyPassword(DUMMY_HASH, input.password);
    await audit(db, "login.failure", user?.id ?? null, { reason: user ? "inactive" : "unknown_account", network });
    return { ok: false, reason: "invalid" };
  }
  const valid = await verifyPassword(user.passwordHash, input.password);
  if (user.lockedUntil && user.lockedUntil.getTime() > now.getTime()) {
    await audit(db, "login.refused_locked", user.id, { network });
    return { ok: false, reason: "locked" };
  }
  if (!valid) {
    // Atomic increment: concurrent failures each count.
    const { failedLoginCount } = await db.user.update({
      where: { id: user.id },
      data: { failedLoginCount: { increment: 1 } },
      select: { failedLoginCount: true },
    });
    await audit(db, "login.failure", user.id, { reason: "wrong_password", failedLoginCount, network });
    if (failedLoginCount >= MAX_FAILED_LOGINS) {
      // The count starts again after the lock: another MAX_FAILED_LOGINS misses lock it again.
      await db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(now.getTime() + LOCKOUT_MS), failedLoginCount: 0 } });
      await audit(db, "login.lockout", user.id, { failedLoginCount, lockedForMinutes: LOCKOUT_MS / 60_000, network });
      return { ok: false, reason: "locked" };
    }
    return { ok: false, reason: "invalid" };
  }
  // A hash made with older parameters is upgraded while the password is at hand (ADR 005).
  const rehashed = needsRehash(user.passwordHash) ? await hashPassword(input.password) : null;
  await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now, ...(rehashed ? { passwordHash: rehashed } : {}) } });
  await audit(db, "login.success", user.id, { network, ...(rehashed ? { passwordRehashed: true } : {}) });
  return { ok: true, userId: user.id, mustChangePassword: user.mustChangePassword };
}

export type PasswordProblem = "too_short" | "too_long" | "same_as_email";

/** The city's rule for new staff passwords (NIST SP 800-63B style: length, no composition rules). */
export function checkNewPassword(password: string, email: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "too_short";
  if (password.length > MAX_PASSWORD_LENGTH) return "too_long";
  if (normalizeEmail(password) === normalizeEmail(email)) return "same_as_email";
  return null;
}

/**
 * Sends a one-time reset link (valid RESET_TOKEN_TTL_MS) when the email belongs to an active staff
 * account; does nothing otherwise. The caller answers the same either way.
 */
export async function requestPasswordReset(db: PrismaClient, email: string, now: Date, publicBaseUrl: string): Promise<void> {
  const user = await db.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true, email: true, name: true, locale: true, isActive: true } });
  if (!user || !user.isActive) return;
  const token = randomBytes(32).toString("base64url");
  const locale = localeOrDefault(user.locale);
  const link = absoluteUrl(publicBaseUrl, `/staf/atur-sandi/${token}`);
  await db.$transaction(async (tx) => {
    const row = await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash: sha256(token), expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS) },
      select: { id: true },
    });
    await createNotice(tx, {
      dedupeKey: `password-reset-${row.id}`,
      template: "staff-password-reset",
      locale,
      to: user.email,
      subject: translate(locale, "staff.email.reset.subject"),
      bodyText: translate(locale, "staff.email.reset.body", { name: user.name, link, minutes: RESET_TOKEN_TTL_MS / 60_000 }),
    });
    await audit(tx, "password_reset.requested", user.id, { tokenId: row.id });
  });
}

async function findUsableResetToken(db: DbClient, token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: { id: true, userId: true, expiresAt: true, usedAt: true, user: { select: { email: true, isActive: true } } },
  });
  if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime() || !row.user.isActive) return null;
  return row;
}

/** Whether the link can still set a password (the page shows the form or "ask for a new link"). */
export async function isPasswordResetTokenUsable(db: DbClient, token: string, now: Date): Promise<boolean> {
  return (await findUsableResetToken(db, token, now)) !== null;
}

export type ResetPasswordResult = { ok: true; userId: string } | { ok: false; reason: "invalid_token" | PasswordProblem };

/**
 * Sets a new password from a reset link: the token is used up (by a conditional update, so two
 * racing submissions cannot both succeed), every other reset token of the user too, the lockout is
 * cleared, mustChangePassword is cleared (the user just chose it) and every session is ended.
 */
export async function resetPassword(db: PrismaClient, token: string, newPassword: string, now: Date): Promise<ResetPasswordResult> {
  const row = await findUsableResetToken(db, token, now);
  if (!row) return { ok: false, reason: "invalid_token" };
  const problem = checkNewPassword(newPassword, row.user.email);
  if (problem) return { ok: false, reason: problem };
  const passwordHash = await hashPassword(newPassword);
  const used = await db.$transaction(async (tx) => {
    const { count } = await tx.passwordResetToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (count !== 1) return false;
    await tx.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, failedLoginCount: 0, lockedUntil: null, mustChangePassword: false },
    });
    const endedSessions = await destroyUserSessions(tx, row.userId);
    await audit(tx, "password_reset.completed", row.userId, { tokenId: row.id, endedSessions });
    return true;
  });
  return used ? { ok: true, userId: row.userId } : { ok: false, reason: "invalid_token" };
}

export type ChangePasswordResult = { ok: true } | { ok: false; reason: "wrong_current" | "same_as_current" | PasswordProblem };

/**
 * Changes a signed-in user's password after checking the current one; clears mustChangePassword and
 * ends the user's other sessions (all but `keepSessionId`).
 */
export async function changePassword(
  db: PrismaClient,
  userId: string,
  current: string,
  next: string,
  now: Date,
  { keepSessionId }: { keepSessionId?: string } = {},
): Promise<ChangePasswordResult> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, current))) {
    await audit(db, "password_change.failure", userId, { reason: "wrong_current" });
    return { ok: false, reason: "wrong_current" };
  }
  const problem = checkNewPassword(next, user.email);
  if (problem) return { ok: false, reason: problem };
  if (next === current) return { ok: false, reason: "same_as_current" };
  const passwordHash = await hashPassword(next);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: false, failedLoginCount: 0, lockedUntil: null, updatedAt: now } });
    const endedSessions = await destroyUserSessions(tx, userId, keepSessionId);
    await audit(tx, "password_change.completed", userId, { endedSessions });
  });
  return { ok: true };
}
