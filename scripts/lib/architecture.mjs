// The house rules, read off the TypeScript sources: which layer may import which, no import circles,
// and route modules that stay short. Used by tests/architecture.test.ts (part of `npm test`) and
// runnable alone: `node scripts/lib/architecture.mjs` prints every finding.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Layers from the top down (README "Layout"; docs/decisions/032-layers-and-their-rules.md). A file
 * may import from its own layer or any layer below; never from above. Routes and workers are both
 * entry points: neither imports the other. Components are the routes' views.
 */
export const LAYERS = [
  { name: "server", dir: "app/server", rank: 7 },
  { name: "routes", dir: "app/routes", rank: 6 },
  { name: "workers", dir: "workers", rank: 6 },
  { name: "components", dir: "app/components", rank: 5 },
  { name: "domain", dir: "app/domain", rank: 4 },
  { name: "models", dir: "app/models", rank: 3 },
  { name: "services", dir: "app/services", rank: 2 },
  { name: "jobs", dir: "app/jobs", rank: 1 },
];
/** Entry points that must not import each other although they share a rank. */
const SIBLINGS_APART = [["routes", "workers"]];
export const MAX_ROUTE_LINES = 250;

const SOURCE = /\.(ts|tsx|mjs)$/;
const IGNORED = /(^|\/)(node_modules|generated|build|public)(\/|$)/;

function walk(dir, out = []) {
  let entries;
  try {
    entries = readdirSync(join(ROOT, dir));
  } catch {
    return out;
  }
  for (const entry of entries) {
    const path = `${dir}/${entry}`;
    if (IGNORED.test(path)) continue;
    if (statSync(join(ROOT, path)).isDirectory()) walk(path, out);
    else if (SOURCE.test(entry)) out.push(path);
  }
  return out;
}

const isTest = (path) => /\.(test|property\.test)\.tsx?$/.test(path);

export function layerOf(path) {
  return LAYERS.find((layer) => path === layer.dir || path.startsWith(`${layer.dir}/`)) ?? null;
}

// `import … from "x"`, `export … from "x"`, `import("x")`, `import "x"`; type-only imports count too:
// a type shared across layers belongs in the lowest layer that needs it.
const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function resolveImport(from, specifier) {
  let base;
  if (specifier.startsWith("~/")) base = `app/${specifier.slice(2)}`;
  else if (specifier.startsWith(".")) base = relative(ROOT, resolve(ROOT, dirname(from), specifier));
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`, base.replace(/\.js$/, ".ts")]) {
    try {
      if (statSync(join(ROOT, candidate)).isFile()) return candidate;
    } catch {
      // next candidate
    }
  }
  return null;
}

export function importGraph() {
  const files = [...walk("app"), ...walk("workers")].filter((path) => !isTest(path));
  const graph = new Map();
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
    const targets = new Set();
    for (const match of text.matchAll(IMPORT)) {
      const target = resolveImport(file, match[1] ?? match[2]);
      if (target && !IGNORED.test(target)) targets.add(target);
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

export function upwardImports(graph) {
  const found = [];
  for (const [from, targets] of graph) {
    const source = layerOf(from);
    if (!source) continue;
    for (const to of targets) {
      const target = layerOf(to);
      if (!target || target.name === source.name) continue;
      const apart = SIBLINGS_APART.some((pair) => pair.includes(source.name) && pair.includes(target.name));
      if (target.rank > source.rank || apart) found.push(`${from} → ${to} (${source.name} imports ${target.name})`);
    }
  }
  return found.sort();
}

/** Import circles: strongly connected components of more than one file (Tarjan). */
export function importCircles(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const circles = [];
  const visit = (node) => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), indices.get(next)));
    }
    if (low.get(node) === indices.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) circles.push(component.sort().join(" ⇄ "));
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return circles.sort();
}

export function oversizedRoutes(limit = MAX_ROUTE_LINES) {
  return walk("app/routes")
    .filter((path) => !isTest(path))
    .map((path) => ({ path, lines: readFileSync(join(ROOT, path), "utf8").split("\n").length }))
    .filter(({ lines }) => lines > limit)
    .map(({ path, lines }) => `${path}: ${lines} lines (at most ${limit})`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const graph = importGraph();
  const report = { circles: importCircles(graph), upward: upwardImports(graph), oversizedRoutes: oversizedRoutes() };
  for (const [kind, items] of Object.entries(report)) {
    process.stdout.write(`${kind}: ${items.length}\n${items.map((item) => `  ${item}`).join("\n")}${items.length ? "\n" : ""}`);
  }
}
