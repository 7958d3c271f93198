// Who may see a complaint's details without an account: whoever holds the tracking code and PIN,
// or a signed link from the receipt email. Either grants a short-lived signed cookie for that one
// complaint; every citizen action re-checks it.
import { keyedHash, sameSecret } from "~/services/secrets.server";
import { absoluteUrl } from "~/services/urls";

const LINK_VALIDITY_MS = 90 * 24 * 3_600_000;
export const ACCESS_COOKIE = "lapor_lacak";
const ACCESS_VALIDITY_MS = 2 * 3_600_000;
/** How many complaints one browser can hold open at once (a family filing for several members). */
const MAX_GRANTS = 5;

const b64url = (buf: Buffer) => buf.toString("base64url");

function sign(purpose: string, payload: string): string {
  return b64url(keyedHash(purpose, payload)).slice(0, 32);
}

/** Token for the receipt email's link: complaint id and expiry, signed. */
export function createTrackingLinkToken(complaintId: string, now: Date): string {
  const expires = (now.getTime() + LINK_VALIDITY_MS).toString(36);
  return `${expires}.${sign("tracking-link", `${complaintId}.${expires}`)}`;
}

/** The e-mailed address that opens a complaint's tracking page (receipt and later notices). */
export function trackingLinkUrl(publicBaseUrl: string, trackingCode: string, complaintId: string, now: Date): string {
  return absoluteUrl(publicBaseUrl, `/lacak/${trackingCode}?t=${createTrackingLinkToken(complaintId, now)}`);
}

export function verifyTrackingLinkToken(complaintId: string, token: string, now: Date): boolean {
  const [expires, signature] = token.split(".");
  if (!expires || !signature) return false;
  if (Number.parseInt(expires, 36) < now.getTime()) return false;
  return sameSecret(signature, sign("tracking-link", `${complaintId}.${expires}`));
}

interface Grant {
  complaintId: string;
  expiresAt: number;
}

function encodeGrants(grants: Grant[]): string {
  const body = grants.map((g) => `${g.complaintId}~${g.expiresAt.toString(36)}`).join("_");
  return `${body}.${sign("tracking-access", body)}`;
}

export function readAccessGrants(cookieHeader: string | null, now: Date): Grant[] {
  const match = (cookieHeader ?? "").match(new RegExp(`(?:^|;\\s*)${ACCESS_COOKIE}=([^;]+)`));
  if (!match?.[1]) return [];
  const value = decodeURIComponent(match[1]);
  const dot = value.lastIndexOf(".");
  if (dot < 0) return [];
  const body = value.slice(0, dot);
  if (!sameSecret(value.slice(dot + 1), sign("tracking-access", body))) return [];
  return body
    .split("_")
    .map((part) => {
      const [complaintId, expires] = part.split("~");
      return { complaintId: complaintId ?? "", expiresAt: Number.parseInt(expires ?? "0", 36) };
    })
    .filter((g) => g.complaintId && g.expiresAt > now.getTime());
}

export function hasAccess(cookieHeader: string | null, complaintId: string, now: Date): boolean {
  return readAccessGrants(cookieHeader, now).some((g) => g.complaintId === complaintId);
}

/** Set-Cookie value adding (or refreshing) access to one complaint. */
export function grantAccessCookie(cookieHeader: string | null, complaintId: string, now: Date, { secure }: { secure: boolean }): string {
  const grants = readAccessGrants(cookieHeader, now).filter((g) => g.complaintId !== complaintId);
  grants.push({ complaintId, expiresAt: now.getTime() + ACCESS_VALIDITY_MS });
  const value = encodeURIComponent(encodeGrants(grants.slice(-MAX_GRANTS)));
  return `${ACCESS_COOKIE}=${value}; Path=/lacak; HttpOnly; SameSite=Lax; Max-Age=${ACCESS_VALIDITY_MS / 1000}${secure ? "; Secure" : ""}`;
}
