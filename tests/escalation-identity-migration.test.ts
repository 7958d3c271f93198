// The migration that names an escalation by its stage clock cycle (issue #20, ADR 029) keeps the rows
// already recorded valid: it finds each one's cycle in the timeline, and merges the second rows the
// old key let a moved deadline record, so the new unique key can hold.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "../prisma/migrate";
import { dropSchema, TEST_DATABASE_URL, uniqueName } from "./support/isolation";

const MIGRATION = "20261207090000_escalation_cycle_identity";
const schema = uniqueName("escmig");
let client: pg.Client;

beforeAll(async () => {
  await applyMigrations(TEST_DATABASE_URL, { schema, migrations: readMigrations().filter((m) => m.name < MIGRATION) });
  client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  await client.query(`SET search_path TO "${schema}"`);
});
afterAll(async () => {
  await client.end();
  await dropSchema(schema);
});

const at = (local: string) => `${local}+07:00`;

describe("migration 20261207090000_escalation_cycle_identity", () => {
  it("backfills each escalation's cycle from the timeline, merges duplicates of one breach and records why settled ones were settled", async () => {
    const complaint = async (code: string) =>
      (await client.query<{ id: string }>(`INSERT INTO complaint (tracking_code, pin_hash, description, updated_at) VALUES ($1, 'x', 'uji', now()) RETURNING id`, [code])).rows[0]!.id;
    const event = (complaintId: string, type: string, occurredAt: string, toStatus: string | null = null) =>
      client.query(`INSERT INTO complaint_event (complaint_id, type, actor_kind, to_status, occurred_at) VALUES ($1, $2, 'SYSTEM', $3, $4)`, [complaintId, type, toStatus, occurredAt]);
    const escalation = async (complaintId: string, stage: string, level: number, breached: string, escalated: string, { dueAt = null as string | null, settledAt = null as string | null } = {}) =>
      (
        await client.query<{ id: string }>(
          `INSERT INTO escalation (complaint_id, stage, level, breached_due_at, target_role, due_at, escalated_at, settled_at) VALUES ($1, $2, $3, $4, 'UNIT_HEAD', $5, $6, $7) RETURNING id`,
          [complaintId, stage, level, breached, dueAt, escalated, settledAt],
        )
      ).rows[0]!.id;

    const c1 = await complaint("MIGR-1");
    await event(c1, "SUBMITTED", at("2027-02-12T08:00:00"), "SUBMITTED");
    await event(c1, "ASSIGNED", at("2027-02-15T09:00:00"), "ASSIGNED");
    await event(c1, "TRANSFERRED", at("2027-03-01T09:00:00"), "ASSIGNED");
    const verification = await escalation(c1, "VERIFICATION", 1, at("2027-02-17T16:00:00"), at("2027-02-17T16:01:00"), { settledAt: at("2027-02-18T10:00:00") });
    // The bug: escalated for a deadline of 22 Feb, then again when a holiday moved it to 23 Feb.
    const first = await escalation(c1, "FIRST_RESPONSE", 1, at("2027-02-22T16:00:00"), at("2027-02-22T16:01:00"), { dueAt: at("2027-02-24T16:00:00") });
    const second = await escalation(c1, "FIRST_RESPONSE", 1, at("2027-02-23T16:00:00"), at("2027-02-23T16:01:00"), { dueAt: at("2027-02-25T16:00:00") });
    // After the transfer the clock restarted: a breach of the new cycle is its own.
    const afterTransfer = await escalation(c1, "FIRST_RESPONSE", 1, at("2027-03-08T16:00:00"), at("2027-03-08T16:01:00"));
    // A row whose events are gone keeps its deadline as its cycle.
    const c2 = await complaint("MIGR-2");
    const orphan = await escalation(c2, "RESOLUTION", 2, at("2027-04-01T16:00:00"), at("2027-04-05T16:00:00"));

    await applyMigrations(TEST_DATABASE_URL, { schema });

    const rows = (
      await client.query<{ id: string; stage: string; level: number; cycle: Date; breached: Date; due: Date | null; settled: Date | null; reason: string | null }>(
        `SELECT id, stage::text, level, cycle_started_at AS cycle, breached_due_at AS breached, due_at AS due, settled_at AS settled, settled_reason::text AS reason FROM escalation ORDER BY escalated_at`,
      )
    ).rows;
    const d = (local: string) => new Date(at(local));
    expect(rows).toEqual([
      { id: verification, stage: "VERIFICATION", level: 1, cycle: d("2027-02-12T08:00:00"), breached: d("2027-02-17T16:00:00"), due: null, settled: d("2027-02-18T10:00:00"), reason: "STAGE_STOPPED" },
      { id: first, stage: "FIRST_RESPONSE", level: 1, cycle: d("2027-02-15T09:00:00"), breached: d("2027-02-23T16:00:00"), due: d("2027-02-25T16:00:00"), settled: null, reason: null },
      { id: afterTransfer, stage: "FIRST_RESPONSE", level: 1, cycle: d("2027-03-01T09:00:00"), breached: d("2027-03-08T16:00:00"), due: null, settled: null, reason: null },
      { id: orphan, stage: "RESOLUTION", level: 2, cycle: d("2027-04-01T16:00:00"), breached: d("2027-04-01T16:00:00"), due: null, settled: null, reason: null },
    ]);
    expect(rows.map((r) => r.id)).not.toContain(second);

    // The new key refuses what the old one let through.
    await expect(
      client.query(`INSERT INTO escalation (complaint_id, stage, level, cycle_started_at, breached_due_at, target_role) VALUES ($1, 'FIRST_RESPONSE', 1, $2, $3, 'UNIT_HEAD')`, [
        c1,
        at("2027-02-15T09:00:00"),
        at("2027-02-24T16:00:00"),
      ]),
    ).rejects.toThrow(/escalation_complaint_id_stage_cycle_started_at_level_key/);
  });
});
