import { useEffect, useRef, useState, type ReactNode } from "react";
import type { MapView } from "./leaflet-view.client";
import type { MapMarker, MapPoint, MapTiles } from "./types";

export type { MapMarker, MapPoint, MapTiles } from "./types";

/**
 * A map that costs nothing until it is drawn. On the server, without JavaScript and while Leaflet
 * loads (or if it never does), the page shows `fallback` (coordinates and an openstreetmap.org link,
 * a list of reports): the map only adds to a page that already works. With JavaScript, Leaflet and
 * its stylesheet are fetched on mount, as a chunk of their own. Tiles that fail to load leave a grey
 * map on which the pin and the markers still show.
 */
export function LazyMap({
  tiles,
  label,
  centre,
  zoom,
  pin = null,
  markers = [],
  cluster = false,
  onPick,
  fallback,
  className,
}: {
  tiles: MapTiles;
  /** The map region's accessible name. */
  label: string;
  centre: MapPoint;
  zoom: number;
  pin?: MapPoint | null;
  markers?: readonly MapMarker[];
  cluster?: boolean;
  onPick?: (point: MapPoint) => void;
  fallback: ReactNode;
  className?: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const view = useRef<MapView | null>(null);
  const [ready, setReady] = useState(false);
  // The click handler is read through a ref, so a new callback does not redraw the map.
  const pick = useRef(onPick);
  pick.current = onPick;
  const initial = useRef({ tiles, label, centre, zoom, pin, markers, cluster });

  useEffect(() => {
    let cancelled = false;
    import("./leaflet-view.client")
      .then(({ mountMap }) => {
        if (cancelled || !element.current) return;
        // Shown before Leaflet measures it: a hidden container would be drawn at 0×0.
        element.current.classList.remove("map__canvas--empty");
        view.current = mountMap(element.current, {
          ...initial.current,
          onPick: pick.current ? (point) => pick.current?.(point) : undefined,
        });
        setReady(true);
      })
      // No map (offline, a blocked chunk): the fallback stays, which is the page without JavaScript.
      .catch(() => undefined);
    return () => {
      cancelled = true;
      view.current?.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    view.current?.setPin(pin);
  }, [pin, ready]);
  useEffect(() => {
    view.current?.setMarkers(markers);
  }, [markers, ready]);

  return (
    <div className={`map${className ? ` ${className}` : ""}`} data-map-ready={ready ? "" : undefined}>
      <div ref={element} className={ready ? "map__canvas" : "map__canvas map__canvas--empty"} />
      <div className="map__fallback">{fallback}</div>
    </div>
  );
}
