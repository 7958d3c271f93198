// The staff workspace of issue #21 in Chromium, as its users work it (ADR 034):
// - the Disdukcapil unit head has 12 unassigned complaints, selects 5 and gives them to an officer
//   in one action, once on a 360 px phone without JavaScript and once at 1366×768 with it;
// - the officer goes from the staff home to "mine" to the complaint and sends a reply built from a
//   unit template with "send and mark waiting for citizen", by keyboard only, in a bounded number
//   of Tab stops;
// - the liaison's dashboard ranks a unit in Zona Kuning with an overdue Ombudsman letter above a
//   unit graded A with none.
// Every page on the way is checked with axe-core (WCAG 2.1 AA) and photographed at 1366 and 360 px
// (the README's screenshots come from here: docs/screenshots/).
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seedDemoAccounts } from "../../prisma/seed/index";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { routeVerifiedComplaint } from "~/domain/complaints/route-complaint.server";
import { jakartaDate } from "~/domain/compliance/ombudsman-deadlines";
import { fileComplaintAt } from "../support/complaint-form";
import { expectNoAxeViolations, horizontalOverflow, launchBrowser, newPhoneContext, saveScreenshot, SCREENSHOT_DIR, signInAsStaff, useTestServer, waitForHydration, watchPageProblems } from "./support/browser";

const server = useTestServer();
const db = () => server.database.db;
const PASSWORD = "kata-sandi-e2e-ruang-kerja-2026";
const account = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const CITIZENS = ["Siti Rahmawati", "Ahmad Fauzi", "Dewi Lestari", "Rudi Hartono", "Yanti Susanti", "Bambang Irawan", "Nur Aisyah", "Hendra Wijaya", "Lina Marlina", "Agus Salim", "Rina Puspita", "Joko Prasetyo"];
const TEMPLATE_BODY = "Terima kasih atas laporan Anda. Mohon kirimkan foto resi perekaman KTP-el agar kami dapat menelusuri berkasnya.";

/**
 * The keyboard path from the staff home to a sent reply (ADR 034): staff home → "mine" tile →
 * first row → the composer (by its skip link) → template → insert → text → "send and mark waiting
 * for citizen". The header's sections come before the tile on every page, so this bound carries
 * them once; it fails when a page grows stops in front of the work. Measured on 2026-12-07: 21
 * (7 to the tile, 6 to the first row, 2 to the composer's skip link, 2 to the template, 1 to
 * "insert", 0 to the text, which takes the focus, 3 to the button); the bound leaves 3 for a
 * section more in the header.
 */
const MAX_TAB_STOPS_HOME_TO_REPLY = 24;

let browser: Browser;
let unitId = "";
let dinkesId = "";
let officerId = "";
const complaintIds: string[] = [];

beforeAll(async () => {
  await seedDemoAccounts(db(), { password: PASSWORD, mustChangePassword: false });
  unitId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "DISDUKCAPIL" } })).id;
  dinkesId = (await db().serviceUnit.findUniqueOrThrow({ where: { code: "DINKES" } })).id;
  officerId = (await db().user.findUniqueOrThrow({ where: { email: account("OFFICER").email } })).id;
  const product = await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } });
  const now = new Date();
  // Twelve complaints routed to Disdukcapil and given to nobody yet, as the routing worker leaves them.
  for (let n = 0; n < 12; n++) {
    const id = await fileComplaintAt(db(), now, {
      productId: product.id,
      description: `KTP-el saya belum dicetak setelah ${n + 2} minggu; petugas loket ${n % 2 ? "perekaman" : "pencetakan"} belum memberi kepastian.`,
      name: CITIZENS[n]!,
    });
    expect((await applyTransition(db(), { complaintId: id, action: "VERIFY", actor: "COORDINATOR", now })).ok).toBe(true);
    expect(await routeVerifiedComplaint(db(), id, { now })).toEqual({ routed: true, unitId });
    complaintIds.push(id);
  }
  await db().responseTemplate.create({ data: { unitId, title: "Minta resi perekaman", body: TEMPLATE_BODY } });

  // The liaison's case: Disdukcapil in Zona Kuning with a recommendation 37 days overdue; Dinkes graded A, no letter.
  await db().complianceAssessment.create({
    data: { year: 2025, method: "DIMENSI_2022", scope: "UNIT", subjectKey: "UNIT:DISDUKCAPIL", unitId, totalScore: 69.43, zone: "KUNING", grade: "C", source: "uji ruang kerja" },
  });
  await db().complianceAssessment.create({
    data: { year: 2025, method: "DIMENSI_2022", scope: "UNIT", subjectKey: "UNIT:DINKES", unitId: dinkesId, totalScore: 91.7, zone: "HIJAU", grade: "A", source: "uji ruang kerja" },
  });
  const liaisonId = (await db().user.findUniqueOrThrow({ where: { email: account("LIAISON").email } })).id;
  const day = (offset: number) => new Date(`${jakartaDate(new Date(now.getTime() + offset * 86_400_000))}T00:00:00Z`);
  await db().ombudsmanMatter.create({
    data: { kind: "RECOMMENDATION", reference: "REK-RUANG-KERJA-1", unitId, receivedOn: day(-97), dueOn: day(-37), recordedById: liaisonId },
  });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function desktop(javaScriptEnabled: boolean): Promise<BrowserContext> {
  // bypassCSP only with JavaScript on, where axe is injected into the page itself (browser.ts).
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, javaScriptEnabled, bypassCSP: javaScriptEnabled, locale: "id-ID" });
  context.setDefaultTimeout(10_000);
  return context;
}

async function signIn(context: BrowserContext, role: string, javaScript: boolean): Promise<Page> {
  const page = await context.newPage();
  await signInAsStaff(page, server.baseUrl, { email: account(role).email, password: PASSWORD, javaScript });
  return page;
}

async function checkPage(page: Page, shot: string) {
  await expectNoAxeViolations(page);
  const { scrollWidth, viewportWidth } = await horizontalOverflow(page);
  expect(scrollWidth, `${shot}: no sideways scroll`).toBeLessThanOrEqual(viewportWidth);
  await saveScreenshot(page, shot);
  // The first screen only, as a user sees the page on arrival: the README's pictures (docs/screenshots/).
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${shot}-screen.png`) });
}

const unassigned = () => db().complaint.findMany({ where: { id: { in: complaintIds }, assignedOfficerId: null }, select: { id: true }, orderBy: { id: "asc" } });

async function assignFive(page: Page, javaScript: boolean) {
  await page.goto(`${server.baseUrl}/staf/kotak-masuk?tampilan=belum-ditugaskan`);
  if (javaScript) await waitForHydration(page);
  const before = (await unassigned()).map((row) => row.id);
  await expect(page.getByTestId("inbox-row").count()).resolves.toBe(before.length);
  const chosen = before.slice(0, 5);
  for (const id of chosen) await page.check(`#pilih-${id}`);
  await page.selectOption("#bulk-officer", { label: account("OFFICER").name });
  await page.click("button[name=intent][value=bulk-assign]");
  await page.getByTestId("bulk-notice").waitFor();
  await expect(page.getByTestId("bulk-notice").textContent()).resolves.toContain("5");
  const assigned = await db().complaint.findMany({ where: { id: { in: chosen } }, select: { assignedOfficerId: true } });
  expect(assigned.map((row) => row.assignedOfficerId)).toEqual(chosen.map(() => officerId));
  expect((await unassigned()).length).toBe(before.length - 5);
  // The view shows what is still unassigned.
  await expect(page.getByTestId("inbox-row").count()).resolves.toBe(before.length - 5);
}

describe("the unit head gives five complaints to an officer in one action", () => {
  it("on a 360 px phone without JavaScript", async () => {
    const context = await newPhoneContext(browser, { javaScriptEnabled: false });
    try {
      const page = await signIn(context, "UNIT_HEAD", false);
      await checkPage(page, "workspace-home-head-360");
      await page.goto(`${server.baseUrl}/staf/kotak-masuk?tampilan=belum-ditugaskan`);
      await checkPage(page, "workspace-inbox-360");
      await assignFive(page, false);
      await checkPage(page, "workspace-inbox-assigned-360");
    } finally {
      await context.close();
    }
  });

  it("at 1366×768 with JavaScript", async () => {
    const context = await desktop(true);
    try {
      const page = await signIn(context, "UNIT_HEAD", true);
      const problems = await watchPageProblems(page);
      await checkPage(page, "workspace-home-head-1366");
      await assignFive(page, true);
      await checkPage(page, "workspace-inbox-1366");
      expect(problems.problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** Presses Tab until `selector` has the focus; returns how many presses it took (0: it has it already). */
async function tabTo(page: Page, selector: string, limit = 60): Promise<number> {
  if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return 0;
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return presses;
  }
  throw new Error(`${selector} not reached in ${limit} Tab presses (focus on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))})`);
}

describe("the officer answers from 'mine' with a template, by keyboard", () => {
  it("home → mine → complaint → template → 'send and mark waiting for citizen', within the Tab bound", async () => {
    const context = await desktop(true);
    try {
      const page = await signIn(context, "OFFICER", true);
      const problems = await watchPageProblems(page);
      await expect(page.getByTestId("workload-mine").getAttribute("data-count")).resolves.toBe("10");
      await checkPage(page, "workspace-home-officer-1366");

      // Counted from the top of a freshly loaded home page, header included.
      await page.goto(`${server.baseUrl}/staf`);
      await waitForHydration(page);
      const stops: Record<string, number> = {};
      stops.mineTile = await tabTo(page, '[data-testid="workload-mine"]');
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => url.searchParams.get("tampilan") === "saya");
      await page.getByTestId("inbox-row").first().waitFor();
      await waitForHydration(page);
      await expect(page.getByTestId("inbox-row").count()).resolves.toBe(10);
      stops.firstRow = await tabTo(page, '[data-testid="inbox-row"] a[href^="/staf/pengaduan/"]');
      const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute("href"));
      const complaintId = href!.split("/").pop()!;
      // The first row is the first stop after the views.
      const viewLinks = await page.locator('[data-testid="queue-views"] a').count();
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => url.pathname === `/staf/pengaduan/${complaintId}`);
      await page.getByTestId("composer").waitFor();
      await waitForHydration(page);

      stops.composerSkip = await tabTo(page, 'a[href="#composer"]');
      await page.keyboard.press("Enter");
      stops.template = await tabTo(page, "#templat");
      await page.keyboard.press("ArrowDown");
      stops.insert = await tabTo(page, '[data-testid="template-insert"]');
      await page.keyboard.press("Enter");
      await expect.poll(() => page.inputValue("#composer-message")).toContain(TEMPLATE_BODY);
      // The inserted text takes the focus, at its end.
      stops.text = await tabTo(page, "#composer-message");
      await page.keyboard.press("End");
      await page.keyboard.type(" Salam, Disdukcapil.");
      stops.send = await tabTo(page, '[data-testid="composer-send-await"]');
      await page.keyboard.press("Enter");

      await expect.poll(async () => (await db().complaint.findUniqueOrThrow({ where: { id: complaintId } })).status, { timeout: 10_000 }).toBe("AWAITING_CITIZEN");
      await page.getByTestId("status").filter({ hasText: "Menunggu jawaban pengadu" }).waitFor();
      const question = await db().complaintEvent.findFirstOrThrow({ where: { complaintId, type: "INFO_REQUESTED" } });
      expect(question.message).toBe(`${TEMPLATE_BODY} Salam, Disdukcapil.`);
      // Sent on an ASSIGNED complaint: the officer's acknowledgement came first, in the same request.
      expect(await db().complaintEvent.count({ where: { complaintId, type: "ACKNOWLEDGED", actorUserId: officerId } })).toBe(1);
      await checkPage(page, "workspace-complaint-1366");

      const total = Object.values(stops).reduce((sum, n) => sum + n, 0);
      expect(total, JSON.stringify(stops)).toBeLessThanOrEqual(MAX_TAB_STOPS_HOME_TO_REPLY);
      expect(stops.firstRow, "the first row follows the header and the views").toBeLessThanOrEqual(stops.mineTile + viewLinks + 1);
      expect(problems.problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the complaint page and the officer's queue read on a 360 px phone without JavaScript", async () => {
    const context = await newPhoneContext(browser, { javaScriptEnabled: false });
    try {
      const page = await signIn(context, "OFFICER", false);
      await checkPage(page, "workspace-home-officer-360");
      await page.goto(`${server.baseUrl}/staf/kotak-masuk?tampilan=saya`);
      await checkPage(page, "workspace-inbox-mine-360");
      await page.getByTestId("inbox-row").first().locator('a[href^="/staf/pengaduan/"]').click();
      await page.getByTestId("composer").waitFor();
      await checkPage(page, "workspace-complaint-360");
    } finally {
      await context.close();
    }
  });
});

describe("the liaison's dashboard leads with risk", () => {
  async function ranking(page: Page) {
    await page.goto(`${server.baseUrl}/staf/laporan`);
    await page.getByTestId("risk-row").first().waitFor();
    return page.getByTestId("risk-row").evaluateAll((rows) => rows.map((row) => ({ unit: row.getAttribute("data-unit"), level: row.getAttribute("data-level") })));
  }

  it("ranks Disdukcapil (Zona Kuning, a letter 37 days overdue) above Dinkes (grade A, no letter)", async () => {
    const context = await desktop(true);
    try {
      const page = await signIn(context, "LIAISON", true);
      await checkPage(page, "workspace-home-liaison-1366");
      const rows = await ranking(page);
      await waitForHydration(page);
      const dukcapil = rows.findIndex((row) => row.unit === unitId);
      expect(rows[dukcapil]?.level).toBe("red");
      // Dinkes is green: folded away below the ranked units, or listed after Disdukcapil.
      const dinkes = rows.findIndex((row) => row.unit === dinkesId);
      expect(dinkes === -1 || dinkes > dukcapil).toBe(true);
      expect(dukcapil).toBe(0);
      // Each row's risk label stays inside its own column (it once overflowed onto the reasons).
      const overlaps = await page.getByTestId("risk-row").evaluateAll((rows) =>
        rows.filter((row) => {
          const badge = row.querySelector(".risk-badge")?.getBoundingClientRect();
          const reasons = row.querySelector("td:last-child")?.getBoundingClientRect();
          return badge && reasons && badge.right > reasons.left + 1;
        }).length,
      );
      expect(overlaps).toBe(0);
      // The decisive columns are never behind a sideways scroll at 1366 px.
      const table = page.locator("table.risk-table").first();
      await expect(table.evaluate((node) => node.scrollWidth <= (node.parentElement?.clientWidth ?? 0) + 1)).resolves.toBe(true);
      await checkPage(page, "workspace-liaison-1366");
    } finally {
      await context.close();
    }
  });

  it("reads on a 360 px phone without JavaScript", async () => {
    const context = await newPhoneContext(browser, { javaScriptEnabled: false });
    try {
      const page = await signIn(context, "LIAISON", false);
      const rows = await ranking(page);
      expect(rows[0]?.unit).toBe(unitId);
      await checkPage(page, "workspace-liaison-360");
    } finally {
      await context.close();
    }
  });
});
