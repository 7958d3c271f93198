import { describe, expect, it } from "vitest";
import { barChartSvg, niceCeiling, rateLinesSvg, scatterSvg } from "./report-pdf-charts";
import { fontRuns, withFallbackFont } from "./report-pdf-fonts.server";

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe("the report PDF's charts", () => {
  it("round the count axis up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect([0, 1, 3, 24, 26, 99, 101, 4_900].map(niceCeiling)).toEqual([1, 1, 5, 25, 50, 100, 200, 5_000]);
  });

  it("write every label whole and escaped, thinning month labels instead of overlapping them", () => {
    const months = Array.from({ length: 36 }, (_, i) => ({ label: `M<${i}>&`, value: i }));
    const chart = barChartSvg(months, { width: 480, formatValue: String });
    const labels = texts(chart.svg).filter((t) => t!.startsWith("M"));
    expect(labels.length).toBeLessThan(36);
    expect(labels.length).toBeGreaterThan(6);
    for (const label of labels) expect(label).toMatch(/^M&#60;\d+&#62;&#38;$/);
    // No half-complaint grid line on a small axis.
    expect(texts(barChartSvg([{ label: "a", value: 1 }], { width: 480, formatValue: String }).svg)).not.toContain("0.5");
  });

  it("break a rate line where a month has nothing decided, rather than drawing through it", () => {
    const chart = rateLinesSvg(["a", "b", "c", "d", "e"], [{ name: "Tepat waktu", values: [0.5, 0.6, null, 0.7, 0.8] }], { width: 480, formatShare: (v) => `${v * 100} %` });
    expect(chart.svg.match(/<polyline /g)).toHaveLength(2);
    expect(chart.svg.match(/<circle /g)).toHaveLength(4);
    expect(texts(chart.svg)).toContain("Tepat waktu");
  });

  it("place scatter points inside the 0–100 square", () => {
    const chart = scatterSvg([{ x: 0, y: 0 }, { x: 100, y: 100 }], { size: 240, xLabel: "Indeks", yLabel: "Nilai" });
    const points = [...chart.svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    for (const [x, y] of points) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(240);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(240);
    }
  });
});

describe("the report PDF's fonts", () => {
  it("print a character Noto Sans lacks in the fallback font, and leave the rest alone", () => {
    expect(fontRuns("Dinas PUPR — Bidang Jalan Ākar–Bukit")).toBe("Dinas PUPR — Bidang Jalan Ākar–Bukit");
    expect(fontRuns("6 pengaduan → komponen 5")).toEqual([{ text: "6 pengaduan " }, { text: "→", font: "DejaVuSans" }, { text: " komponen 5" }]);
  });

  it("reach text in stacks, lists, columns, table cells and inline runs, but not in SVG", () => {
    const doc = withFallbackFont([
      { stack: ["a → b"] },
      { ul: [{ text: ["x ", { text: "→", bold: true }] }] },
      { table: { body: [["→"]] } },
      { svg: "<svg><text>→</text></svg>" },
    ]) as unknown as Record<string, unknown>[];
    expect(JSON.stringify(doc[0])).toContain('"font":"DejaVuSans"');
    expect(JSON.stringify(doc[1])).toContain('"font":"DejaVuSans"');
    expect(JSON.stringify(doc[2])).toContain('"font":"DejaVuSans"');
    expect(doc[3]).toEqual({ svg: "<svg><text>→</text></svg>" });
  });
});
