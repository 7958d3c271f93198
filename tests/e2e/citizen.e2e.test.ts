// A citizen on a 360 px phone with JavaScript turned off files a complaint (after one mistake),
// keeps the receipt, tracks the complaint with code and PIN, and answers the unit's question.
// Every page on the way is checked with axe-core (WCAG 2.1 AA) and photographed.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { HONEYPOT_MIN_AGE_MS } from "~/services/honeypot.server";
import { fileComplaintAt } from "../support/complaint-form";
import { expectNoAxeViolations, horizontalOverflow, launchBrowser, newPhoneContext, saveScreenshot, useTestServer } from "./support/browser";

const server = useTestServer();
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newPhoneContext(browser, { javaScriptEnabled: false, locale: "id-ID" });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

async function expectFitsPhone() {
  await expectFitsPhoneIn(page);
}

async function expectFitsPhoneIn(tab: Page) {
  const { scrollWidth, viewportWidth } = await horizontalOverflow(tab);
  expect(scrollWidth).toBeLessThanOrEqual(viewportWidth);
}

describe("citizen without JavaScript", () => {
  let trackingCode = "";
  let pin = "";

  it("files a complaint, fixing a mistake without retyping anything", async () => {
    await page.goto(`${server.baseUrl}/lapor`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Buat pengaduan");
    await expectFitsPhone();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "lapor-form-360");

    await page.selectOption("#productId", { label: "Penerbitan KTP Elektronik (baru, rusak, hilang, perubahan data)" });
    await page.fill("#description", "Terlalu pendek");
    await page.fill("#incidentDate", "2026-11-10");
    await page.fill("#name", "Rahmat Hidayat");
    await page.fill("#phone", "0812 7777 1234");
    await page.check("#visibility-ANONIM");
    await page.check("#consent");
    // People take more than two seconds to write a complaint; the honeypot's timer knows it.
    await page.waitForTimeout(2_100);
    await page.click("button[type=submit]:has-text('Kirim pengaduan')");

    await expect(page.locator(".field__error").first().textContent()).resolves.toBe("Uraian minimal 20 karakter.");
    await expect(page.inputValue("#name")).resolves.toBe("Rahmat Hidayat");
    await expect(page.inputValue("#phone")).resolves.toBe("0812 7777 1234");
    await expect(page.isChecked("#visibility-ANONIM")).resolves.toBe(true);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "lapor-errors-360");

    await page.fill("#description", "Sudah tiga minggu KTP-el saya belum dicetak, padahal dijanjikan selesai dalam tujuh hari kerja.");
    await page.setInputFiles("#attachments", {
      name: "tanda-terima.png",
      mimeType: "image/png",
      buffer: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(512, 1)]),
    });
    await page.click("button[type=submit]:has-text('Kirim pengaduan')");

    await page.getByRole("heading", { level: 1, name: "Pengaduan terkirim" }).waitFor().catch(async (error) => {
      throw new Error(`${error.message}\n${(await page.textContent("main"))?.slice(0, 1500)}`);
    });
    trackingCode = (await page.getByTestId("tracking-code").textContent()) ?? "";
    pin = (await page.getByTestId("tracking-pin").textContent()) ?? "";
    expect(trackingCode).toMatch(/^LPK-/);
    expect(pin).toMatch(/^\d{6}$/);
    await expectFitsPhone();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "lapor-receipt-360");

    const stored = await server.database.db.complaint.findUniqueOrThrow({ where: { trackingCode }, include: { attachments: true } });
    expect(stored.visibility).toBe("ANONIM");
    expect(stored.attachments).toHaveLength(1);
  });

  it("tracks the complaint with code and PIN", async () => {
    await page.getByRole("link", { name: "Lacak pengaduan ini" }).click();
    await expect(page.inputValue("#kode")).resolves.toBe(trackingCode);
    await expectNoAxeViolations(page);
    await page.fill("#pin", pin);
    await page.click("button[type=submit]:has-text('Lihat pengaduan')");

    await page.getByRole("heading", { level: 1, name: "Status pengaduan" }).waitFor();
    await expect(page.getByTestId("status").textContent()).resolves.toBe("Diterima, menunggu verifikasi");
    await expect(page.getByTestId("due").textContent()).resolves.toMatch(/WIB$/);
    const body = (await page.textContent("main")) ?? "";
    expect(body).not.toContain("Rahmat Hidayat");
    expect(body).not.toContain("0812");
    await expectFitsPhone();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "lacak-status-360");
  });

  it("answers the unit's question, which the timeline then shows", async () => {
    const complaint = await server.database.db.complaint.findUniqueOrThrow({ where: { trackingCode } });
    for (const [action, actor, message] of [
      ["VERIFY", "COORDINATOR"],
      ["ASSIGN", "SYSTEM"],
      ["ACKNOWLEDGE", "OFFICER"],
      ["REQUEST_INFO", "OFFICER", "Mohon sebutkan nomor antrean Anda."],
    ] as const) {
      const outcome = await applyTransition(server.database.db, { complaintId: complaint.id, action, actor, message, now: new Date() });
      expect(outcome.ok).toBe(true);
    }
    await page.reload();
    await expect(page.getByTestId("status").textContent()).resolves.toBe("Menunggu jawaban Anda");
    await expect(page.textContent("main")).resolves.toContain("Mohon sebutkan nomor antrean Anda.");
    await expectNoAxeViolations(page);

    await page.fill("#reply-message", "Nomor antrean saya A-117.");
    await page.click("button[type=submit]:has-text('Kirim jawaban')");
    await page.getByText("Jawaban Anda terkirim.").waitFor();
    // Waits for the timeline to show it: once (seen once in ~10 runs) the notice was up before the page's data was revalidated.
    await page.locator("ol.timeline").getByText("Nomor antrean saya A-117.").waitFor();
    await expect(page.getByTestId("status").textContent()).resolves.toBe("Sedang ditangani");
    await saveScreenshot(page, "lacak-replied-360");
  });

  it("reads the whole journey in English too", async () => {
    await page.getByRole("button", { name: "English", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Complaint status" }).waitFor();
    await expect(page.getByTestId("status").textContent()).resolves.toBe("Being handled");
    await expectNoAxeViolations(page);
  });
});

/** Until the form's own signed start time is old enough for the spam check (people are not that fast). */
async function waitUntilFormIsOldEnough(form: Page) {
  const startedAt = Number((await form.inputValue("input[name=formStartedAt]")).split(".")[0]);
  await vi.waitUntil(() => Date.now() - startedAt > HONEYPOT_MIN_AGE_MS + 100, { timeout: 5_000, interval: 50 });
}

describe("citizen without JavaScript: a refused attachment, and a withdrawal that takes a confirmation", () => {
  let own: BrowserContext;
  let tab: Page;
  let trackingCode = "";
  let pin = "";

  beforeAll(async () => {
    own = await newPhoneContext(browser, { javaScriptEnabled: false, locale: "id-ID" });
    tab = await own.newPage();
  });

  afterAll(async () => {
    await own?.close();
  });

  const status = async () => (await server.database.db.complaint.findUniqueOrThrow({ where: { trackingCode } })).status;

  it("says plainly that a disguised file could not be read and must be chosen again, keeping everything typed", async () => {
    await tab.goto(`${server.baseUrl}/lapor`);
    await tab.selectOption("#productId", { label: "Penerbitan Akta Kelahiran" });
    await tab.fill("#description", "Akta kelahiran anak saya belum terbit setelah dua minggu tanpa kabar dari petugas.");
    await tab.fill("#incidentDate", "2026-11-12");
    await tab.fill("#address", "Gang Melati 3, dekat masjid");
    await tab.fill("#name", "Nur Aisyah");
    await tab.fill("#phone", "0812 5555 0101");
    await tab.check("#consent");
    await tab.setInputFiles("#attachments", {
      name: "akta.jpg",
      mimeType: "image/jpeg",
      buffer: Buffer.from("MZ\x90\x00 this is a windows program, not a photo", "latin1"),
    });
    await waitUntilFormIsOldEnough(tab);
    await tab.click("button[type=submit]:has-text('Kirim pengaduan')");

    const error = tab.locator("#attachments-error");
    await error.waitFor();
    const message = (await error.textContent()) ?? "";
    expect(message).toContain("Berkas yang Anda pilih tidak dapat dibaca sebagai foto atau PDF.");
    expect(message).toContain("Pilih lagi semua lampiran Anda: browser tidak menyimpan berkas yang sudah dipilih.");
    expect(message).not.toContain("tersimpan");
    await expect(tab.locator(".error-summary a[href='#attachments']").textContent()).resolves.toBe(`Lampiran: ${message}`);
    // Everything typed is still there; the file input, as in every browser, is empty.
    await expect(tab.inputValue("#description")).resolves.toBe("Akta kelahiran anak saya belum terbit setelah dua minggu tanpa kabar dari petugas.");
    await expect(tab.inputValue("#address")).resolves.toBe("Gang Melati 3, dekat masjid");
    await expect(tab.inputValue("#name")).resolves.toBe("Nur Aisyah");
    await expect(tab.inputValue("#phone")).resolves.toBe("0812 5555 0101");
    await expect(tab.isChecked("#consent")).resolves.toBe(true);
    await expect(tab.inputValue("#attachments")).resolves.toBe("");
    await expectNoAxeViolations(tab);
    await saveScreenshot(tab, "lapor-attachment-refused-360");

    await tab.setInputFiles("#attachments", {
      name: "akta.png",
      mimeType: "image/png",
      buffer: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(512, 1)]),
    });
    await tab.click("button[type=submit]:has-text('Kirim pengaduan')");
    await tab.getByRole("heading", { level: 1, name: "Pengaduan terkirim" }).waitFor();
    trackingCode = (await tab.getByTestId("tracking-code").textContent()) ?? "";
    pin = (await tab.getByTestId("tracking-pin").textContent()) ?? "";
    const stored = await server.database.db.complaint.findUniqueOrThrow({ where: { trackingCode }, include: { attachments: true } });
    expect(stored.address).toBe("Gang Melati 3, dekat masjid");
    expect(stored.attachments).toHaveLength(1);
  });

  it("a double tap files one complaint, and the answer the browser keeps (the second) still shows the PIN", async () => {
    const form = await own.newPage();
    try {
      const description = "Antrean rekam KTP-el dibuka terlambat dua jam tanpa pemberitahuan (ketuk dua kali).";
      await form.goto(`${server.baseUrl}/lapor`);
      await form.selectOption("#productId", { label: "Penerbitan KTP Elektronik (baru, rusak, hilang, perubahan data)" });
      await form.fill("#description", description);
      await form.fill("#incidentDate", "2026-11-12");
      await form.fill("#name", "Nur Aisyah");
      await form.fill("#phone", "0812 5555 0101");
      await form.check("#consent");
      await waitUntilFormIsOldEnough(form);
      // An open, verified KTP-el report (earlier tests leave some; this one makes sure), so without
      // JavaScript the form first shows it (ADR 038) and the button that files is "mine is
      // different": the double tap lands there.
      const similar = await fileComplaintAt(server.database.db, new Date(), { productId: (await server.database.db.serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } })).id });
      expect((await applyTransition(server.database.db, { complaintId: similar, action: "VERIFY", actor: "COORDINATOR", now: new Date() })).ok).toBe(true);
      await form.click("button[type=submit]:has-text('Kirim pengaduan')");
      await form.getByRole("heading", { name: "Laporan serupa" }).waitFor();
      const fileButton = form.locator("button[type=submit]:has-text('Laporan saya berbeda, lanjutkan')");
      await waitUntilFormIsOldEnough(form);
      // The first tap's request reaches the server and is filed, but its answer is held back until the
      // second tap, which makes the browser drop it: what a slow connection does to a double tap.
      let firstAnswer = "";
      let secondTap!: () => void;
      const secondTapped = new Promise<void>((resolve) => (secondTap = resolve));
      let posts = 0;
      await form.route(
        (url) => url.pathname === "/lapor",
        async (route) => {
          if (route.request().method() !== "POST") return route.continue();
          posts += 1;
          if (posts > 1) {
            secondTap();
            return route.continue();
          }
          const response = await route.fetch();
          firstAnswer = await response.text();
          await secondTapped;
          await route.fulfill({ response }).catch(() => {}); // the browser has moved on
        },
      );
      const filed = () => server.database.db.complaint.count({ where: { description } });
      await fileButton.scrollIntoViewIfNeeded();
      const button = (await fileButton.boundingBox())!;
      await form.touchscreen.tap(button.x + button.width / 2, button.y + button.height / 2);
      await vi.waitUntil(async () => (await filed()) === 1 && firstAnswer !== "", { timeout: 10_000, interval: 50 });
      await form.touchscreen.tap(button.x + button.width / 2, button.y + button.height / 2);

      await form.getByRole("heading", { level: 1, name: "Pengaduan terkirim" }).waitFor();
      expect(posts).toBe(2);
      const shownPin = (await form.getByTestId("tracking-pin").textContent()) ?? "";
      expect(shownPin).toMatch(/^\d{6}$/);
      expect(firstAnswer).toContain(`data-testid="tracking-pin">${shownPin}<`);
      expect(await filed()).toBe(1);
    } finally {
      await form.close();
    }
  });

  it("offers withdrawal as a secondary link whose first tap withdraws nothing, and Batal leaves the complaint as it was", async () => {
    await tab.goto(`${server.baseUrl}/lacak?kode=${encodeURIComponent(trackingCode)}`);
    await tab.fill("#pin", pin);
    await tab.click("button[type=submit]:has-text('Lihat pengaduan')");
    await tab.getByRole("heading", { level: 1, name: "Status pengaduan" }).waitFor();
    await expect(tab.getByRole("button", { name: "Cabut pengaduan" }).count()).resolves.toBe(0);
    const start = tab.getByRole("link", { name: "Cabut pengaduan" });
    await expect(start.getAttribute("class")).resolves.toContain("button--secondary");
    await start.click();

    await tab.getByRole("heading", { level: 1, name: "Yakin ingin mencabut pengaduan ini?" }).waitFor();
    expect(await status()).toBe("SUBMITTED");
    await expect(tab.getByRole("button", { name: "Ya, cabut pengaduan" }).getAttribute("class")).resolves.toContain("button--warning");
    await expectFitsPhoneIn(tab);
    await expectNoAxeViolations(tab);
    await saveScreenshot(tab, "lacak-withdraw-confirm-360");

    await tab.fill("#withdraw-reason", "Tidak jadi");
    await tab.getByRole("link", { name: "Batal" }).click();
    await tab.getByRole("heading", { level: 1, name: "Status pengaduan" }).waitFor();
    await expect(tab.getByTestId("status").textContent()).resolves.toBe("Diterima, menunggu verifikasi");
    expect(await status()).toBe("SUBMITTED");
  });

  it("withdraws on the confirmation step's warning button, with the reason given", async () => {
    await tab.getByRole("link", { name: "Cabut pengaduan" }).click();
    await tab.getByRole("heading", { level: 1, name: "Yakin ingin mencabut pengaduan ini?" }).waitFor();
    await tab.fill("#withdraw-reason", "Akta sudah terbit kemarin.");
    await tab.getByRole("button", { name: "Ya, cabut pengaduan" }).click();

    await tab.getByRole("status").filter({ hasText: "Pengaduan dicabut." }).waitFor();
    await expect(tab.getByTestId("status").textContent()).resolves.toBe("Dicabut");
    await tab.locator("ol.timeline").getByText("Akta sudah terbit kemarin.").waitFor();
    await expect(tab.getByRole("link", { name: "Cabut pengaduan" }).count()).resolves.toBe(0);
    const withdrawn = await server.database.db.complaint.findUniqueOrThrow({ where: { trackingCode }, include: { events: { orderBy: { id: "asc" } } } });
    expect(withdrawn.status).toBe("WITHDRAWN");
    expect(withdrawn.events.at(-1)).toMatchObject({ type: "WITHDRAWN", message: "Akta sudah terbit kemarin." });
    await expectNoAxeViolations(tab);
  });
});

describe("citizen with JavaScript", () => {
  it("files a complaint through the enhanced form: search narrows the services, errors show, the receipt follows", async () => {
    const jsContext = await newPhoneContext(browser, { javaScriptEnabled: true, locale: "id-ID", bypassCSP: true });
    const jsPage = await jsContext.newPage();
    try {
      await jsPage.goto(`${server.baseUrl}/lapor`);
      await jsPage.locator("#productSearch").waitFor();
      await jsPage.fill("#productSearch", "akta kelahiran");
      await expect(jsPage.locator("#productId option").count()).resolves.toBe(2); // the placeholder and one match
      await jsPage.selectOption("#productId", { label: "Penerbitan Akta Kelahiran" });
      await jsPage.fill("#description", "pendek");
      await jsPage.fill("#incidentDate", "2026-11-12");
      await jsPage.fill("#name", "Dewi Lestari");
      await jsPage.fill("#email", "dewi@example.test");
      await jsPage.check("#consent");
      await jsPage.waitForTimeout(2_100);
      await jsPage.click("button[type=submit]:has-text('Kirim pengaduan')");
      await jsPage.getByText("Uraian minimal 20 karakter.").first().waitFor();
      await expect(jsPage.inputValue("#name")).resolves.toBe("Dewi Lestari");
      await jsPage.fill("#description", "Akta kelahiran anak saya belum terbit setelah dua minggu tanpa kabar.");
      await jsPage.click("button[type=submit]:has-text('Kirim pengaduan')");
      await jsPage.getByRole("heading", { level: 1, name: "Pengaduan terkirim" }).waitFor();
      await expect(jsPage.getByTestId("tracking-pin").textContent()).resolves.toMatch(/^\d{6}$/);
      await expectNoAxeViolations(jsPage);
    } finally {
      await jsContext.close();
    }
  });
});
