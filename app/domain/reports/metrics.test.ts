import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { periodMonthOf, rollupGroupKey } from "./complaint-fact";
import { addCounts, EMPTY_COUNTS, earlyWarnings, metricsFromCounts, monthsBetween, pearson, type RollupCounts, type WarningInput } from "./metrics";

const counts = (over: Partial<RollupCounts>): RollupCounts => ({ ...EMPTY_COUNTS, ...over });
const healthy = counts({ complaints: 40, handled: 40, firstResponseDecided: 40, firstResponseMet: 40, resolutionDecided: 40, resolutionMet: 40, ratingCount: 10, ratingSum: 50 });

describe("cohort month", () => {
  it("uses the month in Asia/Jakarta, not UTC", () => {
    // 31 Jan 20:00 UTC is 1 Feb 03:00 WIB.
    expect(periodMonthOf(new Date("2026-01-31T20:00:00Z"))).toBe("2026-02-01");
    expect(periodMonthOf(new Date("2026-01-31T16:59:59Z"))).toBe("2026-01-01");
    expect(rollupGroupKey({ periodMonth: "2026-02-01", unitId: null, productId: "p", maladministrationCode: null })).toBe("2026-02-01|-|p|-");
  });

  it("lists the months of a period inclusively, across a year end", () => {
    expect(monthsBetween("2025-11-01", "2026-02-01")).toEqual(["2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01"]);
    expect(monthsBetween("2026-03-01", "2026-02-01")).toEqual([]);
  });
});

describe("rates", () => {
  it("leaves a rate empty rather than dividing by zero", () => {
    const m = metricsFromCounts(EMPTY_COUNTS);
    expect(m.sla.firstResponse.value).toBeNull();
    expect(m.satisfaction).toBeNull();
    expect(m.handlingIndex).toBeNull();
  });

  it("adds counts key by key", () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), (a, b) => {
        const sum = addCounts(counts({ complaints: a, reopened: b }), counts({ complaints: b, reopened: a }));
        return sum.complaints === a + b && sum.reopened === a + b && sum.appealed === 0;
      }),
    );
  });
});

describe("correlation", () => {
  it("is 1 for a perfect line, -1 for its mirror, and null when it cannot say", () => {
    expect(pearson([{ x: 1, y: 2 }, { x: 2, y: 4 }, { x: 3, y: 6 }])).toBeCloseTo(1, 12);
    expect(pearson([{ x: 1, y: 6 }, { x: 2, y: 4 }, { x: 3, y: 2 }])).toBeCloseTo(-1, 12);
    expect(pearson([{ x: 1, y: 2 }, { x: 2, y: 4 }])).toBeNull();
    expect(pearson([{ x: 1, y: 5 }, { x: 2, y: 5 }, { x: 3, y: 5 }])).toBeNull();
  });

  it("stays within [-1, 1]", () => {
    const pair = fc.record({ x: fc.integer({ min: -1000, max: 1000 }), y: fc.integer({ min: -1000, max: 1000 }) });
    fc.assert(fc.property(fc.array(pair, { minLength: 3, maxLength: 30 }), (pairs) => {
      const r = pearson(pairs);
      return r === null || (r >= -1 - 1e-9 && r <= 1 + 1e-9);
    }));
  });
});

describe("early warning", () => {
  const unit = (unitId: string, c: RollupCounts, last: WarningInput["last"], formMix: WarningInput["formMix"] = []): WarningInput => ({ unitId, metrics: metricsFromCounts(c), last, formMix });

  it("flags a unit graded A whose handling now reads as C, with the weak components and forms as reasons", () => {
    // First response 50 % (15 of 30), resolution 75 % (18.75 of 25), mean rating 3 (10 of 20), the rest full: 68.75 → C.
    const slipping = counts({ ...healthy, firstResponseMet: 20, resolutionMet: 30, ratingSum: 30 });
    const [warning] = earlyWarnings([
      unit("u1", slipping, { year: 2024, method: "DIMENSI_2022", totalScore: 91.7, zone: "HIJAU", grade: "A" }, [
        { code: "PERMINTAAN_IMBALAN", count: 7 },
        { code: "PENUNDAAN_BERLARUT", count: 9 },
      ]),
    ]);
    expect(warning!.projected.grade).toBe("C");
    expect(warning!.reasons[0]).toEqual({ kind: "indexBelowLast", indexBand: "C", lastBand: "A" });
    expect(warning!.reasons.filter((r) => r.kind === "component").map((r) => (r as { key: string }).key)).toEqual(["firstResponse", "satisfaction", "resolution"]);
    // Delay points at completion time (4), fees at the fee (5) and the service guarantee (12); handling is component 10.
    expect(warning!.components).toEqual([10, 4, 5, 12]);
  });

  it("leaves a unit alone when its index reads at or above its last grade, or when data is too thin", () => {
    expect(earlyWarnings([unit("ok", healthy, { year: 2024, method: "DIMENSI_2022", totalScore: 83.06, zone: "HIJAU", grade: "B" })])).toEqual([]);
    expect(earlyWarnings([unit("thin", counts({ complaints: 2, handled: 2, firstResponseDecided: 2 }), { year: 2024, method: "DIMENSI_2022", totalScore: 91.7, zone: "HIJAU", grade: "A" })])).toEqual([]);
  });

  it("compares zones for the 2013 method and flags unassessed units only in the red zone", () => {
    const poor = counts({ ...healthy, firstResponseMet: 0, resolutionMet: 0, ratingSum: 10 });
    const zoned = earlyWarnings([unit("z", poor, { year: 2021, method: "ZONA_2013", totalScore: 82.05, zone: "HIJAU", grade: null })]);
    expect(zoned[0]!.reasons[0]).toEqual({ kind: "indexBelowLast", indexBand: "MERAH", lastBand: "HIJAU" });
    expect(earlyWarnings([unit("new", poor, null)])[0]!.reasons[0]).toEqual({ kind: "indexInRedZone", indexBand: "E" });
    expect(earlyWarnings([unit("new-ok", healthy, null)])).toEqual([]);
  });
});
