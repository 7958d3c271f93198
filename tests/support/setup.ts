// Loaded before every test file. Fails a test that logs an unexpected console.error, so errors
// swallowed by code under test cannot pass unnoticed; a test that expects one spies on it.
import { afterEach, vi } from "vitest";

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
