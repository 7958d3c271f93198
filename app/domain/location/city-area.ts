// Where Pangkalpinang is, for the map pin and for refusing coordinates that cannot be in the city
// (ADR 036). Plain data: the browser's form and the server's check read the same numbers.

/**
 * The city's centre: 2°8′S 106°7′E (Wikipedia "Pangkalpinang", the coordinates of the city's
 * infobox), where the map opens.
 */
export const CITY_CENTRE = { latitude: -2.133, longitude: 106.117 } as const;

/**
 * A rectangle that holds the whole city (104.54–118.41 km², Wikipedia "Pangkalpinang") with a margin
 * of a few hundred metres to the Bangka Tengah / Bangka regency line. [U] The edges are the city's
 * choice, not a surveyed boundary: no boundary data is in the sources we hold. A pin inside the box
 * but just outside the city is accepted; the coordinator's verification catches it.
 */
export const CITY_BOUNDS = { south: -2.22, north: -2.04, west: 106.03, east: 106.2 } as const;

/** The zoom the map opens at: the whole city on a 360 px phone. */
export const CITY_ZOOM = 12;

export function isInsideCity(latitude: number, longitude: number): boolean {
  return (
    Number.isFinite(latitude) &&
    Number.isFinite(longitude) &&
    latitude >= CITY_BOUNDS.south &&
    latitude <= CITY_BOUNDS.north &&
    longitude >= CITY_BOUNDS.west &&
    longitude <= CITY_BOUNDS.east
  );
}

/** Degrees as typed: a comma for the decimal point (Indonesian) and a typographic minus are accepted. */
const DEGREES = /^-?\d{1,3}(\.\d{1,12})?$/;

/** A typed latitude or longitude in decimal degrees, or undefined when it is not one. */
export function parseDegrees(text: string | null | undefined): number | undefined {
  const normalised = text?.trim().replace(",", ".").replace(/^[\u2212\u2013]/, "-");
  return normalised !== undefined && DEGREES.test(normalised) ? Number(normalised) : undefined;
}

/** `"<lat>,<long>"` (the pin sent for a kelurahan suggestion) inside the city, else null. */
export function parsePinQuery(text: string | null): { latitude: number; longitude: number } | null {
  const [lat, long, extra] = (text ?? "").split(",");
  if (extra !== undefined) return null;
  const latitude = parseDegrees(lat);
  const longitude = parseDegrees(long);
  return latitude !== undefined && longitude !== undefined && isInsideCity(latitude, longitude) ? { latitude, longitude } : null;
}

/** Stored as numeric(9,6): six decimals is ~10 cm, finer than any phone's GPS. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** A link that shows the point on openstreetmap.org, for pages and people without the map. */
export function openStreetMapLink(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=18/${latitude}/${longitude}`;
}
