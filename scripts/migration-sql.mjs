#!/usr/bin/env node
// Writes the SQL that takes the database from one Prisma schema to another, without Prisma 7's
// native schema engine (not downloadable here). It borrows Prisma 6.19's wasm schema engine in a
// scratch folder under .cache/; nothing of it is a project dependency.
// See docs/decisions/002-offline-sql-migrations.md.
//
//   node scripts/migration-sql.mjs <migration_name> [--from <old.prisma> | --from-empty]
//
// Default "from" is prisma/schema.prisma as committed at HEAD. Review the SQL before committing.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith("--") && args[args.indexOf(a) - 1] !== "--from");
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: node scripts/migration-sql.mjs <snake_case_name> [--from <file> | --from-empty]");
  process.exit(2);
}
const scratch = join(root, ".cache", "prisma6");
mkdirSync(scratch, { recursive: true });
if (!existsSync(join(scratch, "node_modules", "prisma"))) {
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "prisma6-scratch", private: true }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "prisma@6.19.3", "@prisma/adapter-pg@6.19.3"], {
    cwd: scratch,
    stdio: "inherit",
  });
}
// Prisma 6 wants a url line and the classic generator; the SQL does not depend on either.
const toPrisma6 = (text) =>
  text
    .replace('provider = "prisma-client"', 'provider = "prisma-client-js"')
    .replace(/datasource db \{\s*provider\s*=\s*"postgresql"/, 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")');
writeFileSync(join(scratch, "to.prisma"), toPrisma6(readFileSync(join(root, "prisma/schema.prisma"), "utf8")));
const fromIdx = args.indexOf("--from");
const fromEmpty = args.includes("--from-empty");
if (!fromEmpty) {
  const old =
    fromIdx >= 0
      ? readFileSync(args[fromIdx + 1], "utf8")
      : execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root, encoding: "utf8" });
  writeFileSync(join(scratch, "from.prisma"), toPrisma6(old));
}
// Prisma 6's js engine opens (and only reads) a connection even for schema-to-schema diffs.
const probeUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
writeFileSync(
  join(scratch, "prisma.config.ts"),
  `import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
export default defineConfig({ experimental: { adapter: true }, engine: "js", schema: "./to.prisma",
  adapter: async () => new PrismaPg({ connectionString: ${JSON.stringify(probeUrl)} }) } as any);
`,
);
writeFileSync(join(scratch, "no-query-engine.node"), "");
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", ...(fromEmpty ? ["--from-empty"] : ["--from-schema-datamodel", "from.prisma"]),
    "--to-schema-datamodel", "to.prisma", "--script"],
  {
    cwd: scratch,
    encoding: "utf8",
    env: {
      ...process.env,
      DATABASE_URL: probeUrl,
      PRISMA_QUERY_ENGINE_LIBRARY: join(scratch, "no-query-engine.node"),
      PRISMA_SCHEMA_ENGINE_BINARY: join(root, "scripts/no-schema-engine.sh"),
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  },
)
  // Tables live in whatever schema the runner's search_path names (tests use one per file).
  .replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/m, "");
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = join(root, "prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "migration.sql"), sql);
console.log(`wrote ${join("prisma", "migrations", `${stamp}_${name}`, "migration.sql")}`);
