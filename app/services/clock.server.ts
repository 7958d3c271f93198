import { getEnv } from "./env.server";

/**
 * The one clock web requests and workers read. Domain functions take `now` as an argument, so
 * tests move time by passing it; demos shift this clock with CLOCK_OFFSET_MINUTES (refused in
 * production) to watch reminders, escalations and auto-closes fire.
 */
export function appNow(): Date {
  return new Date(Date.now() + getEnv().CLOCK_OFFSET_MINUTES * 60_000);
}
