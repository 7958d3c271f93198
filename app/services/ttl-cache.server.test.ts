import { describe, expect, it } from "vitest";
import { TtlCache } from "./ttl-cache.server";

describe("TtlCache", () => {
  it("loads once within the time to live, again after it, and shares a load in flight", async () => {
    const cache = new TtlCache<number>(1_000);
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = await Promise.all([cache.get("k", load, 0), cache.get("k", load, 10)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    expect(await cache.get("k", load, 999)).toBe(1);
    expect(await cache.get("k", load, 1_000)).toBe(2);
  });

  it("forgets a failed load and bounds its size", async () => {
    const cache = new TtlCache<number>(1_000, 2);
    await expect(cache.get("x", () => Promise.reject(new Error("down")), 0)).rejects.toThrow("down");
    expect(await cache.get("x", async () => 7, 1)).toBe(7);
    await cache.get("y", async () => 1, 1);
    await cache.get("z", async () => 2, 1);
    // "x" was the oldest and made room.
    expect(await cache.get("x", async () => 8, 2)).toBe(8);
  });
});
