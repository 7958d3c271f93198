import { describe, expect, it } from "vitest";
import { CITY_BOUNDS, CITY_CENTRE, isInsideCity, openStreetMapLink, parseDegrees, parsePinQuery, roundCoordinate } from "./city-area";
import { boundingBox, distanceMetres } from "./distance";

describe("the city's box", () => {
  it("holds the centre and the city's kelurahan offices, and not the next towns", () => {
    expect(isInsideCity(CITY_CENTRE.latitude, CITY_CENTRE.longitude)).toBe(true);
    // Alun-alun Taman Merdeka, the city centre.
    expect(isInsideCity(-2.1296, 106.1133)).toBe(true);
    // Sungailiat (Bangka), Koba (Bangka Tengah), Jakarta, and the point 0,0 a broken GPS gives.
    expect(isInsideCity(-1.8556, 106.1203)).toBe(false);
    expect(isInsideCity(-2.4823, 106.4006)).toBe(false);
    expect(isInsideCity(-6.2, 106.8167)).toBe(false);
    expect(isInsideCity(0, 0)).toBe(false);
    expect(isInsideCity(Number.NaN, 106.1)).toBe(false);
  });

  it("includes its edges", () => {
    expect(isInsideCity(CITY_BOUNDS.south, CITY_BOUNDS.west)).toBe(true);
    expect(isInsideCity(CITY_BOUNDS.north, CITY_BOUNDS.east)).toBe(true);
    expect(isInsideCity(CITY_BOUNDS.north + 0.000001, CITY_BOUNDS.east)).toBe(false);
  });

  it("is about the size of the city: ~20 × 19 km around its ~105–118 km²", () => {
    const height = distanceMetres({ latitude: CITY_BOUNDS.south, longitude: 106.1 }, { latitude: CITY_BOUNDS.north, longitude: 106.1 });
    const width = distanceMetres({ latitude: -2.13, longitude: CITY_BOUNDS.west }, { latitude: -2.13, longitude: CITY_BOUNDS.east });
    expect(height / 1000).toBeCloseTo(20, 0);
    expect(width / 1000).toBeCloseTo(18.9, 0);
    expect((height * width) / 1e6).toBeGreaterThan(118.41);
  });
});

describe("typed degrees", () => {
  it("reads decimal degrees with a point or an Indonesian comma, and a typographic minus", () => {
    expect(parseDegrees("-2.1330")).toBe(-2.133);
    expect(parseDegrees(" -2,1330 ")).toBe(-2.133);
    expect(parseDegrees("\u22122.5")).toBe(-2.5);
    expect(parseDegrees("106")).toBe(106);
  });

  it("refuses anything else", () => {
    for (const text of ["", "abc", "2°8′S", "1e3", "-2.1.3", "0x10", "--2", "2,133,1", "Infinity", "12345", undefined, null]) {
      expect(parseDegrees(text)).toBeUndefined();
    }
  });

  it("takes a pin query only inside the city", () => {
    expect(parsePinQuery("-2.13,106.11")).toEqual({ latitude: -2.13, longitude: 106.11 });
    expect(parsePinQuery("-6.2,106.8")).toBeNull();
    expect(parsePinQuery("-2.13,106.11,3")).toBeNull();
    expect(parsePinQuery("-2.13")).toBeNull();
    expect(parsePinQuery(null)).toBeNull();
  });
});

describe("distances", () => {
  it("measures a degree of latitude as ~111 km and is symmetric", () => {
    const a = { latitude: -2, longitude: 106 };
    const b = { latitude: -3, longitude: 106 };
    expect(distanceMetres(a, b) / 1000).toBeCloseTo(111.2, 0);
    expect(distanceMetres(a, b)).toBeCloseTo(distanceMetres(b, a), 6);
    expect(distanceMetres(a, a)).toBe(0);
  });

  it("draws a box that holds every point within the distance", () => {
    const centre = { latitude: -2.13, longitude: 106.11 };
    const box = boundingBox(centre, 300);
    for (let bearing = 0; bearing < 360; bearing += 15) {
      const rad = (bearing * Math.PI) / 180;
      // ~299 m away in that direction.
      const point = { latitude: centre.latitude + (Math.cos(rad) * 299) / 111_195, longitude: centre.longitude + (Math.sin(rad) * 299) / (111_195 * Math.cos((centre.latitude * Math.PI) / 180)) };
      expect(distanceMetres(centre, point)).toBeLessThan(300);
      expect(point.latitude).toBeGreaterThanOrEqual(box.south);
      expect(point.latitude).toBeLessThanOrEqual(box.north);
      expect(point.longitude).toBeGreaterThanOrEqual(box.west);
      expect(point.longitude).toBeLessThanOrEqual(box.east);
    }
  });
});

describe("stored and linked coordinates", () => {
  it("rounds to the six decimals of numeric(9,6)", () => {
    expect(roundCoordinate(-2.12954319)).toBe(-2.129543);
  });

  it("links to openstreetmap.org with a marker at the point", () => {
    expect(openStreetMapLink(-2.129543, 106.116987)).toBe("https://www.openstreetmap.org/?mlat=-2.129543&mlon=106.116987#map=18/-2.129543/106.116987");
  });
});
