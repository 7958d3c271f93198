// Compares the Prisma schema (its DMMF) with what the SQL migrations actually built, so the
// hand-kept SQL and schema.prisma cannot drift apart unnoticed. docs/decisions/002.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import internals from "@prisma/internals";
import type pg from "pg";

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
}
interface DmmfModel { name: string; dbName?: string | null; fields: DmmfField[] }
interface DmmfIndex { model: string; type: "id" | "normal" | "unique" | "fulltext"; fields: { name: string }[] }
interface DmmfEnum { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }
interface Dmmf { datamodel: { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] } }

export const SCHEMA_PATH = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));

export async function loadDmmf(schemaText = readFileSync(SCHEMA_PATH, "utf8")): Promise<Dmmf> {
  return (await internals.getDMMF({ datamodel: schemaText })) as unknown as Dmmf;
}

/** The Postgres type Prisma's migrations give a scalar field, as information_schema spells it. */
function expectedColumnType(field: DmmfField, enums: Map<string, string>): string {
  const native = field.nativeType?.[0];
  const base = (() => {
    if (field.kind === "enum") return `enum:${enums.get(field.type) ?? field.type}`;
    switch (native) {
      case "Uuid": return "uuid";
      case "Date": return "date";
      case "Timestamptz": return `timestamp with time zone(${field.nativeType?.[1][0] ?? "6"})`;
      case "Timestamp": return `timestamp without time zone(${field.nativeType?.[1][0] ?? "6"})`;
      case "VarChar": return "character varying";
      case "Decimal": return `numeric(${field.nativeType?.[1].join(",")})`;
      case "Text": return "text";
      case undefined: break;
      default: return native.toLowerCase();
    }
    switch (field.type) {
      case "String": return "text";
      case "Int": return "integer";
      case "BigInt": return "bigint";
      case "Boolean": return "boolean";
      case "DateTime": return "timestamp without time zone(3)";
      case "Decimal": return "numeric(65,30)";
      case "Float": return "double precision";
      case "Json": return "jsonb";
      case "Bytes": return "bytea";
      default: return field.type;
    }
  })();
  return field.isList ? `${base}[]` : base;
}

interface ActualColumn { table: string; column: string; type: string; nullable: boolean }

async function readColumns(client: pg.Client, schema: string): Promise<ActualColumn[]> {
  const { rows } = await client.query<{
    table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string;
    numeric_precision: number | null; numeric_scale: number | null; datetime_precision: number | null;
    element_udt: string | null;
  }>(
    `SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable, c.numeric_precision, c.numeric_scale,
            c.datetime_precision, e.udt_name AS element_udt
       FROM information_schema.columns c
       LEFT JOIN information_schema.element_types e
         ON e.object_schema = c.table_schema AND e.object_name = c.table_name AND e.object_type = 'TABLE'
        AND e.collection_type_identifier = c.dtd_identifier
      WHERE c.table_schema = $1 AND c.table_name <> '_prisma_migrations'`,
    [schema],
  );
  const describe = (dataType: string, udt: string, row: (typeof rows)[number]): string => {
    if (dataType === "USER-DEFINED") return `enum:${udt}`;
    if (dataType === "numeric") return `numeric(${row.numeric_precision},${row.numeric_scale})`;
    if (dataType.startsWith("timestamp")) return `${dataType}(${row.datetime_precision})`;
    return dataType;
  };
  return rows.map((row) => {
    let type: string;
    if (row.data_type === "ARRAY") {
      const element = (row.element_udt ?? row.udt_name.replace(/^_/, "")).toLowerCase();
      const builtin: Record<string, string> = { text: "text", int4: "integer", int8: "bigint", bool: "boolean", uuid: "uuid" };
      type = `${builtin[element] ?? `enum:${row.element_udt ?? row.udt_name.replace(/^_/, "")}`}[]`;
    } else {
      type = describe(row.data_type, row.udt_name, row);
    }
    return { table: row.table_name, column: row.column_name, type, nullable: row.is_nullable === "YES" };
  });
}

async function readIndexes(client: pg.Client, schema: string): Promise<Set<string>> {
  const { rows } = await client.query<{ table: string; columns: string[]; unique: boolean; primary: boolean }>(
    `SELECT t.relname::text AS table,
            array_agg(a.attname::text ORDER BY k.ordinality) AS columns,
            ix.indisunique AS unique, ix.indisprimary AS primary
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ordinality)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = $1 AND t.relname <> '_prisma_migrations'
      GROUP BY ix.indexrelid, t.relname, ix.indisunique, ix.indisprimary`,
    [schema],
  );
  return new Set(rows.map((r) => `${r.primary ? "primary" : r.unique ? "unique" : "index"} ${r.table}(${r.columns.join(",")})`));
}

async function readForeignKeys(client: pg.Client, schema: string): Promise<Set<string>> {
  const { rows } = await client.query<{ definition: string }>(
    `SELECT t.relname || '(' || (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                                   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) || ') -> ' ||
            r.relname || '(' || (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                                   JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) || ')' AS definition
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class r ON r.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE c.contype = 'f' AND n.nspname = $1`,
    [schema],
  );
  return new Set(rows.map((r) => r.definition));
}

/** Every difference between the Prisma schema and the database schema, as readable lines; empty when they agree. */
export async function diffSchemaAgainstDatabase(dmmf: Dmmf, client: pg.Client, schema: string): Promise<string[]> {
  const problems: string[] = [];
  const { models, enums, indexes } = dmmf.datamodel;
  const enumDbNames = new Map(enums.map((e) => [e.name, e.dbName ?? e.name]));
  const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    return field?.dbName ?? fieldName;
  };
  const modelsByName = new Map(models.map((m) => [m.name, m]));

  // Tables and columns, both ways.
  const actualColumns = await readColumns(client, schema);
  const actualByKey = new Map(actualColumns.map((c) => [`${c.table}.${c.column}`, c]));
  const expectedKeys = new Set<string>();
  const actualTables = new Set(actualColumns.map((c) => c.table));
  for (const model of models) {
    const table = tableOf(model);
    if (!actualTables.has(table)) {
      problems.push(`missing table ${table} (model ${model.name})`);
      continue;
    }
    for (const field of model.fields) {
      if (field.kind !== "scalar" && field.kind !== "enum") continue;
      const key = `${table}.${field.dbName ?? field.name}`;
      expectedKeys.add(key);
      const actual = actualByKey.get(key);
      if (!actual) {
        problems.push(`missing column ${key} (${model.name}.${field.name})`);
        continue;
      }
      const type = expectedColumnType(field, enumDbNames);
      if (actual.type !== type) problems.push(`column ${key}: database has ${actual.type}, schema says ${type}`);
      // Prisma leaves scalar-list columns nullable in SQL.
      const nullable = field.isList ? true : !field.isRequired;
      if (actual.nullable !== nullable) {
        problems.push(`column ${key}: database is ${actual.nullable ? "NULL" : "NOT NULL"}, schema says ${nullable ? "optional" : "required"}`);
      }
    }
  }
  const modelTables = new Set(models.map(tableOf));
  for (const column of actualColumns) {
    const key = `${column.table}.${column.column}`;
    if (!modelTables.has(column.table)) {
      if (!problems.includes(`table ${column.table} is not in the schema`)) problems.push(`table ${column.table} is not in the schema`);
    } else if (!expectedKeys.has(key)) {
      problems.push(`column ${key} is not in the schema`);
    }
  }

  // Enums and their values, in order.
  const { rows: enumRows } = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 GROUP BY t.typname`,
    [schema],
  );
  const actualEnums = new Map(enumRows.map((r) => [r.name, r.values.join(",")]));
  for (const dmmfEnum of enums) {
    const name = dmmfEnum.dbName ?? dmmfEnum.name;
    const values = dmmfEnum.values.map((v) => v.dbName ?? v.name).join(",");
    const actual = actualEnums.get(name);
    if (actual === undefined) problems.push(`missing enum ${name}`);
    else if (actual !== values) problems.push(`enum ${name}: database has [${actual}], schema says [${values}]`);
    actualEnums.delete(name);
  }
  for (const name of actualEnums.keys()) problems.push(`enum ${name} is not in the schema`);

  // Indexes, compared by table, columns, uniqueness (names may legitimately differ after renames).
  const expectedIndexes = new Set<string>();
  for (const index of indexes) {
    if (index.type === "fulltext") continue;
    const model = modelsByName.get(index.model);
    if (!model) continue;
    const kind = index.type === "id" ? "primary" : index.type === "unique" ? "unique" : "index";
    expectedIndexes.add(`${kind} ${tableOf(model)}(${index.fields.map((f) => columnOf(model, f.name)).join(",")})`);
  }
  const actualIndexes = await readIndexes(client, schema);
  for (const index of expectedIndexes) if (!actualIndexes.has(index)) problems.push(`missing ${index}`);
  for (const index of actualIndexes) if (!expectedIndexes.has(index)) problems.push(`${index} is not in the schema`);

  // Foreign keys from relation fields.
  const expectedFks = new Set<string>();
  for (const model of models) {
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const target = modelsByName.get(field.type);
      if (!target) continue;
      expectedFks.add(
        `${tableOf(model)}(${field.relationFromFields.map((f) => columnOf(model, f)).join(",")}) -> ` +
          `${tableOf(target)}(${(field.relationToFields ?? []).map((f) => columnOf(target, f)).join(",")})`,
      );
    }
  }
  const actualFks = await readForeignKeys(client, schema);
  for (const fk of expectedFks) if (!actualFks.has(fk)) problems.push(`missing foreign key ${fk}`);
  for (const fk of actualFks) if (!expectedFks.has(fk)) problems.push(`foreign key ${fk} is not in the schema`);

  return problems;
}
