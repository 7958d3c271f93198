// What keeps libraries the browser does not need out of its bundle (ADR 022). The browser test in
// tests/e2e/reports.e2e.test.ts proves the result on every staff page; this points at the file.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROUTES = join(import.meta.dirname, "../app/routes");

describe("route modules", () => {
  it("import zod only through app/services/zod.server.ts", () => {
    const direct = readdirSync(ROUTES)
      .filter((file) => /\.tsx?$/.test(file) && !file.includes(".test."))
      .filter((file) => /from "zod"/.test(readFileSync(join(ROUTES, file), "utf8")));
    expect(direct).toEqual([]);
  });
});
