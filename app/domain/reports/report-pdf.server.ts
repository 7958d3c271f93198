// The complaint report as a document a liaison can hand to the Ombudsman team: the city's
// letterhead, what was asked for (period, unit, scope), when and by whom it was made, then every
// section of /staf/laporan in the page's order, with its charts, on numbered A4 pages (ADR 031).
// It prints aggregates, the public tracking codes of open escalations, Ombudsman letter numbers
// and the staff member's own name: never a complainant's identity or the text of a complaint.
import * as pdfmakeModule from "pdfmake";
import type { Content, ContextPageSize, CustomTableLayout, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import type { ReportLabels } from "~/models/report-labels.server";
import type { OmbudsmanDeadline } from "~/domain/compliance/ombudsman-lists.server";
import { HANDLING_INDEX_WEIGHTS } from "~/domain/compliance/handling-index";
import type { Role } from "~/domain/auth/permissions";
import { formatMonth, formatNumber, formatScore, formatShare, formatWib, formatWorkingHours } from "~/services/format";
import { translate, type Locale, type MessageKey, type MessageVars } from "~/services/i18n.server";
import type { Rate, WarningReason } from "./metrics";
import type { Dashboard, UnitRow } from "./dashboard.server";
import { riskReasonText } from "./risk-text";
import { barChartSvg, rateLinesSvg, scatterSvg, type ChartSvg } from "./report-pdf-charts";
import { PRIMARY_FONT, REPORT_FONT_FILES, REPORT_FONTS, withFallbackFont } from "./report-pdf-fonts.server";

// pdfmake is CommonJS exporting one configured instance; Node's ESM loader hands it over as `default`.
const pdfmake: typeof pdfmakeModule = (pdfmakeModule as unknown as { default?: typeof pdfmakeModule }).default ?? pdfmakeModule;

pdfmake.setFonts(REPORT_FONTS);
// The report embeds nothing from outside: no URL is ever fetched, no file but the fonts is read.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => REPORT_FONT_FILES.has(path));

const MM = 72 / 25.4;
const A4 = { width: 595.28, height: 841.89 };
const SIDE = 20 * MM;
const MARGINS: [number, number, number, number] = [SIDE, 22 * MM, SIDE, 20 * MM];
const PORTRAIT_WIDTH = A4.width - 2 * SIDE;
const LANDSCAPE_WIDTH = A4.height - 2 * SIDE;

const INK = "#1f2933";
const MUTED = "#52606d";
const ACCENT = "#0b3d6e";
const RULE = "#9aa5b1";
const HEADER_FILL = "#e4e9f0";
const TOTAL_FILL = "#f3f5f8";
const LATE = "#a61b1b";
const BAR = "#0b5394";

export interface ReportPdfInput {
  dashboard: Dashboard;
  labels: ReportLabels;
  /** Null when the reader's roles give no Ombudsman access: the page leaves the section out too. */
  ombudsmanDeadlines: OmbudsmanDeadline[] | null;
  units: ReadonlyMap<string, { code: string; name: string }>;
  filter: { unitId: string | null };
  scope: { cityWide: boolean; unitIds: readonly string[] };
  locale: Locale;
  generatedAt: Date;
  generatedBy: { name: string; roles: readonly Role[] };
}

export async function renderReportPdf(input: ReportPdfInput): Promise<Uint8Array> {
  const buffer = await pdfmake.createPdf(reportDocument(input)).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The document as pdfmake lays it out: the content, the running header and footer, the styles. */
export function reportDocument(input: ReportPdfInput): TDocumentDefinitions {
  const { dashboard, labels, locale } = input;
  const t = (key: MessageKey, vars?: MessageVars) => translate(locale, key, vars);
  const unitName = (id: string) => input.units.get(id)?.name ?? id;
  const formName = (code: string | null) => (code ? (labels.forms[code] ?? code) : t("report.form.none"));
  const componentNames = (numbers: readonly number[]) => numbers.map((n) => labels.components[n] ?? String(n)).join("; ");
  const share = (v: number | null) => formatShare(v, locale);
  const number = (v: number, digits = 0) => formatNumber(v, locale, digits);
  const { totals, period } = dashboard;

  // The unit table lists units; the totals also count complaints no unit holds yet (filed without
  // a known unit and not yet dispatched by the coordinator). Saying how many reconciles the two.
  const unitVolume = dashboard.units.reduce((sum, u) => sum + u.metrics.volume, 0);
  const unassigned = totals.volume - unitVolume;
  const footnote = unassigned > 0 ? t("report.pdf.footnote.unassigned", { n: number(unassigned), sum: number(unitVolume), total: number(totals.volume) }) : null;
  const MARK = "¹";

  let section = 0;
  const heading = (text: string, extra: Record<string, unknown> = {}): Content => ({
    text: `${++section}. ${text}`,
    style: "h2",
    headlineLevel: 1,
    ...extra,
  });
  // Inside a block kept together the block moves the heading; a page break asked for the heading
  // itself there would split the block, and pdfmake then drops what it cannot place.
  const blockHeading = (text: string, extra: Record<string, unknown> = {}): Content => ({ ...(heading(text, extra) as object), headlineLevel: undefined }) as Content;
  // A note is short: it moves whole rather than leave a line on the next page.
  const note = (text: string): Content => ({ stack: [{ text, style: "note" }], unbreakable: true });
  // A chart moves whole to the next page, with the heading and the note that explain it.
  const keepTogether = (...nodes: Content[]): Content => ({ stack: nodes, unbreakable: true });

  const content: Content[] = [];

  // Letterhead and the report's particulars.
  content.push(
    { text: t("report.pdf.government"), style: "government" },
    { text: t("app.name"), style: "service" },
    { text: t("app.tagline"), style: "tagline" },
    {
      canvas: [
        { type: "line", x1: 0, y1: 4, x2: PORTRAIT_WIDTH, y2: 4, lineWidth: 1.6, lineColor: INK },
        { type: "line", x1: 0, y1: 6.5, x2: PORTRAIT_WIDTH, y2: 6.5, lineWidth: 0.5, lineColor: INK },
      ],
      margin: [0, 2, 0, 12],
    },
    { text: t("report.title"), style: "title" },
    { text: t(input.scope.cityWide ? "report.lead.city" : "report.lead.units"), style: "lead" },
    {
      table: {
        widths: [92, "*"],
        body: [
          [label(t("report.pdf.meta.period")), t("report.pdf.meta.periodValue", { from: formatMonth(period.from, locale), to: formatMonth(period.to, locale) })],
          [label(t("report.filter.unit")), input.filter.unitId ? unitName(input.filter.unitId) : t("report.filter.allUnits")],
          [
            label(t("report.pdf.meta.scope")),
            input.scope.cityWide ? t("report.pdf.scope.city") : t("report.pdf.scope.units", { units: input.scope.unitIds.map(unitName).join("; ") || "–" }),
          ],
          [label(t("report.pdf.meta.generatedAt")), formatWib(input.generatedAt.toISOString(), locale)],
          [label(t("report.pdf.meta.generatedBy")), generatedBy(input.generatedBy, t)],
        ],
      },
      layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 6, paddingTop: () => 1.5, paddingBottom: () => 1.5 },
      margin: [0, 0, 0, 6],
    },
  );

  // 1. The KPIs, as the page's boxes.
  content.push(heading(t("report.summary", { from: formatMonth(period.from, locale), to: formatMonth(period.to, locale) })));
  const kpi = (name: string, value: string, unit = "", mark = ""): TableCell => ({
    stack: [
      { text: name, style: "kpiLabel" },
      { text: [{ text: value, style: "kpiValue" }, ...(mark ? [{ text: mark, style: "kpiValue", fontSize: 10 }] : []), ...(unit ? [{ text: ` ${unit}`, style: "kpiUnit" }] : [])] },
    ],
  });
  content.push({
    table: {
      widths: ["*", "*", "*"],
      body: [
        [
          kpi(t("report.kpi.volume"), number(totals.volume), "", footnote ? MARK : ""),
          kpi(t("report.kpi.firstResponse"), share(totals.sla.firstResponse.value), t("report.n", { n: totals.sla.firstResponse.whole })),
          kpi(t("report.kpi.resolution"), share(totals.sla.resolution.value), t("report.n", { n: totals.sla.resolution.whole })),
        ],
        [
          kpi(t("report.kpi.medianResolution"), formatWorkingHours(totals.durations.resolutionMedian, locale), t("report.unit.workingHours")),
          kpi(t("report.kpi.satisfaction"), totals.satisfaction === null ? "–" : number(totals.satisfaction, 2), t("report.unit.ofFive", { n: totals.ratingCount })),
          kpi(t("report.kpi.index"), totals.handlingIndex === null ? "–" : number(totals.handlingIndex, 1), t("report.n", { n: totals.handled })),
        ],
      ],
    },
    layout: boxLayout,
    margin: [0, 2, 0, 4],
  });
  if (footnote) content.push(note(`${MARK} ${footnote}`));

  // 2. The risk ranking (the extended early warning, ADR 011 addendum), as the page words it: the
  // units at risk with their reasons, and for those whose index fell below their last grade the
  // index's own reasons and the components to fix.
  content.push(heading(t("report.warnings.title")), { text: t("report.risk.lead"), style: "body" });
  const ranked = dashboard.risk?.units ?? [];
  const atRisk = ranked.filter((u) => u.level !== "green");
  const indexWarning = new Map(dashboard.warnings.map((w) => [w.unitId, w]));
  if (atRisk.length === 0) content.push({ text: t(ranked.length === 0 ? "report.risk.empty" : "report.risk.none"), style: "body" });
  else
    content.push({
      ol: atRisk.map((risk) => {
        const warning = indexWarning.get(risk.unitId);
        return {
          stack: [
            {
              text: [
                { text: unitName(risk.unitId), bold: true },
                ` — `,
                { text: t(`report.risk.level.${risk.level}` as MessageKey), bold: true, color: risk.level === "red" ? LATE : INK },
                ` · ${risk.index === null ? t("report.risk.indexThin", { n: risk.handled }) : t("report.risk.index", { index: number(risk.index, 1), n: risk.handled })}`,
              ],
            },
            { ul: risk.reasons.map((reason) => riskReasonText(reason, t, locale, labels)), style: "reasons" },
            ...(warning ? [{ ul: warningReasonLines(warning.reasons, warning.components, labels, t, locale), style: "reasons" }] : []),
          ],
          margin: [0, 0, 0, 5],
        };
      }),
      style: "body",
    });
  const green = ranked.length - atRisk.length;
  if (green > 0) content.push({ text: t("report.risk.green", { n: green }), style: "body" });
  if (dashboard.risk && !dashboard.risk.lettersCounted) content.push(note(t("report.risk.lettersNotCounted")));
  content.push(note(t("report.risk.rule")));

  // 3. Ombudsman deadlines falling due (only where the page shows them).
  if (input.ombudsmanDeadlines) {
    content.push(heading(t("report.ombudsman.title")));
    if (input.ombudsmanDeadlines.length === 0) content.push({ text: t("report.ombudsman.none"), style: "body" });
    else
      content.push(
        dataTable(
          [t("ombudsman.field.kind"), t("ombudsman.field.reference"), t("report.col.unit"), t("ombudsman.field.dueOn"), t("report.pdf.col.timeLeft")],
          [82, 128, "*", 72, 72],
          input.ombudsmanDeadlines.map((m) => [
            t(`ombudsman.kind.${m.kind}` as MessageKey),
            m.reference,
            m.unitName,
            formatDay(m.dueOn, locale),
            m.overdue
              ? { text: t("ombudsman.due.overdue", { days: -m.daysLeft }), bold: true, color: LATE }
              : m.daysLeft === 0
                ? { text: t("ombudsman.due.today"), bold: true }
                : t("ombudsman.due.left", { days: m.daysLeft }),
          ]),
        ),
      );
  }

  // 4. Open escalations.
  content.push(heading(t("report.escalations.title")), note(t("report.pdf.escalations.note")));
  if (dashboard.escalations.length === 0) content.push({ text: t("report.escalations.none"), style: "body" });
  else
    content.push(
      dataTable(
        [t("report.col.code"), t("report.col.unit"), t("report.col.stage"), t("report.col.level"), t("report.col.escalatedAt"), t("report.col.levelDue")],
        // The code's column is as wide as the widest code: letters vary in width, and a code that
        // overflowed would run into the unit's name.
        ["auto", "*", 60, 64, 68, 68],
        dashboard.escalations.map((e) => [
          // A tracking code is read out and typed: it is never split across lines.
          { text: e.complaint.trackingCode, noWrap: true, fontSize: 8.5 },
          e.complaint.unit ? unitName(e.complaint.unit.id) : "–",
          t(`report.stage.${e.stage}` as MessageKey),
          t("report.level", { level: e.level, role: t(`staff.role.${e.targetRole}` as MessageKey) }),
          formatWib(new Date(e.escalatedAt).toISOString(), locale),
          e.dueAt ? formatWib(new Date(e.dueAt).toISOString(), locale) : "–",
        ]),
      ),
    );

  // 5. The trend and timeliness charts, with the numbers behind them.
  const months = dashboard.trend.map((m) => formatMonth(m.month, locale));
  content.push(
    keepTogether(
      blockHeading(t("report.trend.title")),
      note(t("report.trend.description")),
      chart(barChartSvg(dashboard.trend.map((m, i) => ({ label: months[i]!, value: m.volume })), { width: PORTRAIT_WIDTH, formatValue: (v) => number(v) })),
    ),
  );
  content.push(
    keepTogether(
      { text: t("report.sla.title"), style: "h3" },
      note(t("report.sla.description")),
      chart(
        rateLinesSvg(
          months,
          [
            { name: t("report.kpi.firstResponse"), values: dashboard.trend.map((m) => m.firstResponse) },
            { name: t("report.kpi.resolution"), values: dashboard.trend.map((m) => m.resolution) },
          ],
          { width: PORTRAIT_WIDTH, formatShare: (v) => `${number(v * 100)} %` },
        ),
      ),
    ),
  );
  content.push(
    { text: t("report.trend.table"), style: "h3" },
    dataTable(
      [t("report.col.month"), t("report.kpi.volume"), t("report.kpi.firstResponse"), t("report.kpi.resolution")],
      ["*", 80, 110, 110],
      dashboard.trend.map((m, i) => [months[i]!, num(number(m.volume)), num(share(m.firstResponse)), num(share(m.resolution))]),
      { numeric: [1, 2, 3] },
    ),
  );

  // 6. The mix of maladministration forms: the bars are the chart, each with its row of the table.
  content.push(heading(t("report.mix.title")), note(t("report.mix.description")));
  const mixMax = Math.max(1, ...dashboard.mix.map((m) => m.count));
  const BAR_WIDTH = 96;
  content.push(
    dataTable(
      [t("report.col.form"), t("report.kpi.volume"), "", t("report.col.components")],
      [150, 52, BAR_WIDTH, "*"],
      dashboard.mix.map((m) => [
        formName(m.code),
        num(number(m.count)),
        { canvas: [{ type: "rect", x: 0, y: 2, w: Math.max(0.5, (BAR_WIDTH * m.count) / mixMax), h: 8, color: BAR }] },
        componentNames(m.components) || "–",
      ]),
      { numeric: [1] },
    ),
  );

  // 7. Per unit, on landscape pages: ten columns need the width to keep every heading word whole.
  content.push(heading(t("report.units.title"), { pageBreak: "before", pageOrientation: "landscape" }));
  const lastScore = (u: UnitRow) =>
    u.last
      ? `${u.last.year}: ${u.last.totalScore === null ? "–" : formatScore(u.last.totalScore, locale)} ${u.last.grade ?? (u.last.zone ? t(`report.zone.${u.last.zone}` as MessageKey) : "")}`.trim()
      : "–";
  const rateCell = (rate: Rate): TableCell => {
    const missed = rate.whole - rate.part;
    return {
      stack: [share(rate.value), ...(missed > 0 ? [{ text: t("report.missedLink", { n: missed }), color: LATE, fontSize: 8 }] : [])],
      alignment: "right",
    };
  };
  const unitRows: TableCell[][] = dashboard.units.map((u) => [
    unitName(u.unitId),
    num(number(u.metrics.volume)),
    rateCell(u.metrics.sla.firstResponse),
    rateCell(u.metrics.sla.resolution),
    num(formatWorkingHours(u.metrics.durations.firstResponseMedian, locale)),
    num(formatWorkingHours(u.metrics.durations.resolutionP90, locale)),
    num(share(u.metrics.reopenRate.value)),
    num(share(u.metrics.escalationRate.value)),
    num(u.metrics.handlingIndex === null ? "–" : number(u.metrics.handlingIndex, 1)),
    lastScore(u),
  ]);
  // Rates need decided stages per unit: a row of complaints without a unit has only its count.
  const dashes = (n: number) => Array.from({ length: n }, () => num("–"));
  if (footnote) unitRows.push([`${t("report.pdf.units.unassigned")} ${MARK}`, num(number(unassigned)), ...dashes(7), "–"]);
  const totalRow: TableCell[] = [
    t("report.pdf.units.total"),
    num(number(totals.volume)),
    rateCell(totals.sla.firstResponse),
    rateCell(totals.sla.resolution),
    num(formatWorkingHours(totals.durations.firstResponseMedian, locale)),
    num(formatWorkingHours(totals.durations.resolutionP90, locale)),
    num(share(totals.reopenRate.value)),
    num(share(totals.escalationRate.value)),
    num(totals.handlingIndex === null ? "–" : number(totals.handlingIndex, 1)),
    "–",
  ].map((cell) => (typeof cell === "string" ? { text: cell, bold: true, fillColor: TOTAL_FILL } : ({ ...(cell as object), bold: true, fillColor: TOTAL_FILL } as TableCell)));
  unitRows.push(totalRow);
  content.push(
    dataTable(
      [
        t("report.col.unit"),
        t("report.kpi.volume"),
        t("report.kpi.firstResponse"),
        t("report.kpi.resolution"),
        t("report.col.medianFirst"),
        t("report.col.p90Resolution"),
        t("report.col.reopen"),
        t("report.col.escalation"),
        t("report.kpi.index"),
        t("report.col.lastScore"),
      ],
      ["*", 50, 56, 62, 56, 62, 46, 52, 56, 72],
      unitRows,
      { numeric: [1, 2, 3, 4, 5, 6, 7, 8] },
    ),
    note(t("report.pdf.units.hint")),
  );
  if (footnote) content.push(note(`${MARK} ${footnote}`));

  // 8. The tie to the Ombudsman's scores.
  const { correlation } = dashboard;
  const correlationText = (c: { r: number | null; n: number }) => (c.r === null ? t("report.tie.notEnough", { n: c.n }) : t("report.tie.r", { r: number(c.r, 2), n: c.n }));
  const weights = (Object.entries(HANDLING_INDEX_WEIGHTS) as [keyof typeof HANDLING_INDEX_WEIGHTS, number][])
    .map(([key, weight]) => `${t(`report.index.${key}` as MessageKey)} ${number(weight)}`)
    .join("; ");
  content.push({
    // The chart, its figures and its heading stay on one page.
    unbreakable: true,
    stack: [
      blockHeading(t("report.tie.title"), { margin: [0, 16, 0, 5] }),
      { text: t("report.tie.lead"), style: "body" },
      {
        columns: [
          {
            width: 250,
            stack: [
              { text: t("report.tie.scatter"), style: "h3" },
              chart(scatterSvg(correlation.indexVsTotal.points, { size: 240, xLabel: t("report.kpi.index"), yLabel: t("report.tie.score") })),
              note(t("report.tie.scatterDescription", { n: correlation.indexVsTotal.n })),
            ],
          },
          {
            width: "*",
            stack: [
              {
                table: {
                  widths: ["*", 150],
                  body: [
                    [label(t("report.tie.rTotal")), correlationText(correlation.indexVsTotal)],
                    [label(t("report.tie.rDimension")), correlationText(correlation.indexVsComplaintDimension)],
                    [label(t("report.tie.rYears")), correlationText(correlation.acrossYears)],
                  ],
                },
                layout: dataLayout,
                margin: [0, 18, 0, 8],
              },
              note(t("report.tie.method")),
              note(t("report.pdf.weights", { weights })),
            ],
          },
        ],
        columnGap: 24,
      },
    ],
  });

  return {
    pageSize: "A4",
    pageOrientation: "portrait",
    pageMargins: MARGINS,
    language: locale === "id" ? "id-ID" : "en-GB",
    info: {
      title: t("report.title"),
      subject: t("report.summary", { from: formatMonth(period.from, locale), to: formatMonth(period.to, locale) }),
      author: input.generatedBy.name,
      creator: t("app.name"),
      producer: t("app.name"),
      creationDate: input.generatedAt,
    },
    header: (page: number, _pages: number, size: ContextPageSize): Content | null =>
      page === 1
        ? null
        : withFallbackFont<Content>({
            margin: [SIDE, 10 * MM, SIDE, 0],
            stack: [
              {
                columns: [
                  { text: `${t("report.pdf.government")} · ${t("app.name")}`, width: "*" },
                  { text: `${t("report.title")} · ${formatMonth(period.from, locale)} – ${formatMonth(period.to, locale)}`, width: "auto", alignment: "right" },
                ],
                style: "running",
              },
              { canvas: [{ type: "line", x1: 0, y1: 3, x2: size.width - 2 * SIDE, y2: 3, lineWidth: 0.5, lineColor: RULE }] },
            ],
          }),
    footer: (page: number, pages: number, size: ContextPageSize): Content => withFallbackFont<Content>({
      margin: [SIDE, 6 * MM, SIDE, 0],
      stack: [
        { canvas: [{ type: "line", x1: 0, y1: 0, x2: size.width - 2 * SIDE, y2: 0, lineWidth: 0.5, lineColor: RULE }] },
        {
          columns: [
            { text: t("report.export.pdfFooter"), width: "*" },
            { text: t("report.pdf.page", { page, pages }), width: "auto", alignment: "right", bold: true },
          ],
          style: "running",
          margin: [0, 4, 0, 0],
        },
      ],
    }),
    // A section heading never ends a page: it moves to the next one with the content it introduces.
    pageBreakBefore: (node) => node.headlineLevel === 1 && (node.startPosition?.verticalRatio ?? 0) > 0.8,
    defaultStyle: { font: PRIMARY_FONT, fontSize: 9.5, lineHeight: 1.2, color: INK },
    styles: {
      government: { fontSize: 14, bold: true, color: INK, characterSpacing: 0.3 },
      service: { fontSize: 11, bold: true, color: ACCENT, margin: [0, 1, 0, 0] },
      tagline: { fontSize: 8.5, color: MUTED },
      title: { fontSize: 17, bold: true, color: ACCENT, margin: [0, 0, 0, 4] },
      lead: { fontSize: 9.5, color: INK, margin: [0, 0, 0, 8] },
      h2: { fontSize: 12.5, bold: true, color: ACCENT, margin: [0, 14, 0, 5] },
      h3: { fontSize: 10, bold: true, color: INK, margin: [0, 8, 0, 2] },
      body: { fontSize: 9.5, margin: [0, 0, 0, 4] },
      reasons: { fontSize: 9, color: INK, margin: [0, 1, 0, 0] },
      note: { fontSize: 8, color: MUTED, margin: [0, 1, 0, 5] },
      label: { fontSize: 8.5, bold: true, color: MUTED },
      kpiLabel: { fontSize: 8, color: MUTED },
      kpiValue: { fontSize: 15, bold: true, color: INK },
      kpiUnit: { fontSize: 8, color: MUTED },
      tableHeader: { fontSize: 8.5, bold: true, color: INK },
      running: { fontSize: 7.5, color: MUTED },
    },
    content: withFallbackFont(content),
  };
}

/** The early-warning reasons in words: the page's wording (components/report-parts.tsx). */
export function warningReasonLines(
  reasons: readonly WarningReason[],
  components: readonly number[],
  labels: ReportLabels,
  t: (key: MessageKey, vars?: MessageVars) => string,
  locale: Locale,
): string[] {
  const names = (numbers: readonly number[]) => numbers.map((n) => labels.components[n] ?? String(n)).join("; ");
  const lines = reasons.map((reason) =>
    reason.kind === "indexBelowLast"
      ? t("report.reason.belowLast", { band: reason.indexBand, last: reason.lastBand })
      : reason.kind === "indexInRedZone"
        ? t("report.reason.red", { band: reason.indexBand })
        : reason.kind === "component"
          ? t("report.reason.component", { name: t(`report.index.${reason.key}` as MessageKey), score: formatNumber(reason.score, locale, 1) })
          : t("report.reason.form", { form: labels.forms[reason.code] ?? reason.code, n: reason.count, components: names(reason.components) }),
  );
  if (components.length > 0) lines.push(t("report.reason.fix", { components: names(components) }));
  return lines;
}

function generatedBy(by: ReportPdfInput["generatedBy"], t: (key: MessageKey) => string): string {
  const roles = [...new Set(by.roles)].map((role) => t(`staff.role.${role}` as MessageKey));
  return roles.length > 0 ? `${by.name} (${roles.join(", ")})` : by.name;
}

/** "2026-12-14" → "14 Desember 2026" / "14 December 2026". */
function formatDay(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

const label = (text: string): TableCell => ({ text, style: "label" });
const num = (text: string): TableCell => ({ text, alignment: "right", noWrap: true });
const chart = ({ svg, width, height }: ChartSvg): Content => ({ svg, width, height, margin: [0, 2, 0, 4] });

const dataLayout: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : i === (node.table.headerRows ?? 0) ? 0.8 : 0.4),
  hLineColor: (i, node) => (i === 0 || i === node.table.body.length || i === (node.table.headerRows ?? 0) ? INK : RULE),
  vLineWidth: () => 0,
  paddingLeft: (i) => (i === 0 ? 2 : 5),
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

const boxLayout: CustomTableLayout = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  hLineColor: () => RULE,
  vLineColor: () => RULE,
  paddingLeft: () => 7,
  paddingRight: () => 7,
  paddingTop: () => 5,
  paddingBottom: () => 5,
};

/**
 * A table whose cells wrap and whose rows break across pages, the header row repeated on each
 * page and never left alone at the foot of one.
 */
function dataTable(headers: string[], widths: (number | string)[], rows: TableCell[][], { numeric = [] as number[] } = {}): Content {
  const header: TableCell[] = headers.map((text, i) => ({ text, style: "tableHeader", fillColor: HEADER_FILL, alignment: numeric.includes(i) ? "right" : "left" }));
  return {
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths, body: [header, ...rows] },
    layout: dataLayout,
    margin: [0, 2, 0, 6],
  };
}
