import { describe, expect, it } from "vitest";
import { ACCESS_COOKIE, createTrackingLinkToken, grantAccessCookie, hasAccess, verifyTrackingLinkToken } from "./tracking-access.server";

const now = new Date("2026-11-23T02:00:00Z");
const A = "11111111-1111-4111-8111-111111111111";
const B = "22222222-2222-4222-8222-222222222222";
const cookieHeader = (setCookie: string) => setCookie.split(";")[0]!;

describe("tracking access", () => {
  it("accepts its own link token until it expires, and no other complaint's", () => {
    const token = createTrackingLinkToken(A, now);
    expect(verifyTrackingLinkToken(A, token, now)).toBe(true);
    expect(verifyTrackingLinkToken(B, token, now)).toBe(false);
    expect(verifyTrackingLinkToken(A, token, new Date(now.getTime() + 91 * 86_400_000))).toBe(false);
    expect(verifyTrackingLinkToken(A, token.replace(/.$/, (c) => (c === "A" ? "B" : "A")), now)).toBe(false);
    expect(verifyTrackingLinkToken(A, "garbage", now)).toBe(false);
  });

  it("grants access to each complaint separately, for two hours, in a signed HttpOnly cookie", () => {
    const first = grantAccessCookie(null, A, now, { secure: true });
    expect(first).toMatch(new RegExp(`^${ACCESS_COOKIE}=.*; Path=/lacak; HttpOnly; SameSite=Lax; Max-Age=7200; Secure$`));
    expect(hasAccess(cookieHeader(first), A, now)).toBe(true);
    expect(hasAccess(cookieHeader(first), B, now)).toBe(false);
    const both = grantAccessCookie(cookieHeader(first), B, now, { secure: false });
    expect(hasAccess(cookieHeader(both), A, now)).toBe(true);
    expect(hasAccess(cookieHeader(both), B, now)).toBe(true);
    expect(hasAccess(cookieHeader(both), A, new Date(now.getTime() + 2 * 3_600_000 + 1))).toBe(false);
  });

  it("ignores a cookie whose contents were edited", () => {
    const value = cookieHeader(grantAccessCookie(null, A, now, { secure: false }));
    const forged = value.replace(encodeURIComponent(A), encodeURIComponent(B));
    expect(hasAccess(forged, B, now)).toBe(false);
    expect(hasAccess(forged, A, now)).toBe(false);
  });
});
