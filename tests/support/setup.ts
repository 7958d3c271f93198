// Loaded before every test file. Fails a test that logs an unexpected console.error, so errors
// swallowed by code under test cannot pass unnoticed; a test that expects one spies on it.
import { randomBytes } from "node:crypto";
import { afterEach, vi } from "vitest";

// Rate-limit counters live in the shared Redis; each test file (and each run) counts on its own.
process.env.RATE_LIMIT_PREFIX = `t${randomBytes(6).toString("hex")}`;

const originalError = console.error;
let unexpected: unknown[][] = [];

console.error = (...args: unknown[]) => {
  unexpected.push(args);
  originalError(...args);
};

afterEach(() => {
  const seen = unexpected;
  unexpected = [];
  vi.restoreAllMocks();
  if (seen.length > 0) {
    throw new Error(`console.error was called ${seen.length} time(s) during the test; spy on it if that is expected`);
  }
});
