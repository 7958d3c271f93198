// Per-file isolation for integration tests: each file migrates its own Postgres schema and uses
// its own BullMQ key prefix, so files run in parallel and never see each other's rows or jobs.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import pg from "pg";
import { Redis } from "ioredis";
import { applyMigrations } from "../../prisma/migrate";
import { seedReferenceData } from "../../prisma/seed/index";
import { createDb, type Db } from "~/services/db.server";

export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/lapor_test";
export const TEST_REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  readonly db: Db;
  readonly schema: string;
  readonly url: string;
}

/** A freshly migrated schema for this file (optionally seeded), dropped after the file. */
export function useTestDatabase({ seed = false }: { seed?: boolean } = {}): TestDatabase {
  const schema = uniqueName("t");
  let db: Db | undefined;
  beforeAll(async () => {
    await applyMigrations(TEST_DATABASE_URL, { schema });
    db = createDb({ connectionString: TEST_DATABASE_URL, schema, poolSize: 4 });
    if (seed) await seedReferenceData(db);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await dropSchema(schema);
  });
  return {
    get db() {
      if (!db) throw new Error("useTestDatabase: db is ready only inside tests and hooks");
      return db;
    },
    schema,
    url: TEST_DATABASE_URL,
  };
}

/** A BullMQ prefix for this file; its keys are deleted after the file. */
export function useTestQueuePrefix(): { prefix: string; redisUrl: string } {
  const prefix = uniqueName("tq");
  afterAll(async () => {
    const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
    try {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== "0");
    } finally {
      redis.disconnect();
    }
  });
  return { prefix, redisUrl: TEST_REDIS_URL };
}
