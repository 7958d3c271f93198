// Where the map's tiles come from (ADR 036): configuration, so the city can move to its own tile
// server or a provider with an agreement without a code change. The pages that draw a map pass
// `tileLayer()` to the browser; the CSP allows exactly the tile host for img-src.

/** OpenStreetMap's public tiles: fine for a city portal's traffic under the OSMF tile usage policy. */
export const DEFAULT_TILE_URL_TEMPLATE = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
export const DEFAULT_TILE_ATTRIBUTION = "© OpenStreetMap contributors";
export const OSM_COPYRIGHT_URL = "https://www.openstreetmap.org/copyright";

export interface TileLayerConfig {
  /** Leaflet's template: {z}/{x}/{y}, and {s} for a subdomain. */
  urlTemplate: string;
  /** Plain text, shown on the map with a link to the copyright page. */
  attribution: string;
  attributionUrl: string;
}

function validTemplate(raw: string | undefined): string | null {
  if (!raw || !/\{z\}/.test(raw) || !/\{x\}/.test(raw) || !/\{y\}/.test(raw)) return null;
  try {
    const url = new URL(raw.replaceAll("{s}", "a"));
    return url.protocol === "https:" || url.protocol === "http:" ? raw : null;
  } catch {
    return null;
  }
}

/**
 * TILE_URL_TEMPLATE, TILE_ATTRIBUTION and TILE_ATTRIBUTION_URL from the environment. A template that
 * is not an http(s) URL with {z}, {x} and {y} falls back to the default, so a typo shows a map
 * rather than none (the page works without tiles anyway).
 */
export function tileLayer(source: Record<string, string | undefined> = process.env): TileLayerConfig {
  const template = validTemplate(source.TILE_URL_TEMPLATE?.trim());
  return {
    urlTemplate: template ?? DEFAULT_TILE_URL_TEMPLATE,
    attribution: (template && source.TILE_ATTRIBUTION?.trim()) || DEFAULT_TILE_ATTRIBUTION,
    attributionUrl: (template && source.TILE_ATTRIBUTION_URL?.trim()) || OSM_COPYRIGHT_URL,
  };
}

/** The CSP img-src source for the tile host: its origin, `{s}` becoming a `*.` wildcard. */
export function tileImageSource(config: TileLayerConfig = tileLayer()): string {
  const url = new URL(config.urlTemplate.replaceAll("{s}", "subdomain"));
  const host = url.host.replace(/^subdomain\./, "*.");
  return `${url.protocol}//${host}`;
}
