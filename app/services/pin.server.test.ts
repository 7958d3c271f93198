import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generatePin, hashPin, normalizePin, verifyPin } from "./pin.server";

/** A random source handing out the given 32-bit big-endian values, one per call. */
function sourceOf(...values: number[]) {
  let call = 0;
  return (length: number) => {
    const bytes = new Uint8Array(length);
    new DataView(bytes.buffer).setUint32(0, values[call++] ?? 0);
    return bytes;
  };
}

describe("generatePin", () => {
  it("keeps leading zeros", () => {
    expect(generatePin(sourceOf(42))).toBe("000042");
    expect(generatePin(sourceOf(0))).toBe("000000");
    expect(generatePin(sourceOf(1_999_999))).toBe("999999");
  });

  it("redraws values that would bias the remainder instead of folding them", () => {
    // 0xFFFFFFFF % 1e6 = 967295; a modulo-only implementation would return that.
    expect(generatePin(sourceOf(0xffffffff, 7))).toBe("000007");
    // 4_294_000_000 is the first value that must be redrawn (4294 × 10^6).
    expect(generatePin(sourceOf(4_294_000_000, 123_456))).toBe("123456");
    expect(generatePin(sourceOf(4_293_999_999))).toBe("999999");
  });

  it("gives up on a source that never yields an unbiased value", () => {
    expect(() => generatePin(() => new Uint8Array([0xff, 0xff, 0xff, 0xff]))).toThrow(/rejected 16 times/);
  });

  it("maps every unbiased 32-bit value to six digits equal to it modulo 10^6", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_293_999_999 }), (value) => {
        const pin = generatePin(sourceOf(value));
        expect(pin).toMatch(/^[0-9]{6}$/);
        expect(Number(pin)).toBe(value % 1_000_000);
      }),
    );
  });

  it("draws from crypto by default: six digits, every digit near 10% in every position", () => {
    const pins = Array.from({ length: 6_000 }, () => generatePin());
    const counts = Array.from({ length: 6 }, () => new Array<number>(10).fill(0));
    for (const pin of pins) {
      expect(pin).toMatch(/^[0-9]{6}$/);
      [...pin].forEach((digit, position) => counts[position]![Number(digit)]!++);
    }
    // 600 expected per cell, σ ≈ 23: ±150 is beyond 6σ, so this fails only for a skewed source.
    for (const count of counts.flat()) {
      expect(count).toBeGreaterThan(450);
      expect(count).toBeLessThan(750);
    }
    expect(new Set(pins).size).toBeGreaterThan(5_950);
  });
});

describe("normalizePin", () => {
  it("accepts six digits with spaces or a dash, nothing else", () => {
    expect(normalizePin("012345")).toBe("012345");
    expect(normalizePin(" 012 345 ")).toBe("012345");
    expect(normalizePin("012-345")).toBe("012345");
    for (const input of ["", "12345", "1234567", "12345a", "١٢٣٤٥٦", "12.345"]) expect(normalizePin(input), input).toBeNull();
  });
});

describe("hashPin / verifyPin", () => {
  it("hashes with salted argon2id and verifies only the same PIN", async () => {
    const hash = await hashPin("004271");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hashPin("004271")).not.toBe(hash);
    expect(await verifyPin(hash, "004271")).toBe(true);
    expect(await verifyPin(hash, "004 271")).toBe(true);
    expect(await verifyPin(hash, "4271")).toBe(false);
    expect(await verifyPin(hash, "004272")).toBe(false);
    expect(await verifyPin(hash, "")).toBe(false);
  });

  it("answers false for a hash it cannot read instead of throwing", async () => {
    expect(await verifyPin("not-a-hash", "123456")).toBe(false);
  });

  it("refuses to hash anything but exactly six digits", () => {
    expect(() => hashPin("12345")).toThrow(/six digits/);
    expect(() => hashPin("123 456")).toThrow(/six digits/);
  });
});
