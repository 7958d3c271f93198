import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, withDatabase } from "./db-errors.server";

describe("isDatabaseUnavailable", () => {
  it("recognises the shapes Prisma and node-postgres report a lost database in", () => {
    expect(isDatabaseUnavailable({ code: "P1001", message: "Can't reach database server at 127.0.0.1:5432" })).toBe(true);
    expect(isDatabaseUnavailable({ code: "P2010", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } })).toBe(true);
    expect(isDatabaseUnavailable({ code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", code: "57P01" } } } })).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: { code: "ECONNREFUSED", message: "connect ECONNREFUSED" } }))).toBe(true);
  });

  it("leaves real failures alone", () => {
    expect(isDatabaseUnavailable({ code: "P2002", meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation" } } } })).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

describe("withDatabase", () => {
  it("turns an unreachable database into a 503 with Retry-After and rethrows anything else", async () => {
    const thrown = await withDatabase(() => Promise.reject({ code: "P1001" })).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(503);
    expect((thrown as Response).headers.get("Retry-After")).toBe("30");
    const bug = new Error("bug");
    await expect(withDatabase(() => Promise.reject(bug))).rejects.toBe(bug);
    await expect(withDatabase(async () => 42)).resolves.toBe(42);
  });
});
