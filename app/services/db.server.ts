import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "./env.server";

export type Db = PrismaClient;

// Raw SQL must name the schema itself: on embedded PGlite every connection shares one session,
// so a per-connection search_path cannot be relied on.
const schemaOf = new WeakMap<object, string>();

/** `"schema"."table"` for raw queries against the client's own schema. */
/** The PostgreSQL schema a client was created for (tests and the bench use their own). */
export function schemaNameOf(db: object): string {
  return schemaOf.get(db) ?? "public";
}

export function qualifiedTable(db: object, table: string): Prisma.Sql {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`unsafe table name: ${table}`);
  return Prisma.raw(`"${schemaOf.get(db) ?? "public"}"."${table}"`);
}

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
  // A transaction waits up to 10 s for a pooled connection (Prisma's default is 2 s): under a burst
  // (a clerk's bulk work, a wave of submissions, the test suite on two cores) a short wait beats a
  // failed request. An unreachable database still fails fast, through connectionTimeoutMillis.
  const client = new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000 } });
  schemaOf.set(client, schema);
  return client;
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
