// The staff shell in Chromium (issue #21, ADR 034): at 360 px the sections fold into a "Menu"
// disclosure that opens without JavaScript and nothing scrolls sideways; at 1366×768 they are
// always shown; axe (WCAG 2.1 AA) on the staff home both ways; and with JavaScript on, the header's
// counts follow the data when the user moves to another page without a full reload.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../../prisma/seed/index";
import { expectNoAxeViolations, horizontalOverflow, launchBrowser, newPhoneContext, saveScreenshot, signInAsStaff, useTestServer, waitForHydration } from "./support/browser";

const server = useTestServer();
const db = () => server.database.db;
const PASSWORD = "kata-sandi-e2e-shell-2026";
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

let browser: Browser;
let unitId: string;
let productId: string;
let headId: string;
let officerId: string;

let complaintCounter = 0;
/** A complaint at Disdukcapil in `status`, written directly: this file is about the frame, not the workflow. */
async function complaintAtUnit(data: { status: "ASSIGNED" | "IN_PROGRESS"; assignedOfficerId?: string; nextDueAt: Date }) {
  const n = ++complaintCounter;
  return db().complaint.create({
    data: {
      trackingCode: `SHL${String(n).padStart(5, "0")}`,
      pinHash: "x",
      description: "Antrean perekaman KTP-el tidak bergerak.",
      unitId,
      productId,
      ...data,
    },
  });
}

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  unitId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "DISDUKCAPIL" } })).id;
  productId = (await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } })).id;
  headId = (await db().user.findUniqueOrThrow({ where: { email: account("UNIT_HEAD").email } })).id;
  officerId = (await db().user.findUniqueOrThrow({ where: { email: account("OFFICER").email } })).id;
  const hour = 3_600_000;
  await complaintAtUnit({ status: "IN_PROGRESS", assignedOfficerId: headId, nextDueAt: new Date(Date.now() - 5 * hour) });
  await complaintAtUnit({ status: "IN_PROGRESS", assignedOfficerId: headId, nextDueAt: new Date(Date.now() + 50 * hour) });
  await complaintAtUnit({ status: "ASSIGNED", nextDueAt: new Date(Date.now() + 30 * hour) });
  await complaintAtUnit({ status: "ASSIGNED", nextDueAt: new Date(Date.now() + 40 * hour) });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const signIn = (page: import("playwright-core").Page, role: string, javaScript: boolean) =>
  signInAsStaff(page, server.baseUrl, { email: account(role).email, password: PASSWORD, javaScript });

describe("the staff shell in the browser", () => {
  it("at 360 px without JavaScript: a Menu disclosure that opens, no sideways scroll, axe clean", async () => {
    const context = await newPhoneContext(browser, { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await signIn(page, "UNIT_HEAD", false);
      const inbox = page.locator("[data-testid=staff-nav-inbox]");
      const summary = page.locator(".staff-menu > summary");
      await expect(summary.isVisible()).resolves.toBe(true);
      await expect(inbox.isVisible()).resolves.toBe(false);
      const { scrollWidth, viewportWidth } = await horizontalOverflow(page);
      expect(scrollWidth).toBeLessThanOrEqual(viewportWidth);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, "staff-shell-home-360");

      await summary.click();
      await expect(inbox.isVisible()).resolves.toBe(true);
      await expect(inbox.getAttribute("aria-label")).resolves.toBeNull();
      await expect(inbox.textContent()).resolves.toBe("Kotak masuk2, 2 milik saya2, 2 belum ditugaskan1, 1 terlambat");
      const after = await horizontalOverflow(page);
      expect(after.scrollWidth).toBeLessThanOrEqual(after.viewportWidth);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, "staff-shell-menu-open-360");

      // Open, the sections lie over the top of the page; the summary closes them again.
      await summary.click();
      await expect(inbox.isVisible()).resolves.toBe(false);

      // The tiles: the late one stands out, and each opens its list.
      await expect(page.locator("[data-testid=workload-late]").getAttribute("class")).resolves.toContain("workload-tile--alert");
      await page.click("[data-testid=workload-unassigned]");
      expect(new URL(page.url()).search).toBe("?tampilan=belum-ditugaskan");
      await expect(page.locator(".staff-header").count()).resolves.toBe(1);
    } finally {
      await context.close();
    }
  });

  it("at 1366×768 with JavaScript: the sections always shown, axe clean, and counts that follow the data across pages", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, javaScriptEnabled: true, bypassCSP: true });
    context.setDefaultTimeout(10_000);
    try {
      const page = await context.newPage();
      await signIn(page, "UNIT_HEAD", true);
      await waitForHydration(page);
      await expect(page.locator(".staff-menu > summary").isVisible()).resolves.toBe(false);
      await expect(page.locator("[data-testid=staff-nav-inbox]").isVisible()).resolves.toBe(true);
      // One row of sections under the bar: the header stays short enough to leave the page room.
      const header = await page.locator(".staff-header").boundingBox();
      expect(header!.height).toBeLessThan(140);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, "staff-shell-home-1366");

      const unassigned = page.locator("[data-testid=staff-nav-inbox] [data-count=unassigned] [aria-hidden]");
      await expect(unassigned.textContent()).resolves.toBe("2");
      await db().complaint.updateMany({ where: { unitId, status: "ASSIGNED" }, data: { assignedOfficerId: officerId } });
      await page.click("[data-testid=staff-nav-inbox]");
      await page.waitForURL((url) => url.pathname === "/staf/kotak-masuk");
      await page.locator("[data-testid=staff-nav-inbox][aria-current=page]").waitFor();
      await unassigned.waitFor({ state: "detached" });
      await expect(page.locator("[data-testid=staff-nav-inbox] [data-count=mine]").textContent()).resolves.toContain("2");
    } finally {
      await context.close();
    }
  });
});
