// The public reports (/laporan-warga, issue #14) in a real Chromium on a 360 px phone, JavaScript off
// and on: the list, its filters and one report's page work and pass axe (WCAG 2.1 AA) without
// sideways scrolling; with JavaScript the same reports appear on the map, with tiles that never load
// (the tests run offline) and under the enforced CSP without a console error.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { fileComplaintAt } from "../support/complaint-form";
import { expectNoAxeViolations, horizontalOverflow, launchBrowser, newPhoneContext, saveScreenshot, useTestServer, waitForHydration, watchPageProblems } from "./support/browser";

const server = useTestServer();
const db = () => server.database.db;
let browser: Browser;
const codes: string[] = [];

/** No tile server in the tests: every tile request fails at once, as it would offline. */
async function offlineTiles(context: BrowserContext) {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort("internetdisconnected"));
}

beforeAll(async () => {
  browser = await launchBrowser();
  const product = await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } });
  const kelurahan = await db().region.findFirstOrThrow({ where: { kind: "KELURAHAN" } });
  const pins = [
    { latitude: -2.1301, longitude: 106.1102 },
    { latitude: -2.1302, longitude: 106.1103 },
    { latitude: -2.1, longitude: 106.16 },
  ];
  for (const [i, pin] of pins.entries()) {
    const id = await fileComplaintAt(db(), new Date(), {
      productId: product.id,
      kecamatanCode: kelurahan.parentCode!,
      kelurahanCode: kelurahan.code,
      description: `Lampu penerangan jalan nomor ${i + 1} mati sejak minggu lalu, gelap di malam hari.`,
    });
    await db().complaint.update({ where: { id }, data: pin });
    for (const [action, actor] of [["VERIFY", "COORDINATOR"], ["ASSIGN", "SYSTEM"]] as const) {
      expect((await applyTransition(db(), { complaintId: id, action, actor, now: new Date() })).ok).toBe(true);
    }
    codes.push((await db().complaint.findUniqueOrThrow({ where: { id }, select: { trackingCode: true } })).trackingCode);
  }
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe.each([
  { javaScriptEnabled: false, tag: "nojs" },
  { javaScriptEnabled: true, tag: "js" },
])("public reports on a 360 px phone ($tag)", ({ javaScriptEnabled, tag }) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await newPhoneContext(browser, { javaScriptEnabled, bypassCSP: true });
    await offlineTiles(context);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  async function open(path: string) {
    const response = await page.goto(`${server.baseUrl}${path}`);
    if (javaScriptEnabled) await waitForHydration(page);
    return response;
  }

  it("the list: every report, reachable from the header, no sideways scrolling, no WCAG violations", async () => {
    await open("/");
    await page.locator(".site-nav").getByRole("link", { name: "Laporan warga" }).click();
    await page.getByRole("heading", { level: 1, name: "Laporan warga" }).waitFor();
    if (javaScriptEnabled) await waitForHydration(page);
    for (const code of codes) await page.getByText(code, { exact: true }).waitFor();
    if (javaScriptEnabled) {
      // The map, drawn with Leaflet from the same filters, tiles failing.
      await page.locator("[data-map-ready]").waitFor();
      await page.getByTestId("public-map-status").filter({ hasText: "3 laporan di area peta" }).waitFor();
      expect(await page.locator(".map .leaflet-interactive, .map .map__cluster").count()).toBeGreaterThan(0);
    } else {
      expect(await page.getByTestId("public-map").count()).toBe(0);
    }
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, `public-reports-${tag}`);
  });

  it("the filters are a plain form: a status group narrows the list, an empty result says so", async () => {
    await open("/laporan-warga");
    await page.getByLabel("Status").selectOption("selesai");
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await page.waitForURL(/status=selesai/);
    await page.getByTestId("public-none").waitFor();
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page);
  });

  it("one report's page: status, place, timeline, support count; no WCAG violations", async () => {
    await open(`/laporan-warga/${codes[0]}`);
    await page.getByRole("heading", { level: 1, name: `Laporan ${codes[0]}` }).waitFor();
    await page.getByTestId("public-timeline").waitFor();
    expect(await page.getByTestId("support-count").first().textContent()).toContain("0 dukungan");
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, `public-report-${tag}`);
  });
});

describe("with JavaScript under the enforced CSP", () => {
  it("the list and its map load without a console error, a CSP violation or an uncaught exception (tiles offline)", async () => {
    const context = await newPhoneContext(browser, { javaScriptEnabled: true });
    await offlineTiles(context);
    const page = await context.newPage();
    const watch = await watchPageProblems(page);
    await page.goto(`${server.baseUrl}/laporan-warga`);
    await waitForHydration(page);
    await page.locator("[data-map-ready]").waitFor();
    await page.getByTestId("public-map-status").filter({ hasText: "3 laporan" }).waitFor();
    // A tile that cannot load is the offline case the page is built for, not a problem.
    expect(watch.problems().filter((line) => !/Failed to load resource/.test(line))).toEqual([]);
    await context.close();
  });
});
