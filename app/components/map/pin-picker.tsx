import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Field } from "~/components/forms";
import { CITY_CENTRE, CITY_ZOOM, isInsideCity, parseDegrees, roundCoordinate } from "~/domain/location/city-area";
import { useT, type MessageKey } from "~/services/i18n";
import { LazyMap, type MapPoint, type MapTiles } from "./lazy-map";

interface Kecamatan {
  code: string;
  name: string;
  kelurahan: { code: string; name: string }[];
}

/** What `/lapor?titik=<lat>,<long>` answers (the route's loader): the pin's likely kelurahan. */
interface SuggestionData {
  suggestion: { kecamatanCode: string; kelurahanCode: string } | null;
}

type Status = { key: "locating" | "geoFailed" | "outside" } | { key: "set"; point: MapPoint } | null;

/**
 * The optional pin of the complaint form (ADR 036), collapsed under "Tandai di peta". Without
 * JavaScript it is two number fields (lintang, bujur) that the server checks against the city's box.
 * With JavaScript it adds a Leaflet map, loaded only when the section is opened, where a tap sets the
 * pin, "use my location", and the nearest kelurahan to accept with one button. Nothing here is
 * required: the kecamatan, kelurahan and address fields say where on their own.
 */
export function PinPicker({
  tiles,
  values,
  errors,
  labels,
  kecamatan,
  onUseKelurahan,
}: {
  tiles: MapTiles;
  values: { latitude?: string; longitude?: string };
  errors: { latitude?: string; longitude?: string };
  labels: { latitude: string; longitude: string };
  kecamatan: readonly Kecamatan[];
  onUseKelurahan: (kecamatanCode: string, kelurahanCode: string) => void;
}) {
  const t = useT();
  const [latitude, setLatitude] = useState(values.latitude ?? "");
  const [longitude, setLongitude] = useState(values.longitude ?? "");
  const [open, setOpen] = useState(Boolean(values.latitude || values.longitude || errors.latitude || errors.longitude));
  const [scripted, setScripted] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [used, setUsed] = useState<string | null>(null);
  const suggestion = useFetcher<SuggestionData>({ key: "kelurahan-suggestion" });
  useEffect(() => setScripted(true), []);

  const lat = parseDegrees(latitude);
  const long = parseDegrees(longitude);
  const pin = lat !== undefined && long !== undefined && isInsideCity(lat, long) ? { latitude: lat, longitude: long } : null;

  const place = (point: MapPoint) => {
    const rounded = { latitude: roundCoordinate(point.latitude), longitude: roundCoordinate(point.longitude) };
    setLatitude(String(rounded.latitude));
    setLongitude(String(rounded.longitude));
    setStatus({ key: "set", point: rounded });
    setUsed(null);
    suggestion.load(`/lapor?titik=${rounded.latitude},${rounded.longitude}`);
  };

  const useMyLocation = () => {
    if (!("geolocation" in navigator)) return setStatus({ key: "geoFailed" });
    setStatus({ key: "locating" });
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => (isInsideCity(coords.latitude, coords.longitude) ? place({ latitude: coords.latitude, longitude: coords.longitude }) : setStatus({ key: "outside" })),
      () => setStatus({ key: "geoFailed" }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 },
    );
  };

  const clear = () => {
    setLatitude("");
    setLongitude("");
    setStatus(null);
    setUsed(null);
  };

  const suggested = suggestion.data?.suggestion ? describe(kecamatan, suggestion.data.suggestion) : null;
  const centre = pin ?? CITY_CENTRE;

  return (
    <details className="pin-picker" open={open} onToggle={(event) => setOpen(event.currentTarget.open)} data-testid="pin-picker">
      <summary>{t("location.pin.summary")}</summary>
      <p className="field__hint" id="pin-hint">
        {t("location.pin.hint")}
      </p>
      {scripted && open ? (
        <>
          <LazyMap
            tiles={tiles}
            label={t("location.pin.mapLabel")}
            centre={centre}
            zoom={pin ? 16 : CITY_ZOOM}
            pin={pin}
            onPick={place}
            fallback={null}
            className="map--picker"
          />
          <div className="actions">
            <button type="button" className="button button--secondary" onClick={useMyLocation} data-testid="use-my-location">
              {t("location.pin.useMine")}
            </button>
            {pin ? (
              <button type="button" className="button button--secondary" onClick={clear}>
                {t("location.pin.clear")}
              </button>
            ) : null}
          </div>
        </>
      ) : null}
      <p className="pin-picker__status" role="status" aria-live="polite">
        {status?.key === "set"
          ? t("location.pin.set", { latitude: status.point.latitude, longitude: status.point.longitude })
          : status
            ? t(`location.pin.${status.key}` as MessageKey)
            : ""}
        {used ? ` ${used}` : ""}
      </p>
      {suggested && pin && !used ? (
        <p className="pin-picker__suggestion" data-testid="kelurahan-suggestion">
          {t("location.suggest.text", { kelurahan: suggested.kelurahan, kecamatan: suggested.kecamatan })}{" "}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              onUseKelurahan(suggested.kecamatanCode, suggested.kelurahanCode);
              setUsed(t("location.suggest.used", { kelurahan: suggested.kelurahan, kecamatan: suggested.kecamatan }));
            }}
          >
            {t("location.suggest.use")}
          </button>
        </p>
      ) : null}
      <div className="pin-picker__fields">
        <Field id="latitude" label={labels.latitude} hint={t("location.pin.coordinatesHint")} error={errors.latitude}>
          {(props) => (
            <input {...props} name="latitude" type="text" inputMode="decimal" autoComplete="off" maxLength={32} value={latitude} onChange={(event) => setLatitude(event.currentTarget.value)} />
          )}
        </Field>
        <Field id="longitude" label={labels.longitude} error={errors.longitude}>
          {(props) => (
            <input {...props} name="longitude" type="text" inputMode="decimal" autoComplete="off" maxLength={32} value={longitude} onChange={(event) => setLongitude(event.currentTarget.value)} />
          )}
        </Field>
      </div>
    </details>
  );
}

function describe(kecamatan: readonly Kecamatan[], { kecamatanCode, kelurahanCode }: { kecamatanCode: string; kelurahanCode: string }) {
  const k = kecamatan.find((candidate) => candidate.code === kecamatanCode);
  const l = k?.kelurahan.find((candidate) => candidate.code === kelurahanCode);
  return k && l ? { kecamatanCode, kelurahanCode, kecamatan: k.name, kelurahan: l.name } : null;
}
