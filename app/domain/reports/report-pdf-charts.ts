// The report's charts for print, as SVG in points: the PDF builder draws them as vectors (pdfmake
// turns SVG into PDF paths and text in the embedded font). They take the same series as the
// page's charts (app/components/charts.tsx), laid out for a page instead of a screen: no label is
// cut short, labels thin out instead of colliding, and the values are written where there is room.
// Colours repeat the page's so the printed and the on-screen charts read alike.

const INK = "#1f2933";
const MUTED = "#52606d";
const BAR = "#0b5394";
const ALT = "#8a5a00";
const GRID = "#c5ccd6";
const FONT = 7.5;

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const round = (n: number) => Math.round(n * 100) / 100;

function text(x: number, y: number, value: string, { anchor = "start", size = FONT, fill = INK, bold = false } = {}): string {
  return `<text x="${round(x)}" y="${round(y)}" font-size="${size}" fill="${fill}" text-anchor="${anchor}"${bold ? ' font-weight="bold"' : ""}>${escapeXml(value)}</text>`;
}

const line = (x1: number, y1: number, x2: number, y2: number, stroke = GRID, width = 0.6, dash?: string) =>
  `<line x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" stroke="${stroke}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`;

const svgOf = (width: number, height: number, body: string[]): ChartSvg => ({
  svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body.join("")}</svg>`,
  width,
  height,
});

/** Every n-th label, so that labels about `labelWidth` wide never overlap at this step. */
const labelEvery = (step: number, labelWidth: number) => Math.max(1, Math.ceil(labelWidth / Math.max(step, 1)));

/** A round upper bound for an axis (1, 2, 2.5 or 5 times a power of ten). */
export function niceCeiling(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const nice = [1, 2, 2.5, 5, 10].find((m) => m * power >= max)!;
  return nice * power;
}

/** Vertical bars with the value above each bar when it fits (complaints per month). */
export function barChartSvg(data: readonly { label: string; value: number }[], { width, formatValue }: { width: number; formatValue: (n: number) => string }): ChartSvg {
  const height = 170;
  const pad = { top: 14, right: 6, bottom: 22, left: 34 };
  const top = niceCeiling(Math.max(...data.map((d) => d.value), 0));
  const step = (width - pad.left - pad.right) / Math.max(1, data.length);
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v / top);
  const body: string[] = [];
  // Counts are whole: a half-way line at 0.5 complaints would be noise.
  for (const v of [0, top / 2, top].filter(Number.isInteger)) {
    body.push(line(pad.left, y(v), width - pad.right, y(v)));
    body.push(text(pad.left - 4, y(v) + 2.5, formatValue(v), { anchor: "end" }));
  }
  const every = labelEvery(step, 40);
  const valuesFit = step >= 16;
  data.forEach((d, i) => {
    const x = pad.left + i * step;
    body.push(`<rect x="${round(x + step * 0.18)}" y="${round(y(d.value))}" width="${round(step * 0.64)}" height="${round(Math.max(0, y(0) - y(d.value)))}" fill="${BAR}"/>`);
    if (valuesFit) body.push(text(x + step / 2, y(d.value) - 3, formatValue(d.value), { anchor: "middle", size: 6.5, fill: MUTED }));
    if (i % every === 0) body.push(text(x + step / 2, height - pad.bottom + 11, d.label, { anchor: "middle" }));
  });
  return svgOf(width, height, body);
}

/**
 * Rates per period as lines on 0–100 % (first response and resolution on time). A month with
 * nothing decided has no value: the line breaks there rather than drawing a rate nobody measured.
 */
export function rateLinesSvg(
  labels: readonly string[],
  series: readonly { name: string; values: readonly (number | null)[] }[],
  { width, formatShare }: { width: number; formatShare: (share: number) => string },
): ChartSvg {
  const height = 180;
  const pad = { top: 10, right: 10, bottom: 40, left: 38 };
  // The first and last points sit inside the grid, so their month labels are not cut by the page edge.
  const inset = 24;
  const step = (width - pad.left - pad.right - 2 * inset) / Math.max(1, labels.length - 1);
  const x = (i: number) => (labels.length === 1 ? (pad.left + width - pad.right) / 2 : pad.left + inset + i * step);
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v);
  const colours = [BAR, ALT];
  const dashes = [undefined, "5 3"];
  const body: string[] = [];
  for (const v of [0, 0.5, 1]) {
    body.push(line(pad.left, y(v), width - pad.right, y(v)));
    body.push(text(pad.left - 4, y(v) + 2.5, formatShare(v), { anchor: "end" }));
  }
  const every = labelEvery(step, 40);
  labels.forEach((label, i) => {
    if (i % every === 0) body.push(text(x(i), height - pad.bottom + 11, label, { anchor: "middle" }));
  });
  series.forEach((s, index) => {
    const colour = colours[index % colours.length]!;
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) body.push(`<polyline points="${run.join(" ")}" fill="none" stroke="${colour}" stroke-width="1.6"${dashes[index % 2] ? ` stroke-dasharray="${dashes[index % 2]}"` : ""}/>`);
      run = [];
    };
    s.values.forEach((v, i) => {
      if (v === null) return flush();
      run.push(`${round(x(i))},${round(y(v))}`);
      body.push(`<circle cx="${round(x(i))}" cy="${round(y(v))}" r="${index === 0 ? 2.2 : 1.8}" fill="${colour}"/>`);
    });
    flush();
    // The legend shows each line's own stroke, so the series stay apart in black and white too.
    const legendX = pad.left + index * Math.min(230, (width - pad.left) / 2);
    body.push(line(legendX, height - 9, legendX + 22, height - 9, colour, 1.6, dashes[index % 2]));
    body.push(text(legendX + 27, height - 6.5, s.name, { fill: INK }));
  });
  return svgOf(width, height, body);
}

/** Units as points: handling index (x) against the last Ombudsman score (y), both 0–100. */
export function scatterSvg(points: readonly { x: number; y: number }[], { size, xLabel, yLabel }: { size: number; xLabel: string; yLabel: string }): ChartSvg {
  const pad = { top: 8, right: 8, bottom: 30, left: 34 };
  const inner = size - Math.max(pad.left + pad.right, pad.top + pad.bottom);
  const sx = (v: number) => pad.left + (inner * v) / 100;
  const sy = (v: number) => pad.top + inner * (1 - v / 100);
  const body: string[] = [`<rect x="${pad.left}" y="${pad.top}" width="${inner}" height="${inner}" fill="none" stroke="${GRID}" stroke-width="0.6"/>`];
  for (const v of [0, 50, 100]) {
    if (v === 50) body.push(line(sx(v), pad.top, sx(v), pad.top + inner), line(pad.left, sy(v), pad.left + inner, sy(v)));
    body.push(text(sx(v), pad.top + inner + 10, String(v), { anchor: "middle" }));
    body.push(text(pad.left - 4, sy(v) + 2.5, String(v), { anchor: "end" }));
  }
  body.push(text(pad.left + inner / 2, pad.top + inner + 22, xLabel, { anchor: "middle" }));
  body.push(`<text x="9" y="${round(pad.top + inner / 2)}" font-size="${FONT}" fill="${INK}" text-anchor="middle" transform="rotate(-90 9 ${round(pad.top + inner / 2)})">${escapeXml(yLabel)}</text>`);
  for (const p of points) body.push(`<circle cx="${round(sx(p.x))}" cy="${round(sy(p.y))}" r="2.8" fill="${BAR}" fill-opacity="0.8"/>`);
  return svgOf(size, size, body);
}
