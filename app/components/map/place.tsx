import { CITY_ZOOM, openStreetMapLink } from "~/domain/location/city-area";
import { useT } from "~/services/i18n";
import { LazyMap, type MapTiles } from "./lazy-map";

/** Where a complaint happened, as the staff pages show it; coordinates only when a pin was set. */
export interface Place {
  kecamatanName: string | null;
  kelurahanName: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  /** The configured tile server (`tileLayer()`), for the small map; null draws no map. */
  tiles: MapTiles | null;
}

/** The coordinates and a link that shows them on openstreetmap.org: the map for people without one. */
export function CoordinatesLink({ latitude, longitude }: { latitude: number; longitude: number }) {
  const t = useT();
  return (
    <>
      <span data-testid="coordinates">
        {latitude}, {longitude}
      </span>{" "}
      <a href={openStreetMapLink(latitude, longitude)} rel="noopener noreferrer" target="_blank">
        {t("location.openInOsm")}
        <span className="visually-hidden"> {t("location.newWindow")}</span>
      </a>
    </>
  );
}

/** The location rows of a staff summary (<dl>): kecamatan, kelurahan, address, coordinates. */
export function PlaceRows({ place }: { place: Place }) {
  const t = useT();
  return (
    <>
      {place.kecamatanName ? (
        <>
          <dt>{t("location.kecamatan")}</dt>
          <dd data-testid="kecamatan">{place.kecamatanName}</dd>
        </>
      ) : null}
      {place.kelurahanName ? (
        <>
          <dt>{t("location.kelurahan")}</dt>
          <dd data-testid="kelurahan">{place.kelurahanName}</dd>
        </>
      ) : null}
      {place.address ? (
        <>
          <dt>{t("location.address")}</dt>
          <dd>{place.address}</dd>
        </>
      ) : null}
      {place.latitude !== null && place.longitude !== null ? (
        <>
          <dt>{t("location.coordinates")}</dt>
          <dd>
            <CoordinatesLink latitude={place.latitude} longitude={place.longitude} />
          </dd>
        </>
      ) : null}
    </>
  );
}

/** A small map of the pin, for the staff pages; nothing when the complaint has no pin. */
export function PlaceMap({ place }: { place: Place }) {
  const t = useT();
  const { tiles } = place;
  if (place.latitude === null || place.longitude === null || !tiles) return null;
  const point = { latitude: place.latitude, longitude: place.longitude };
  return <LazyMap tiles={tiles} label={t("location.mapOfPin")} centre={point} zoom={Math.max(CITY_ZOOM, 16)} pin={point} fallback={null} className="map--small" />;
}
