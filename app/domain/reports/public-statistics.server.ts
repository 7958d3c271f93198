// The public transparency page: volumes, resolution times and SLA rates per unit, with no personal
// data and small counts suppressed so that nobody can be recognised from a "1" in a small unit.
import type { Db } from "~/services/db.server";
import { sumRollups } from "~/models/report-queries.server";
import { addCounts, EMPTY_COUNTS, EMPTY_DURATIONS, metricsFromCounts } from "./metrics";
import { cachedDurationStats, type ReportPeriod } from "./dashboard.server";

import { SMALL_COUNT_THRESHOLD } from "./disclosure";

export { SMALL_COUNT_THRESHOLD } from "./disclosure";

export type PublicCount = { suppressed: true } | { suppressed: false; value: number };

export interface PublicUnitStatistics {
  unitId: string;
  complaints: PublicCount;
  /** Shares 0–1 and working minutes; null when suppressed or nothing to measure. */
  closedShare: number | null;
  firstResponseMet: number | null;
  resolutionMet: number | null;
  medianResolutionMinutes: number | null;
}

export function publicCount(value: number): PublicCount {
  return value < SMALL_COUNT_THRESHOLD ? { suppressed: true } : { suppressed: false, value };
}

/** A rate is published only when the count it divides by is itself publishable. */
function publicRate(part: number, whole: number): number | null {
  return whole >= SMALL_COUNT_THRESHOLD ? part / whole : null;
}

export async function loadPublicStatistics(db: Db, period: ReportPeriod) {
  const scope = { ...period, unitIds: null };
  const [byUnit, durations] = await Promise.all([sumRollups(db, scope, "unit"), cachedDurationStats(db, scope)]);
  const city = metricsFromCounts(byUnit.reduce((sum, row) => addCounts(sum, row.counts), EMPTY_COUNTS), durations.city);
  const units: PublicUnitStatistics[] = byUnit
    .filter((row): row is typeof row & { key: string } => row.key !== null && row.counts.complaints > 0)
    .map(({ key, counts }) => {
      const d = durations.byUnit.get(key) ?? EMPTY_DURATIONS;
      return {
        unitId: key,
        complaints: publicCount(counts.complaints),
        closedShare: publicRate(counts.closed, counts.complaints),
        firstResponseMet: publicRate(counts.firstResponseMet, counts.firstResponseDecided),
        resolutionMet: publicRate(counts.resolutionMet, counts.resolutionDecided),
        medianResolutionMinutes: d.resolutionCount >= SMALL_COUNT_THRESHOLD ? d.resolutionMedian : null,
      };
    });
  return {
    period,
    city: {
      complaints: publicCount(city.volume),
      closedShare: publicRate(city.closed, city.volume),
      firstResponseMet: publicRate(city.sla.firstResponse.part, city.sla.firstResponse.whole),
      resolutionMet: publicRate(city.sla.resolution.part, city.sla.resolution.whole),
      medianResolutionMinutes: city.durations.resolutionCount >= SMALL_COUNT_THRESHOLD ? city.durations.resolutionMedian : null,
    },
    units,
  };
}
