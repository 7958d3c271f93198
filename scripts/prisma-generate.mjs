#!/usr/bin/env node
// Generates the Prisma client into app/generated/prisma. Prisma's CLI insists on a schema-engine
// path even though `generate` never runs it, so we hand it a stub that fails loudly (STACK.md §3).
import { execFileSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
execFileSync(join(root, "node_modules/.bin/prisma"), ["generate", "--config", "prisma/prisma.config.ts"], {
  cwd: root,
  stdio: process.argv.includes("--quiet") ? ["ignore", "ignore", "inherit"] : "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? join(root, "scripts/no-schema-engine.sh"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
