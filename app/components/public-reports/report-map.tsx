// The list's reports on a map, with JavaScript only: after hydration it asks the GeoJSON route for
// the pins of the same filters (published precision, no text) and hands them to the shared lazy map,
// which clusters them. Without JavaScript, or when Leaflet or the tiles do not load, the list below
// is the whole page.
import { useEffect, useMemo, useState } from "react";
import { LazyMap, type MapMarker, type MapTiles } from "~/components/map/lazy-map";
import { CITY_CENTRE, CITY_ZOOM } from "~/domain/location/city-area";
import { useT } from "~/services/i18n";

type Pin = { code: string; latitude: number; longitude: number };
type PointFeature = { geometry: { coordinates: [number, number] } | null; properties: { code: string } };

export function PublicReportMap({ tiles, filters }: { tiles: MapTiles; filters: string }) {
  const t = useT();
  const [hydrated, setHydrated] = useState(false);
  const [state, setState] = useState<{ kind: "loading" } | { kind: "failed" } | { kind: "ready"; pins: Pin[]; truncated: boolean }>({ kind: "loading" });
  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (!hydrated) return;
    const controller = new AbortController();
    setState({ kind: "loading" });
    const params = new URLSearchParams(filters);
    params.set("titik", "1");
    fetch(`/laporan-warga.geojson?${params}`, { signal: controller.signal, headers: { Accept: "application/geo+json" } })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { features: PointFeature[]; truncated?: boolean };
        const pins = body.features
          .filter((f) => f.geometry !== null)
          .map((f) => ({ code: f.properties.code, latitude: f.geometry!.coordinates[1], longitude: f.geometry!.coordinates[0] }));
        setState({ kind: "ready", pins, truncated: Boolean(body.truncated) });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ kind: "failed" });
        void error;
      });
    return () => controller.abort();
  }, [hydrated, filters]);
  // The labels are words of the page's language; the pins only change with the filters.
  const openLabel = t("publicReport.map.open", { code: "{code}" });
  const markers = useMemo<MapMarker[]>(
    () =>
      state.kind === "ready"
        ? state.pins.map((pin) => ({ latitude: pin.latitude, longitude: pin.longitude, label: openLabel.replace("{code}", pin.code), href: `/laporan-warga/${pin.code}` }))
        : [],
    [state, openLabel],
  );
  if (!hydrated) return null;
  return (
    <section className="public-map" aria-labelledby="public-map-title" data-testid="public-map">
      <h2 id="public-map-title">{t("publicReport.map.title")}</h2>
      <p className="field__hint">{t("publicReport.map.hint")}</p>
      <p role="status" className="public-map__status" data-testid="public-map-status">
        {state.kind === "loading"
          ? t("publicReport.map.loading")
          : state.kind === "failed"
            ? t("publicReport.map.failed")
            : state.truncated
              ? t("publicReport.map.truncated")
              : t("publicReport.map.count", { n: state.pins.length })}
      </p>
      <LazyMap tiles={tiles} label={t("publicReport.map.title")} centre={CITY_CENTRE} zoom={CITY_ZOOM} markers={markers} cluster fallback={null} />
    </section>
  );
}
