// The house rules of docs/decisions/032-layers-and-their-rules.md, read off the sources: no import
// circles and no import from a layer above. The checker is tried on a small graph first, so an
// empty finding on the real tree means the tree is clean, not that the checker sees nothing.
import { describe, expect, it } from "vitest";
import { importCircles, importGraph, LAYERS, MAX_ROUTE_LINES, oversizedRoutes, upwardImports } from "../scripts/lib/architecture.mjs";

describe("the layer checker", () => {
  it("finds a circle, an import from a layer above and one between the two entry points; not the imports downward", () => {
    const graph = new Map<string, string[]>([
      ["app/models/complaints.server.ts", ["app/domain/rules.ts", "app/services/db.server.ts"]],
      ["app/domain/rules.ts", ["app/domain/clock.ts"]],
      ["app/domain/clock.ts", ["app/domain/rules.ts"]],
      ["app/routes/page.tsx", ["workers/index.ts", "app/components/view.tsx", "app/domain/rules.ts"]],
      ["app/components/view.tsx", ["app/domain/clock.ts"]],
      ["workers/index.ts", ["app/jobs/queues.ts", "app/domain/rules.ts"]],
      ["app/services/db.server.ts", ["app/jobs/queues.ts"]],
      ["app/jobs/queues.ts", []],
    ]);
    expect(upwardImports(graph)).toEqual([
      "app/models/complaints.server.ts → app/domain/rules.ts (models imports domain)",
      "app/routes/page.tsx → workers/index.ts (routes imports workers)",
    ]);
    expect(importCircles(graph)).toEqual(["app/domain/clock.ts ⇄ app/domain/rules.ts"]);
  });

  it("finds nothing in a graph that only imports downward", () => {
    const graph = new Map<string, string[]>([
      ["app/routes/page.tsx", ["app/domain/rules.ts", "app/models/complaints.server.ts"]],
      ["app/domain/rules.ts", ["app/models/complaints.server.ts"]],
      ["app/models/complaints.server.ts", ["app/services/db.server.ts"]],
      ["app/services/db.server.ts", []],
    ]);
    expect(upwardImports(graph)).toEqual([]);
    expect(importCircles(graph)).toEqual([]);
  });
});

describe("the source tree", () => {
  const graph = importGraph();

  it("is read whole: files in every layer, their imports resolved", () => {
    for (const layer of LAYERS) expect([...graph.keys()].some((path) => path.startsWith(`${layer.dir}/`)), layer.dir).toBe(true);
    expect([...graph.values()].some((targets) => targets.length > 0)).toBe(true);
  });

  it("has no import circles", () => {
    const circles = importCircles(graph);
    expect(circles, `import circles:\n${circles.join("\n")}`).toEqual([]);
  });

  it("imports nothing from a layer above (shared types live in the lowest layer that needs them)", () => {
    const upward = upwardImports(graph);
    expect(upward, `imports from a layer above:\n${upward.join("\n")}`).toEqual([]);
  });

  it(`keeps every route module within ${MAX_ROUTE_LINES} lines: guard, parse, one domain call, the view in components`, () => {
    // The checker itself reads the routes: with a limit of one line every route is reported.
    expect(oversizedRoutes(1).length).toBeGreaterThan(10);
    const oversized = oversizedRoutes();
    expect(oversized, `routes past the limit:\n${oversized.join("\n")}`).toEqual([]);
  });
});
