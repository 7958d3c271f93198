import { clockOffsetMinutes } from "./env.server";

/**
 * The one clock web requests and workers read. Domain functions take `now` as an argument, so
 * tests move time by passing it; demos shift this clock with CLOCK_OFFSET_MINUTES (refused in
 * production) to watch reminders, escalations and auto-closes fire. The offset is read on every
 * call (cheaply: only a changed value is parsed again), so an in-process test server moves too.
 */
export function appNow(): Date {
  return new Date(Date.now() + clockOffsetMinutes() * 60_000);
}
