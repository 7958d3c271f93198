// Similar reports while filing (#14 item 5, ADR 038): open, verified PUBLIC/ANONIM reports of the
// same product or with a pin within 300 m, at most five, never RAHASIA and never an identity; with
// JavaScript through /lapor/serupa, without it as a step between the form and the receipt that
// keeps everything typed.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSimilarReports } from "~/domain/complaints/similar-reports.server";
import { SIMILAR_LIMIT } from "~/domain/support/support";
import { expectNoAxeViolations, horizontalOverflow, launchBrowser, newPhoneContext, saveScreenshot, useTestServer, waitForHydration } from "./e2e/support/browser";
import { complaintFields, fileComplaintAt, toFormData } from "./support/complaint-form";
import { renderedHtml } from "./support/html";

process.env.TRUST_PROXY = "1";
const server = useTestServer();
const db = () => server.database.db;

// Around Alun-Alun Taman Merdeka, Pangkalpinang.
const CENTRE = { latitude: -2.1291, longitude: 106.1134 };
/** A point `meters` north of CENTRE (one degree of latitude is ~111.32 km). */
const north = (meters: number) => ({ latitude: CENTRE.latitude + meters / 111_320, longitude: CENTRE.longitude });

let productA: string;
let productB: string;
let productC: string;

async function report(
  productId: string,
  {
    status = "IN_PROGRESS",
    verified = true,
    visibility = "PUBLIC",
    at = null,
    description,
    name = "Warga Uji",
  }: { status?: "IN_PROGRESS" | "SUBMITTED" | "CLOSED"; verified?: boolean; visibility?: "PUBLIC" | "ANONIM" | "RAHASIA"; at?: { latitude: number; longitude: number } | null; description?: string; name?: string } = {},
): Promise<string> {
  const id = await fileComplaintAt(db(), new Date(), { productId, visibility, name, ...(description ? { description } : {}) });
  const row = await db().complaint.update({
    where: { id },
    data: { status, verifiedAt: verified ? new Date() : null, latitude: at?.latitude ?? null, longitude: at?.longitude ?? null },
    select: { trackingCode: true },
  });
  return row.trackingCode;
}

beforeAll(async () => {
  const products = await db().serviceProduct.findMany({ select: { id: true }, orderBy: { code: "asc" }, take: 3, where: { code: { not: "DUKCAPIL-KTP-EL" } } });
  [productA, productB, productC] = products.map((p) => p.id) as [string, string, string];
});

describe("which reports are similar", () => {
  it("same product: open, verified PUBLIC and ANONIM only, never RAHASIA, unverified or closed; at most five", async () => {
    const open = [];
    for (let i = 0; i < 6; i += 1) open.push(await report(productA));
    const anonim = await report(productA, { visibility: "ANONIM", description: "Lampu jalan mati, kata Budi Santoso 0812 3456 7890." , name: "Budi Santoso" });
    const secret = await report(productA, { visibility: "RAHASIA" });
    const unverified = await report(productA, { status: "SUBMITTED", verified: false });
    const closed = await report(productA, { status: "CLOSED" });
    const found = await findSimilarReports(db(), { productId: productA, point: null });
    const codes = found.map((r) => r.trackingCode);
    expect(found).toHaveLength(SIMILAR_LIMIT);
    for (const code of [secret, unverified, closed]) expect(codes).not.toContain(code);
    expect([...open, anonim]).toEqual(expect.arrayContaining(codes));
    const json = JSON.stringify(await findSimilarReports(db(), { productId: productA, point: null }));
    expect(json).not.toContain("Budi");
    expect(json).not.toContain("3456");
    expect(json).not.toContain("Warga Uji");
  });

  it("a pin within 300 m, whatever the product; not at 400 m; nearest first with its distance", async () => {
    const near = await report(productB, { at: north(120) });
    const nearer = await report(productC, { at: north(40) });
    const far = await report(productB, { at: north(400) });
    const secretNear = await report(productB, { at: north(10), visibility: "RAHASIA" });
    const found = await findSimilarReports(db(), { productId: null, point: CENTRE });
    expect(found.map((r) => r.trackingCode)).toEqual([nearer, near]);
    expect(found[0]!.distanceMeters).toBe(40);
    expect(found.map((r) => r.trackingCode)).not.toContain(far);
    expect(found.map((r) => r.trackingCode)).not.toContain(secretNear);
  });

  it("answers nothing for nothing chosen and ignores a product id that is not one", async () => {
    expect(await findSimilarReports(db(), { productId: null, point: null })).toEqual([]);
    expect(await findSimilarReports(db(), { productId: "'; DROP TABLE complaint; --", point: null })).toEqual([]);
  });
});

describe("/lapor/serupa and the step without JavaScript", () => {
  it("the resource route answers JSON, never a 500 on junk", async () => {
    const ok = await fetch(`${server.baseUrl}/lapor/serupa?productId=${productA}`);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { reports: unknown[] }).reports.length).toBeGreaterThan(0);
    for (const junk of ["latitude=abc&longitude=1e999", "productId=x&latitude=-2.1&longitude=", "productId[]=1", `latitude=${"9".repeat(40)}&longitude=1`]) {
      const response = await fetch(`${server.baseUrl}/lapor/serupa?${junk}`);
      expect(response.status, junk).toBe(200);
    }
  });

  it("shows the step with every typed value kept and nothing stored; 'mine is different' files it", async () => {
    const kelurahan = await db().region.findFirstOrThrow({ where: { kind: "KELURAHAN" } });
    const place = { productId: productA, kecamatanCode: kelurahan.parentCode!, kelurahanCode: kelurahan.code };
    // As a citizen's first send: no decision about similar reports yet.
    const fields = complaintFields(place, { description: "Jalan berlubang di depan pasar sudah sebulan.", address: "Jl. Masjid Jamik", similarDecision: undefined });
    const before = await db().complaint.count();
    const step = await fetch(`${server.baseUrl}/lapor`, { method: "POST", body: toFormData(fields, [{ name: "foto.png", bytes: PNG, type: "image/png" }]), headers: { "x-forwarded-for": "10.55.0.1" } });
    expect(step.status).toBe(200);
    const html = renderedHtml(await step.text());
    expect(html).toContain('data-testid="similar-continue"');
    expect(html).toContain('name="similarDecision" value="different"');
    for (const name of ["description", "address", "name", "email", "phone", "idempotencyKey", "formStartedAt", "productId"]) {
      expect(html, name).toContain(`name="${name}" value="${escapeHtml(fields[name]!)}"`);
    }
    // Files cannot be carried over: the step asks for them again.
    expect(html).toMatch(/name="attachments" type="file"/);
    expect(html).toMatch(/\/laporan-warga\/LPK-[0-9A-Z-]+\/dukung/);
    expect(await db().complaint.count(), "nothing is filed before the citizen decides").toBe(before);

    const filed = await fetch(`${server.baseUrl}/lapor`, { method: "POST", body: toFormData({ ...fields, similarDecision: "different" }), headers: { "x-forwarded-for": "10.55.0.1" } });
    expect(filed.status).toBe(200);
    expect(renderedHtml(await filed.text())).toContain('data-testid="tracking-code"');
    expect(await db().complaint.count()).toBe(before + 1);
  });

  it("files directly when nothing similar is open", async () => {
    const lonely = await db().serviceProduct.findFirstOrThrow({ where: { id: { notIn: [productA, productB, productC] }, code: { not: "DUKCAPIL-KTP-EL" } }, orderBy: { code: "desc" } });
    const kelurahan = await db().region.findFirstOrThrow({ where: { kind: "KELURAHAN" } });
    const fields = complaintFields({ productId: lonely.id, kecamatanCode: kelurahan.parentCode!, kelurahanCode: kelurahan.code });
    const response = await fetch(`${server.baseUrl}/lapor`, { method: "POST", body: toFormData(fields), headers: { "x-forwarded-for": "10.55.0.2" } });
    expect(renderedHtml(await response.text())).toContain('data-testid="tracking-code"');
  });
});

describe("in Chromium at 360 px", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    // Open public reports of the service the citizen will choose (whatever the tests above left).
    await report(productA);
    await report(productA, { visibility: "ANONIM" });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const fits = async (page: Page) => {
    const { scrollWidth, viewportWidth } = await horizontalOverflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(viewportWidth);
  };

  it("with JavaScript: choosing the service lists similar reports; supporting one lands on its page with the count raised", async () => {
    const context = await newPhoneContext(browser, { javaScriptEnabled: true, bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/lapor`);
      await waitForHydration(page);
      await page.selectOption("#productId", productA);
      await page.locator("[data-testid=similar-report]").first().waitFor();
      expect(await page.locator("[data-testid=similar-report]").count()).toBeLessThanOrEqual(5);
      await expect(page.locator("input[name=similarDecision]").getAttribute("value")).resolves.toBe("seen");
      await fits(page);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, "lapor-similar-360");
      const code = (await page.locator("[data-testid=similar-report] code").first().textContent())!;
      const before = (await db().complaint.findUniqueOrThrow({ where: { trackingCode: code }, select: { supportCount: true } })).supportCount;
      await page.locator("[data-testid=similar-report] button").first().click();
      await page.waitForURL((url) => url.pathname === `/laporan-warga/${code}` && url.searchParams.get("dukung") === "added");
      await page.locator("[data-testid=support-outcome]").waitFor();
      await expectNoAxeViolations(page);
      const after = (await db().complaint.findUniqueOrThrow({ where: { trackingCode: code }, select: { supportCount: true } })).supportCount;
      expect(after).toBe(before + 1);
    } finally {
      await context.close();
    }
  });

  it("without JavaScript: the step keeps everything, passes axe, and 'mine is different' gives the receipt", async () => {
    const context = await newPhoneContext(browser, { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/lapor`);
      const startedAt = Number((await page.inputValue("input[name=formStartedAt]")).split(".")[0]);
      await page.selectOption("#productId", productA);
      await page.fill("#description", "Lampu penerangan jalan di depan sekolah mati sejak dua minggu.");
      await page.fill("#incidentDate", "2026-11-10");
      await page.fill("#name", "Rahmat Hidayat");
      await page.fill("#phone", "0812 7777 1234");
      await page.check("#visibility-PUBLIC");
      await page.check("#consent");
      // The honeypot refuses forms sent within two seconds of rendering.
      // The page runs no script here, so the wait is for that known moment, computed in the test.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, startedAt + 2_100 - Date.now())));
      await page.click("button[type=submit]:has-text('Kirim pengaduan')");
      await expect(page.locator("h1").textContent()).resolves.toBe("Laporan serupa");
      await expect(page.locator("input[name=description]").inputValue()).resolves.toBe("Lampu penerangan jalan di depan sekolah mati sejak dua minggu.");
      await fits(page);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, "lapor-similar-step-360");
      await page.click("button[type=submit]:has-text('Laporan saya berbeda, lanjutkan')");
      await page.locator("[data-testid=tracking-code]").waitFor();
    } finally {
      await context.close();
    }
  });
});

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// A 1×1 PNG.
const PNG = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"),
);
