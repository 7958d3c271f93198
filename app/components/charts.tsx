// Small server-rendered SVG charts: no JavaScript, no library, readable on a 360 px phone. Each
// chart is an image with a text alternative; the numbers behind it are always in a table nearby.

const INK = "#1f2933";
const BAR = "#0b5394";
const ALT = "#8a5a00";
const GRID = "#c5ccd6";

export interface BarDatum {
  label: string;
  value: number;
}

/** Vertical bars (e.g. complaints per month). */
export function BarChart({ data, title, description }: { data: BarDatum[]; title: string; description: string }) {
  const width = 640;
  const height = 220;
  const pad = { top: 16, right: 8, bottom: 40, left: 40 };
  const max = Math.max(1, ...data.map((d) => d.value));
  const step = (width - pad.left - pad.right) / Math.max(1, data.length);
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="chart" role="img" aria-label={`${title}. ${description}`}>
      <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} stroke={GRID} />
      <text x={pad.left - 6} y={y(max) + 4} textAnchor="end" fontSize="12" fill={INK}>{max}</text>
      <text x={pad.left - 6} y={y(0) + 4} textAnchor="end" fontSize="12" fill={INK}>0</text>
      {data.map((d, i) => (
        <g key={d.label}>
          <rect x={pad.left + i * step + step * 0.15} width={step * 0.7} y={y(d.value)} height={Math.max(0, y(0) - y(d.value))} fill={BAR} />
          {data.length <= 12 || i % Math.ceil(data.length / 12) === 0 ? (
            <text x={pad.left + i * step + step / 2} y={height - pad.bottom + 16} textAnchor="middle" fontSize="11" fill={INK}>{d.label}</text>
          ) : null}
        </g>
      ))}
    </svg>
  );
}

/** Two rates per period as lines on 0–100 % (e.g. SLA met for first response and resolution). */
export function RateLines({ labels, series, title, description }: { labels: string[]; series: { name: string; values: (number | null)[] }[]; title: string; description: string }) {
  const width = 640;
  const height = 220;
  const pad = { top: 16, right: 8, bottom: 40, left: 44 };
  const step = (width - pad.left - pad.right) / Math.max(1, labels.length - 1);
  const x = (i: number) => pad.left + i * step;
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v);
  const colours = [BAR, ALT];
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="chart" role="img" aria-label={`${title}. ${description}`}>
      {[0, 0.5, 1].map((v) => (
        <g key={v}>
          <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} stroke={GRID} />
          <text x={pad.left - 6} y={y(v) + 4} textAnchor="end" fontSize="12" fill={INK}>{`${v * 100}%`}</text>
        </g>
      ))}
      {series.map((s, index) => {
        const points = s.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter(Boolean);
        return (
          <g key={s.name}>
            <polyline points={points.join(" ")} fill="none" stroke={colours[index % 2]} strokeWidth="2.5" strokeDasharray={index === 1 ? "6 4" : undefined} />
            {s.values.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r="3" fill={colours[index % 2]} />))}
            <text x={pad.left + 8 + index * 220} y={height - 6} fontSize="12" fill={colours[index % 2]}>{`${index === 1 ? "- - " : "—— "}${s.name}`}</text>
          </g>
        );
      })}
      {labels.map((label, i) =>
        labels.length <= 12 || i % Math.ceil(labels.length / 12) === 0 ? (
          <text key={label} x={x(i)} y={height - pad.bottom + 16} textAnchor="middle" fontSize="11" fill={INK}>{label}</text>
        ) : null,
      )}
    </svg>
  );
}

/** Horizontal bars with their value written out (e.g. the mix of maladministration forms). */
export function HorizontalBars({ data, title, description }: { data: BarDatum[]; title: string; description: string }) {
  const rowHeight = 26;
  const width = 640;
  const labelWidth = 260;
  const height = Math.max(1, data.length) * rowHeight + 8;
  const max = Math.max(1, ...data.map((d) => d.value));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="chart" role="img" aria-label={`${title}. ${description}`}>
      {data.map((d, i) => {
        const barWidth = ((width - labelWidth - 60) * d.value) / max;
        return (
          <g key={d.label} transform={`translate(0, ${i * rowHeight + 4})`}>
            <text x={labelWidth - 8} y={16} textAnchor="end" fontSize="12" fill={INK}>{d.label.length > 38 ? `${d.label.slice(0, 37)}…` : d.label}</text>
            <rect x={labelWidth} y={4} width={barWidth} height={16} fill={BAR} />
            <text x={labelWidth + barWidth + 6} y={16} fontSize="12" fill={INK}>{d.value}</text>
          </g>
        );
      })}
    </svg>
  );
}

/** Units as points: handling index (x) against the Ombudsman score (y), both 0–100. */
export function Scatter({ points, xLabel, yLabel, title, description }: { points: { label: string; x: number; y: number }[]; xLabel: string; yLabel: string; title: string; description: string }) {
  const size = 320;
  const pad = 40;
  const scale = (v: number) => pad + ((size - 2 * pad) * v) / 100;
  return (
    <svg viewBox={`0 0 ${size} ${size}`} className="chart chart--square" role="img" aria-label={`${title}. ${description}`}>
      <rect x={pad} y={pad} width={size - 2 * pad} height={size - 2 * pad} fill="none" stroke={GRID} />
      {[0, 50, 100].map((v) => (
        <g key={v}>
          <text x={scale(v)} y={size - pad + 16} textAnchor="middle" fontSize="11" fill={INK}>{v}</text>
          <text x={pad - 6} y={size - scale(v) + 4} textAnchor="end" fontSize="11" fill={INK}>{v}</text>
        </g>
      ))}
      <text x={size / 2} y={size - 6} textAnchor="middle" fontSize="12" fill={INK}>{xLabel}</text>
      <text x={12} y={size / 2} textAnchor="middle" fontSize="12" fill={INK} transform={`rotate(-90 12 ${size / 2})`}>{yLabel}</text>
      {points.map((p) => (
        <circle key={p.label} cx={scale(p.x)} cy={size - scale(p.y)} r="4" fill={BAR}>
          <title>{`${p.label}: ${p.x.toFixed(1)} / ${p.y.toFixed(2)}`}</title>
        </circle>
      ))}
    </svg>
  );
}
