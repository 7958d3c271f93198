import { randomInt } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

export const DEMO_PASSWORD_FILE = resolve(".data/demo-password");
/** Emails and roles only, for the banner `npm start` prints. */
export const DEMO_ACCOUNTS_FILE = resolve(".data/demo-accounts.json");

// No 0/O, 1/l/I: the password is read off a terminal and typed on a phone.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** DEMO_PASSWORD if set, else the one generated on first start and kept under .data/ (never committed). */
export function readOrCreateDemoPassword(): string {
  if (process.env.DEMO_PASSWORD) return process.env.DEMO_PASSWORD;
  if (existsSync(DEMO_PASSWORD_FILE)) return readFileSync(DEMO_PASSWORD_FILE, "utf8").trim();
  const groups = Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""));
  const password = `demo-${groups.join("-")}`;
  mkdirSync(dirname(DEMO_PASSWORD_FILE), { recursive: true });
  writeFileSync(DEMO_PASSWORD_FILE, password + "\n", { mode: 0o600 });
  return password;
}
