import { randomBytes as nodeRandomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "./password.server";

// A complaint's PIN guards its details on the public tracking page. Six digits are only 10^6
// values, so no hash makes an offline search slow enough on its own: the PIN is hashed with the
// staff passwords' argon2id (docs/decisions/005-argon2id-passwords.md) so that every guess costs
// tens of milliseconds and 19 MiB, and the online guessing rate is bounded by
// RATE_LIMITS.trackingWrongPin (app/services/rate-limit.server.ts). A peppered sha256 would be
// fast to check, so a leaked table would fall to 10^6 hashes per row once the pepper leaked too.

export const PIN_LENGTH = 6;
const PIN_SPACE = 10 ** PIN_LENGTH;
// Largest multiple of 10^6 below 2^32: drawing below it and taking the remainder is uniform.
const UNBIASED_LIMIT = Math.floor(2 ** 32 / PIN_SPACE) * PIN_SPACE;
// Each draw is rejected with probability 2.25e-4, so 16 rejections in a row mean a broken source.
const MAX_DRAWS = 16;

export type RandomBytes = (length: number) => Uint8Array;

/** Six decimal digits, uniform over 000000–999999 (leading zeros kept). */
export function generatePin(randomBytes: RandomBytes = nodeRandomBytes): string {
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const bytes = randomBytes(4);
    if (bytes.length < 4) throw new Error("random source returned fewer than 4 bytes");
    const value = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
    if (value < UNBIASED_LIMIT) return String(value % PIN_SPACE).padStart(PIN_LENGTH, "0");
  }
  throw new Error(`random source rejected ${MAX_DRAWS} times in a row`);
}

/** The PIN as six digits when a citizen typed it with spaces or dashes (from a printed receipt), else null. */
export function normalizePin(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  return digits.length === PIN_LENGTH && /^[0-9]+$/.test(digits) ? digits : null;
}

export function hashPin(pin: string): Promise<string> {
  // Hashing anything but a canonical PIN would store a value no citizen could ever type back.
  if (normalizePin(pin) !== pin) throw new Error("hashPin expects exactly six digits");
  return hashPassword(pin);
}

/** False for a wrong or malformed PIN and for an unreadable hash; never throws. */
export async function verifyPin(pinHash: string, input: string): Promise<boolean> {
  const pin = normalizePin(input);
  if (pin === null) return false;
  return verifyPassword(pinHash, pin);
}
