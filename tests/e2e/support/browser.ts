// Browser end-to-end harness: Debian's Chromium driven by playwright-core, the built app served
// in-process by the production Express app, and WCAG checks with axe-core.
//
// Chromium comes from `npm test` (scripts/lib/browser.mjs installs Debian's package and passes
// CHROMIUM_PATH); Playwright's own browser download is impossible on our machines.
// playwright-core and axe-core are loaded lazily, so a file that only needs `startTestServer`
// (tests/web.test.ts, later) does not pay for them.
import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import type { AxeResults, ElementContext, RunOptions } from "axe-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, vi } from "vitest";
import { useTestDatabase, type TestDatabase } from "../../support/isolation";
import { CHROMIUM_ARGS, phoneContextOptions } from "../../support/phone";

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, "../../..");
export const SCREENSHOT_DIR = resolve(ROOT, "tests/artifacts/screenshots");

// ---------------------------------------------------------------------------------------------
// Server

export interface TestServer {
  /** e.g. http://127.0.0.1:41234, no trailing slash */
  readonly baseUrl: string;
  close(): Promise<void>;
}

/**
 * Serves the existing build (`build/index.js`, made by `npm test` or `npm run build`; nothing is
 * built here) through the same `createApp` as production, against `database`'s schema: pass the
 * value of a top-level `useTestDatabase({ seed: true })` and call this from `beforeAll`.
 */
export async function startTestServer(database: TestDatabase): Promise<TestServer> {
  const buildPath = resolve(ROOT, "build/index.js");
  if (!existsSync(buildPath)) throw new Error("build/index.js is missing: run `npm test` (it builds first) or `npm run build`");
  // The route modules read the database through the process-wide client: point it at this file's schema.
  process.env.DATABASE_SCHEMA = database.schema;
  process.env.DATABASE_URL = database.url;
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const { answerUnservedRequests, createApp } = await import("~/server/app");
  const server = answerUnservedRequests(createServer(createApp(build, "production")));
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolveListen);
  });
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("test server has no address");
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        // A browser keeps connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolveClose()));
      }),
  };
}

/**
 * Top-level shorthand: a seeded schema for this file plus the app served on it, started before
 * the file's tests and stopped after them. `baseUrl` is readable inside tests and hooks.
 */
export function useTestServer(): { readonly baseUrl: string; readonly database: TestDatabase } {
  const database = useTestDatabase({ seed: true });
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get baseUrl() {
      if (!server) throw new Error("useTestServer: baseUrl is ready only inside tests and hooks");
      return server.baseUrl;
    },
    database,
  };
}

// ---------------------------------------------------------------------------------------------
// Browser

export { CHROMIUM_ARGS };

/** One headless Chromium; launch it once per test file (beforeAll) and share it between tests. */
/**
 * How long one browser test may take before it is reported as stuck. A browser test walks several
 * pages and runs axe on each (three page loads for a page without JavaScript: see
 * expectNoAxeViolations); such walks took 18 s of the suite's 20 s on a quiet two-core machine and
 * timed out on a loaded one. Every step waits on a condition; this is only the outer bound.
 */
export const BROWSER_TEST_TIMEOUT_MS = 60_000;

export async function launchBrowser(): Promise<Browser> {
  // Every file that drives a browser launches it first: its tests get the browser bound.
  vi.setConfig({ testTimeout: BROWSER_TEST_TIMEOUT_MS });
  const { chromium } = await import("playwright-core");
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium is missing at ${executablePath}: run the tests with \`npm test\` (it installs Debian's chromium package) or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
}

export interface PhoneContextOptions {
  javaScriptEnabled: boolean;
  /** Browser locale (Accept-Language, navigator.language); the app itself ignores it and defaults to Bahasa Indonesia. */
  locale?: string;
  /**
   * Turns the page's Content-Security-Policy off, for contexts that run axe only (see
   * `expectNoAxeViolations`). Never set it on a context that checks console errors or CSP.
   */
  bypassCSP?: boolean;
}

/** What each phone context was made with; expectNoAxeViolations needs it for pages without JavaScript. */
const phoneOptions = new WeakMap<BrowserContext, Required<PhoneContextOptions>>();

/**
 * A 360×740 CSS-pixel Android phone (DPR 2, touch), the portal's baseline device. It sends a
 * phone's user agent rather than "HeadlessChrome", as a citizen's phone would (every document is
 * now sent whole, ADR 028, so the user agent no longer changes what the server renders).
 */
export async function newPhoneContext(browser: Browser, options: PhoneContextOptions): Promise<BrowserContext> {
  const { javaScriptEnabled, locale = "id-ID", bypassCSP = false } = options;
  const context = await browser.newContext({ ...phoneContextOptions(browser, { javaScriptEnabled, locale }), bypassCSP });
  // Well inside vitest's 20 s per test, so a stuck step fails with Playwright's own message.
  context.setDefaultTimeout(10_000);
  phoneOptions.set(context, { javaScriptEnabled, locale, bypassCSP });
  return context;
}

/**
 * Collects what a page reports as going wrong, across navigations: console errors (Chromium reports
 * CSP violations there, e.g. "Executing inline script violates … Content Security Policy"),
 * uncaught exceptions, and `securitypolicyviolation` events (a listener added by an init script and
 * reported through a Playwright binding, neither of which the page's CSP governs). Call it before
 * the first navigation; `problems()` lists everything seen so far.
 */
export async function watchPageProblems(page: Page): Promise<{ problems(): string[] }> {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") seen.push(`console.error: ${message.text()} (${message.location().url || page.url()})`);
  });
  page.on("pageerror", (error) => seen.push(`uncaught: ${error.message}`));
  await page.exposeFunction("__reportCspViolation", (line: string) => void seen.push(`CSP violation: ${line}`));
  await page.addInitScript(() => {
    const report = (window as unknown as { __reportCspViolation(line: string): void }).__reportCspViolation;
    document.addEventListener("securitypolicyviolation", (event) => {
      report(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile || "?"}:${event.lineNumber}`);
    });
  });
  return { problems: () => [...seen] };
}

/** Resolves once React has hydrated the document (its fiber keys are on the DOM nodes). */
export async function waitForHydration(page: Page, selector = "main"): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const node = document.querySelector(sel);
      return !!node && Object.keys(node).some((key) => key.startsWith("__reactFiber$"));
    },
    selector,
    { timeout: 10_000 },
  );
}

/**
 * The page scrolls sideways when the document is wider than the viewport. Measured once the document
 * has loaded: an element can be on the page (what a test waits for) before the stylesheet is, and
 * the unstyled page is wider (625 px for /laporan-warga, seen on a busy CI machine).
 */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; viewportWidth: number }> {
  await page.waitForLoadState("load");
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, viewportWidth: window.innerWidth }));
}

/**
 * Signs in on /staf/masuk as a person would and waits for the staff home; with JavaScript on, for
 * its hydration too (the URL can change a moment before the new page renders).
 */
export async function signInAsStaff(page: Page, baseUrl: string, { email, password, javaScript }: { email: string; password: string; javaScript: boolean }): Promise<void> {
  await page.goto(`${baseUrl}/staf/masuk`);
  if (javaScript) await waitForHydration(page);
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.click("main button[type=submit]");
  await page.waitForURL((url) => url.pathname === "/staf");
  await page.locator("h1").waitFor();
  if (javaScript) await waitForHydration(page);
}

// ---------------------------------------------------------------------------------------------
// Accessibility

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] as const;

export interface AxeCheckOptions {
  /** What to check (axe's context: a selector or { include, exclude }); the whole document by default. */
  context?: ElementContext;
}

/**
 * Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now and throws a readable list
 * of violations (rule id, impact, help, the offending elements' selectors).
 *
 * How axe gets into the page: the app sends an enforced CSP (`script-src 'self' 'nonce-…'`), so
 * `page.addScriptTag({ content: axe.source })`, an inline script without the nonce, is blocked
 * (and Chromium logs the violation as a console error). So check pages in a context made with
 * `newPhoneContext(…, { bypassCSP: true })`, and keep the console/CSP assertions in contexts
 * without it: turning the CSP off for axe must never hide a real violation. (Pages without
 * JavaScript need no bypass: see below.)
 *
 * Pages with JavaScript disabled: axe cannot run in them at all. An injected <script> never runs,
 * and even axe evaluated through the DevTools protocol never finishes, because the document runs
 * no timer or promise callbacks. So the page's live DOM (as parsed without scripting) is
 * serialised, its <script> elements dropped and its <noscript> wrappers unwrapped, and that
 * document is served at the same URL to a scratch page in a companion context (same phone, CSP
 * bypassed, JavaScript on for axe alone, which comes in by an init script there); its stylesheets
 * and images load from the app as usual. axe thus sees what a visitor without JavaScript gets,
 * including a page rendered in answer to a form POST. Two things do not carry over: CSS
 * `@media (scripting: none)` (the app uses none), and what was typed into fields after the page
 * loaded (the serialisation has the values the server rendered).
 */
export async function expectNoAxeViolations(page: Page, { context }: AxeCheckOptions = {}): Promise<void> {
  const options = phoneOptions.get(page.context());
  // Contrast and target sizes are only meaningful once the stylesheet applies (see horizontalOverflow).
  await page.waitForLoadState("load");
  if (!options || options.javaScriptEnabled) return runAxe(page, context, page.url());
  const html = withoutScripts(await page.content());
  const url = page.url();
  const companion = await axeCompanion(page.context(), options);
  // One scratch page per companion, so checks of pages in the same context take turns.
  const check = companion.turn.then(async () => {
    companion.serving = { url, html };
    try {
      await companion.page.goto(url);
      await runAxe(companion.page, context, url);
    } finally {
      companion.serving = null;
    }
  });
  companion.turn = check.catch(() => {});
  await check;
}

interface AxeCompanion {
  readonly page: Page;
  /** The snapshot the scratch page is answered with, while a check runs. */
  serving: { url: string; html: string } | null;
  turn: Promise<void>;
}

const axeCompanions = new WeakMap<BrowserContext, Promise<AxeCompanion>>();

function axeCompanion(source: BrowserContext, options: Required<PhoneContextOptions>): Promise<AxeCompanion> {
  let companion = axeCompanions.get(source);
  if (!companion) {
    const browser = source.browser();
    if (!browser) throw new Error("expectNoAxeViolations: the page's context has no browser");
    companion = (async () => {
      const context = await newPhoneContext(browser, { ...options, javaScriptEnabled: true, bypassCSP: true });
      source.once("close", () => void context.close().catch(() => {}));
      // Every scratch document gets axe first thing: cheaper than sending a 1.4 MB tag per check.
      const { default: axe } = await import("axe-core");
      await context.addInitScript({ content: axe.source });
      const made: AxeCompanion = { page: await context.newPage(), serving: null, turn: Promise.resolve() };
      await made.page.route(
        (candidate) => candidate.href === made.serving?.url,
        (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: made.serving?.html ?? "" }),
      );
      return made;
    })();
    axeCompanions.set(source, companion);
  }
  return companion;
}

/**
 * A serialised document as a browser without JavaScript renders it: no scripts, <noscript> content
 * shown; module preloads are dropped too (nothing would run them).
 */
export function withoutScripts(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/gi, "")
    .replace(/<\/?noscript\b[^>]*>/gi, "");
}

async function runAxe(page: Page, context: ElementContext | undefined, shownUrl: string): Promise<void> {
  const { default: axe } = await import("axe-core");
  const loaded = () => page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
  if (!(await loaded())) {
    try {
      await page.addScriptTag({ content: axe.source });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/Content Security Policy/i.test(message)) {
        throw new Error("expectNoAxeViolations: the page's CSP blocked axe; open it in a context from newPhoneContext(…, { bypassCSP: true })");
      }
      throw error;
    }
    if (!(await loaded())) {
      throw new Error("expectNoAxeViolations: axe-core did not load; for a page without JavaScript, use a context from newPhoneContext()");
    }
  }
  const options: RunOptions = {
    runOnly: { type: "tag", values: [...WCAG_TAGS] },
    resultTypes: ["violations"],
  };
  // Passed as JSON and answered with just what the report needs: axe's own types are too deep
  // for Playwright's serialisable-argument types.
  const violations = await page.evaluate(
    async ([contextJson, optionsJson]) => {
      const { axe: runner } = window as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResults> } };
      const results = await runner.run(JSON.parse(contextJson) ?? document, JSON.parse(optionsJson));
      return results.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
        id,
        impact: impact ?? null,
        help,
        helpUrl,
        nodes: nodes.map((node) => ({ target: node.target.map((part) => (typeof part === "string" ? part : JSON.stringify(part))) })),
      }));
    },
    [JSON.stringify(context ?? null), JSON.stringify(options)] as const,
  );
  if (violations.length > 0) {
    throw new Error(`axe found ${violations.length} WCAG violation(s) on ${shownUrl}:\n${formatViolations(violations)}`);
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[] }[];
}

/** One block per rule: `- id [impact]: help (n element(s))`, each element's selector, the rule's help URL. */
export function formatViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((violation) => {
      const targets = violation.nodes.map((node) => `    ${node.target.join(" ")}`).join("\n");
      return `- ${violation.id} [${violation.impact ?? "n/a"}]: ${violation.help} (${violation.nodes.length} element(s))\n${targets}\n    ${violation.helpUrl}`;
    })
    .join("\n");
}

// ---------------------------------------------------------------------------------------------
// Artifacts

/** A full-page PNG at tests/artifacts/screenshots/<name>.png (git-ignored); returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`saveScreenshot: use letters, digits, dot, dash or underscore in "${name}"`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = resolve(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
