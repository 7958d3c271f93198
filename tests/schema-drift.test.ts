import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "../prisma/migrate";
import { diffSchemaAgainstDatabase, loadDmmf } from "./support/schema-drift";
import { dropSchema, TEST_DATABASE_URL, uniqueName } from "./support/isolation";

describe("prisma/schema.prisma and the SQL migrations", () => {
  const schemas: string[] = [];
  let client: pg.Client;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    for (const schema of schemas) await dropSchema(schema);
  });

  async function migrate(edit?: (sql: string) => string): Promise<string> {
    const schema = uniqueName("drift");
    schemas.push(schema);
    const migrations = readMigrations().map((m) => (edit ? { ...m, sql: edit(m.sql) } : m));
    await applyMigrations(TEST_DATABASE_URL, { schema, migrations });
    return schema;
  }

  it("agree on every table, column, type, nullability, enum, index and foreign key", async () => {
    const schema = await migrate();
    const problems = await diffSchemaAgainstDatabase(await loadDmmf(), client, schema);
    expect(problems).toEqual([]);
  });

  it("reports a column that the SQL lost", async () => {
    const schema = await migrate((sql) => sql.replace(/^\s*"rating_comment" TEXT,\n/m, ""));
    const problems = await diffSchemaAgainstDatabase(await loadDmmf(), client, schema);
    expect(problems).toContain("missing column complaint.rating_comment (Complaint.ratingComment)");
  });

  it("reports a changed type, a dropped NOT NULL, a missing index and an extra enum value", async () => {
    const schema = await migrate((sql) =>
      sql
        .replace('"description" TEXT NOT NULL,\n    "incident_date"', '"description" VARCHAR(200),\n    "incident_date"')
        .replace(/^CREATE INDEX "complaint_next_due_at_idx".*\n/m, "")
        .replace("('PUBLIC', 'RAHASIA', 'ANONIM')", "('PUBLIC', 'RAHASIA', 'ANONIM', 'SECRET')"),
    );
    const problems = await diffSchemaAgainstDatabase(await loadDmmf(), client, schema);
    expect(problems).toEqual(
      expect.arrayContaining([
        "column complaint.description: database has character varying, schema says text",
        "column complaint.description: database is NULL, schema says required",
        "missing index complaint(next_due_at)",
        "enum Visibility: database has [PUBLIC,RAHASIA,ANONIM,SECRET], schema says [PUBLIC,RAHASIA,ANONIM]",
      ]),
    );
  });
});
