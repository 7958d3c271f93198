// The PDF tools the report tests read the exported PDF with (tests/reports-pdf.test.ts): Poppler's
// pdftoppm renders each page to PNG, pdftotext extracts the text as a reader would copy it,
// pdfinfo and pdffonts tell page sizes and embedded fonts. Debian's poppler-utils package.
// Plain Node, no dependencies, like setup.mjs.
import { spawnSync } from "node:child_process";

export const POPPLER_TOOLS = ["pdftoppm", "pdftotext", "pdfinfo", "pdffonts"];

function hasCommand(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).status === 0;
}

/**
 * Makes sure the Poppler tools are on PATH, installing poppler-utils with apt-get when missing and
 * we are root. Returns `{ ok: true }`, or `{ ok: false, message }` saying why not and how to get
 * them. Never exits the process: the caller decides.
 */
export function ensurePoppler({ log = () => {} } = {}) {
  const missing = () => POPPLER_TOOLS.filter((tool) => !hasCommand(tool));
  if (missing().length === 0) return { ok: true };
  const root = process.getuid?.() === 0;
  if (!root || !hasCommand("apt-get")) {
    return {
      ok: false,
      message:
        `The report PDF tests need Poppler's ${missing().join(", ")}.\n` +
        (root ? "  apt-get is not available here.\n" : "  Installing them needs root.\n") +
        "  Install them (Debian/Ubuntu: sudo apt-get install poppler-utils) and run this again.",
    };
  }
  log("Poppler: not installed; installing Debian's poppler-utils package with apt-get…");
  // Output is kept and shown only when the install fails: apt is noisy when it works.
  const result = spawnSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? "");
    process.stderr.write(result.stderr ?? "");
    return { ok: false, message: `apt-get install poppler-utils failed (exit ${result.status ?? result.signal}); its output is above` };
  }
  const still = missing();
  return still.length === 0 ? { ok: true } : { ok: false, message: `apt-get installed poppler-utils but ${still.join(", ")} is still missing` };
}
