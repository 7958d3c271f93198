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
    // The in-process web servers (tests/e2e/support/browser.ts, tests/web.test.ts) fail a page that
    // renders a key its area's messages lack, instead of showing the key (app/services/i18n.ts).
    // Not set by `npm start`: a visitor would rather read a key than get an error page.
    env: { LAPOR_STRICT_I18N: "1" },
  },
});
