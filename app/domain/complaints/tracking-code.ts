// Client-safe (no Node imports): the browser can pre-check a code as the citizen types it.
//
// Format: "LPK-XXXXX-XXXXXX", 16 characters printed. The 11 characters after the prefix are Crockford
// base32 (no I, L, O, U, so nothing reads alike aloud or on a phone keypad): 10 random characters
// (50 bits from crypto) and one check character. 10 + 1 characters leave room for a single separator
// within 16 printed characters; 9 random characters would have allowed "LPK-XXXX-XXXX-XX" but only
// 45 bits. The tracking code names a complaint; the PIN (app/services/pin.server.ts) guards its details.
//
// Check character: each character is an element of GF(32) (5-bit values, arithmetic modulo the
// primitive polynomial x^5 + x^2 + 1), random character i is weighted by x^(i+1) and the check
// character by 1, and the check character makes the weighted sum zero. The 11 weights are distinct
// and non-zero (x has order 31), so a field with no zero divisors gives:
//   - any single substitution changes the sum by w·(a−b) ≠ 0: always detected;
//   - any transposition of two different characters, adjacent or not, changes it by
//     (w_i − w_j)·(a − b) ≠ 0: always detected.
// Crockford's own mod-37 check symbol would need the extra symbols * ~ $ = U, which are awkward to
// say and to type on a phone; a mod-32 sum cannot catch every transposition (32 is not prime).
//
// The scheme and the alphabet are a format already printed on receipts: changing either
// invalidates every issued code.

export const TRACKING_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const TRACKING_CODE_PREFIX = "LPK";
export const TRACKING_CODE_RANDOM_LENGTH = 10;
/** Printed length of a canonical code, e.g. "LPK-7K3M9-QXR2CX". */
export const TRACKING_CODE_PRINTED_LENGTH = 16;

/** Returns `length` random bytes; injectable so tests can drive generation. */
export type RandomBytes = (length: number) => Uint8Array;

const BODY_LENGTH = TRACKING_CODE_RANDOM_LENGTH + 1;
const FIRST_GROUP_LENGTH = 5;
const GF32_MODULUS = 0b100101; // x^5 + x^2 + 1
// Longer than any plausible typing of a code, so oversized input is refused before any work.
const MAX_INPUT_LENGTH = 64;

const VALUE_OF = new Map<string, number>([...TRACKING_CODE_ALPHABET].map((char, value) => [char, value]));

// Crockford's decoding aliases, plus U for V as the two are confused in handwriting.
const ALIASES: Record<string, string> = { O: "0", I: "1", L: "1", U: "V" };

function gf32Multiply(a: number, b: number): number {
  let product = 0;
  let x = a;
  let y = b;
  for (let bit = 0; bit < 5; bit++) {
    if (y & 1) product ^= x;
    y >>= 1;
    x <<= 1;
    if (x & 0b100000) x ^= GF32_MODULUS;
  }
  return product;
}

const WEIGHTS: readonly number[] = (() => {
  const weights: number[] = [];
  let power = 1;
  for (let i = 0; i < TRACKING_CODE_RANDOM_LENGTH; i++) {
    power = gf32Multiply(power, 2);
    weights.push(power);
  }
  return weights;
})();

/** Weighted GF(32) sum of the random characters; the check character is exactly this value. */
function weightedSum(values: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < TRACKING_CODE_RANDOM_LENGTH; i++) sum ^= gf32Multiply(WEIGHTS[i] ?? 0, values[i] ?? 0);
  return sum;
}

function format(body: string): string {
  return `${TRACKING_CODE_PREFIX}-${body.slice(0, FIRST_GROUP_LENGTH)}-${body.slice(FIRST_GROUP_LENGTH)}`;
}

const defaultRandomBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

export function generateTrackingCode(randomBytes: RandomBytes = defaultRandomBytes): string {
  const bytes = randomBytes(TRACKING_CODE_RANDOM_LENGTH);
  if (bytes.length < TRACKING_CODE_RANDOM_LENGTH) {
    throw new Error(`random source returned ${bytes.length} bytes, needed ${TRACKING_CODE_RANDOM_LENGTH}`);
  }
  // 256 is a multiple of 32, so keeping the low 5 bits of a uniform byte is itself uniform.
  const values = Array.from(bytes.subarray(0, TRACKING_CODE_RANDOM_LENGTH), (byte) => byte & 0b11111);
  const check = weightedSum(values);
  const body = [...values, check].map((value) => TRACKING_CODE_ALPHABET[value]).join("");
  return format(body);
}

/**
 * The canonical code for what a citizen typed (any case, spaces or dashes anywhere, prefix optional,
 * O/I/L/U read as 0/1/1/V), or null when it is not a code or its check character fails.
 */
export function normalizeTrackingCode(input: string): string | null {
  if (input.length > MAX_INPUT_LENGTH) return null;
  // Phones turn "--" into dashes of other widths; all of them are separators here.
  const compact = input.toUpperCase().replace(/[\s\u002D\u2010-\u2015\u2212]/g, "");
  const mapped = [...compact].map((char) => ALIASES[char] ?? char).join("");
  // The prefix itself contains an L, which the aliases have already turned into 1.
  const mappedPrefix = [...TRACKING_CODE_PREFIX].map((char) => ALIASES[char] ?? char).join("");
  const body =
    mapped.length === mappedPrefix.length + BODY_LENGTH && mapped.startsWith(mappedPrefix)
      ? mapped.slice(mappedPrefix.length)
      : mapped;
  if (body.length !== BODY_LENGTH) return null;
  const values: number[] = [];
  for (const char of body) {
    const value = VALUE_OF.get(char);
    if (value === undefined) return null;
    values.push(value);
  }
  if (weightedSum(values) !== values[TRACKING_CODE_RANDOM_LENGTH]) return null;
  return format(body);
}

/** True only for a code in canonical form, as stored; use normalizeTrackingCode for typed input. */
export function isValidTrackingCode(input: string): boolean {
  return normalizeTrackingCode(input) === input;
}
