// The public face of issue #14, end to end in Chromium on a 360 px phone, JavaScript on and off, with
// every map tile refused (the tests run offline; the app's default tiles come from OpenStreetMap):
// 1. a citizen with JavaScript files a KTP-el complaint with a pin set by a tap on the map → receipt;
// 2. the coordinator verifies it and it is routed → it is on /laporan-warga (JS off and on) and its
//    public page shows no identity (the name and phone filed with appear nowhere in the HTML);
// 3. a second visitor without JavaScript starts filing about the same service, meets it in the
//    "Laporan serupa" step and supports it → count 1; a third visitor with JavaScript sees it inline
//    while filing and supports it → count 2; supporting again from the same browser counts nothing;
// 4. the support count is in the Disdukcapil inbox row of that complaint (unit head without
//    JavaScript, officer with it).
// Every page and state on the way passes axe (WCAG 2.1 AA) and is photographed (public-face-*-360).
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../../prisma/seed/index";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { routeVerifiedComplaint } from "~/domain/complaints/route-complaint.server";
import { isInsideCity } from "~/domain/location/city-area";
import { HONEYPOT_MIN_AGE_MS } from "~/services/honeypot.server";
import { expectNoAxeViolations, horizontalOverflow, launchBrowser, newPhoneContext, saveScreenshot, signInAsStaff, useTestServer, waitForHydration } from "./support/browser";

const server = useTestServer();
const db = () => server.database.db;
const PASSWORD = "kata-sandi-e2e-wajah-publik-2026";
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const PRODUCT_LABEL = "Penerbitan KTP Elektronik (baru, rusak, hilang, perubahan data)";
/** The default tile host (app/services/map-config.server.ts) and any subdomain of it. */
const TILE_REQUEST = /^https?:\/\/([a-z0-9-]+\.)*tile\.openstreetmap\.org\//i;

// The first citizen's identity: it must never reach a public page.
const FILER_NAME = "Sriwahyuni Kartikasari";
const FILER_PHONE = "0813 4477 9265";
const FILER_EMAIL = "sriwahyuni.kartika@example.test";
const DESCRIPTION = "Sudah empat minggu KTP-el saya yang rusak belum diganti, padahal petugas berjanji selesai dalam tujuh hari kerja.";

let browser: Browser;
let unitId = "";
let refusedTiles = 0;
let trackingCode = "";
let complaintId = "";
const contexts: BrowserContext[] = [];

/** A 360 px phone whose every tile request fails at once, as offline. bypassCSP with JavaScript only (axe is injected there). */
async function phone(javaScriptEnabled: boolean): Promise<BrowserContext> {
  const context = await newPhoneContext(browser, { javaScriptEnabled, bypassCSP: javaScriptEnabled });
  await context.route(TILE_REQUEST, (route) => {
    refusedTiles += 1;
    return route.abort("internetdisconnected");
  });
  contexts.push(context);
  return context;
}

async function open(page: Page, path: string, javaScript: boolean) {
  const response = await page.goto(`${server.baseUrl}${path}`);
  expect(response?.status(), path).toBe(200);
  if (javaScript) await waitForHydration(page);
}

async function checkPage(page: Page, shot: string) {
  const { scrollWidth, viewportWidth } = await horizontalOverflow(page);
  expect(scrollWidth, `${shot}: no sideways scroll`).toBeLessThanOrEqual(viewportWidth);
  await expectNoAxeViolations(page);
  await saveScreenshot(page, `public-face-${shot}-360`);
}

/** Until the form's own signed start time is old enough for the spam check (people are not that fast). */
async function waitUntilFormIsOldEnough(form: Page) {
  const startedAt = Number((await form.inputValue("input[name=formStartedAt]")).split(".")[0]);
  await vi.waitUntil(() => Date.now() - startedAt > HONEYPOT_MIN_AGE_MS + 100, { timeout: 5_000, interval: 50 });
}

async function fillComplaint(page: Page, { description, name, phone }: { description: string; name: string; phone: string }) {
  await page.selectOption("#productId", { label: PRODUCT_LABEL });
  await page.fill("#description", description);
  await page.fill("#incidentDate", "2026-11-10");
  await page.fill("#name", name);
  await page.fill("#phone", phone);
  await page.check("#visibility-PUBLIC");
  await page.check("#consent");
}

/** The first citizen's name, phone (as typed and as digits) and e-mail appear nowhere in `html`. */
function expectNoIdentity(html: string, where: string) {
  for (const secret of [FILER_NAME, "Sriwahyuni", "Kartikasari", FILER_PHONE, FILER_PHONE.replace(/\s/g, ""), FILER_EMAIL, "sriwahyuni.kartika"]) {
    const at = html.indexOf(secret);
    expect(at, `${where} must not contain "${secret}": …${html.slice(Math.max(0, at - 120), at + 120)}…`).toBe(-1);
  }
}

const supportCount = async () => (await db().complaint.findUniqueOrThrow({ where: { id: complaintId }, select: { supportCount: true } })).supportCount;

/** On the report's own page: the count shown in its facts. */
async function expectShownCount(page: Page, count: number) {
  await page.getByTestId("support-count").filter({ hasText: `${count} dukungan` }).waitFor();
}

/** The report page after a support (POST-redirect-GET), with the outcome it carries. */
async function waitForSupportOutcome(page: Page, outcome: "added" | "already") {
  await page.waitForURL((url) => url.pathname === `/laporan-warga/${trackingCode}` && url.searchParams.get("dukung") === outcome);
  await page.getByTestId("support-outcome").waitFor();
}

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  unitId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "DISDUKCAPIL" } })).id;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
});

describe("the public face on a 360 px phone, tiles offline", () => {
  it("1. a citizen with JavaScript files a complaint with a pin tapped on the map and gets the receipt", async () => {
    const page = await (await phone(true)).newPage();
    await open(page, "/lapor", true);
    await checkPage(page, "form-js");
    await fillComplaint(page, { description: DESCRIPTION, name: FILER_NAME, phone: FILER_PHONE });
    await page.fill("#email", FILER_EMAIL);
    // Nothing is open and public yet: no similar reports inline.
    expect(await page.getByTestId("similar-report").count()).toBe(0);

    await page.click("[data-testid=pin-picker] > summary");
    await page.locator(".map[data-map-ready]").waitFor();
    const box = (await page.locator(".map__canvas").boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.inputValue("#latitude")).not.toBe("");
    const latitude = Number(await page.inputValue("#latitude"));
    const longitude = Number(await page.inputValue("#longitude"));
    expect(isInsideCity(latitude, longitude)).toBe(true);
    await page.locator(".pin-picker__status").filter({ hasText: "Lokasi ditandai" }).waitFor();
    // The map did ask for tiles, and every one was refused: the pin works regardless.
    await expect.poll(() => refusedTiles).toBeGreaterThan(0);
    await checkPage(page, "form-pin-js");

    await waitUntilFormIsOldEnough(page);
    await page.click("button[type=submit]:has-text('Kirim pengaduan')");
    await page.getByRole("heading", { level: 1, name: "Pengaduan terkirim" }).waitFor().catch(async (error) => {
      throw new Error(`${error.message}\n${(await page.textContent("main"))?.slice(0, 1500)}`);
    });
    trackingCode = (await page.getByTestId("tracking-code").textContent()) ?? "";
    expect(trackingCode).toMatch(/^LPK-/);
    await checkPage(page, "receipt-js");

    const stored = await db().complaint.findUniqueOrThrow({ where: { trackingCode }, include: { product: true } });
    complaintId = stored.id;
    expect(stored.visibility).toBe("PUBLIC");
    expect(stored.product?.code).toBe("DUKCAPIL-KTP-EL");
    expect(stored.latitude).toBeCloseTo(latitude, 5);
    expect(stored.longitude).toBeCloseTo(longitude, 5);
    await page.close();
  });

  it("2. not public before verification; once verified and routed it is on /laporan-warga, and its page shows no identity", async () => {
    expect(trackingCode).not.toBe("");
    const before = await fetch(`${server.baseUrl}/laporan-warga/${trackingCode}`);
    expect(before.status, "an unverified complaint has no public page").toBe(404);

    const now = new Date();
    expect((await applyTransition(db(), { complaintId, action: "VERIFY", actor: "COORDINATOR", now })).ok).toBe(true);
    expect(await routeVerifiedComplaint(db(), complaintId, { now })).toEqual({ routed: true, unitId });

    for (const javaScript of [false, true]) {
      const tag = javaScript ? "js" : "nojs";
      const page = await (await phone(javaScript)).newPage();
      await open(page, "/", javaScript);
      await page.locator(".site-nav").getByRole("link", { name: "Laporan warga" }).click();
      await page.getByRole("heading", { level: 1, name: "Laporan warga" }).waitFor();
      if (javaScript) {
        await waitForHydration(page);
        // The list's map, drawn with tiles that never load.
        await page.locator("[data-map-ready]").waitFor();
        await page.getByTestId("public-map-status").filter({ hasText: "1 laporan" }).waitFor();
      }
      await page.getByText(trackingCode, { exact: true }).waitFor();
      // Read before axe is injected into the page (with JavaScript it runs in the page itself).
      const listHtml = await page.content();
      await checkPage(page, `list-${tag}`);

      await page.getByRole("link", { name: trackingCode }).first().click();
      await page.getByRole("heading", { level: 1, name: `Laporan ${trackingCode}` }).waitFor();
      if (javaScript) await waitForHydration(page);
      await page.getByTestId("public-timeline").waitFor();
      await expectShownCount(page, 0);
      const reportHtml = await page.content();
      await checkPage(page, `report-${tag}`);

      for (const [where, html] of [["list", listHtml], ["report page", reportHtml]] as const) {
        expectNoIdentity(html, `${where} (${tag})`);
      }
      await page.close();
    }
  });

  it("3a. a second visitor without JavaScript meets it in the 'Laporan serupa' step and supports it: count 1, once per browser", async () => {
    const page = await (await phone(false)).newPage();
    await open(page, "/lapor", false);
    await fillComplaint(page, {
      description: "KTP-el saya juga rusak dan belum diganti sejak bulan lalu, antrean di loket selalu penuh.",
      name: "Bayu Saputra Nugraha",
      phone: "0812 3030 5151",
    });
    await waitUntilFormIsOldEnough(page);
    const filedBefore = await db().complaint.count();
    await page.click("button[type=submit]:has-text('Kirim pengaduan')");
    await page.getByRole("heading", { level: 1, name: "Laporan serupa" }).waitFor();
    const similar = page.getByTestId("similar-report").filter({ hasText: trackingCode });
    await similar.waitFor();
    await expect(page.locator("input[name=description]").inputValue()).resolves.toContain("KTP-el saya juga rusak");
    await checkPage(page, "similar-step-nojs");
    // The step shows the first citizen's report, never who filed it.
    expectNoIdentity(await page.content(), "similar step (nojs)");

    await similar.getByRole("button", { name: "Saya juga mengalami ini" }).click();
    await waitForSupportOutcome(page, "added");
    await expect(page.getByTestId("support-outcome").textContent()).resolves.toBe("Terima kasih, dukungan Anda tercatat.");
    await expectShownCount(page, 1);
    expect(await supportCount()).toBe(1);
    expect(await db().complaint.count(), "supporting instead files nothing").toBe(filedBefore);
    await checkPage(page, "supported-nojs");

    // The same browser again: recorded before, still 1.
    await page.locator("#dukung").getByRole("button", { name: "Saya juga mengalami ini" }).click();
    await waitForSupportOutcome(page, "already");
    await expectShownCount(page, 1);
    expect(await supportCount()).toBe(1);
    await checkPage(page, "already-nojs");
    await page.close();
  });

  it("3b. a third visitor with JavaScript sees it inline while filing and supports it: count 2, once per browser", async () => {
    const page = await (await phone(true)).newPage();
    await open(page, "/lapor", true);
    await page.selectOption("#productId", { label: PRODUCT_LABEL });
    const similar = page.getByTestId("similar-report").filter({ hasText: trackingCode });
    await similar.waitFor();
    await expect(similar.textContent()).resolves.toContain("Warga yang juga mengalami ini: 1");
    expectNoIdentity(await page.content(), "inline similar reports (js)");
    await checkPage(page, "similar-inline-js");

    await similar.getByRole("button", { name: "Dukung laporan ini" }).click();
    await waitForSupportOutcome(page, "added");
    await waitForHydration(page);
    await expectShownCount(page, 2);
    expect(await supportCount()).toBe(2);
    expectNoIdentity(await page.content(), "report page after support (js)");
    await checkPage(page, "supported-js");

    await page.locator("#dukung").getByRole("button", { name: "Saya juga mengalami ini" }).click();
    await waitForSupportOutcome(page, "already");
    await expect(page.getByTestId("support-outcome").textContent()).resolves.toBe("Dukungan dari peramban ini sudah tercatat sebelumnya.");
    await expectShownCount(page, 2);
    expect(await supportCount()).toBe(2);
    await checkPage(page, "already-js");
    await page.close();
  });

  it("4. the count shows on that complaint's row in the Disdukcapil inbox (unit head without JavaScript, officer with it)", async () => {
    for (const [role, javaScript] of [["UNIT_HEAD", false], ["OFFICER", true]] as const) {
      const tag = `${role === "UNIT_HEAD" ? "head" : "officer"}-${javaScript ? "js" : "nojs"}`;
      const page = await (await phone(javaScript)).newPage();
      await signInAsStaff(page, server.baseUrl, { email: account(role).email, password: PASSWORD, javaScript });
      await open(page, "/staf/kotak-masuk", javaScript);
      const row = page.locator(`[data-testid=inbox-row][data-id="${complaintId}"]`);
      await row.waitFor();
      await expect(row.locator("th code").textContent()).resolves.toBe(trackingCode);
      await expect(row.getByTestId("inbox-support").textContent()).resolves.toContain("2 dukungan");
      await checkPage(page, `inbox-${tag}`);
      await page.close();
    }
  });
});
