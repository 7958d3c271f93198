// Leaflet itself, in a chunk of its own: only `import()`ed by LazyMap once a map is wanted, so no
// page pays for it at first paint (the /lapor budget test holds this). `.client` keeps it out of the
// server build: Leaflet touches `window` when it loads.
import * as L from "leaflet";
import leafletCss from "leaflet/dist/leaflet.css";
import type { MapMarker, MapPoint, MapViewOptions } from "./types";

export interface MapView {
  setPin(point: MapPoint | null): void;
  setMarkers(markers: readonly MapMarker[]): void;
  destroy(): void;
}

/** Leaflet's stylesheet, from our own build, linked once (style-src 'self' allows it; no inline style). */
function linkStylesheet(): void {
  if (document.querySelector("link[data-leaflet-css]")) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = leafletCss;
  link.dataset.leafletCss = "";
  document.head.append(link);
}

const PIN_STYLE: L.CircleMarkerOptions = { radius: 10, weight: 3, color: "#7a1f00", fillColor: "#d9480f", fillOpacity: 0.9, className: "map__pin" };
const MARKER_STYLE: L.CircleMarkerOptions = { radius: 7, weight: 2, color: "#0b3d66", fillColor: "#1c6fb8", fillOpacity: 0.85 };
/** Markers closer than this on screen are drawn as one cluster. */
const CLUSTER_CELL_PX = 44;

export function mountMap(element: HTMLElement, options: MapViewOptions): MapView {
  linkStylesheet();
  const map = L.map(element, { center: [options.centre.latitude, options.centre.longitude], zoom: options.zoom, scrollWheelZoom: false });
  L.tileLayer(options.tiles.urlTemplate, {
    maxZoom: 19,
    attribution: `<a href="${encodeURI(options.tiles.attributionUrl)}">${escapeHtml(options.tiles.attribution)}</a>`,
  }).addTo(map);
  element.setAttribute("aria-label", options.label);
  element.setAttribute("role", "region");

  let pin: L.CircleMarker | null = null;
  const setPin = (point: MapPoint | null) => {
    pin?.remove();
    pin = point ? L.circleMarker([point.latitude, point.longitude], PIN_STYLE).addTo(map) : null;
    // A pin from "use my location" or typed coordinates may be off screen: bring it into view.
    if (point && !map.getBounds().contains([point.latitude, point.longitude])) map.setView([point.latitude, point.longitude], Math.max(map.getZoom(), 16));
  };
  if (options.onPick) {
    const onPick = options.onPick;
    map.on("click", (event: L.LeafletMouseEvent) => onPick({ latitude: event.latlng.lat, longitude: event.latlng.lng }));
  }

  const markerLayer = L.layerGroup().addTo(map);
  let markers: readonly MapMarker[] = [];
  const drawMarkers = () => {
    markerLayer.clearLayers();
    for (const group of options.cluster ? clusters(map, markers) : markers.map((m) => [m])) {
      const [marker] = group;
      if (group.length === 1 && marker) {
        const circle = L.circleMarker([marker.latitude, marker.longitude], MARKER_STYLE).bindTooltip(marker.label);
        if (marker.href) {
          const href = marker.href;
          circle.on("click", () => window.location.assign(href));
        }
        markerLayer.addLayer(circle);
      } else {
        const centre = L.latLngBounds(group.map((m) => [m.latitude, m.longitude] as L.LatLngTuple)).getCenter();
        const icon = L.divIcon({ className: "map__cluster", html: `<span>${group.length}</span>`, iconSize: [36, 36] });
        const cluster = L.marker(centre, { icon, title: String(group.length), keyboard: true });
        cluster.on("click", () => map.setView(centre, Math.min(map.getZoom() + 2, 19)));
        markerLayer.addLayer(cluster);
      }
    }
  };
  if (options.cluster) map.on("zoomend", drawMarkers);
  const setMarkers = (next: readonly MapMarker[]) => {
    markers = next;
    drawMarkers();
  };

  setPin(options.pin);
  setMarkers(options.markers);
  return { setPin, setMarkers, destroy: () => map.remove() };
}

/** Markers grouped by the screen cell they fall in at the current zoom. */
function clusters(map: L.Map, markers: readonly MapMarker[]): MapMarker[][] {
  const cells = new Map<string, MapMarker[]>();
  for (const marker of markers) {
    const p = map.project([marker.latitude, marker.longitude], map.getZoom());
    const key = `${Math.floor(p.x / CLUSTER_CELL_PX)}:${Math.floor(p.y / CLUSTER_CELL_PX)}`;
    const cell = cells.get(key);
    if (cell) cell.push(marker);
    else cells.set(key, [marker]);
  }
  return [...cells.values()];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
