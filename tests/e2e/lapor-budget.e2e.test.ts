// The map pin on /lapor with JavaScript (#14 item 1, ADR 036), at 360 px with no tile server
// reachable (tests run offline; tile requests are refused here so the result does not depend on
// the network): the form's first paint stays within its JS budget of 100 KB gzip, Leaflet arrives
// only when "Tandai di peta" is opened, a tap sets the pin into the coordinate fields, "use my
// location" does the same, and the nearest kelurahan is offered and filled in on request.
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isInsideCity } from "~/domain/location/city-area";
import { expectNoAxeViolations, horizontalOverflow, launchBrowser, newPhoneContext, saveScreenshot, useTestServer, waitForHydration, watchPageProblems } from "./support/browser";

const server = useTestServer();
const BUDGET_BYTES = 100 * 1024;
const TILE_HOST = "tile.openstreetmap.org";

let browser: Browser;
let context: BrowserContext;
let axeContext: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newPhoneContext(browser, { javaScriptEnabled: true });
  axeContext = await newPhoneContext(browser, { javaScriptEnabled: true, bypassCSP: true });
  for (const c of [context, axeContext]) {
    await c.route(`https://${TILE_HOST}/**`, (route) => route.abort("internetdisconnected"));
    await c.grantPermissions(["geolocation"], { origin: server.baseUrl });
  }
});

afterAll(async () => {
  await context?.close();
  await axeContext?.close();
  await browser?.close();
});

/** Console errors other than the refused tiles (Chromium logs each failed image load). */
const realProblems = (problems: string[]) => problems.filter((line) => !line.includes(TILE_HOST));

async function openMap(page: Page) {
  await page.click("[data-testid=pin-picker] > summary");
  await page.locator(".map[data-map-ready]").waitFor();
}

describe("/lapor with JavaScript", () => {
  it("first paints within 100 KB of gzipped script, without Leaflet", async () => {
    const page = await context.newPage();
    const scripts = new Map<string, number>();
    page.on("response", async (response) => {
      if (response.request().resourceType() !== "script") return;
      scripts.set(response.url(), gzipSync(await response.body()).length);
    });
    await page.goto(`${server.baseUrl}/lapor`, { waitUntil: "networkidle" });
    await waitForHydration(page);
    // The budget counts JavaScript files, as the bench's "Bytes gzip /lapor" row does (ADR 018); the
    // document's inline data (loader data with the form's options, the public catalogue) is logged beside it.
    const inline = await page.evaluate(() => [...document.querySelectorAll("script:not([src])")].map((s) => s.textContent ?? "").join("\n"));
    const inlineBytes = gzipSync(Buffer.from(inline)).length;
    const external = [...scripts.values()].reduce((sum, bytes) => sum + bytes, 0);
    console.info(`/lapor first paint: ${scripts.size} scripts, ${(external / 1024).toFixed(1)} KB gzip (inline data ${(inlineBytes / 1024).toFixed(1)} KB gzip)`);
    expect(external).toBeLessThanOrEqual(BUDGET_BYTES);
    expect([...scripts.keys()].filter((url) => /leaflet/i.test(url))).toEqual([]);
    expect(await page.locator("link[data-leaflet-css]").count()).toBe(0);

    // Opening the section fetches Leaflet and its stylesheet, from our own build.
    const leaflet = page.waitForResponse((response) => /\/build\/.*leaflet-view\.client-[\w-]+\.js$/.test(response.url()));
    await openMap(page);
    expect((await leaflet).status()).toBe(200);
    expect(await page.locator("link[data-leaflet-css]").getAttribute("href")).toMatch(/^\/build\/_assets\/leaflet-[\w-]+\.css$/);
    await page.close();
  });

  it("sets the pin with a tap while no tile loads, offers the nearest kelurahan, and fills it in", async () => {
    const db = server.database.db;
    const kelurahan = await db.region.findFirstOrThrow({ where: { kind: "KELURAHAN" }, orderBy: { code: "asc" }, include: { parent: true } });
    // A centre the admin might set; the map's middle is the city centre, so a tap there is near it.
    await db.region.update({ where: { code: kelurahan.code }, data: { latitude: -2.133, longitude: 106.117 } });
    try {
      const page = await context.newPage();
      const watch = await watchPageProblems(page);
      await page.goto(`${server.baseUrl}/lapor`);
      await waitForHydration(page);
      await openMap(page);
      const box = (await page.locator(".map__canvas").boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await expect.poll(() => page.inputValue("#latitude")).not.toBe("");
      const latitude = Number(await page.inputValue("#latitude"));
      const longitude = Number(await page.inputValue("#longitude"));
      expect(isInsideCity(latitude, longitude)).toBe(true);
      await expect(page.locator(".pin-picker__status").textContent()).resolves.toContain("Lokasi ditandai");

      const suggestion = page.getByTestId("kelurahan-suggestion");
      await suggestion.waitFor();
      await expect(suggestion.textContent()).resolves.toContain(`Kelurahan terdekat: ${kelurahan.name} (${kelurahan.parent!.name})`);
      await suggestion.getByRole("button", { name: "Pakai kelurahan ini" }).click();
      await expect(page.inputValue("#kecamatanCode")).resolves.toBe(kelurahan.parentCode);
      await expect(page.inputValue("#kelurahanCode")).resolves.toBe(kelurahan.code);

      const { scrollWidth, viewportWidth } = await horizontalOverflow(page);
      expect(scrollWidth).toBeLessThanOrEqual(viewportWidth);
      await saveScreenshot(page, "lapor-pin-360");
      expect(realProblems(watch.problems())).toEqual([]);
      await page.close();
    } finally {
      await db.region.update({ where: { code: kelurahan.code }, data: { latitude: null, longitude: null } });
    }
  });

  it("takes the pin from 'Gunakan lokasi saya', and says so when the visitor is outside the city", async () => {
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/lapor`);
    await waitForHydration(page);
    await openMap(page);
    await context.setGeolocation({ latitude: -2.1296, longitude: 106.1133 });
    await page.getByTestId("use-my-location").click();
    await expect.poll(() => page.inputValue("#latitude")).toBe("-2.1296");
    await expect(page.inputValue("#longitude")).resolves.toBe("106.1133");

    await context.setGeolocation({ latitude: -6.2, longitude: 106.8167 });
    await page.getByTestId("use-my-location").click();
    await expect.poll(() => page.locator(".pin-picker__status").textContent()).toContain("di luar Kota Pangkalpinang");
    await expect(page.inputValue("#latitude")).resolves.toBe("-2.1296");
    await page.close();
  });

  it("passes axe with the map open", async () => {
    const page = await axeContext.newPage();
    await page.goto(`${server.baseUrl}/lapor`);
    await waitForHydration(page);
    await openMap(page);
    await expectNoAxeViolations(page);
    await page.close();
  });
});
