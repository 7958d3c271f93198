// Weak-connection budget for citizens (#16 item 4): the pages a citizen needs, loaded in Chromium
// on a slow phone (360×740, DPR 2) over a slow mobile link, against the production web process on
// the bench schema. Not a test: figures for the bench table, three runs of each, median and range.
//
// Conditions, through the DevTools protocol on every page before it navigates:
//   network  Network.emulateNetworkConditions, 400 kbit/s down and up (400 × 1024 / 8 bytes/s, the
//            unit the protocol takes), 400 ms latency from request to response headers: "slow 3G";
//   CPU      Emulation.setCPUThrottlingRate 4, a phone several times slower than this machine.
// Cache hits skip the emulated network, as they skip a real one.
//
// What is measured, and why that way:
//   usable    the first rendered frame in which the page's working parts are visible with every
//             stylesheet applied: for /lapor the form's first field (the service chooser) and its
//             submit button, for /lacak/:code the status and the first timeline entry. Both pages
//             work without JavaScript (a plain POST), so hydration is not waited for. A probe put
//             in the page before its first byte (an init script, not subject to the page's CSP)
//             checks on each animation frame, and Chromium produces no frame while a stylesheet
//             in <head> is still loading; the time is performance.now() of that frame, i.e. from
//             the navigation's start (the 400 ms request latency included). A Node-side
//             Playwright wait would add its own polling and throttled round trips to the figure.
//   document  from the document's request to its last byte, as the network sees it (the protocol's
//             timestamps), so that "usable" can be read as link plus CPU.
//   hydrated  the first frame in which React has hydrated `main` (its fiber keys on the node, as
//             tests/e2e/support/browser.ts waitForHydration checks): when the enhanced form and
//             client-side navigation work; reported beside "usable", no target.
//   KB        bytes the browser received for the page (Network.loadingFinished encodedDataLength:
//             compressed bodies plus headers) until the page is hydrated and the network idle.
//   first     a fresh browser context: empty HTTP cache, no connection open.
//   repeat    a new tab in the same context afterwards: static assets come from the cache (their
//             names are fingerprinted and served immutable for a year), the document is fetched
//             again (it is no-store).
//   receipt   on the repeat /lapor tab, with JavaScript as a phone has it, the form is filled and
//             submitted: time from the form's submit event to the tracking code being visible, and
//             the bytes moved meanwhile. Its HTML size is the document a browser without JavaScript
//             gets in answer to the POST (with JavaScript only data crosses the wire), posted
//             directly and gzipped with zlib as the compression middleware does.
//   /lacak    the complaint the receipt step just filed, opened with the signed access cookie its
//             code and PIN would grant (grantAccessCookie, as benchTracking does).
// Each run files one complaint through the browser and the HTML measurement one more: real
// submissions, from addresses in 198.18.0.0/15 (the benchmarking range), which the per-network
// limit counts apart from each other and from benchSubmission's.
import { existsSync } from "node:fs";
import { randomInt } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { grantAccessCookie } from "~/domain/complaints/tracking-access.server";
import { createHoneypotFields } from "~/services/honeypot.server";
import { appSecret } from "~/services/secrets.server";
import type { Db } from "~/services/db.server";
import { CHROMIUM_ARGS, phoneContextOptions } from "../../tests/support/phone";

const RUNS = Number(process.env.BENCH_WEAK_RUNS ?? 3);
const DOWN_KBPS = 400;
const UP_KBPS = 400;
const RTT_MS = 400;
const CPU_SLOWDOWN = 4;
/** Per step; a step that takes longer than this on the slow link is a failure, not a figure. */
const STEP_TIMEOUT_MS = 60_000;

export const WEAK_TARGETS = { laporFirstUsableMs: 3_000, laporRepeatUsableMs: 1_500, receiptHtmlGzipKB: 20 } as const;

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface PageFigures {
  /** When the document's last byte arrived (navigation timing responseEnd): usable minus this is the phone's CPU. */
  firstDocumentMs: Spread;
  repeatDocumentMs: Spread;
  firstUsableMs: Spread;
  repeatUsableMs: Spread;
  firstHydratedMs: Spread;
  repeatHydratedMs: Spread;
  firstKB: Spread;
  repeatKB: Spread;
}

export interface WeakConnectionResult {
  conditions: { downKbps: number; upKbps: number; rttMs: number; cpuSlowdown: number; viewport: string; runs: number };
  lapor: PageFigures;
  receipt: { htmlGzipKB: number; htmlKB: number; submitToReceiptMs: Spread; submitKB: Spread };
  lacak: PageFigures;
  elapsedSeconds: number;
}

/** The shape of scripts/bench/run.ts's table rows. */
export interface WeakConnectionRow {
  name: string;
  value: string;
  target: string;
  met: boolean | null;
}

// The in-page probe, as source text: named functions compiled by tsx carry a helper call (__name)
// that does not exist in the page. `usable` is a list of selectors that must all be visible.
// (Functions passed to waitForFunction below hold no named function, and a string there would be
// eval'd in the page, which its CSP forbids.)
const probeSource = (usable: readonly string[]) => `(() => {
  const usable = ${JSON.stringify(usable)};
  const probe = { usableAt: null, hydratedAt: null, submittedAt: null, receiptAt: null };
  Object.defineProperty(window, "__weakProbe", { value: probe });
  const shown = (node) => !!node && node.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && node.getBoundingClientRect().height > 0;
  const styled = () => [...document.querySelectorAll('link[rel="stylesheet"]')].every((link) => link.sheet !== null);
  const hydrated = () => { const main = document.querySelector("main"); return !!main && Object.keys(main).some((key) => key.startsWith("__reactFiber$")); };
  let looping = false;
  const frame = () => {
    const now = performance.now();
    if (probe.usableAt === null && document.body && styled() && usable.every((selector) => shown(document.querySelector(selector)))) probe.usableAt = now;
    if (probe.hydratedAt === null && hydrated()) probe.hydratedAt = now;
    if (probe.submittedAt !== null && probe.receiptAt === null && shown(document.querySelector('[data-testid="tracking-code"]'))) probe.receiptAt = now;
    // Stops once nothing is awaited: a frame requested forever would cost the throttled CPU.
    looping = probe.usableAt === null || probe.hydratedAt === null || (probe.submittedAt !== null && probe.receiptAt === null);
    if (looping) requestAnimationFrame(frame);
  };
  const loop = () => { if (!looping) { looping = true; requestAnimationFrame(frame); } };
  document.addEventListener("submit", () => { probe.submittedAt = performance.now(); probe.receiptAt = null; loop(); }, true);
  loop();
})();`;

interface Probe {
  usableAt: number | null;
  hydratedAt: number | null;
  submittedAt: number | null;
  receiptAt: number | null;
}

const readProbe = (page: Page) => page.evaluate("window.__weakProbe") as Promise<Probe>;

async function launch(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) throw new Error(`Chromium is missing at ${executablePath}: set CHROMIUM_PATH or install Debian's chromium package`);
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
}

/** A citizen's phone (as tests/e2e newPhoneContext), on its own network address. */
async function phoneContext(browser: Browser, usable: readonly string[]): Promise<BrowserContext> {
  const context = await browser.newContext({ ...phoneContextOptions(browser, { javaScriptEnabled: true, locale: "id-ID" }), extraHTTPHeaders: { "x-forwarded-for": benchAddress() } });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  await context.addInitScript({ content: probeSource(usable) });
  return context;
}

const benchAddress = () => `198.${18 + randomInt(2)}.${randomInt(256)}.${1 + randomInt(254)}`;

/** A new tab on the slow link and CPU, counting the bytes it receives. */
async function throttledPage(context: BrowserContext) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: RTT_MS,
    downloadThroughput: (DOWN_KBPS * 1024) / 8,
    uploadThroughput: (UP_KBPS * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  const counter = { bytes: 0, document: { id: "", sentAt: 0, finishedAt: 0 } };
  cdp.on("Network.requestWillBeSent", (event) => {
    if (event.type === "Document" && !counter.document.id) counter.document = { id: event.requestId, sentAt: event.timestamp, finishedAt: 0 };
  });
  cdp.on("Network.loadingFinished", (event) => {
    counter.bytes += event.encodedDataLength;
    if (event.requestId === counter.document.id) counter.document.finishedAt = event.timestamp;
  });
  return { page, counter };
}

/** Opens `url` in a new throttled tab and waits until it is usable, hydrated and its network idle. */
async function visit(context: BrowserContext, url: string) {
  const { page, counter } = await throttledPage(context);
  const response = await page.goto(url, { waitUntil: "commit", timeout: STEP_TIMEOUT_MS });
  if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`);
  await page.waitForFunction(() => {
    const probe = (window as unknown as { __weakProbe: Probe }).__weakProbe;
    return probe.usableAt !== null && probe.hydratedAt !== null;
  }, undefined, { polling: 200, timeout: STEP_TIMEOUT_MS });
  await page.waitForLoadState("networkidle", { timeout: STEP_TIMEOUT_MS });
  const probe = await readProbe(page);
  // From the network's side (the protocol's timestamps, seconds): the page's own responseEnd comes
  // late when its main thread is busy, e.g. compiling cached scripts on a repeat visit.
  const documentMs = (counter.document.finishedAt - counter.document.sentAt) * 1000;
  const responseEnd = (await page.evaluate('performance.getEntriesByType("navigation")[0].responseEnd')) as number;
  if (process.env.BENCH_WEAK_DEBUG) process.stdout.write(`[weak] ${url} document ${Math.round(documentMs)} ms (responseEnd ${Math.round(responseEnd)} ms), usable ${Math.round(probe.usableAt!)} ms, hydrated ${Math.round(probe.hydratedAt!)} ms, ${counter.bytes} B\n`);
  return { page, counter, documentMs, usableMs: probe.usableAt!, hydratedMs: probe.hydratedAt!, bytes: counter.bytes };
}

/** Fills the complaint form as a citizen would and submits it; answers the receipt's tracking code. */
async function fileThroughForm(page: Page, counter: { bytes: number }, productId: string) {
  await page.selectOption("#productId", productId);
  await page.fill("#description", "Pelayanan KTP-el sangat lambat, sudah tiga minggu belum selesai padahal dijanjikan satu minggu.");
  await page.fill("#incidentDate", "2026-11-02");
  await page.fill("#name", "Warga Benchmark");
  await page.fill("#phone", "081234567890");
  await page.check("#consent");
  // The honeypot refuses a form sent within two seconds of being rendered (people take longer):
  // wait out what is left of that, if anything, from the time signed into the form.
  const startedAt = Number((await page.inputValue("input[name=formStartedAt]")).split(".")[0]);
  const left = startedAt + 2_100 - Date.now();
  if (left > 0) await page.waitForTimeout(left);
  // A citizen reads the similar reports the form fetched while they typed (#14) before sending;
  // the form then tells the server they were seen, and the receipt follows the one POST.
  await page.waitForLoadState("networkidle", { timeout: STEP_TIMEOUT_MS });
  counter.bytes = 0;
  await page.click("main form button[type=submit]");
  const code = page.getByTestId("tracking-code");
  // Still shown the step (the list arrived after sending): "my report is different", as they would.
  const step = page.getByTestId("similar-continue");
  await Promise.race([code.waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS }), step.waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS })]).catch(() => {});
  if (await step.isVisible()) await step.locator("button[type=submit]").click();
  await code.waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS }).catch(async (error: Error) => {
    throw new Error(`no receipt: ${error.message}\n${(await page.textContent("main"))?.slice(0, 800)}`);
  });
  await page.waitForFunction(() => (window as unknown as { __weakProbe: Probe }).__weakProbe.receiptAt !== null, undefined, { polling: 200, timeout: STEP_TIMEOUT_MS });
  await page.waitForLoadState("networkidle", { timeout: STEP_TIMEOUT_MS });
  const probe = await readProbe(page);
  return { trackingCode: (await code.textContent())!.trim(), submitToReceiptMs: probe.receiptAt! - probe.submittedAt!, bytes: counter.bytes };
}

/** The receipt as a browser without JavaScript gets it: the HTML answer to a plain form POST. */
async function receiptHtml(base: string, productId: string): Promise<string> {
  const form = new FormData();
  const fields: Record<string, string> = {
    productId,
    description: "Pelayanan KTP-el sangat lambat, sudah tiga minggu belum selesai padahal dijanjikan satu minggu.",
    incidentDate: "2026-11-02",
    name: "Warga Benchmark",
    phone: "081234567890",
    visibility: "PUBLIC",
    consent: "on",
    idempotencyKey: `weak${randomInt(2 ** 40)}`,
    // The no-JavaScript citizen's last POST: past the similar-reports step ("different").
    similarDecision: "different",
    ...createHoneypotFields(appSecret(), Date.now() - 10_000),
  };
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const response = await fetch(`${base}/lapor`, { method: "POST", body: form, headers: { "x-forwarded-for": benchAddress(), "accept-language": "id-ID" } });
  const html = await response.text();
  if (response.status !== 200 || !html.includes('data-testid="tracking-code"')) throw new Error(`the receipt POST answered ${response.status} without a tracking code`);
  return html;
}

const median = (values: number[]): Spread => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const middle = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median: middle, min: sorted[0]!, max: sorted[sorted.length - 1]! };
};
const ms = (values: number[]) => {
  const spread = median(values);
  return { median: Math.round(spread.median), min: Math.round(spread.min), max: Math.round(spread.max) };
};
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const kbSpread = (values: number[]) => {
  const spread = median(values);
  return { median: kb(spread.median), min: kb(spread.min), max: kb(spread.max) };
};

interface PageSamples {
  firstDocument: number[];
  repeatDocument: number[];
  firstUsable: number[];
  repeatUsable: number[];
  firstHydrated: number[];
  repeatHydrated: number[];
  firstBytes: number[];
  repeatBytes: number[];
}
const samples = (): PageSamples => ({ firstDocument: [], repeatDocument: [], firstUsable: [], repeatUsable: [], firstHydrated: [], repeatHydrated: [], firstBytes: [], repeatBytes: [] });
const figures = (s: PageSamples): PageFigures => ({
  firstDocumentMs: ms(s.firstDocument),
  repeatDocumentMs: ms(s.repeatDocument),
  firstUsableMs: ms(s.firstUsable),
  repeatUsableMs: ms(s.repeatUsable),
  firstHydratedMs: ms(s.firstHydrated),
  repeatHydratedMs: ms(s.repeatHydrated),
  firstKB: kbSpread(s.firstBytes),
  repeatKB: kbSpread(s.repeatBytes),
});

/** `base`: the URL of a running production web process on the bench schema (TRUST_PROXY=1). */
export async function benchWeakConnection(db: Db, base: string): Promise<WeakConnectionResult> {
  const started = performance.now();
  const product = await db.serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } });
  const html = await receiptHtml(base, product.id);
  const lapor = samples();
  const lacak = samples();
  const submitMs: number[] = [];
  const submitBytes: number[] = [];
  const browser = await launch();
  try {
    for (let run = 0; run < RUNS; run++) {
      let trackingCode: string;
      const citizen = await phoneContext(browser, ["#productId", "main form button[type=submit]"]);
      try {
        const first = await visit(citizen, `${base}/lapor`);
        lapor.firstDocument.push(first.documentMs);
        lapor.firstUsable.push(first.usableMs);
        lapor.firstHydrated.push(first.hydratedMs);
        lapor.firstBytes.push(first.bytes);
        await first.page.close();
        const repeat = await visit(citizen, `${base}/lapor`);
        lapor.repeatDocument.push(repeat.documentMs);
        lapor.repeatUsable.push(repeat.usableMs);
        lapor.repeatHydrated.push(repeat.hydratedMs);
        lapor.repeatBytes.push(repeat.bytes);
        const filed = await fileThroughForm(repeat.page, repeat.counter, product.id);
        submitMs.push(filed.submitToReceiptMs);
        submitBytes.push(filed.bytes);
        trackingCode = filed.trackingCode;
      } finally {
        await citizen.close();
      }

      const complaint = await db.complaint.findUniqueOrThrow({ where: { trackingCode }, select: { id: true } });
      const [name = "", value = ""] = grantAccessCookie(null, complaint.id, new Date(), { secure: false }).split(";")[0]!.split(/=(.*)/s);
      const tracker = await phoneContext(browser, ['[data-testid="status"]', "ol.timeline > li"]);
      try {
        await tracker.addCookies([{ name, value, url: base }]);
        const first = await visit(tracker, `${base}/lacak/${trackingCode}`);
        lacak.firstDocument.push(first.documentMs);
        lacak.firstUsable.push(first.usableMs);
        lacak.firstHydrated.push(first.hydratedMs);
        lacak.firstBytes.push(first.bytes);
        await first.page.close();
        const repeat = await visit(tracker, `${base}/lacak/${trackingCode}`);
        lacak.repeatDocument.push(repeat.documentMs);
        lacak.repeatUsable.push(repeat.usableMs);
        lacak.repeatHydrated.push(repeat.hydratedMs);
        lacak.repeatBytes.push(repeat.bytes);
      } finally {
        await tracker.close();
      }
    }
  } finally {
    await browser.close();
  }
  return {
    conditions: { downKbps: DOWN_KBPS, upKbps: UP_KBPS, rttMs: RTT_MS, cpuSlowdown: CPU_SLOWDOWN, viewport: "360×740 DPR 2", runs: RUNS },
    lapor: figures(lapor),
    receipt: { htmlGzipKB: kb(gzipSync(html).length), htmlKB: kb(Buffer.byteLength(html)), submitToReceiptMs: ms(submitMs), submitKB: kbSpread(submitBytes) },
    lacak: figures(lacak),
    elapsedSeconds: Math.round((performance.now() - started) / 1000),
  };
}

/** The bench table's rows; a target is met by the median of the runs. */
export function weakConnectionRows(result: WeakConnectionResult): WeakConnectionRow[] {
  const { conditions: c, lapor, receipt, lacak } = result;
  const link = `${c.downKbps}/${c.upKbps} kbit/s, ${c.rttMs} ms, CPU ×${c.cpuSlowdown}`;
  const time = (s: Spread) => `median ${s.median} ms (${s.min}–${s.max})`;
  const size = (s: Spread) => `${s.median} KB`;
  // The document's arrival beside it: what the link costs, the rest is the phone's CPU.
  const doc = (s: Spread) => `document ${s.median} ms`;
  const t = WEAK_TARGETS;
  return [
    { name: `Weak link (${link}): /lapor usable, first visit`, value: `${time(lapor.firstUsableMs)}, ${doc(lapor.firstDocumentMs)}, ${size(lapor.firstKB)}`, target: `≤ ${t.laporFirstUsableMs / 1000} s`, met: lapor.firstUsableMs.median <= t.laporFirstUsableMs },
    { name: "Weak link: /lapor usable, repeat visit (cache warm)", value: `${time(lapor.repeatUsableMs)}, ${doc(lapor.repeatDocumentMs)}, ${size(lapor.repeatKB)}`, target: `≤ ${t.laporRepeatUsableMs / 1000} s`, met: lapor.repeatUsableMs.median <= t.laporRepeatUsableMs },
    { name: "Weak link: /lapor hydrated, first / repeat visit", value: `${time(lapor.firstHydratedMs)} / ${time(lapor.repeatHydratedMs)}`, target: "–", met: null },
    { name: "Weak link: receipt shown after submit (JS)", value: `${time(receipt.submitToReceiptMs)}, ${size(receipt.submitKB)}`, target: "–", met: null },
    { name: "Receipt HTML (POST /lapor without JS), gzip", value: `${receipt.htmlGzipKB} KB (${receipt.htmlKB} KB raw)`, target: `≤ ${t.receiptHtmlGzipKB} KB`, met: receipt.htmlGzipKB <= t.receiptHtmlGzipKB },
    { name: "Weak link: /lacak/:code usable, first / repeat visit", value: `${time(lacak.firstUsableMs)}, ${size(lacak.firstKB)} / ${time(lacak.repeatUsableMs)}, ${size(lacak.repeatKB)}`, target: "–", met: null },
    { name: "Weak link: /lacak/:code hydrated, first / repeat visit", value: `${time(lacak.firstHydratedMs)} / ${time(lacak.repeatHydratedMs)}`, target: "–", met: null },
  ];
}
