// Every administration page and the liaison's pages (Ombudsman matters, assessments, CSV import)
// checked with axe-core (WCAG 2.1 AA) on a 360 px phone: as the ADMIN without JavaScript and as the
// LIAISON with JavaScript, each page as loaded and again after one invalid form per page family,
// because an error state (summary, messages beside fields, aria-invalid) must be accessible too.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../../prisma/seed/index";
import { expectNoAxeViolations, launchBrowser, newPhoneContext, saveScreenshot, signInAsStaff, useTestServer, waitForHydration } from "./support/browser";

const server = useTestServer();
const db = () => server.database.db;
const PASSWORD = "kata-sandi-e2e-halaman-2026";
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const PAGE_TIMEOUT = 60_000;

let browser: Browser;
const sessions: Record<"ADMIN" | "LIAISON", { context: BrowserContext; page: Page; javaScript: boolean }> = {} as never;
let unitId: string;
let adminUserId: string;
let matterId: string;

async function signIn(role: "ADMIN" | "LIAISON", javaScript: boolean) {
  // bypassCSP only with JavaScript on, where axe is injected into the page itself (browser.ts).
  const context = await newPhoneContext(browser, { javaScriptEnabled: javaScript, bypassCSP: javaScript });
  const page = await context.newPage();
  await signInAsStaff(page, server.baseUrl, { email: account(role).email, password: PASSWORD, javaScript });
  sessions[role] = { context, page, javaScript };
}

async function visit(role: "ADMIN" | "LIAISON", path: string) {
  const { page, javaScript } = sessions[role];
  const response = await page.goto(`${server.baseUrl}${path}`);
  expect(response?.status(), path).toBe(200);
  if (javaScript) await waitForHydration(page);
  await expectNoAxeViolations(page);
  return page;
}

/**
 * Empties every text-like field of one form and submits it, waits for the error state, and checks
 * it with axe. `form` selects an element containing the form (or the form itself).
 */
async function submitInvalid(role: "ADMIN" | "LIAISON", form: string, shot: string) {
  const { page } = sessions[role];
  const scope = page.locator(form).first();
  const fields = scope.locator('input[type=text], input[type=email], input[type=url], input[type=number], input[type=date], input:not([type]), textarea');
  for (let i = 0; i < (await fields.count()); i++) {
    if (await fields.nth(i).isEditable()) await fields.nth(i).fill("");
  }
  await scope.locator("button[type=submit]").last().click();
  await page.locator(".field__error, .error-summary").first().waitFor();
  await expectNoAxeViolations(page);
  await saveScreenshot(page, `staff-pages-${shot}-error-360`);
}

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  unitId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "DISDUKCAPIL" } })).id;
  adminUserId = (await db().user.findUniqueOrThrow({ where: { email: account("ADMIN").email } })).id;
  const liaisonId = (await db().user.findUniqueOrThrow({ where: { email: account("LIAISON").email } })).id;
  // One overdue matter so the list shows the overdue badge and the detail page its forms.
  matterId = (
    await db().ombudsmanMatter.create({
      data: { kind: "CORRECTIVE_ACTION", reference: "LAHP-0042/LM/IX/2026/PKP", unitId, receivedOn: new Date("2026-09-01T00:00:00Z"), dueOn: new Date("2026-10-13T00:00:00Z"), recordedById: liaisonId },
    })
  ).id;
  browser = await launchBrowser();
  await signIn("ADMIN", false);
  await signIn("LIAISON", true);
}, PAGE_TIMEOUT);

afterAll(async () => {
  for (const session of Object.values(sessions)) await session?.context.close();
  await browser?.close();
});

describe("administration pages as ADMIN, without JavaScript", () => {
  it("admin home, unit tree and one unit; the add-product form in its error state", { timeout: PAGE_TIMEOUT }, async () => {
    await visit("ADMIN", "/staf/admin");
    await visit("ADMIN", "/staf/admin/unit");
    await visit("ADMIN", `/staf/admin/unit/${unitId}`);
    await submitInvalid("ADMIN", "[data-testid=add-product]", "unit-product");
  });

  it("the audit trails: identity views and staff activity", { timeout: PAGE_TIMEOUT }, async () => {
    await visit("ADMIN", "/staf/admin/audit");
    await visit("ADMIN", "/staf/admin/audit?jenis=aktivitas");
  });

  it("users and one user; the new-user form in its error state", { timeout: PAGE_TIMEOUT }, async () => {
    await visit("ADMIN", "/staf/admin/pengguna");
    await visit("ADMIN", `/staf/admin/pengguna/${adminUserId}`);
    await visit("ADMIN", "/staf/admin/pengguna/baru");
    await submitInvalid("ADMIN", "[data-testid=user-form]", "user-new");
  });

  it("SLA policies, in its error state too", { timeout: PAGE_TIMEOUT }, async () => {
    await visit("ADMIN", "/staf/admin/sla");
    await visit("ADMIN", "/staf/admin/sla?kebijakan=baru");
    await submitInvalid("ADMIN", "[data-testid=policy-form]", "sla");
  });

  it("holidays and calendars, each in its error state", { timeout: PAGE_TIMEOUT }, async () => {
    await visit("ADMIN", "/staf/admin/libur");
    await submitInvalid("ADMIN", "[data-testid=holiday-form-new]", "holiday");
    await visit("ADMIN", "/staf/admin/kalender");
    await visit("ADMIN", "/staf/admin/kalender?ubah=baru");
    await submitInvalid("ADMIN", "[data-testid=calendar-form]", "calendar");
  });

  it("response templates, in its error state too", { timeout: PAGE_TIMEOUT }, async () => {
    await visit("ADMIN", "/staf/admin/template");
    await visit("ADMIN", `/staf/admin/template?unit=${unitId}`);
    await submitInvalid("ADMIN", "[data-testid^=template-form-new]", "template");
  });

  it("the Ombudsman and assessment pages as the admin (who may stand in for the liaison)", { timeout: PAGE_TIMEOUT }, async () => {
    await visit("ADMIN", "/staf/ombudsman");
    await submitInvalid("ADMIN", "[data-testid=ombudsman-new]", "ombudsman-admin");
    await visit("ADMIN", "/staf/kepatuhan");
    await visit("ADMIN", "/staf/kepatuhan/impor");
  });
});

describe("the liaison's pages, with JavaScript", () => {
  it("Ombudsman matters: the list with an overdue badge in words, the record form in its error state", { timeout: PAGE_TIMEOUT }, async () => {
    const page = await visit("LIAISON", "/staf/ombudsman");
    await expect(page.getByTestId("ombudsman-overdue").first().textContent()).resolves.toMatch(/Terlambat \d+ hari/);
    await saveScreenshot(page, "staff-pages-ombudsman-list-360");
    await page.selectOption("#kind", "CLARIFICATION_REQUEST");
    await page.fill("#reference", "B/0999/LM.01/XI/2026");
    await submitInvalid("LIAISON", "[data-testid=ombudsman-new]", "ombudsman");
    await page.getByText("Untuk permintaan klarifikasi, isi tenggat").first().waitFor();
  });

  it("one matter: the answer form in its error state, then answered", { timeout: PAGE_TIMEOUT }, async () => {
    const page = await visit("LIAISON", `/staf/ombudsman/${matterId}`);
    await submitInvalid("LIAISON", "[data-testid=ombudsman-answer]", "ombudsman-answer");
    await page.fill("#note-answer", "Surat Wali Kota No. 100/555/2026 tanggal 20 November 2026");
    await page.click("[data-testid=ombudsman-answer] button[type=submit]");
    await page.getByTestId("ombudsman-status").filter({ hasText: "Sudah dijawab" }).waitFor();
    await expectNoAxeViolations(page);
  });

  it("assessments: the list, a preview, the entry form in its error state, and the CSV import with problems", { timeout: PAGE_TIMEOUT }, async () => {
    const page = await visit("LIAISON", "/staf/kepatuhan");
    await page.fill("#year", "2024");
    await page.selectOption("#method", "DIMENSI_2022");
    await page.selectOption("#scope", "UNIT");
    await page.selectOption("#unitId", unitId);
    for (const [field, value] of [["scoreINPUT", "90"], ["scorePROSES", "95"], ["scoreOUTPUT", "85"], ["scorePENGADUAN", "80"]]) await page.fill(`#${field}`, value!);
    await page.fill("#source", "Rapor Ombudsman 2024");
    await page.click("button[name=intent][value=preview]");
    await page.getByTestId("assessment-preview").waitFor();
    await expect(page.getByTestId("assessment-preview").textContent()).resolves.toContain("88,25");
    await expectNoAxeViolations(page);
    await submitInvalid("LIAISON", "[data-testid=assessment-entry]", "assessment");

    await visit("LIAISON", "/staf/kepatuhan/impor");
    await page.setInputFiles("#file", { name: "hasil.csv", mimeType: "text/csv", buffer: Buffer.from("year,method\n2024,X\n") });
    await page.click("main button[type=submit]");
    await page.locator(".error-summary").first().waitFor();
    await expect(page.locator(".error-summary").first().textContent()).resolves.toContain("Berkas tidak diimpor");
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "staff-pages-import-problems-360");
  });

  it("component findings of one assessment, in their error state too", { timeout: PAGE_TIMEOUT }, async () => {
    const assessment = await db().complianceAssessment.findFirstOrThrow({ where: { scope: "CITY" }, select: { id: true } });
    const page = await visit("LIAISON", `/staf/kepatuhan/${assessment.id}`);
    await page.fill("#note_3", "Catatan tanpa temuan");
    await page.click("main button[type=submit]");
    await page.locator(".error-summary").first().waitFor();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "staff-pages-component-findings-error-360");
  });
});
