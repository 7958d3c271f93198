// The whole loop in Debian Chromium: a citizen on a 360 px phone with JavaScript OFF files a
// complaint about a Disdukcapil service; the coordinator (desktop, JavaScript on) verifies it on
// the triage desk; the routing worker's job runs synchronously; the Disdukcapil officer finds it in
// the inbox, acknowledges it and answers; the citizen (JavaScript off) tracks it with code and PIN
// and reads the unit's answer in the timeline. Staff pages are checked with axe-core (WCAG 2.1 AA)
// and photographed.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../../prisma/seed/index";
import { routeVerifiedComplaint } from "~/domain/complaints/route-complaint.server";
import {
  expectNoAxeViolations,
  horizontalOverflow,
  launchBrowser,
  newPhoneContext,
  saveScreenshot,
  useTestServer,
  waitForHydration,
  watchPageProblems,
} from "./support/browser";

const server = useTestServer();
const PASSWORD = "kata-sandi-e2e-staf-2026";
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const CITIZEN_NAME = "Yulia Kartikasari";
const CITIZEN_PHONE = "0813 6060 5151";
const ANSWER = "KTP-el Anda sudah dicetak dan dapat diambil di loket 3 Disdukcapil mulai besok pukul 08.00 WIB.";

let browser: Browser;
let citizenContext: BrowserContext;
let citizen: Page;

beforeAll(async () => {
  await seedDemoAccounts(server.database.db, { password: PASSWORD, mustChangePassword: false });
  browser = await launchBrowser();
  citizenContext = await newPhoneContext(browser, { javaScriptEnabled: false, locale: "id-ID" });
  citizen = await citizenContext.newPage();
});

afterAll(async () => {
  await citizenContext?.close();
  await browser?.close();
});

/** A desktop browser with JavaScript on; the CSP is bypassed so axe can be injected (see browser.ts). */
async function newStaffPage(): Promise<{ context: BrowserContext; page: Page; problems(): string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: true, bypassCSP: true, locale: "id-ID" });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const watcher = await watchPageProblems(page);
  return { context, page, problems: () => watcher.problems() };
}

async function signIn(page: Page, role: string, redirectTo: string, heading: string) {
  await page.goto(`${server.baseUrl}/staf/masuk?redirectTo=${encodeURIComponent(redirectTo)}`);
  await waitForHydration(page);
  await expect(page.locator("h1").textContent()).resolves.toBe("Masuk staf");
  await page.fill("#email", account(role).email);
  await page.fill("#password", PASSWORD);
  await page.click("main button[type=submit]");
  await page.waitForURL((url) => url.pathname === redirectTo);
  // With JavaScript on, the URL can change a moment before the new page renders.
  await page.locator("h1", { hasText: heading }).waitFor();
  await waitForHydration(page);
}

/** The submit button of the complaint page's form for one intent. */
const actionButton = (page: Page, intent: string) => page.locator(`form:has(input[name=intent][value="${intent}"]) button[type=submit]`);

describe("an officer answers a complaint a citizen filed, and the citizen sees the answer", () => {
  let trackingCode = "";
  let pin = "";
  let complaintId = "";

  it("the citizen files a Disdukcapil complaint on a phone without JavaScript and keeps code and PIN", async () => {
    await citizen.goto(`${server.baseUrl}/lapor`);
    await expect(citizen.locator("h1").textContent()).resolves.toBe("Buat pengaduan");
    await citizen.selectOption("#productId", { label: "Penerbitan KTP Elektronik (baru, rusak, hilang, perubahan data)" });
    await citizen.fill("#description", "Sudah sebulan KTP-el saya belum dicetak, padahal petugas menjanjikan selesai dalam tujuh hari kerja.");
    await citizen.fill("#incidentDate", "2026-11-09");
    await citizen.fill("#name", CITIZEN_NAME);
    await citizen.fill("#phone", CITIZEN_PHONE);
    await citizen.check("#visibility-ANONIM");
    await citizen.check("#consent");
    // The honeypot's timer refuses forms sent within two seconds of being shown.
    await citizen.waitForTimeout(2_100);
    await citizen.click("button[type=submit]:has-text('Kirim pengaduan')");

    await citizen.getByRole("heading", { level: 1, name: "Pengaduan terkirim" }).waitFor().catch(async (error) => {
      throw new Error(`${error.message}\n${(await citizen.textContent("main"))?.slice(0, 1500)}`);
    });
    trackingCode = (await citizen.getByTestId("tracking-code").textContent()) ?? "";
    pin = (await citizen.getByTestId("tracking-pin").textContent()) ?? "";
    expect(trackingCode).toMatch(/^LPK-/);
    expect(pin).toMatch(/^\d{6}$/);
    await saveScreenshot(citizen, "staff-flow-01-citizen-receipt-360");

    const stored = await server.database.db.complaint.findUniqueOrThrow({ where: { trackingCode }, include: { product: { include: { unit: true } } } });
    expect(stored.status).toBe("SUBMITTED");
    expect(stored.product?.unit.code).toBe("DISDUKCAPIL");
    complaintId = stored.id;
  });

  it("the coordinator signs in, finds it on the triage desk and verifies it; the router assigns it to Disdukcapil", async () => {
    expect(complaintId).not.toBe("");
    const { context, page, problems } = await newStaffPage();
    try {
      await page.goto(`${server.baseUrl}/staf/masuk`);
      await waitForHydration(page);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, "staff-flow-02-masuk");

      await signIn(page, "COORDINATOR", "/staf/triase", "Meja triase koordinator");
      const row = page.locator(`[data-code="${trackingCode}"]`);
      await row.waitFor();
      await expectNoAxeViolations(page);
      await saveScreenshot(page, "staff-flow-03-triase");

      await row.locator(`a[href="/staf/triase/${complaintId}"]`).click();
      await page.waitForURL((url) => url.pathname === `/staf/triase/${complaintId}`);
      await page.locator("h1", { hasText: /^Triase pengaduan LPK-/ }).waitFor();
      await waitForHydration(page);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, "staff-flow-04-triase-detail");
      // ANONIM: the desk works on content, never on who complained.
      expect(await page.textContent("main")).not.toContain(CITIZEN_NAME);

      await page.click("[data-testid=triage-action-verify] button[type=submit]");
      await page.getByText("Pengaduan diverifikasi.").waitFor();
      await saveScreenshot(page, "staff-flow-05-triase-verified");
      expect(problems()).toEqual([]);
    } finally {
      await context.close();
    }
    expect((await server.database.db.complaint.findUniqueOrThrow({ where: { id: complaintId } })).status).toBe("VERIFIED");

    // The routing worker's job, synchronously.
    const disdukcapil = await server.database.db.serviceUnit.findUniqueOrThrow({ where: { code: "DISDUKCAPIL" } });
    expect(await routeVerifiedComplaint(server.database.db, complaintId, { now: new Date() })).toEqual({ routed: true, unitId: disdukcapil.id });
    expect(await server.database.db.complaint.findUniqueOrThrow({ where: { id: complaintId } })).toMatchObject({ status: "ASSIGNED", unitId: disdukcapil.id });
  });

  it("the officer finds it in the inbox, acknowledges it and answers the citizen", async () => {
    const { context, page, problems } = await newStaffPage();
    try {
      await signIn(page, "OFFICER", "/staf/kotak-masuk", "Kotak masuk");
      const row = page.locator(`[data-testid=inbox-row][data-id="${complaintId}"]`);
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain(trackingCode);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, "staff-flow-06-kotak-masuk");

      await row.getByRole("link", { name: trackingCode }).click();
      await page.waitForURL((url) => url.pathname === `/staf/pengaduan/${complaintId}`);
      await page.locator("h1", { hasText: trackingCode }).waitFor();
      await waitForHydration(page);
      await expect(page.getByTestId("status").textContent()).resolves.not.toBe("");
      // ANONIM: never shown to the reported unit.
      const main = (await page.textContent("main")) ?? "";
      expect(main).toContain(trackingCode);
      expect(main).not.toContain(CITIZEN_NAME);
      expect(main).not.toContain("0813");
      await expectNoAxeViolations(page);
      await saveScreenshot(page, "staff-flow-07-pengaduan");

      await actionButton(page, "acknowledge").click();
      await page.getByText("Pengaduan diterima untuk ditangani.").waitFor();
      await expect(page.getByTestId("status").textContent()).resolves.toBe("Sedang ditangani");

      // One composer (issue #21): "Balas warga" is the first mode, checked by default.
      await expect(page.isChecked("#composer-mode-reply")).resolves.toBe(true);
      await page.fill("#composer-message", ANSWER);
      await page.click("[data-testid=composer-send]");
      await page.getByText("Tanggapan terkirim.").waitFor();
      await expect(page.getByTestId("timeline").textContent()).resolves.toContain(ANSWER);
      // The sent answer does not linger in the box, ready to be sent twice.
      await expect(page.inputValue("#composer-message")).resolves.toBe("");
      await expectNoAxeViolations(page);
      await saveScreenshot(page, "staff-flow-08-pengaduan-answered");
      expect(problems()).toEqual([]);
    } finally {
      await context.close();
    }
    const complaint = await server.database.db.complaint.findUniqueOrThrow({
      where: { id: complaintId },
      include: { events: { orderBy: { id: "asc" }, include: { actorUser: true } } },
    });
    expect(complaint.status).toBe("IN_PROGRESS");
    expect(complaint.events.map((e) => e.type)).toEqual(["SUBMITTED", "VERIFIED", "ASSIGNED", "ACKNOWLEDGED", "RESPONDED"]);
    expect(complaint.events.at(-1)).toMatchObject({ message: ANSWER, visibility: "PUBLIC" });
    expect(complaint.events.at(-1)?.actorUser?.email).toBe(account("OFFICER").email);
  });

  it("the citizen, still without JavaScript, tracks it with code and PIN and reads the unit's answer", async () => {
    await citizen.goto(`${server.baseUrl}/lacak`);
    await citizen.fill("#kode", trackingCode);
    await citizen.fill("#pin", pin);
    await citizen.click("button[type=submit]:has-text('Lihat pengaduan')");
    await citizen.getByRole("heading", { level: 1, name: "Status pengaduan" }).waitFor();
    await expect(citizen.getByTestId("status").textContent()).resolves.toBe("Sedang ditangani");
    const timeline = citizen.locator("ol.timeline");
    await expect(timeline.textContent()).resolves.toContain(ANSWER);
    const body = (await citizen.textContent("main")) ?? "";
    expect(body).not.toContain(CITIZEN_NAME);
    const { scrollWidth, viewportWidth } = await horizontalOverflow(citizen);
    expect(scrollWidth).toBeLessThanOrEqual(viewportWidth);
    await expectNoAxeViolations(citizen);
    await saveScreenshot(citizen, "staff-flow-09-citizen-sees-answer-360");
  });
});
