import { describe, expect, it } from "vitest";
import { mostChosenNearby, nearestCentre, suggestKelurahan } from "./kelurahan-suggestion";

// ~0.0009° of latitude is 100 m.
const pin = { latitude: -2.13, longitude: 106.11 };
const north = (metres: number, kelurahanCode: string) => ({ latitude: pin.latitude + metres / 111_195, longitude: pin.longitude, kelurahanCode });

describe("the nearest kelurahan centre", () => {
  it("wins when the admin has set centres", () => {
    const centres = [
      { code: "A", latitude: -2.14, longitude: 106.11 },
      { code: "B", latitude: -2.131, longitude: 106.111 },
    ];
    expect(nearestCentre(pin, centres)).toBe("B");
  });

  it("suggests nothing when every centre is far (over 5 km)", () => {
    expect(nearestCentre(pin, [{ code: "FAR", latitude: -2.2, longitude: 106.11 }])).toBeNull();
  });
});

describe("the kelurahan chosen by nearby verified pins", () => {
  it("is the one chosen most often within 500 m", () => {
    const pins = [north(100, "A"), north(200, "B"), north(300, "B"), north(450, "B"), north(50, "A"), north(600, "A"), north(700, "A"), north(800, "A")];
    expect(mostChosenNearby(pin, pins)).toBe("B");
  });

  it("breaks a tie by the nearer pin", () => {
    expect(mostChosenNearby(pin, [north(400, "A"), north(100, "B")])).toBe("B");
  });

  it("is nothing when no pin is near", () => {
    expect(mostChosenNearby(pin, [north(501, "A")])).toBeNull();
    expect(mostChosenNearby(pin, [])).toBeNull();
  });
});

describe("the suggestion", () => {
  it("prefers centres, falls back to pins when no centre is near, and may be nothing", () => {
    const pins = [north(100, "P")];
    expect(suggestKelurahan(pin, { centres: [{ code: "C", latitude: -2.131, longitude: 106.11 }], pins })).toBe("C");
    expect(suggestKelurahan(pin, { centres: [{ code: "FAR", latitude: -2.2, longitude: 106.11 }], pins })).toBe("P");
    expect(suggestKelurahan(pin, { centres: [], pins })).toBe("P");
    expect(suggestKelurahan(pin, { centres: [], pins: [] })).toBeNull();
  });
});
