// The map pin's kelurahan suggestion, from what the database knows (ADR 036).
import type { Db } from "~/services/db.server";
import { isInsideCity } from "./city-area";
import { boundingBox, type Point } from "./distance";
import { MAX_CENTROID_METRES, NEARBY_PIN_METRES, suggestKelurahan } from "./kelurahan-suggestion";

/** Enough pins to know the neighbourhood; a busy corner must not make the query heavy. */
const MAX_PINS = 500;

export interface KelurahanSuggestion {
  kelurahanCode: string;
  kecamatanCode: string;
}

export async function suggestKelurahanFor(db: Db, pin: Point): Promise<KelurahanSuggestion | null> {
  if (!isInsideCity(pin.latitude, pin.longitude)) return null;
  const near = boundingBox(pin, MAX_CENTROID_METRES);
  const centres = await db.region.findMany({
    where: { kind: "KELURAHAN", latitude: { gte: near.south, lte: near.north }, longitude: { gte: near.west, lte: near.east } },
    select: { code: true, latitude: true, longitude: true },
  });
  const box = boundingBox(pin, NEARBY_PIN_METRES);
  // Only verified complaints: a citizen's unchecked choice must not steer the next citizen's.
  const pins = await db.complaint.findMany({
    where: {
      latitude: { gte: box.south, lte: box.north },
      longitude: { gte: box.west, lte: box.east },
      verifiedAt: { not: null },
      kelurahanCode: { not: null },
    },
    select: { latitude: true, longitude: true, kelurahanCode: true },
    take: MAX_PINS,
  });
  const code = suggestKelurahan(pin, {
    centres: centres.map((c) => ({ code: c.code, latitude: Number(c.latitude), longitude: Number(c.longitude) })),
    pins: pins.map((p) => ({ kelurahanCode: p.kelurahanCode!, latitude: Number(p.latitude), longitude: Number(p.longitude) })),
  });
  if (!code) return null;
  const kelurahan = await db.region.findFirst({ where: { code, kind: "KELURAHAN" }, select: { code: true, parentCode: true } });
  return kelurahan?.parentCode ? { kelurahanCode: kelurahan.code, kecamatanCode: kelurahan.parentCode } : null;
}
