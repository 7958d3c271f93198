import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id minimum (19 MiB, 2 passes); docs/decisions/005-argon2id-passwords.md.
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id, a const enum isolatedModules cannot read */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * True when a stored hash was made with other parameters than OPTIONS (older, weaker settings, or
 * another algorithm): the login that proves the password is the one chance to hash it again.
 * ADR 005. An unreadable hash also counts, so it is replaced the next time it verifies.
 */
export function needsRehash(passwordHash: string): boolean {
  const match = /^\$argon2(id|i|d)\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(passwordHash);
  if (!match) return true;
  const [, variant, version, memory, time, lanes] = match;
  return variant !== "id" || version !== "19" || Number(memory) !== OPTIONS.memoryCost || Number(time) !== OPTIONS.timeCost || Number(lanes) !== OPTIONS.parallelism;
}
