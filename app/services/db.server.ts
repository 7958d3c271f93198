import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "./env.server";

export type Db = PrismaClient;

export function createDb({
  connectionString,
  schema = "public",
  poolSize = 10,
}: {
  connectionString: string;
  schema?: string;
  poolSize?: number;
}): Db {
  const adapter = new PrismaPg(
    {
      connectionString,
      max: poolSize,
      // Fail a request fast when the database is gone instead of hanging it; web and workers
      // reconnect by themselves once it is back.
      connectionTimeoutMillis: 5_000,
      options: `-c search_path="${schema}"`,
    },
    { schema },
  );
  return new PrismaClient({ adapter });
}

// One client per process; kept on globalThis so `remix dev` rebuilds do not leak pools.
const globalForDb = globalThis as unknown as { __laporDb?: Db };

export function getDb(): Db {
  if (!globalForDb.__laporDb) {
    const env = getEnv();
    globalForDb.__laporDb = createDb({
      connectionString: env.DATABASE_URL,
      schema: env.DATABASE_SCHEMA,
      poolSize: env.DATABASE_POOL_SIZE,
    });
  }
  return globalForDb.__laporDb;
}
