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

export function createLogger(component: string) {
  return {
    debug: (msg: string, fields?: LogFields) => write("debug", msg, { component, ...fields }),
    info: (msg: string, fields?: LogFields) => write("info", msg, { component, ...fields }),
    warn: (msg: string, fields?: LogFields) => write("warn", msg, { component, ...fields }),
    error: (msg: string, fields?: LogFields) => write("error", msg, { component, ...fields }),
  };
}

export type Logger = ReturnType<typeof createLogger>;
