import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyScore, METHODS, weightedTotal } from "./methods";

describe("Ombudsman compliance methods", () => {
  it("classifies the published scores as the Ombudsman did (DOMAIN.md §1.4, §1.6)", () => {
    expect(classifyScore("DIMENSI_2022", 91.7)).toMatchObject({ grade: "A", zone: "HIJAU", label: "Kualitas Tertinggi" }); // Pangkalpinang 2023
    expect(classifyScore("DIMENSI_2022", 92.72).grade).toBe("A"); // Kepahiang 2024
    expect(classifyScore("DIMENSI_2022", 83.06).grade).toBe("B"); // Batam 2022
    expect(classifyScore("DIMENSI_2022", 80.27)).toMatchObject({ grade: "B", zone: "HIJAU" }); // Bangka Tengah 2022
    expect(classifyScore("DIMENSI_2022", 58.99).grade).toBe("C"); // Kendari 2022
    expect(classifyScore("DIMENSI_2022", 58.03).grade).toBe("C"); // Baubau 2022
    expect(classifyScore("ZONA_2013", 55.19).zone).toBe("KUNING"); // Pangkalpinang 2015
    expect(classifyScore("ZONA_2013", 82.05).zone).toBe("HIJAU"); // Pangkalpinang 2017
    expect(classifyScore("OPINI_2025", 57.61).label).toBe("Kualitas Sedang"); // Malut 2025
    expect(classifyScore("OPINI_2025", 53.38).label).toBe("Kualitas Rendah");
  });

  it("uses the two-decimal zone bounds of 2021", () => {
    expect(classifyScore("ZONA_2013", 50.99).zone).toBe("MERAH");
    expect(classifyScore("ZONA_2013", 51).zone).toBe("KUNING");
    expect(classifyScore("ZONA_2013", 80.99).zone).toBe("KUNING");
    expect(classifyScore("ZONA_2013", 81).zone).toBe("HIJAU");
    expect(() => classifyScore("ZONA_2013", 100.01)).toThrow(RangeError);
  });

  it("adds 'Tanpa Maladministrasi' to a 2025 opinion only when the follow-up was done", () => {
    expect(classifyScore("OPINI_2025", 90, { withoutMaladministration: true }).opinion).toBe("Kualitas Tertinggi Tanpa Maladministrasi");
    expect(classifyScore("OPINI_2025", 90).opinion).toBe("Kualitas Tertinggi");
    expect(classifyScore("DIMENSI_2022", 90, { withoutMaladministration: true }).opinion).toBe("Kualitas Tertinggi");
  });

  it("marks unconfirmed cut-offs and weights as such", () => {
    expect(classifyScore("DIMENSI_2022", 90).confirmed).toBe(false);
    expect(classifyScore("ZONA_2013", 90).confirmed).toBe(true);
    for (const config of Object.values(METHODS)) {
      const sum = Object.values(config.weights).reduce((a, b) => a + b, 0);
      if (Object.keys(config.weights).length > 0) expect(sum).toBeCloseTo(100, 6);
      expect(config.bandsSource.length).toBeGreaterThan(20);
    }
  });

  it("weights the 2022 dimensions 21.85 / 32.37 / 24.24 / 21.54", () => {
    expect(weightedTotal("DIMENSI_2022", { INPUT: 100, PROSES: 100, OUTPUT: 100, PENGADUAN: 100 })).toBe(100);
    expect(weightedTotal("DIMENSI_2022", { INPUT: 0, PROSES: 100, OUTPUT: 0, PENGADUAN: 0 })).toBe(32.37);
    expect(weightedTotal("OPINI_2025", { INPUT: 80, PROSES: 80, OUTPUT: 80, PENGADUAN: 80, KEPERCAYAAN_MASYARAKAT: 100 })).toBe(86);
    expect(() => weightedTotal("DIMENSI_2022", { INPUT: 90 })).toThrow(RangeError);
  });

  it("puts every score from 0 to 100 in exactly one band, monotonically", () => {
    const rank = { MERAH: 0, KUNING: 1, HIJAU: 2 } as const;
    for (const method of ["ZONA_2013", "DIMENSI_2022", "OPINI_2025"] as const) {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (a, b) => {
          const [low, high] = a <= b ? [a / 100, b / 100] : [b / 100, a / 100];
          const ranks = METHODS[method].bands.filter((band) => low >= band.min && low <= band.max);
          expect(ranks.length).toBe(1);
          expect(rank[classifyScore(method, low).zone]).toBeLessThanOrEqual(rank[classifyScore(method, high).zone]);
        }),
        { numRuns: 300 },
      );
    }
  });
});
