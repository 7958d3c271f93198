// Complaint metrics end to end against real PostgreSQL and Redis: complaints with known outcomes are
// driven through the real workflow, the reports worker folds them into the roll-ups through the
// outbox and BullMQ, and every metric is checked exactly — then checked again after the roll-ups
// are thrown away and rebuilt by the sweeper, which must give the same numbers.
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyTransition, type TransitionRequest } from "~/domain/complaints/apply-transition.server";
import type { WorkflowAction, Actor } from "~/domain/complaints/workflow";
import { MALADMINISTRATION_CHOOSER } from "~/domain/complaints/complaint-form";
import { evaluateComplaintSla } from "~/domain/sla/evaluate-sla.server";
import { refreshComplaintReport } from "~/domain/reports/refresh-complaint-report.server";
import { EMPTY_COUNTS, metricsFromCounts, type RollupCounts } from "~/domain/reports/metrics";
import { durationStatsCityAndUnits, sumRollupBreakdown, sumRollups, type ReportScope } from "~/models/report-queries.server";
import { findFactsToRefresh, rebuildAllRollups } from "~/models/report-facts.server";
import { createLogger } from "~/services/logger.server";
import { startWorkerRuntime } from "../workers/runtime";
import { reportsProcessor } from "../workers/processors/reports";
import { useTestDatabase, useTestQueuePrefix } from "./support/isolation";
import { fileComplaintAt } from "./support/complaint-form";

const database = useTestDatabase({ seed: true });
const queues = useTestQueuePrefix();
const wib = (local: string) => new Date(`${local}+07:00`);

let unitA: string;
let unitB: string;
let productA: string;
let productB: string;
const ids: Record<string, string> = {};
let clock = wib("2026-03-02T09:00:00");
let stopWorker: (() => Promise<void>) | undefined;

const file = (now: Date, productId: string, form: string | null) =>
  fileComplaintAt(database.db, now, {
    productId,
    chooser: MALADMINISTRATION_CHOOSER.find((c) => c.form === form)?.value,
    description: "Keluhan uji untuk laporan dengan hasil yang sudah diketahui.",
    incidentDate: "2026-01-20",
    name: "Warga Uji Laporan",
    email: "warga.laporan@example.org",
    phone: undefined,
  });

async function act(complaintId: string, action: WorkflowAction, actor: Actor, at: string, extra: Partial<TransitionRequest> = {}) {
  const outcome = await applyTransition(database.db, { complaintId, action, actor, now: wib(at), message: "langkah uji", ...extra });
  expect(outcome.ok, `${action} at ${at}`).toBe(true);
}

async function waitFor(check: () => Promise<boolean>, what: () => string) {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let lastState = "";
async function drainReports() {
  const connection = new Redis(queues.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue("reports", { connection, prefix: queues.prefix });
  try {
    await waitFor(async () => {
      const pending = await database.db.outboxMessage.count({ where: { queue: "reports", dispatchedAt: null } });
      const counts = await queue.getJobCounts("waiting", "active", "prioritized");
      // The sweep's job scheduler always keeps its next run delayed; only refreshes count here.
      const delayed = (await queue.getDelayed()).filter((job) => job.name !== "reports.sweep").length;
      lastState = JSON.stringify({ pending, delayed, ...counts });
      return pending === 0 && delayed === 0 && Object.values(counts).every((n) => n === 0);
    }, () => `the reports queue to drain (last seen ${lastState})`);
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

const february: ReportScope = { from: "2026-02-01", to: "2026-02-01" };
const total = async (scope: ReportScope) => (await sumRollups(database.db, scope, "none"))[0]?.counts;

beforeAll(async () => {
  const products = await database.db.serviceProduct.findMany({ where: { code: { in: ["DUKCAPIL-KTP-EL"] } }, select: { id: true, unitId: true } });
  productA = products[0]!.id;
  unitA = products[0]!.unitId;
  const other = await database.db.serviceProduct.findFirstOrThrow({ where: { unitId: { not: unitA }, isActive: true }, orderBy: { code: "asc" } });
  productB = other.id;
  unitB = other.unitId;

  // A: answered in 3 working hours, resolved in one working day, confirmed and rated 5.
  ids.A = await file(wib("2026-02-02T08:00:00"), productA, "PENUNDAAN_BERLARUT");
  await act(ids.A, "VERIFY", "COORDINATOR", "2026-02-02T09:00:00");
  await act(ids.A, "ASSIGN", "SYSTEM", "2026-02-02T09:00:00");
  await act(ids.A, "ACKNOWLEDGE", "OFFICER", "2026-02-02T10:00:00");
  await act(ids.A, "RESPOND", "OFFICER", "2026-02-02T12:00:00");
  await act(ids.A, "PROPOSE_RESOLUTION", "OFFICER", "2026-02-03T09:00:00");
  await act(ids.A, "CONFIRM_RESOLUTION", "CITIZEN", "2026-02-03T10:00:00");
  await act(ids.A, "RATE", "CITIZEN", "2026-02-03T10:05:00", { complaintUpdate: { rating: 5 } });

  // B: information requested after 2 working hours (first response), two days paused, resolution
  // rejected (reopened), resolved again, confirmed and rated 3.
  ids.B = await file(wib("2026-02-02T08:00:00"), productA, "PERMINTAAN_IMBALAN");
  await act(ids.B, "VERIFY", "COORDINATOR", "2026-02-02T08:30:00");
  await act(ids.B, "ASSIGN", "SYSTEM", "2026-02-02T08:30:00");
  await act(ids.B, "ACKNOWLEDGE", "OFFICER", "2026-02-02T09:00:00");
  await act(ids.B, "REQUEST_INFO", "OFFICER", "2026-02-02T10:30:00");
  await act(ids.B, "CITIZEN_REPLY", "CITIZEN", "2026-02-04T10:30:00");
  await act(ids.B, "PROPOSE_RESOLUTION", "OFFICER", "2026-02-04T11:30:00");
  await act(ids.B, "REJECT_RESOLUTION", "CITIZEN", "2026-02-04T12:00:00");
  await act(ids.B, "ACKNOWLEDGE", "OFFICER", "2026-02-04T13:00:00");
  await act(ids.B, "PROPOSE_RESOLUTION", "OFFICER", "2026-02-05T08:00:00");
  await act(ids.B, "CONFIRM_RESOLUTION", "CITIZEN", "2026-02-05T09:00:00");
  await act(ids.B, "RATE", "CITIZEN", "2026-02-05T09:05:00", { complaintUpdate: { rating: 3 } });

  // C: verified a day late, never answered: the first response is missed and escalated.
  ids.C = await file(wib("2026-02-02T08:00:00"), productA, "PENUNDAAN_BERLARUT");
  await act(ids.C, "VERIFY", "COORDINATOR", "2026-02-06T08:00:00");
  await act(ids.C, "ASSIGN", "SYSTEM", "2026-02-06T08:00:00");
  const escalation = await evaluateComplaintSla(database.db, ids.C, { now: wib("2026-02-18T09:00:00") });
  expect(escalation.escalated).toEqual([{ stage: "FIRST_RESPONSE", level: 1 }]);

  // D: out of scope, rejected within the verification window.
  ids.D = await file(wib("2026-02-03T08:00:00"), productA, null);
  await act(ids.D, "REJECT", "COORDINATOR", "2026-02-03T09:00:00", { payload: { reason: "pidana" } });

  // E (another unit): resolved in 2 working hours, then appealed.
  ids.E = await file(wib("2026-02-03T08:00:00"), productB, "TIDAK_KOMPETEN");
  await act(ids.E, "VERIFY", "COORDINATOR", "2026-02-03T08:30:00");
  await act(ids.E, "ASSIGN", "SYSTEM", "2026-02-03T08:30:00");
  await act(ids.E, "ACKNOWLEDGE", "OFFICER", "2026-02-03T09:00:00");
  await act(ids.E, "PROPOSE_RESOLUTION", "OFFICER", "2026-02-03T10:30:00");
  await act(ids.E, "APPEAL", "CITIZEN", "2026-02-03T11:00:00");

  // H: March cohort, nothing done yet.
  ids.H = await file(wib("2026-03-02T08:00:00"), productA, "PENUNDAAN_BERLARUT");

  const runtime = await startWorkerRuntime({
    db: database.db,
    redisUrl: queues.redisUrl,
    queuePrefix: queues.prefix,
    log: createLogger("test-reports-worker"),
    processors: [reportsProcessor],
    now: () => clock,
    relayIntervalMs: 50,
    reportsSweepIntervalMs: 60 * 60_000,
  });
  stopWorker = runtime.stop;
  await drainReports();
}, 60_000);

afterAll(async () => {
  await stopWorker?.();
});

const expectedFebruary: RollupCounts = {
  complaints: 5,
  rejected: 1, // D
  handled: 4, // A, B, C, E
  open: 2, // C (assigned), E (appealed)
  closed: 2, // A, B
  verificationDecided: 5,
  verificationMet: 4, // C verified after Thu 5 Feb 16:00
  firstResponseDecided: 4, // A, B, E met; C running past Fri 13 Feb 16:30
  firstResponseMet: 3,
  resolutionDecided: 3, // A, B, E; C's 60 calendar days still run
  resolutionMet: 3,
  reopened: 1, // B
  appealed: 1, // E
  escalated: 1, // C
  ratingCount: 2,
  ratingSum: 8,
};

describe("complaint metrics from the roll-ups", () => {
  it("counts every outcome of the February cohort exactly", async () => {
    expect(await total(february)).toEqual(expectedFebruary);
  });

  it("measures working time to first response and to resolution, with pauses and closed hours left out", async () => {
    // First response: A 09:00→12:00 = 180; B 08:30→10:30 = 120; E 08:30→10:30 = 120.
    // Resolution: A Mon 09:00→Tue 09:00 = 420 + 90 = 510; B's latest clock Wed 12:00→Thu 08:00 = 240 + 30 = 270; E = 120.
    const { city: stats, byUnit } = await durationStatsCityAndUnits(database.db, february);
    // Unit B has only E: 120 minutes either way.
    expect(byUnit.get(unitB)).toMatchObject({ firstResponseMedian: 120, resolutionP90: 120 });
    expect(stats).toEqual({
      firstResponseCount: 3,
      firstResponseMedian: 120,
      firstResponseP90: 180,
      resolutionCount: 3,
      resolutionMedian: 270,
      resolutionP90: 510,
    });
    const facts = await database.db.complaintReportFact.findMany({ where: { complaintId: { in: [ids.A!, ids.B!] } }, orderBy: { submittedAt: "asc" } });
    expect(Object.fromEntries(facts.map((f) => [f.complaintId, [f.firstResponseMinutes, f.resolutionMinutes]]))).toEqual({
      [ids.A!]: [180, 510],
      [ids.B!]: [120, 270],
    });
  });

  it("derives the rates, the satisfaction and the mix per unit and per form", async () => {
    const metrics = metricsFromCounts(expectedFebruary);
    expect(metrics.sla.verification.value).toBe(4 / 5);
    expect(metrics.sla.firstResponse.value).toBe(3 / 4);
    expect(metrics.sla.resolution.value).toBe(1);
    expect(metrics.reopenRate.value).toBe(1 / 4);
    expect(metrics.appealRate.value).toBe(1 / 4);
    expect(metrics.escalationRate.value).toBe(1 / 4);
    expect(metrics.satisfaction).toBe(4);

    const byUnit = new Map((await sumRollups(database.db, february, "unit")).map((row) => [row.key, row.counts.complaints]));
    expect(Object.fromEntries(byUnit)).toEqual({ [unitA]: 4, [unitB]: 1 });
    const byForm = new Map((await sumRollups(database.db, february, "form")).map((row) => [row.key, row.counts.complaints]));
    expect(Object.fromEntries(byForm)).toEqual({ PENUNDAAN_BERLARUT: 2, PERMINTAAN_IMBALAN: 1, TIDAK_KOMPETEN: 1, null: 1 });
    expect((await total({ ...february, unitIds: [unitB] }))!.appealed).toBe(1);
    expect((await total({ ...february, productId: productB }))!.complaints).toBe(1);
    expect(await total({ ...february, unitIds: [] })).toBeUndefined();
  });

  it("gives the dashboard, in one statement, the same cuts as the per-dimension sums", async () => {
    const scope = { from: "2026-02-01", to: "2026-03-01" };
    const breakdown = await sumRollupBreakdown(database.db, scope);
    const sums = async (by: "unit" | "month" | "form") => new Map((await sumRollups(database.db, scope, by)).map((row) => [row.key, row.counts]));
    expect(breakdown.total).toEqual(await total(scope));
    expect(breakdown.byUnit).toEqual(await sums("unit"));
    expect(breakdown.byMonth).toEqual(await sums("month"));
    expect(breakdown.byForm).toEqual(await sums("form"));
    expect(breakdown.byMonth.get("2026-02-01")).toEqual(expectedFebruary);
    // Per unit and form (both known), complaints only: the same as Prisma's own grouping of the roll-up rows.
    const grouped = await database.db.complaintReportRollup.groupBy({
      by: ["unitId", "maladministrationCode"],
      where: { periodMonth: { gte: new Date("2026-02-01"), lte: new Date("2026-03-01") }, unitId: { not: null }, maladministrationCode: { not: null } },
      _sum: { complaints: true },
    });
    const key = (unitId: string | null, form: string | null) => `${unitId}|${form}`;
    expect(new Map(breakdown.byUnitForm.map((cell) => [key(cell.unitId, cell.form), cell.complaints]))).toEqual(
      new Map(grouped.map((row) => [key(row.unitId, row.maladministrationCode), row._sum.complaints])),
    );
    expect(breakdown.byUnitForm.length).toBeGreaterThan(0);
    // An empty scope: zero counts, no rows.
    const none = await sumRollupBreakdown(database.db, { ...scope, unitIds: [] });
    expect(none.total).toEqual(EMPTY_COUNTS);
    expect(none.byUnit.size + none.byMonth.size + none.byForm.size + none.byUnitForm.length).toBe(0);
  });

  it("keeps periods apart", async () => {
    const march = await total({ from: "2026-03-01", to: "2026-03-01" });
    expect(march).toMatchObject({ complaints: 1, open: 1, verificationDecided: 0, handled: 0 });
    expect((await total({ from: "2026-02-01", to: "2026-03-01" }))!.complaints).toBe(6);
  });

  it("moves a transferred complaint to its new unit's row through the worker", async () => {
    clock = wib("2026-03-02T10:00:00");
    await act(ids.C!, "TRANSFER", "COORDINATOR", "2026-03-02T10:00:00", { complaintUpdate: { unitId: unitB } });
    await drainReports();
    const byUnit = new Map((await sumRollups(database.db, february, "unit")).map((row) => [row.key, row.counts]));
    expect(byUnit.get(unitA)!.complaints).toBe(3);
    expect(byUnit.get(unitB)!.complaints).toBe(2);
    // The new unit's clocks restarted: C's first response is running again, not missed.
    expect(byUnit.get(unitB)!.firstResponseDecided).toBe(1);
    expect((await total(february))!.firstResponseDecided).toBe(3);
  });

  it("gives the same numbers when the roll-ups are thrown away and rebuilt by the sweeper", async () => {
    const before = await sumRollups(database.db, { from: "2026-01-01", to: "2026-12-01" }, "unit");
    await database.db.complaintReportRollup.deleteMany({});
    await database.db.complaintReportFact.deleteMany({});
    const missing = await findFactsToRefresh(database.db, clock, 1000);
    expect(new Set(missing)).toEqual(new Set(Object.values(ids)));
    for (const id of missing) await refreshComplaintReport(database.db, id, { now: clock });
    const after = await sumRollups(database.db, { from: "2026-01-01", to: "2026-12-01" }, "unit");
    // And the one-statement rebuild an operator runs after a bulk load agrees with both.
    await rebuildAllRollups(database.db, clock);
    const rebuilt = await sumRollups(database.db, { from: "2026-01-01", to: "2026-12-01" }, "unit");
    const sorted = (rows: typeof before) => [...rows].sort((a, b) => String(a.key).localeCompare(String(b.key)));
    expect(sorted(after)).toEqual(sorted(before));
    expect(sorted(rebuilt)).toEqual(sorted(before));
  });

  it("refreshes a fact whose running clock passed its deadline, without any event", async () => {
    const fact = await database.db.complaintReportFact.findUniqueOrThrow({ where: { complaintId: ids.H! } });
    // H was filed Mon 2 Mar 08:00: verification due Thu 5 Mar at close.
    expect(fact.staleAt).toEqual(wib("2026-03-05T16:00:00"));
    expect(await findFactsToRefresh(database.db, wib("2026-03-05T15:59:00"), 10)).not.toContain(ids.H);
    const later = wib("2026-03-05T16:01:00");
    expect(await findFactsToRefresh(database.db, later, 10)).toContain(ids.H);
    await refreshComplaintReport(database.db, ids.H!, { now: later });
    expect((await total({ from: "2026-03-01", to: "2026-03-01" }))).toMatchObject({ verificationDecided: 1, verificationMet: 0 });
  });
});
