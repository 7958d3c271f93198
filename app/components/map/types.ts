// What a page hands the map: plain, serialisable data (loader data), no Leaflet types.

export interface MapPoint {
  latitude: number;
  longitude: number;
}

export interface MapMarker extends MapPoint {
  /** Read by screen readers and shown on hover/tap. */
  label: string;
  /** Where a tap on the marker leads (a public report's page), if anywhere. */
  href?: string;
}

/** The tile server as configured (app/services/map-config.server.ts `tileLayer()`). */
export interface MapTiles {
  urlTemplate: string;
  attribution: string;
  attributionUrl: string;
}

export interface MapViewOptions {
  tiles: MapTiles;
  centre: MapPoint;
  zoom: number;
  label: string;
  pin: MapPoint | null;
  markers: readonly MapMarker[];
  /** Group markers that would overlap on screen into one counted circle (the public map). */
  cluster: boolean;
  onPick?: (point: MapPoint) => void;
}
