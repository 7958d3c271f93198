import { defineConfig } from "prisma/config";

// Prisma 7 reads no .env by itself; the URL is only needed by `prisma migrate status` on a
// machine that has the native schema engine.
export default defineConfig({
  schema: "./schema.prisma",
  migrations: { path: "./migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/lapor" },
});
