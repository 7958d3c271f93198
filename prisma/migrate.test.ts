import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "./migrate";
import { dropSchema, TEST_DATABASE_URL, uniqueName } from "../tests/support/isolation";

const schemas: string[] = [];
afterAll(async () => {
  for (const schema of schemas) await dropSchema(schema);
});

function freshSchema(): string {
  const schema = uniqueName("mig");
  schemas.push(schema);
  return schema;
}

async function migrationRows(schema: string) {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "${schema}"."_prisma_migrations" ORDER BY migration_name`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

describe("offline migration runner", () => {
  it("applies every migration once and records it as Prisma would (sha256 of the file)", async () => {
    const schema = freshSchema();
    const files = readMigrations();
    expect(files.length).toBeGreaterThan(0);
    const first = await applyMigrations(TEST_DATABASE_URL, { schema });
    expect(first.applied).toEqual(files.map((f) => f.name));

    const rows = await migrationRows(schema);
    expect(rows).toHaveLength(files.length);
    for (const [index, file] of files.entries()) {
      const bytes = readFileSync(join(MIGRATIONS_DIR, file.name, "migration.sql"));
      expect(rows[index]).toMatchObject({
        migration_name: file.name,
        checksum: createHash("sha256").update(bytes).digest("hex"),
        rolled_back_at: null,
        applied_steps_count: 1,
      });
      expect(rows[index].finished_at).toBeInstanceOf(Date);
    }

    const second = await applyMigrations(TEST_DATABASE_URL, { schema });
    expect(second).toEqual({ applied: [], skipped: files.map((f) => f.name) });
  });

  it("applies once when several processes start at the same moment", async () => {
    const schema = freshSchema();
    const results = await Promise.all([1, 2, 3].map(() => applyMigrations(TEST_DATABASE_URL, { schema })));
    expect(results.flatMap((r) => r.applied)).toEqual(readMigrations().map((f) => f.name));
    expect(await migrationRows(schema)).toHaveLength(readMigrations().length);
  });

  it("refuses a migration whose file changed after it was applied", async () => {
    const schema = freshSchema();
    await applyMigrations(TEST_DATABASE_URL, { schema });
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, sql: m.sql + "\n-- edited", checksum: "0".repeat(64) } : m));
    await expect(applyMigrations(TEST_DATABASE_URL, { schema, migrations: edited })).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls a failing migration back whole and records nothing for it", async () => {
    const schema = freshSchema();
    const broken = [
      ...readMigrations(),
      { name: "29990101000000_broken", sql: `CREATE TABLE half_done (id int); SELECT * FROM no_such_table;`, checksum: "f".repeat(64) },
    ];
    await expect(applyMigrations(TEST_DATABASE_URL, { schema, migrations: broken })).rejects.toThrow(/29990101000000_broken failed/);
    const rows = await migrationRows(schema);
    expect(rows.map((r) => r.migration_name)).toEqual(readMigrations().map((f) => f.name));
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    const { rowCount } = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'half_done'`, [schema]);
    await client.end();
    expect(rowCount).toBe(0);
  });
});
