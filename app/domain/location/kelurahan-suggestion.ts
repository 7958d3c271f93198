// Which kelurahan a map pin is probably in (ADR 036). Without boundary data we have two signs, in
// this order: the kelurahan centres the admin has set (the nearest within MAX_CENTROID_METRES wins),
// else the kelurahan that verified complaints pinned within NEARBY_PIN_METRES chose most often. Either way it is a
// suggestion the citizen accepts or ignores, never written into the form by itself.
import { distanceMetres, type Point } from "./distance";

/** How far around the pin verified complaints count as "here". */
export const NEARBY_PIN_METRES = 500;

/** A centre further than this from the pin suggests nothing: the pin is between kelurahan we know. */
export const MAX_CENTROID_METRES = 5_000;

export interface KelurahanCentre extends Point {
  code: string;
}

export interface PinnedChoice extends Point {
  kelurahanCode: string;
}

export function nearestCentre(pin: Point, centres: readonly KelurahanCentre[]): string | null {
  let best: { code: string; metres: number } | null = null;
  for (const centre of centres) {
    const metres = distanceMetres(pin, centre);
    if (metres <= MAX_CENTROID_METRES && (!best || metres < best.metres)) best = { code: centre.code, metres };
  }
  return best?.code ?? null;
}

/** The kelurahan chosen most often by pins within NEARBY_PIN_METRES; a tie goes to the nearer pin. */
export function mostChosenNearby(pin: Point, pins: readonly PinnedChoice[]): string | null {
  const tally = new Map<string, { count: number; nearest: number }>();
  for (const choice of pins) {
    const metres = distanceMetres(pin, choice);
    if (metres > NEARBY_PIN_METRES) continue;
    const entry = tally.get(choice.kelurahanCode) ?? { count: 0, nearest: Infinity };
    entry.count += 1;
    entry.nearest = Math.min(entry.nearest, metres);
    tally.set(choice.kelurahanCode, entry);
  }
  let best: [string, { count: number; nearest: number }] | null = null;
  for (const entry of tally) {
    if (!best || entry[1].count > best[1].count || (entry[1].count === best[1].count && entry[1].nearest < best[1].nearest)) best = entry;
  }
  return best?.[0] ?? null;
}

export function suggestKelurahan(pin: Point, { centres, pins }: { centres: readonly KelurahanCentre[]; pins: readonly PinnedChoice[] }): string | null {
  return nearestCentre(pin, centres) ?? mostChosenNearby(pin, pins);
}
