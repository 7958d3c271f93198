// The browser for the end-to-end tests (tests/e2e): Debian's Chromium driven by playwright-core.
// Playwright's own browser download cannot run on our machines, so the system package is used.
// Plain Node, no dependencies, like setup.mjs.
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasCommand(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).status === 0;
}

/**
 * The path of a Chromium the e2e tests can launch: `CHROMIUM_PATH` when set, else /usr/bin/chromium,
 * installed with apt-get when missing and we are root. Returns `{ path }`, or `{ path: null, message }`
 * saying why there is none and how to get one. Never exits the process: the caller decides.
 */
export function ensureChromium({ log = () => {} } = {}) {
  const wanted = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  if (executable(wanted)) return { path: wanted };
  if (process.env.CHROMIUM_PATH && wanted !== DEFAULT_CHROMIUM_PATH) {
    return { path: null, message: `CHROMIUM_PATH=${wanted} is not an executable file; unset it to use Debian's chromium package` };
  }
  const root = process.getuid?.() === 0;
  if (!root || !hasCommand("apt-get")) {
    return {
      path: null,
      message:
        `Chromium is needed for the end-to-end tests (tests/e2e) and ${wanted} is missing.\n` +
        (root ? "  apt-get is not available here.\n" : "  Installing it needs root.\n") +
        "  Install it (Debian/Ubuntu: sudo apt-get install chromium) and run this again,\n" +
        "  or point CHROMIUM_PATH at a Chromium/Chrome executable.",
    };
  }
  log("Chromium: not installed; installing Debian's chromium package with apt-get…");
  // Output is kept and shown only when the install fails: apt is noisy when it works.
  const result = spawnSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? "");
    process.stderr.write(result.stderr ?? "");
    return { path: null, message: `apt-get install chromium failed (exit ${result.status ?? result.signal}); its output is above` };
  }
  if (!executable(DEFAULT_CHROMIUM_PATH)) {
    return { path: null, message: `apt-get installed chromium but ${DEFAULT_CHROMIUM_PATH} is still missing` };
  }
  return { path: DEFAULT_CHROMIUM_PATH };
}
