// The report pages in Debian Chromium: the liaison's dashboard, a unit report card and the
// drill-down (desktop, JavaScript on), and the public statistics on a 360 px phone without
// JavaScript. Every page is checked with axe-core (WCAG 2.1 AA); the public page is photographed.
import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../../prisma/seed/index";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { submitComplaint } from "~/domain/complaints/submit-complaint.server";
import { refreshComplaintReport } from "~/domain/reports/refresh-complaint-report.server";
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
const PASSWORD = "kata-sandi-e2e-laporan-2026";
const db = () => server.database.db;
let browser: Browser;
let unitId = "";

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  browser = await launchBrowser();
  const product = await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } });
  unitId = product.unitId;
  for (let n = 0; n < 6; n++) {
    const outcome = await submitComplaint(
      db(),
      {
        productId: product.id,
        unitUnknown: false,
        chooser: n % 2 ? "slow" : "asked_to_pay",
        description: "Pengaduan uji untuk halaman laporan: layanan KTP-el lambat.",
        incidentDate: "2026-11-02",
        name: "Warga Uji Laporan",
        phone: "081234567890",
        visibility: "PUBLIC",
        consent: true,
        idempotencyKey: randomBytes(18).toString("base64url"),
      },
      { now: new Date(), locale: "id", publicBaseUrl: "http://localhost" },
    );
    if (!outcome.ok) throw new Error("complaint not filed");
    for (const [action, actor] of [["VERIFY", "COORDINATOR"], ["ASSIGN", "SYSTEM"]] as const) {
      await applyTransition(db(), { complaintId: outcome.complaintId, action, actor, now: new Date() });
    }
    await refreshComplaintReport(db(), outcome.complaintId, { now: new Date(Date.now() + 20 * 86_400_000) });
  }
  await db().complianceAssessment.create({
    data: { year: 2025, method: "DIMENSI_2022", scope: "UNIT", subjectKey: "UNIT:DISDUKCAPIL", unitId, totalScore: 91.7, zone: "HIJAU", grade: "A", source: "uji e2e" },
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe("report pages", () => {
  let context: BrowserContext;
  let page: Page;

  it("the liaison reads the dashboard, a unit's report card and the complaints behind a late figure", async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: true, bypassCSP: true, locale: "id-ID" });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    const watcher = await watchPageProblems(page);
    await page.goto(`${server.baseUrl}/staf/masuk?redirectTo=${encodeURIComponent("/staf/laporan")}`);
    await waitForHydration(page);
    await page.fill("#email", DEMO_ACCOUNTS.find((a) => a.role === "LIAISON")!.email);
    await page.fill("#password", PASSWORD);
    await page.click("main button[type=submit]");
    await page.locator("h1", { hasText: "Laporan pengaduan dan kepatuhan" }).waitFor();
    await waitForHydration(page);
    await expectNoAxeViolations(page);
    // Risk first (issue #21): the ranking is the first table after the filter, one row per unit.
    await expect(page.locator("#warnings ~ table.risk-table tr[data-testid=risk-row]").count()).resolves.toBeGreaterThan(0);

    // The period filter works as a plain GET form.
    await page.fill("#report-from", "2026-01");
    await page.click(".report-filters button[type=submit]");
    await page.waitForURL((url) => url.searchParams.get("dari") === "2026-01");
    await page.locator("h1", { hasText: "Laporan pengaduan dan kepatuhan" }).waitFor();

    await page.click(`.risk-table a[href^="/staf/laporan/unit/${unitId}"]`);
    await page.locator("h1", { hasText: "Rapor pengaduan" }).waitFor();
    await waitForHydration(page);
    await expectNoAxeViolations(page);
    await expect(page.locator("main").textContent()).resolves.toContain("91,70");
    // The card opens with its decisive finding, before its figures.
    await expect(page.locator("main h2").first().getAttribute("id")).resolves.toBe("decisive-title");

    await page.goto(`${server.baseUrl}/staf/laporan/pengaduan?unit=${unitId}&tahap=firstResponse&hasil=missed`);
    await page.locator("h1", { hasText: "Pengaduan di balik angka" }).waitFor();
    await waitForHydration(page);
    await expectNoAxeViolations(page);
    await expect(page.locator("tbody tr").count()).resolves.toBe(6);
    expect(watcher.problems()).toEqual([]);
    await context.close();
  });

  // Route modules reach zod only through `.server` modules, which the browser bundle replaces with
  // empty ones (app/services/zod.server.ts): a schema left where the browser runs it would throw here.
  // About 30 page loads with JavaScript: well past the default per-test timeout on a busy 2-core runner.
  it("every staff page hydrates with JavaScript, with no uncaught exception or console error, and ships no zod", { timeout: 90_000 }, async () => {
    const complaint = await db().complaint.findFirstOrThrow({ where: { unitId }, select: { id: true } });
    const liaison = await db().user.findFirstOrThrow({ where: { email: DEMO_ACCOUNTS.find((a) => a.role === "LIAISON")!.email } });
    const matter = await db().ombudsmanMatter.create({
      data: { kind: "CLARIFICATION_REQUEST", reference: `E2E-${randomBytes(3).toString("hex")}`, unitId, receivedOn: new Date("2026-11-02"), dueOn: new Date("2026-11-16"), recordedById: liaison.id },
    });
    const assessment = await db().complianceAssessment.findFirstOrThrow({ select: { id: true } });
    const pagesByRole: Record<string, string[]> = {
      ADMIN: ["/staf", "/staf/admin", "/staf/admin/kalender", "/staf/admin/libur", "/staf/admin/sla", "/staf/admin/template", "/staf/admin/unit", `/staf/admin/unit/${unitId}`, "/staf/admin/pengguna", "/staf/admin/open311", "/staf/admin/audit", "/staf/admin/audit?jenis=aktivitas", "/staf/ganti-sandi"],
      LIAISON: ["/staf/laporan", "/staf/kepatuhan", `/staf/kepatuhan/${assessment.id}`, "/staf/kepatuhan/impor", "/staf/ombudsman", `/staf/ombudsman/${matter.id}`, "/staf/laporan/pengaduan"],
      COORDINATOR: ["/staf/triase", `/staf/triase/${complaint.id}`],
      OFFICER: ["/staf/kotak-masuk", `/staf/pengaduan/${complaint.id}`],
    };
    const scripts: string[] = [];
    for (const [role, paths] of [["", ["/staf/masuk", "/staf/lupa-sandi"]] as const, ...Object.entries(pagesByRole)]) {
      const desk = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: true, locale: "id-ID" });
      desk.setDefaultTimeout(10_000);
      const tab = await desk.newPage();
      const watcher = await watchPageProblems(tab);
      tab.on("response", (response) => void (response.request().resourceType() === "script" && scripts.push(response.url())));
      if (role) {
        await tab.goto(`${server.baseUrl}/staf/masuk`);
        await tab.fill("#email", DEMO_ACCOUNTS.find((a) => a.role === role)!.email);
        await tab.fill("#password", PASSWORD);
        await tab.click("main button[type=submit]");
        await tab.waitForURL((url) => url.pathname !== "/staf/masuk");
      }
      for (const path of paths) {
        const response = await tab.goto(`${server.baseUrl}${path}`);
        expect(response?.status(), `${role} ${path}`).toBe(200);
        await waitForHydration(tab);
      }
      expect(watcher.problems(), role || "signed out").toEqual([]);
      await desk.close();
    }
    const bodies = await Promise.all([...new Set(scripts)].map(async (url) => (await fetch(url)).text()));
    expect(bodies.filter((body) => body.includes("ZodError")).length).toBe(0);
  });

  it("anyone reads the public statistics on a 360 px phone without JavaScript", async () => {
    const phone = await newPhoneContext(browser, { javaScriptEnabled: false, locale: "id-ID" });
    const citizen = await phone.newPage();
    await citizen.goto(`${server.baseUrl}/`);
    await citizen.click("text=Statistik");
    await citizen.locator("h1", { hasText: "Statistik pengaduan" }).waitFor();
    await expectNoAxeViolations(citizen);
    const overflow = await horizontalOverflow(citizen);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.viewportWidth);
    await saveScreenshot(citizen, "public-statistics-360");
    await phone.close();
  });
});
