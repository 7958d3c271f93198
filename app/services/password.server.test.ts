import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, verifyPassword } from "./password.server";

describe("needsRehash", () => {
  it("is false for a hash made now, true for older parameters, another variant or anything unreadable", async () => {
    const current = await hashPassword("kata-sandi-uji-2026");
    expect(await verifyPassword(current, "kata-sandi-uji-2026")).toBe(true);
    expect(needsRehash(current)).toBe(false);
    const salt = "c2FsdHNhbHRzYWx0c2FsdA";
    const tail = `${salt}$WPyvvqeyLgFvrPunJf38wK7vmbpOJR+3/laufQ2961s`;
    expect(needsRehash(`$argon2id$v=19$m=4096,t=1,p=1$${tail}`)).toBe(true);
    expect(needsRehash(`$argon2id$v=19$m=19456,t=1,p=1$${tail}`)).toBe(true);
    expect(needsRehash(`$argon2id$v=19$m=19456,t=2,p=2$${tail}`)).toBe(true);
    expect(needsRehash(`$argon2i$v=19$m=19456,t=2,p=1$${tail}`)).toBe(true);
    expect(needsRehash(`$argon2id$v=16$m=19456,t=2,p=1$${tail}`)).toBe(true);
    expect(needsRehash(`$argon2id$v=19$m=19456,t=2,p=1$${tail}`)).toBe(false);
    expect(needsRehash("$2b$12$abcdefghijklmnopqrstuu")).toBe(true);
    expect(needsRehash("")).toBe(true);
  });
});
