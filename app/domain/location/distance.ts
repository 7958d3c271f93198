// Distances on the ground between two pins, for the kelurahan suggestion and nearby reports.

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (degrees: number) => (degrees * Math.PI) / 180;

export interface Point {
  latitude: number;
  longitude: number;
}

/** Great-circle distance in metres (haversine): exact enough at a city's scale. */
export function distanceMetres(a: Point, b: Point): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The rectangle around `centre` that holds every point within `metres`: the indexed pre-filter a
 * query uses before the exact distance (no PostGIS here).
 */
export function boundingBox(centre: Point, metres: number): { south: number; north: number; west: number; east: number } {
  const dLat = (metres / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLon = dLat / Math.max(Math.cos(rad(centre.latitude)), 1e-6);
  return { south: centre.latitude - dLat, north: centre.latitude + dLat, west: centre.longitude - dLon, east: centre.longitude + dLon };
}
