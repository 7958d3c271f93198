// The home page, the language switch and the 404 page in a real Chromium on a 360 px phone, with
// JavaScript off and on: content, layout, WCAG 2.1 AA (axe-core), and, with JavaScript, that the
// enforced nonce CSP lets the app hydrate without a single console error.
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const ID_TITLE = "Sampaikan pengaduan pelayanan publik";
const EN_TITLE = "Report a problem with a public service";

async function h1(page: Page): Promise<string> {
  return ((await page.locator("h1").first().textContent()) ?? "").trim();
}

async function htmlLang(page: Page): Promise<string | null> {
  return page.locator("html").getAttribute("lang");
}

/** Clicks the language button and waits for the page in the other language; returns the form's request. */
async function switchLanguage(page: Page, button: string, expectedTitle: string): Promise<Request> {
  const post = page.waitForRequest((request) => request.method() === "POST" && new URL(request.url()).pathname === "/bahasa");
  await page.getByRole("button", { name: button, exact: true }).click();
  const request = await post;
  await page.getByRole("heading", { level: 1, name: expectedTitle }).waitFor();
  return request;
}

describe.each([
  { javaScriptEnabled: false, label: "without JavaScript", tag: "nojs" },
  { javaScriptEnabled: true, label: "with JavaScript", tag: "js" },
])("home page on a 360 px phone $label", ({ javaScriptEnabled, tag }) => {
  // bypassCSP lets expectNoAxeViolations inject axe; the CSP itself is checked in the block below.
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await newPhoneContext(browser, { javaScriptEnabled, locale: "id-ID", bypassCSP: true });
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

  it("shows the Bahasa Indonesia home page without sideways scrolling and with no WCAG violations", async () => {
    await context.clearCookies();
    const response = await open("/");
    expect(response?.status()).toBe(200);
    expect(await htmlLang(page)).toBe("id");
    expect(await h1(page)).toBe(ID_TITLE);
    const { scrollWidth } = await horizontalOverflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, `home-id-${tag}`);
  });

  it("switches to English with the plain form button, and the English page has no WCAG violations", async () => {
    await context.clearCookies();
    await open("/");
    const request = await switchLanguage(page, "English", EN_TITLE);
    // A document navigation (a native form post), not a fetch: it works without JavaScript.
    expect(request.resourceType()).toBe("document");
    if (javaScriptEnabled) await waitForHydration(page);
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await htmlLang(page)).toBe("en");
    expect(await h1(page)).toBe(EN_TITLE);
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, `home-en-${tag}`);
    // And back, with the button that is now labelled in Indonesian.
    await switchLanguage(page, "Bahasa Indonesia", ID_TITLE);
    expect(await htmlLang(page)).toBe("id");
  });

  it("answers an unknown page with a 404 page that has no WCAG violations", async () => {
    await context.clearCookies();
    const response = await open("/tidak-ada");
    expect(response?.status()).toBe(404);
    expect(await htmlLang(page)).toBe("id");
    expect(await page.locator("main").textContent()).toContain("Halaman tidak ditemukan.");
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, `not-found-${tag}`);
  });
});

describe("with JavaScript and the CSP enforced", () => {
  it("hydrates every page with no console error, uncaught exception or CSP violation", async () => {
    const context = await newPhoneContext(browser, { javaScriptEnabled: true, locale: "id-ID" });
    try {
      const page = await context.newPage();
      const watcher = await watchPageProblems(page);
      const notFoundUrl = `${server.baseUrl}/tidak-ada`;

      const home = await page.goto(`${server.baseUrl}/`);
      expect(home?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
      await waitForHydration(page);
      const notFound = await page.goto(notFoundUrl);
      expect(notFound?.status()).toBe(404);
      await waitForHydration(page);
      // The 404 page's link home is followed by the client-side router, without a document
      // request: proof that the nonce'd bundle runs.
      const documents: string[] = [];
      page.on("request", (request) => void (request.resourceType() === "document" && documents.push(request.url())));
      await page.getByRole("link", { name: "Kembali ke beranda", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: ID_TITLE }).waitFor();
      expect(documents).toEqual([]);
      expect(new URL(page.url()).pathname).toBe("/");
      // The language switch stays a document POST with JavaScript too; the new page hydrates.
      await switchLanguage(page, "English", EN_TITLE);
      await waitForHydration(page);
      expect(await htmlLang(page)).toBe("en");

      // Chromium logs every 404 it loads as a console error: the 404 page we asked for, and
      // /favicon.ico, which it requests by itself and the app does not have (yet). Nothing else.
      const expected404s = new Set(
        [notFoundUrl, `${server.baseUrl}/favicon.ico`].map((url) => `console.error: Failed to load resource: the server responded with a status of 404 (Not Found) (${url})`),
      );
      const problems = watcher.problems().filter((line) => !expected404s.has(line));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("hydrates an error page the root loader did not run for (a refused post) in the visitor's language, and leaves it client-side", async () => {
    const context = await newPhoneContext(browser, { javaScriptEnabled: true, locale: "en-GB" });
    try {
      await context.addCookies([{ name: "lang", value: "en", url: server.baseUrl }]);
      const page = await context.newPage();
      const watcher = await watchPageProblems(page);
      await page.goto(`${server.baseUrl}/`);
      await waitForHydration(page);
      // A plain document POST to a page without an action: the router answers 405 before any
      // loader runs, so the words come from entry.server.tsx and hydrate from the page itself.
      const refused = page.waitForResponse((response) => response.request().resourceType() === "document" && response.request().method() === "POST");
      await page.evaluate(() => {
        const form = document.createElement("form");
        form.method = "post";
        form.action = "/";
        document.body.append(form);
        form.submit();
      });
      expect((await refused).status()).toBe(405);
      await page.getByRole("heading", { level: 1, name: "Something went wrong" }).waitFor();
      await waitForHydration(page);
      expect(await htmlLang(page)).toBe("en");
      const documents: string[] = [];
      page.on("request", (request) => void (request.resourceType() === "document" && documents.push(request.url())));
      await page.getByRole("link", { name: "Back to the home page", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: EN_TITLE }).waitFor();
      expect(documents).toEqual([]);
      const expected405 = `console.error: Failed to load resource: the server responded with a status of 405 (Method Not Allowed) (${server.baseUrl}/)`;
      const problems = watcher.problems().filter((line) => line !== expected405 && !line.includes("/favicon.ico"));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("the checks themselves", () => {
  // No lang, faint text; an unnamed button only a browser without JavaScript shows; an image
  // without alt text only JavaScript adds. So each mode must report exactly its own violations.
  const BROKEN_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>broken</title></head><body><main>
    <h1>Broken on purpose</h1>
    <p id="faint" style="color:#bbbbbb;background:#ffffff">faint text</p>
    <noscript><button id="unnamed"></button></noscript>
    <script>const img = document.createElement("img"); img.id = "no-alt"; img.src = "data:,"; document.querySelector("main").append(img);</script>
  </main></body></html>`;

  it.each([
    { javaScriptEnabled: false, only: "button-name", never: "image-alt" },
    { javaScriptEnabled: true, only: "image-alt", never: "button-name" },
  ])("fails with a readable list of violations (JavaScript enabled: $javaScriptEnabled)", async ({ javaScriptEnabled, only, never }) => {
    const context = await newPhoneContext(browser, { javaScriptEnabled, bypassCSP: true });
    try {
      const page = await context.newPage();
      const url = `${server.baseUrl}/__axe-self-test`;
      await page.route((candidate) => candidate.href === url, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: BROKEN_PAGE }));
      await page.goto(url);
      const failure = await expectNoAxeViolations(page).then(
        () => "no failure",
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
      expect(failure).toContain(`WCAG violation(s) on ${url}:`);
      expect(failure).toMatch(/^- html-has-lang \[serious\]: <html> element must have a lang attribute \(1 element\(s\)\)\n {4}html$/m);
      expect(failure).toMatch(/^- color-contrast \[serious\]: .+\n {4}#faint$/m);
      expect(failure).toContain(`- ${only} [critical]`);
      expect(failure).not.toContain(never);
    } finally {
      await context.close();
    }
  });

  it("reports a CSP violation and an uncaught exception", async () => {
    const context = await newPhoneContext(browser, { javaScriptEnabled: true, locale: "id-ID" });
    try {
      const page = await context.newPage();
      const watcher = await watchPageProblems(page);
      const url = `${server.baseUrl}/__csp-self-test`;
      await page.route(
        (candidate) => candidate.href === url,
        (route) =>
          route.fulfill({
            contentType: "text/html; charset=utf-8",
            headers: { "Content-Security-Policy": "script-src 'self' 'nonce-good'" },
            body: `<!doctype html><html lang="en"><head><title>csp</title></head><body>
              <script>document.title = "ran without a nonce";</script>
              <script nonce="good">throw new Error("boom");</script></body></html>`,
          }),
      );
      await page.goto(url);
      expect(await page.title()).toBe("csp");
      const problems = watcher.problems();
      expect(problems).toContainEqual(expect.stringMatching(/^console\.error: .*Content Security Policy/));
      expect(problems).toContainEqual(expect.stringMatching(/^CSP violation: script-src-elem blocked inline/));
      expect(problems).toContainEqual("uncaught: boom");
    } finally {
      await context.close();
    }
  });
});
