// The portal's baseline device and how Chromium is started, shared by the browser tests
// (tests/e2e/support/browser.ts) and the slow-phone benchmark (scripts/bench/weak.ts). No vitest
// here, so the benchmark can import it.
import type { Browser, BrowserContextOptions } from "playwright-core";

export const CHROMIUM_ARGS = [
  "--no-sandbox", // we run as root in a container
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-dev-shm-usage",
] as const;

/**
 * A 360×740 CSS-pixel Android phone (DPR 2, touch). It sends a phone's user agent rather than
 * "HeadlessChrome", as a citizen's phone would.
 */
export function phoneContextOptions(browser: Browser, { javaScriptEnabled, locale }: { javaScriptEnabled: boolean; locale: string }): BrowserContextOptions {
  const major = browser.version().split(".")[0] ?? "130";
  return {
    viewport: { width: 360, height: 740 },
    screen: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled,
    locale,
    userAgent: `Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Mobile Safari/537.36`,
  };
}
