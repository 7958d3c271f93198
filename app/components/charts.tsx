// Small server-rendered SVG charts: no JavaScript, no library. Each chart is an image with a text
// alternative; the numbers behind it are always in a table nearby.
//
// Readable at every width (issue #21): an SVG with a viewBox scales its text with it (rendered size =
// font-size × rendered width / viewBox width), so one 640-unit drawing shrinks 14-unit text to ~7 px
// on a phone. Each time chart is therefore drawn twice, for a narrow (320 units) and a wide (640
// units) box, and CSS shows one (app.css, "liaison risk + charts"): the narrow one below 40em, never
// wider than 30rem; the wide one from 40em, never wider than 40rem. Both are fluid (width 100 %),
// and in every width where one is shown it renders at 0.9× to 1.5× its viewBox, so 14-unit text
// stays ≥ 12 px. Month labels are short ("Jan"), the year is written once under the first month and
// again where it changes, and labels are thinned so they never overlap. With too little data a
// chart is replaced by a sentence saying so (the table keeps the numbers).
import { useLocale, useT, type Locale } from "~/services/i18n";

const INK = "#1f2933";
const BAR = "#0b5394";
const ALT = "#8a5a00";
const GRID = "#c5ccd6";

/** Text size in viewBox units; see above for why this renders at ≥ 12 px. */
export const CHART_FONT = 14;
/** An average glyph of Noto Sans/system sans at CHART_FONT is about 0.6 em wide: enough for spacing, with a margin. */
const GLYPH = CHART_FONT * 0.62;
const WIDTHS = { narrow: 320, wide: 640 } as const;
type Variant = keyof typeof WIDTHS;

/** The least data worth drawing: a line needs two points, a correlation three (metrics.ts pearson). */
export const CHART_MINIMUM = { bars: 1, lines: 2, scatter: 3 } as const;

export interface BarDatum {
  label: string;
  value: number;
}

function monthFormat(locale: Locale) {
  return new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { month: "short", timeZone: "UTC" });
}

interface Tick {
  index: number;
  label: string;
  /** The year, under the first shown month and where the year changes. */
  year: string | null;
}

/**
 * The month ticks shown on an axis `plotWidth` units wide: every k-th month so labels (and the
 * year under them) keep at least one glyph between them.
 */
export function monthTicks(months: readonly string[], plotWidth: number, locale: Locale): Tick[] {
  if (months.length === 0) return [];
  const format = monthFormat(locale);
  const labels = months.map((m) => format.format(new Date(`${m.slice(0, 7)}-01T00:00:00Z`)).replace(/\.$/, ""));
  const widest = Math.max(4, ...labels.map((l) => l.length)) * GLYPH + GLYPH;
  const step = plotWidth / months.length;
  const every = Math.max(1, Math.ceil(widest / step));
  const ticks: Tick[] = [];
  let lastYear = "";
  months.forEach((m, index) => {
    if (index % every !== 0) return;
    const year = m.slice(0, 4);
    ticks.push({ index, label: labels[index]!, year: year === lastYear ? null : year });
    lastYear = year;
  });
  return ticks;
}

function TooLittle({ n, min }: { n: number; min: number }) {
  const t = useT();
  return (
    <p className="chart-empty" data-testid="chart-empty">
      {t("report.chart.tooFew", { n, min })}
    </p>
  );
}

/** Vertical bars per month (e.g. complaints per month). `data[i].label` is the month, "YYYY-MM-01". */
export function BarChart({ data, title, description }: { data: BarDatum[]; title: string; description: string }) {
  const t = useT();
  const total = data.reduce((sum, d) => sum + d.value, 0);
  if (total < CHART_MINIMUM.bars) return <p className="chart-empty" data-testid="chart-empty">{t("report.chart.noData")}</p>;
  return (
    <div className="chart-pair">
      {(["narrow", "wide"] as const).map((variant) => (
        <BarSvg key={variant} variant={variant} data={data} label={`${title}. ${description}`} />
      ))}
    </div>
  );
}

function BarSvg({ variant, data, label }: { variant: Variant; data: BarDatum[]; label: string }) {
  const locale = useLocale();
  const width = WIDTHS[variant];
  const height = 240;
  const max = Math.max(1, ...data.map((d) => d.value));
  const pad = { top: 16, right: 12, bottom: 52, left: Math.ceil(String(max).length * GLYPH) + 12 };
  const plot = width - pad.left - pad.right;
  const step = plot / Math.max(1, data.length);
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  const ticks = monthTicks(data.map((d) => d.label), plot, locale);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className={`chart chart--${variant}`} role="img" aria-label={label} data-chart="bars">
      <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} stroke={GRID} />
      <text x={pad.left - 6} y={y(max) + 5} textAnchor="end" fontSize={CHART_FONT} fill={INK}>{max}</text>
      <text x={pad.left - 6} y={y(0) + 5} textAnchor="end" fontSize={CHART_FONT} fill={INK}>0</text>
      {data.map((d, i) => (
        <rect key={d.label} x={pad.left + i * step + step * 0.15} width={step * 0.7} y={y(d.value)} height={Math.max(0, y(0) - y(d.value))} fill={BAR} />
      ))}
      <MonthAxis ticks={ticks} x={(i) => pad.left + i * step + step / 2} y={height - pad.bottom + 20} />
    </svg>
  );
}

function MonthAxis({ ticks, x, y }: { ticks: Tick[]; x: (index: number) => number; y: number }) {
  return (
    <g>
      {ticks.map((tick) => (
        <g key={tick.index}>
          <text className="chart__month" x={x(tick.index)} y={y} textAnchor="middle" fontSize={CHART_FONT} fill={INK}>{tick.label}</text>
          {tick.year ? <text className="chart__year" x={x(tick.index)} y={y + 18} textAnchor="middle" fontSize={CHART_FONT} fill={INK}>{tick.year}</text> : null}
        </g>
      ))}
    </g>
  );
}

/** Rates per month as lines on 0–100 % (e.g. SLA met for first response and resolution); `months` are "YYYY-MM-01". */
export function RateLines({ months, series, title, description }: { months: string[]; series: { name: string; values: (number | null)[] }[]; title: string; description: string }) {
  const drawn = Math.max(0, ...series.map((s) => s.values.filter((v) => v !== null).length));
  if (series.length === 0 || drawn < CHART_MINIMUM.lines) return <TooLittle n={Math.max(0, drawn)} min={CHART_MINIMUM.lines} />;
  return (
    <div className="chart-pair">
      {(["narrow", "wide"] as const).map((variant) => (
        <LinesSvg key={variant} variant={variant} months={months} series={series} label={`${title}. ${description}`} />
      ))}
      <ul className="chart-legend">
        {series.map((s, index) => (
          <li key={s.name}>
            <svg viewBox="0 0 32 8" width="32" height="8" aria-hidden="true" focusable="false">
              <line x1="0" x2="32" y1="4" y2="4" stroke={index % 2 ? ALT : BAR} strokeWidth="2.5" strokeDasharray={index % 2 ? "6 4" : undefined} />
            </svg>{" "}
            {s.name}
          </li>
        ))}
      </ul>
    </div>
  );
}

function LinesSvg({ variant, months, series, label }: { variant: Variant; months: string[]; series: { name: string; values: (number | null)[] }[]; label: string }) {
  const locale = useLocale();
  const width = WIDTHS[variant];
  const height = 240;
  const pad = { top: 16, right: 24, bottom: 52, left: 52 };
  const plot = width - pad.left - pad.right;
  const step = plot / Math.max(1, months.length - 1);
  const x = (i: number) => pad.left + i * step;
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v);
  // Ticks sit on the points, so the spacing to check is one step, not plot / n.
  const ticks = monthTicks(months, step * months.length, locale);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className={`chart chart--${variant}`} role="img" aria-label={label} data-chart="lines">
      {[0, 0.5, 1].map((v) => (
        <g key={v}>
          <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} stroke={GRID} />
          <text x={pad.left - 6} y={y(v) + 5} textAnchor="end" fontSize={CHART_FONT} fill={INK}>{`${v * 100}%`}</text>
        </g>
      ))}
      {series.map((s, index) => {
        const colour = index % 2 ? ALT : BAR;
        const points = s.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter(Boolean);
        return (
          <g key={s.name}>
            <polyline points={points.join(" ")} fill="none" stroke={colour} strokeWidth="2.5" strokeDasharray={index % 2 ? "6 4" : undefined} />
            {s.values.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r="3.5" fill={colour} />))}
          </g>
        );
      })}
      <MonthAxis ticks={ticks} x={x} y={height - pad.bottom + 20} />
    </svg>
  );
}

/** Horizontal bars with their value written out (e.g. the mix of maladministration forms). */
export function HorizontalBars({ data, title, description }: { data: BarDatum[]; title: string; description: string }) {
  const shown = data.filter((d) => d.value > 0);
  if (shown.length < CHART_MINIMUM.bars) return <TooLittle n={shown.length} min={CHART_MINIMUM.bars} />;
  return (
    <div className="chart-pair">
      {(["narrow", "wide"] as const).map((variant) => (
        <HorizontalSvg key={variant} variant={variant} data={shown} label={`${title}. ${description}`} />
      ))}
    </div>
  );
}

function clip(text: string, maxChars: number) {
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

function HorizontalSvg({ variant, data, label }: { variant: Variant; data: BarDatum[]; label: string }) {
  const width = WIDTHS[variant];
  const max = Math.max(1, ...data.map((d) => d.value));
  const valueRoom = Math.ceil(String(max).length * GLYPH) + 10;
  // Narrow: the label on its own line above its bar. Wide: the label in a column left of the bar.
  const stacked = variant === "narrow";
  const labelWidth = stacked ? 0 : 260;
  const rowHeight = stacked ? 44 : 28;
  const height = data.length * rowHeight + 8;
  const maxChars = Math.floor(((stacked ? width : labelWidth - 8) - 4) / GLYPH);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className={`chart chart--${variant}`} role="img" aria-label={label} data-chart="hbars">
      {data.map((d, i) => {
        const barWidth = ((width - labelWidth - valueRoom) * d.value) / max;
        const barY = stacked ? 22 : 5;
        return (
          <g key={d.label} transform={`translate(0, ${i * rowHeight + 4})`}>
            <text x={stacked ? 2 : labelWidth - 8} y={stacked ? 14 : 18} textAnchor={stacked ? "start" : "end"} fontSize={CHART_FONT} fill={INK}>
              {clip(d.label, maxChars)}
            </text>
            <rect x={labelWidth} y={barY} width={barWidth} height={16} fill={BAR} />
            <text x={labelWidth + barWidth + 6} y={barY + 13} fontSize={CHART_FONT} fill={INK}>{d.value}</text>
          </g>
        );
      })}
    </svg>
  );
}

/** Units as points: handling index (x) against the Ombudsman score (y), both 0–100. One drawing: it is never wider than 20rem. */
export function Scatter({ points, xLabel, yLabel, title, description }: { points: { label: string; x: number; y: number }[]; xLabel: string; yLabel: string; title: string; description: string }) {
  if (points.length < CHART_MINIMUM.scatter) return <TooLittle n={points.length} min={CHART_MINIMUM.scatter} />;
  const size = 320;
  const pad = 56;
  const scale = (v: number) => pad + ((size - 2 * pad) * v) / 100;
  return (
    <svg viewBox={`0 0 ${size} ${size}`} className="chart chart--square" role="img" aria-label={`${title}. ${description}`} data-chart="scatter">
      <rect x={pad} y={pad} width={size - 2 * pad} height={size - 2 * pad} fill="none" stroke={GRID} />
      {[0, 50, 100].map((v) => (
        <g key={v}>
          <text x={scale(v)} y={size - pad + 18} textAnchor="middle" fontSize={CHART_FONT} fill={INK}>{v}</text>
          <text x={pad - 6} y={size - scale(v) + 5} textAnchor="end" fontSize={CHART_FONT} fill={INK}>{v}</text>
        </g>
      ))}
      <text x={size / 2} y={size - 6} textAnchor="middle" fontSize={CHART_FONT} fill={INK}>{xLabel}</text>
      <text x={18} y={size / 2} textAnchor="middle" fontSize={CHART_FONT} fill={INK} transform={`rotate(-90 18 ${size / 2})`}>{yLabel}</text>
      {points.map((p) => (
        <circle key={p.label} cx={scale(p.x)} cy={size - scale(p.y)} r="4" fill={BAR}>
          <title>{`${p.label}: ${p.x.toFixed(1)} / ${p.y.toFixed(2)}`}</title>
        </circle>
      ))}
    </svg>
  );
}
