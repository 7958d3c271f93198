import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  generateTrackingCode,
  isValidTrackingCode,
  normalizeTrackingCode,
  TRACKING_CODE_ALPHABET,
  TRACKING_CODE_PRINTED_LENGTH,
  TRACKING_CODE_RANDOM_LENGTH,
} from "./tracking-code";

const NUM_RUNS = 500;
const CANONICAL = /^LPK-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{6}$/;

const randomSource = fc.uint8Array({ minLength: TRACKING_CODE_RANDOM_LENGTH, maxLength: TRACKING_CODE_RANDOM_LENGTH });
const codes = randomSource.map((bytes) => generateTrackingCode(() => bytes));

/** The 11 code characters without prefix and separators. */
const bodyOf = (code: string) => code.slice(4).replace("-", "");
const withBody = (body: string) => `LPK-${body.slice(0, 5)}-${body.slice(5)}`;

// Oracle written apart from the module: GF(32) through exp/log tables of x modulo x^5 + x^2 + 1,
// instead of the module's shift-and-add multiplication.
const EXP: number[] = [];
const LOG: number[] = [];
{
  let value = 1;
  for (let power = 0; power < 31; power++) {
    EXP.push(value);
    LOG[value] = power;
    value <<= 1;
    if (value & 32) value ^= 0b100101;
  }
}
function oracleCheckValue(values: number[]): number {
  let sum = 0;
  values.forEach((value, i) => {
    if (value !== 0) sum ^= EXP[((LOG[value] ?? 0) + i + 1) % 31] ?? 0;
  });
  return sum;
}

describe("generateTrackingCode", () => {
  it("prints 16 characters in the canonical form and is accepted back", () => {
    fc.assert(
      fc.property(codes, (code) => {
        expect(code).toMatch(CANONICAL);
        expect(code).toHaveLength(TRACKING_CODE_PRINTED_LENGTH);
        expect(normalizeTrackingCode(code)).toBe(code);
        expect(isValidTrackingCode(code)).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("maps each random byte's low 5 bits onto the alphabet and appends the oracle's check character", () => {
    fc.assert(
      fc.property(randomSource, (bytes) => {
        const values = Array.from(bytes, (byte) => byte % 32);
        const expected = [...values, oracleCheckValue(values)].map((value) => TRACKING_CODE_ALPHABET[value]).join("");
        expect(bodyOf(generateTrackingCode(() => bytes))).toBe(expected);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("keeps issued codes valid: fixed vectors of the printed format", () => {
    // Codes already on receipts must stay valid; a change to the alphabet or the check breaks these.
    expect(generateTrackingCode(() => new Uint8Array(10))).toBe("LPK-00000-000000");
    expect(generateTrackingCode(() => Uint8Array.from([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe("LPK-10000-000002");
    expect(generateTrackingCode(() => Uint8Array.from([0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]))).toMatch(/^LPK-Z0123-45678./);
  });

  it("uses crypto by default: distinct valid codes", () => {
    const seen = new Set(Array.from({ length: 2_000 }, () => generateTrackingCode()));
    expect(seen.size).toBe(2_000);
    for (const code of seen) expect(isValidTrackingCode(code)).toBe(true);
  });

  it("refuses a random source that returns too few bytes", () => {
    expect(() => generateTrackingCode(() => new Uint8Array(9))).toThrow(/needed 10/);
  });
});

describe("check character", () => {
  it("detects every single-character substitution (all 11 positions × 31 other characters)", () => {
    fc.assert(
      fc.property(codes, (code) => {
        const body = bodyOf(code);
        for (let position = 0; position < body.length; position++) {
          for (const replacement of TRACKING_CODE_ALPHABET) {
            if (replacement === body[position]) continue;
            const typo = body.slice(0, position) + replacement + body.slice(position + 1);
            expect(normalizeTrackingCode(withBody(typo)), `${code} → ${typo}`).toBeNull();
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("detects a substitution at a random position by a random character", () => {
    fc.assert(
      fc.property(
        codes,
        fc.nat({ max: 10 }),
        fc.constantFrom(...TRACKING_CODE_ALPHABET),
        (code, position, replacement) => {
          const body = bodyOf(code);
          fc.pre(body[position] !== replacement);
          const typo = body.slice(0, position) + replacement + body.slice(position + 1);
          expect(normalizeTrackingCode(withBody(typo))).toBeNull();
          expect(normalizeTrackingCode(typo)).toBeNull();
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it("detects every adjacent transposition of two different characters", () => {
    fc.assert(
      fc.property(codes, fc.nat({ max: 9 }), (code, position) => {
        const body = bodyOf(code);
        const [a, b] = [body[position], body[position + 1]];
        fc.pre(a !== b);
        const swapped = body.slice(0, position) + b + a + body.slice(position + 2);
        expect(normalizeTrackingCode(withBody(swapped))).toBeNull();
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("detects transpositions of two different characters at any distance, check character included", () => {
    fc.assert(
      fc.property(codes, fc.nat({ max: 10 }), fc.nat({ max: 10 }), (code, i, j) => {
        const chars = [...bodyOf(code)];
        fc.pre(i !== j && chars[i] !== chars[j]);
        [chars[i], chars[j]] = [chars[j] ?? "", chars[i] ?? ""];
        expect(normalizeTrackingCode(withBody(chars.join("")))).toBeNull();
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("rejects a fixed swap of the first two characters (an order-blind sum would accept it)", () => {
    const body = bodyOf(generateTrackingCode(() => Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])));
    const swapped = body[1]! + body[0]! + body.slice(2);
    expect(swapped).not.toBe(body);
    expect(normalizeTrackingCode(swapped)).toBeNull();
  });
});

describe("normalizeTrackingCode", () => {
  const code = generateTrackingCode(() => Uint8Array.from([0, 1, 24, 31, 27, 10, 18, 20, 3, 9]));

  it("accepts lowercase, spaces, other dashes, no prefix and Crockford's look-alikes", () => {
    const body = bodyOf(code);
    expect(code).toMatch(/[01V]/); // the look-alike cases below exercise something
    const lookAlike = body.replace(/0/g, "O").replace(/1/g, "l").replace(/V/g, "u");
    for (const typed of [
      code.toLowerCase(),
      ` ${code} `,
      body,
      body.toLowerCase(),
      `lpk ${body.slice(0, 3)} ${body.slice(3, 7)} ${body.slice(7)}`,
      `LPK–${body.slice(0, 5)}—${body.slice(5)}`,
      `lpk-${lookAlike}`,
      lookAlike,
      `1PK${body}`,
    ]) {
      expect(normalizeTrackingCode(typed), typed).toBe(code);
    }
  });

  it("normalizes randomly mangled typings of random codes", () => {
    const mangled = codes.chain((c) =>
      fc
        .array(fc.record({ lower: fc.boolean(), alias: fc.boolean(), space: fc.constantFrom("", "", " ", "-", "  ") }), {
          minLength: 11,
          maxLength: 11,
        })
        .map((choices) => {
          const typed = [...bodyOf(c)]
            .map((char, i) => {
              const choice = choices[i]!;
              let out = char;
              if (choice.alias) out = ({ "0": "O", "1": "I", V: "U" } as Record<string, string>)[char] ?? char;
              if (choice.lower) out = out.toLowerCase();
              return out + choice.space;
            })
            .join("");
          return { code: c, typed };
        }),
    );
    fc.assert(
      fc.property(mangled, fc.boolean(), ({ code: c, typed }, withPrefix) => {
        expect(normalizeTrackingCode(withPrefix ? `lpk-${typed}` : typed)).toBe(c);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("rejects what is not a code", () => {
    const body = bodyOf(code);
    for (const typed of ["", "LPK", body.slice(0, 10), `${body}0`, `ABC-${body}`, `${body.slice(0, 10)}!`, `LPK-${body}`.repeat(5)]) {
      expect(normalizeTrackingCode(typed), typed).toBeNull();
    }
  });

  it("isValidTrackingCode accepts only the canonical form", () => {
    expect(isValidTrackingCode(code)).toBe(true);
    expect(isValidTrackingCode(code.toLowerCase())).toBe(false);
    expect(isValidTrackingCode(bodyOf(code))).toBe(false);
  });
});
