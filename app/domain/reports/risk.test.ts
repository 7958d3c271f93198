import { describe, expect, it } from "vitest";
import { OMBUDSMAN_REMINDER_RULE } from "~/domain/compliance/ombudsman-deadlines";
import { EMPTY_COUNTS, earlyWarnings, metricsFromCounts, rate, type RollupCounts } from "./metrics";
import { assessUnitRisk, rankUnitRisks, RISK_RULE, riskLevel, type UnitRiskInput } from "./risk";

const counts = (over: Partial<RollupCounts>): RollupCounts => ({ ...EMPTY_COUNTS, ...over });
const noLetters = { overdue: 0, mostDaysOverdue: 0, dueSoon: 0, soonestDaysLeft: null };
const unit = (over: Partial<UnitRiskInput> & { unitId: string }): UnitRiskInput => ({
  last: null,
  index: null,
  previousIndex: null,
  handled: 0,
  sla: { firstResponse: rate(0, 0), resolution: rate(0, 0) },
  warning: null,
  letters: noLetters,
  findings: null,
  ...over,
});

describe("the risk rule (ADR 011 addendum)", () => {
  // The case of issue #21: the dashboard said "no unit at risk" and its tiles "100 %" from one case,
  // while Disdukcapil stood in Zona Kuning (69.43, C), with four components found not met and a
  // recommendation 37 days overdue.
  it("flags Disdukcapil: Zona Kuning 69.43 (C), four components not met, a recommendation 37 days overdue, one complaint answered on time", () => {
    const oneCase = metricsFromCounts(counts({ complaints: 1, handled: 1, firstResponseDecided: 1, firstResponseMet: 1 }));
    expect(oneCase.sla.firstResponse.value).toBe(1);
    expect(oneCase.handlingIndex).toBeNull();
    const last = { year: 2025, method: "DIMENSI_2022" as const, totalScore: 69.43, zone: "KUNING" as const, grade: "C" };
    // The index-only rule of ADR 011 sees nothing: one case is too few for an index.
    expect(earlyWarnings([{ unitId: "disdukcapil", metrics: oneCase, last, formMix: [{ code: "PENUNDAAN_BERLARUT", count: 1 }] }])).toEqual([]);

    const risk = assessUnitRisk(
      unit({
        unitId: "disdukcapil",
        last,
        index: oneCase.handlingIndex,
        handled: 1,
        sla: oneCase.sla,
        letters: { overdue: 1, mostDaysOverdue: 37, dueSoon: 0, soonestDaysLeft: null },
        // Undue delay points at completion time (4), which the assessor also found not met.
        findings: { year: 2025, unmet: [3, 4, 6, 10], shared: [4] },
      }),
    );
    expect(risk.level).toBe("red");
    expect(risk.reasons.map((r) => [r.kind, r.severity])).toEqual([
      ["lettersOverdue", "red"],
      ["lastBand", "amber"],
      ["sharedGaps", "amber"],
      ["unmetComponents", "amber"],
    ]);
    expect(risk.reasons[0]).toMatchObject({ count: 1, days: 37 });
    expect(risk.reasons[1]).toMatchObject({ zone: "KUNING", grade: "C", score: 69.43 });
  });

  it("ranks a Zona Kuning unit with an overdue letter above units with none", () => {
    const ranked = rankUnitRisks([
      unit({ unitId: "green", last: { year: 2025, method: "DIMENSI_2022", totalScore: 91.7, zone: "HIJAU", grade: "A" } }),
      unit({ unitId: "yellow-only", last: { year: 2025, method: "DIMENSI_2022", totalScore: 70, zone: "KUNING", grade: "C" } }),
      unit({ unitId: "yellow-letter", last: { year: 2025, method: "DIMENSI_2022", totalScore: 75, zone: "KUNING", grade: "C" }, letters: { ...noLetters, overdue: 1, mostDaysOverdue: 3 } }),
    ]);
    expect(ranked.map((r) => [r.unitId, r.level])).toEqual([
      ["yellow-letter", "red"],
      ["yellow-only", "amber"],
      ["green", "green"],
    ]);
  });

  it("never judges lateness on fewer than the minimum sample, but shows it with its n", () => {
    const thin = assessUnitRisk(unit({ unitId: "thin", sla: { firstResponse: rate(0, 1), resolution: rate(0, 0) } }));
    expect(thin.level).toBe("green");
    expect(thin.reasons).toEqual([{ kind: "late", severity: "info", stage: "firstResponse", missed: 1, n: 1, share: 1 }]);
    const amber = assessUnitRisk(unit({ unitId: "a", sla: { firstResponse: rate(7, 10), resolution: rate(0, 0) } }));
    expect(amber.level).toBe("amber");
    const red = assessUnitRisk(unit({ unitId: "r", sla: { firstResponse: rate(2, RISK_RULE.minSample), resolution: rate(0, 0) } }));
    expect(red.level).toBe("red");
  });

  it("reads the zone from the score when only the score was stored, and a red zone as red", () => {
    const risk = assessUnitRisk(unit({ unitId: "z", last: { year: 2021, method: "ZONA_2013", totalScore: 48.2, zone: null, grade: null } }));
    expect(risk.level).toBe("red");
    expect(risk.reasons[0]).toMatchObject({ kind: "lastBand", zone: "MERAH" });
  });

  it("flags a fall of the index against the previous period, and turns three amber inputs red", () => {
    const drop = assessUnitRisk(unit({ unitId: "d", index: 70, previousIndex: 85, handled: 12 }));
    expect(drop.reasons).toEqual([{ kind: "indexDrop", severity: "amber", index: 70, previous: 85, n: 12 }]);
    expect(drop.level).toBe("amber");
    const small = assessUnitRisk(unit({ unitId: "s", index: 80, previousIndex: 85, handled: 12 }));
    expect(small.reasons).toEqual([]);
    const three = unit({
      unitId: "t",
      index: 70,
      previousIndex: 85,
      last: { year: 2025, method: "DIMENSI_2022", totalScore: 70, zone: "KUNING", grade: "C" },
      letters: { ...noLetters, dueSoon: 1, soonestDaysLeft: 5 },
    });
    expect(assessUnitRisk(three).level).toBe("red");
    // Two readings of the same input do not add up to three.
    expect(riskLevel([
      { kind: "indexDrop", severity: "amber", index: 70, previous: 85, n: 12 },
      { kind: "indexBelowLast", severity: "amber", index: 70, band: "C", lastBand: "A", n: 12 },
      { kind: "lastBand", severity: "amber", year: 2025, zone: "KUNING", grade: "C", score: 70 },
    ])).toBe("amber");
  });

  it("carries the index-based early warning over, red when the index reads in the red zone", () => {
    const poor = metricsFromCounts(counts({ complaints: 20, handled: 20, firstResponseDecided: 20, firstResponseMet: 0, resolutionDecided: 20, resolutionMet: 0, ratingCount: 10, ratingSum: 10 }));
    const last = { year: 2024, method: "DIMENSI_2022" as const, totalScore: 91.7, zone: "HIJAU" as const, grade: "A" };
    const [warning] = earlyWarnings([{ unitId: "p", metrics: poor, last, formMix: [] }]);
    const risk = assessUnitRisk(unit({ unitId: "p", last, index: poor.handlingIndex, handled: 20, sla: poor.sla, warning: warning! }));
    expect(risk.level).toBe("red");
    expect(risk.reasons.map((r) => r.kind)).toEqual(["indexBelowLast", "late", "late"]);
  });

  it("warns of a letter as early as the first reminder goes out", () => {
    expect(RISK_RULE.letterDueSoonDays).toBe(Math.max(...OMBUDSMAN_REMINDER_RULE.daysBefore));
  });

  it("leaves letters out when the reader may not see them", () => {
    expect(assessUnitRisk(unit({ unitId: "x", letters: null })).reasons).toEqual([]);
  });
});
