import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root,
  resolve: { alias: { "~": `${root}app` } },
  test: {
    include: ["{app,prisma,workers,tests,scripts}/**/*.test.{ts,tsx}"],
    exclude: ["**/node_modules/**", "build/**", "app/generated/**"],
    environment: "node",
    // Each integration file works in its own Postgres schema and Redis key prefix, so files run
    // in parallel (tests/support/isolation.ts).
    pool: "forks",
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? 2),
    testTimeout: 20_000,
    hookTimeout: 60_000,
    setupFiles: ["tests/support/setup.ts"],
  },
});
