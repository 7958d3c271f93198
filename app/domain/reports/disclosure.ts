// Statistical disclosure control for public figures. Plain data (not in public-statistics.server.ts):
// the statistics page shows the threshold in the browser too, where a `.server` module is empty.

/**
 * Counts below this are shown as "fewer than 5" and their rates withheld. Threshold rule of
 * statistical disclosure control (e.g. the "rule of 5" used by national statistics offices for
 * published tables); a city setting, not a regulation.
 */
export const SMALL_COUNT_THRESHOLD = 5;
