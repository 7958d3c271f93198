import { getEnv } from "./env.server";

// JSON lines on stdout. Callers pass ids and counts, never names, emails, phone numbers or
// complaint text (UU PDP; docs/decisions/006-no-personal-data-in-redis-or-logs.md).
type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, string | number | boolean | null | undefined>;

function write(level: Level, msg: string, fields?: LogFields) {
  let threshold: Level = "info";
  try {
    threshold = getEnv().LOG_LEVEL;
  } catch {
    // Logging must work even while the environment is being reported as invalid.
  }
  if (ORDER[level] < ORDER[threshold]) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields });
  if (level === "error" || level === "warn") process.stderr.write(line + "\n");
  else process.stdout.write(line + "\n");
}

/**
 * An error as log fields: its kind and the first line of its message. Never the stack, which is
 * many lines (a log line is one JSON object) and names files and arguments rather than the event.
 */
export function errorFields(error: unknown): { error: string; errorType: string } {
  if (error instanceof Error) return { error: firstLine(error.message), errorType: error.name };
  let text: string;
  try {
    text = String(error);
  } catch {
    text = "(unprintable)"; // an object without a prototype has no toString
  }
  return { error: firstLine(text), errorType: typeof error };
}

function firstLine(text: string): string {
  return text.split("\n")[0]!.slice(0, 500);
}

export function createLogger(component: string) {
  return {
    debug: (msg: string, fields?: LogFields) => write("debug", msg, { component, ...fields }),
    info: (msg: string, fields?: LogFields) => write("info", msg, { component, ...fields }),
    warn: (msg: string, fields?: LogFields) => write("warn", msg, { component, ...fields }),
    error: (msg: string, fields?: LogFields) => write("error", msg, { component, ...fields }),
  };
}

export type Logger = ReturnType<typeof createLogger>;
