// The report charts in Debian Chromium at 360 px (phone) and 1366 × 768 (desk): every chart on the
// liaison dashboard and a unit's report card is drawn, its text renders at 12 px or more, its month
// labels never overlap and stay inside the drawing, and the page never scrolls sideways. With too
// little data a chart is a sentence, not an empty box (app/components/charts.tsx).
import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../../prisma/seed/index";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { refreshComplaintReport } from "~/domain/reports/refresh-complaint-report.server";
import { periodMonthOf } from "~/domain/reports/complaint-fact";
import { fileComplaintAt } from "../support/complaint-form";
import { horizontalOverflow, launchBrowser, newPhoneContext, useTestServer } from "./support/browser";

const server = useTestServer();
const PASSWORD = "kata-sandi-e2e-grafik-2026";
const db = () => server.database.db;
const DAY = 86_400_000;
let browser: Browser;
let cardUnitId = "";
let emptyUnitId = "";

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  browser = await launchBrowser();
  // Three assessed units with five complaints each, spread over the last months, every first
  // response missed: enough for an index per unit, so the scatter has its three points.
  const units = await db().serviceUnit.findMany({ where: { code: { in: ["DISDUKCAPIL", "DINKES", "DINSOS"] } }, select: { id: true, code: true } });
  const fallback = await db().serviceUnit.findMany({ where: { products: { some: { isActive: true } } }, select: { id: true, code: true }, take: 3, orderBy: { code: "asc" } });
  const chosen = units.length === 3 ? units : fallback;
  cardUnitId = chosen[0]!.id;
  const now = new Date();
  const choosers = ["slow", "asked_to_pay", "rude", "procedure", "not_served"] as const;
  for (const [u, unit] of chosen.entries()) {
    const product = await db().serviceProduct.findFirstOrThrow({ where: { unitId: unit.id, isActive: true }, orderBy: { code: "asc" } });
    for (let n = 0; n < 5; n++) {
      const at = new Date(now.getTime() - (n * 31 + u * 3 + 2) * DAY);
      const id = await fileComplaintAt(db(), at, { productId: product.id, chooser: choosers[(n + u) % choosers.length], description: `Pengaduan uji grafik ${randomBytes(3).toString("hex")}: layanan lambat.` });
      for (const [action, actor] of [["VERIFY", "COORDINATOR"], ["ASSIGN", "SYSTEM"]] as const) {
        const outcome = await applyTransition(db(), { complaintId: id, action, actor, now: new Date(at.getTime() + 3_600_000) });
        if (!outcome.ok) throw new Error(`${action} failed`);
      }
      await refreshComplaintReport(db(), id, { now: new Date(now.getTime() + 20 * DAY) });
    }
    await db().complianceAssessment.create({
      data: { year: 2025, method: "DIMENSI_2022", scope: "UNIT", subjectKey: `UNIT:${unit.code}`, unitId: unit.id, totalScore: [91.7, 69.43, 58.03][u]!, grade: ["A", "C", "C"][u]!, zone: ["HIJAU", "KUNING", "KUNING"][u] as "HIJAU" | "KUNING", source: "uji grafik" },
    });
  }
  // A unit with an assessment and no complaint at all: its card has nothing to draw.
  const empty = await db().serviceUnit.findFirstOrThrow({ where: { id: { notIn: chosen.map((u) => u.id) }, products: { some: { isActive: true } } }, select: { id: true, code: true } });
  emptyUnitId = empty.id;
  await db().complianceAssessment.create({
    data: { year: 2025, method: "DIMENSI_2022", scope: "UNIT", subjectKey: `UNIT:${empty.code}`, unitId: empty.id, totalScore: 83.06, grade: "B", zone: "HIJAU", source: "uji grafik" },
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function signIn(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/staf/masuk`);
  await page.fill("#email", DEMO_ACCOUNTS.find((a) => a.role === "LIAISON")!.email);
  await page.fill("#password", PASSWORD);
  await page.click("main button[type=submit]");
  await page.waitForURL((url) => url.pathname !== "/staf/masuk");
  return page;
}

interface ChartReport {
  charts: number;
  kinds: string[];
  smallest: { size: number; text: string } | null;
  overlaps: string[];
  clipped: string[];
  monthLabels: number;
}

/** Measures every shown chart: rendered font size (font-size × the text's screen scale), month label boxes, text inside the drawing. */
function measureCharts(page: Page): Promise<ChartReport> {
  return page.evaluate(() => {
    const shown = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    };
    const svgs = [...document.querySelectorAll<SVGSVGElement>("svg.chart")].filter(shown);
    const report: ChartReport = { charts: svgs.length, kinds: svgs.map((s) => s.dataset.chart ?? "?"), smallest: null, overlaps: [], clipped: [], monthLabels: 0 };
    for (const svg of svgs) {
      const frame = svg.getBoundingClientRect();
      for (const text of svg.querySelectorAll<SVGTextElement>("text")) {
        const matrix = text.getScreenCTM();
        if (!matrix) continue;
        const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
        if (!report.smallest || size < report.smallest.size) report.smallest = { size, text: text.textContent ?? "" };
        const box = text.getBoundingClientRect();
        if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5 || box.top < frame.top - 0.5 || box.bottom > frame.bottom + 0.5) {
          report.clipped.push(`${svg.dataset.chart}: "${text.textContent}" ${JSON.stringify([box.left, box.right, box.top, box.bottom].map(Math.round))} in ${JSON.stringify([frame.left, frame.right, frame.top, frame.bottom].map(Math.round))}`);
        }
      }
      const months = [...svg.querySelectorAll<SVGTextElement>("text.chart__month")].map((t) => ({ label: t.textContent ?? "", box: t.getBoundingClientRect() }));
      report.monthLabels += months.length;
      for (let i = 0; i < months.length; i++) {
        for (let j = i + 1; j < months.length; j++) {
          const a = months[i]!.box;
          const b = months[j]!.box;
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) report.overlaps.push(`${months[i]!.label} × ${months[j]!.label}`);
        }
      }
    }
    return report;
  });
}

const month = (offset: number) => {
  const [y, m] = periodMonthOf(new Date()).split("-").map(Number) as [number, number];
  const index = y * 12 + m - 1 + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
};

const widths = [
  ["phone 360", (b: Browser) => newPhoneContext(b, { javaScriptEnabled: true, locale: "id-ID" })],
  ["desk 1366", (b: Browser) => b.newContext({ viewport: { width: 1366, height: 768 }, javaScriptEnabled: true, locale: "id-ID" })],
] as const;

describe("report charts read at every width", () => {
  for (const [name, open] of widths) {
    it(`draws every chart at ${name} with text ≥ 12 px, month labels apart, and no sideways scroll`, { timeout: 60_000 }, async () => {
      const context = await open(browser);
      context.setDefaultTimeout(10_000);
      const page = await signIn(context);
      const pages = [
        { path: "/staf/laporan", kinds: ["bars", "lines", "hbars", "scatter"] },
        // Two and five years of months: the most labels an axis can be asked for.
        { path: `/staf/laporan?dari=${month(-23)}&sampai=${month(0)}`, kinds: ["bars", "lines", "hbars", "scatter"] },
        { path: `/staf/laporan?dari=${month(-59)}&sampai=${month(0)}`, kinds: ["bars", "lines", "hbars", "scatter"] },
        { path: `/staf/laporan/unit/${cardUnitId}`, kinds: ["bars", "hbars"] },
      ];
      for (const { path, kinds } of pages) {
        const response = await page.goto(`${server.baseUrl}${path}`);
        expect(response?.status(), path).toBe(200);
        const report = await measureCharts(page);
        expect(report.kinds, `${name} ${path}: charts shown`).toEqual(kinds);
        expect(report.smallest!.size, `${name} ${path}: smallest text "${report.smallest!.text}"`).toBeGreaterThanOrEqual(12);
        expect(report.monthLabels, `${name} ${path}: month labels`).toBeGreaterThan(2);
        expect(report.overlaps, `${name} ${path}: overlapping month labels`).toEqual([]);
        expect(report.clipped, `${name} ${path}: text outside its chart`).toEqual([]);
        const overflow = await horizontalOverflow(page);
        expect(overflow.scrollWidth, `${name} ${path}: page wider than the viewport`).toBeLessThanOrEqual(overflow.viewportWidth);
      }
      // Month labels are short, with the year written once beside them.
      const labels = await page.goto(`${server.baseUrl}/staf/laporan`).then(() => page.locator("svg.chart:visible text.chart__month").allTextContents());
      for (const label of labels) expect(label, "a short month name").toMatch(/^\p{L}{3,4}$/u);
      // Nothing to draw: a sentence, and the numbers stay in the table.
      await page.goto(`${server.baseUrl}/staf/laporan/unit/${emptyUnitId}`);
      const empty = await measureCharts(page);
      expect(empty.charts).toBe(0);
      await expect(page.locator("[data-testid=chart-empty]").count()).resolves.toBeGreaterThan(0);
      await context.close();
    });
  }
});
