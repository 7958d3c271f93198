import { describe, expect, it } from "vitest";
import { componentsForForm, FORM_TO_COMPONENTS } from "./component-mapping";
import { handlingIndex, HANDLING_INDEX_WEIGHTS, type UnitComplaintMetrics } from "./handling-index";

const perfect: UnitComplaintMetrics = {
  firstResponseDecided: 20,
  firstResponseMet: 20,
  resolutionDecided: 20,
  resolutionMet: 20,
  handled: 20,
  reopened: 0,
  appealed: 0,
  escalated: 0,
  ratingCount: 5,
  ratingSum: 25,
};

describe("complaint-handling index", () => {
  it("is 100 for a unit that meets every deadline, satisfies everyone and is never reopened", () => {
    expect(handlingIndex(perfect).index).toBe(100);
  });

  it("weighs each component as configured", () => {
    expect(Object.values(HANDLING_INDEX_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    // Half the first responses late costs 30 × 50 % = 15 points.
    expect(handlingIndex({ ...perfect, firstResponseMet: 10 }).index).toBe(85);
    // Average rating 3 of 5 is 50 % satisfaction: 20 × 50 % = 10 points off.
    expect(handlingIndex({ ...perfect, ratingSum: 15 }).index).toBe(90);
    // A quarter of handled complaints reopened: 10 × 25 % = 2.5 points off.
    expect(handlingIndex({ ...perfect, reopened: 5 }).index).toBe(97.5);
  });

  it("leaves out components with fewer than five cases and renormalises, or says nothing at all", () => {
    const fewRatings = handlingIndex({ ...perfect, ratingCount: 2, ratingSum: 2, firstResponseMet: 10 });
    expect(fewRatings.components.find((c) => c.key === "satisfaction")?.score).toBeNull();
    // 80 scored weight: first response 30 × 50 % = 15 points lost of 80 → 81.25.
    expect(fewRatings.index).toBe(81.25);
    const tiny = handlingIndex({ firstResponseDecided: 2, firstResponseMet: 1, resolutionDecided: 1, resolutionMet: 1, handled: 2, reopened: 0, appealed: 0, escalated: 1, ratingCount: 0, ratingSum: 0 });
    expect(tiny.index).toBeNull();
  });
});

describe("maladministration form → standard components", () => {
  it("sends fee complaints to biaya/tarif and delay to completion time", () => {
    expect(componentsForForm("PERMINTAAN_IMBALAN")).toContain(5);
    expect(componentsForForm("PENUNDAAN_BERLARUT")).toEqual([4]);
    expect(componentsForForm(null)).toEqual([]);
  });

  it("covers all ten forms with components 1–14 only", () => {
    expect(Object.keys(FORM_TO_COMPONENTS)).toHaveLength(10);
    for (const { components, why } of Object.values(FORM_TO_COMPONENTS)) {
      expect(components.length).toBeGreaterThan(0);
      for (const n of components) expect(n >= 1 && n <= 14).toBe(true);
      expect(why.length).toBeGreaterThan(10);
    }
  });
});
