import { createHash, randomBytes } from "node:crypto";
import { redirect } from "@remix-run/node";
import type { Role } from "~/generated/prisma/client";
import type { DbClient } from "./db-types.server";
import { getEnv } from "./env.server";

// Staff sessions: a random 32-byte token in an HttpOnly cookie, only its sha256 in the `session`
// table. A database leak yields no usable cookie; logging out or resetting a password deletes rows,
// so sessions end at once on every web process. 12 hours absolute: one working day, no sliding.

export const STAFF_SESSION_COOKIE = "lapor_staf";
export const STAFF_SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const STAFF_LOGIN_PATH = "/staf/masuk";
export const STAFF_HOME_PATH = "/staf";
export const STAFF_CHANGE_PASSWORD_PATH = "/staf/ganti-sandi";

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function cookieSecure(): boolean {
  const env = getEnv();
  return env.NODE_ENV === "production" && env.PUBLIC_BASE_URL.startsWith("https:");
}

function serializeCookie(value: string, maxAgeSeconds: number): string {
  return [`${STAFF_SESSION_COOKIE}=${value}`, "Path=/", `Max-Age=${maxAgeSeconds}`, "HttpOnly", "SameSite=Lax", ...(cookieSecure() ? ["Secure"] : [])].join("; ");
}

/** A Set-Cookie value that removes the staff session cookie. */
export function clearStaffSessionCookie(): string {
  return serializeCookie("", 0);
}

/** The token from the request's cookie, or null when absent or malformed. */
export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === STAFF_SESSION_COOKIE) {
      const value = rest.join("=");
      return TOKEN_PATTERN.test(value) ? value : null;
    }
  }
  return null;
}

/** Stores a new session for the user; returns the Set-Cookie value to send. */
export async function createStaffSession(db: DbClient, userId: string, now: Date): Promise<{ cookie: string; expiresAt: Date; sessionId: string }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + STAFF_SESSION_TTL_MS);
  const row = await db.session.create({ data: { userId, tokenHash: hashSessionToken(token), expiresAt }, select: { id: true } });
  return { cookie: serializeCookie(token, Math.floor(STAFF_SESSION_TTL_MS / 1000)), expiresAt, sessionId: row.id };
}

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  mustChangePassword: boolean;
  /** The session this request came with (to keep it when others are ended). */
  sessionId: string;
  memberships: { unitId: string; role: Role; unit: { name: string; shortName: string } }[];
}

/** The signed-in, active staff user with memberships, or null (no cookie, unknown, expired, deactivated). */
export async function getStaffUser(db: DbClient, request: Request, now: Date): Promise<StaffUser | null> {
  const token = readSessionToken(request);
  if (!token) return null;
  const session = await db.session.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    select: {
      id: true,
      expiresAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          locale: true,
          isActive: true,
          mustChangePassword: true,
          memberships: { select: { unitId: true, role: true, unit: { select: { name: true, shortName: true } } }, orderBy: { createdAt: "asc" } },
        },
      },
    },
  });
  if (!session) return null;
  if (session.expiresAt.getTime() <= now.getTime()) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  const { user } = session;
  if (!user.isActive) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    mustChangePassword: user.mustChangePassword,
    sessionId: session.id,
    memberships: user.memberships,
  };
}

/**
 * A same-site path to go to after signing in, or `fallback`. Refuses absolute URLs,
 * protocol-relative `//host` and `/\host` (browsers read a backslash as a slash), control
 * characters, and anything that would leave the origin once resolved.
 */
export function safeRedirectPath(value: unknown, fallback = STAFF_HOME_PATH): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, "http://same.invalid");
  } catch {
    return fallback;
  }
  if (url.origin !== "http://same.invalid") return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function loginUrl(redirectTo?: string): string {
  const target = redirectTo === undefined ? null : safeRedirectPath(redirectTo, "");
  return target ? `${STAFF_LOGIN_PATH}?${new URLSearchParams({ redirectTo: target })}` : STAFF_LOGIN_PATH;
}

export interface RequireStaffOptions {
  /** Only the change-password page itself: every other staff page sends a user who must change it there. */
  allowPendingPasswordChange?: boolean;
}

/**
 * The signed-in staff user, or a thrown redirect: to the login page (back to this path afterwards)
 * when there is none, to the change-password page when the password must be changed first.
 */
export async function requireStaffUser(db: DbClient, request: Request, now: Date, options: RequireStaffOptions = {}): Promise<StaffUser> {
  const user = await getStaffUser(db, request, now);
  if (!user) {
    const url = new URL(request.url);
    const headers = readSessionToken(request) ? { "Set-Cookie": clearStaffSessionCookie() } : undefined;
    throw redirect(loginUrl(`${url.pathname}${url.search}`), { headers });
  }
  if (user.mustChangePassword && !options.allowPendingPasswordChange) throw redirect(STAFF_CHANGE_PASSWORD_PATH);
  return user;
}

/** Ends the request's session (if any); returns the Set-Cookie value that clears the cookie. */
export async function destroyStaffSession(db: DbClient, request: Request): Promise<string> {
  const token = readSessionToken(request);
  if (token) await db.session.deleteMany({ where: { tokenHash: hashSessionToken(token) } });
  return clearStaffSessionCookie();
}

/** Ends every session of the user except `keepSessionId` (e.g. the one changing the password). */
export async function destroyUserSessions(db: DbClient, userId: string, keepSessionId?: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } });
  return count;
}
