// The liaison's risk ranking from the database (ADR 011 addendum), built from the case of issue #21:
// the dashboard said "no unit at risk" and its tiles "100 %" from one case, while Disdukcapil stood
// in Zona Kuning (69.43, C) with four components not met and a recommendation 37 days overdue.
import { beforeAll, describe, expect, it } from "vitest";
import { applyTransition } from "~/domain/complaints/apply-transition.server";
import { jakartaDate } from "~/domain/compliance/ombudsman-deadlines";
import { loadDashboard, parseReportPeriod } from "~/domain/reports/dashboard.server";
import { refreshComplaintReport } from "~/domain/reports/refresh-complaint-report.server";
import { fileComplaintAt } from "./support/complaint-form";
import { useTestDatabase } from "./support/isolation";

const database = useTestDatabase({ seed: true });
const db = () => database.db;
const now = new Date();
const day = (offset: number) => new Date(`${jakartaDate(new Date(now.getTime() + offset * 86_400_000))}T00:00:00Z`);
let dukcapil = "";
let dinkes = "";

beforeAll(async () => {
  const units = await db().serviceUnit.findMany({ where: { code: { in: ["DISDUKCAPIL", "DINKES"] } }, select: { id: true, code: true } });
  dukcapil = units.find((u) => u.code === "DISDUKCAPIL")!.id;
  dinkes = units.find((u) => u.code === "DINKES")!.id;
  const product = await db().serviceProduct.findFirstOrThrow({ where: { code: "DUKCAPIL-KTP-EL" } });

  // One complaint, answered on time: the tile reads 100 % from n = 1.
  const complaintId = await fileComplaintAt(db(), now, { productId: product.id, chooser: "slow" });
  for (const [action, actor] of [["VERIFY", "COORDINATOR"], ["ASSIGN", "SYSTEM"], ["ACKNOWLEDGE", "OFFICER"], ["RESPOND", "OFFICER"]] as const) {
    const outcome = await applyTransition(db(), { complaintId, action, actor, now, message: "jawaban uji" });
    expect(outcome.ok, action).toBe(true);
  }
  await refreshComplaintReport(db(), complaintId, { now });

  const assessment = await db().complianceAssessment.create({
    data: { year: 2025, method: "DIMENSI_2022", scope: "UNIT", subjectKey: "UNIT:DISDUKCAPIL", unitId: dukcapil, totalScore: 69.43, zone: "KUNING", grade: "C", source: "uji risiko" },
  });
  // Four of the components found not met; undue delay (the complaint's form) points at component 4.
  await db().componentFinding.createMany({
    data: [3, 4, 6, 10].map((componentNumber) => ({ assessmentId: assessment.id, componentNumber, compliant: false })).concat([{ assessmentId: assessment.id, componentNumber: 1, compliant: true }]),
  });
  await db().complianceAssessment.create({
    data: { year: 2025, method: "DIMENSI_2022", scope: "UNIT", subjectKey: "UNIT:DINKES", unitId: dinkes, totalScore: 91.7, zone: "HIJAU", grade: "A", source: "uji risiko" },
  });
  const liaison = await db().user.create({ data: { email: "penghubung.risiko@uji.invalid", name: "Penghubung Uji" } });
  // A recommendation received 97 days ago: its 60-day clock ran out 37 days ago.
  await db().ombudsmanMatter.create({
    data: { kind: "RECOMMENDATION", reference: "REK-RISIKO-1", unitId: dukcapil, receivedOn: day(-97), dueOn: day(-37), recordedById: liaison.id },
  });
}, 60_000);

describe("the risk ranking on the liaison dashboard", () => {
  const period = () => parseReportPeriod(new URLSearchParams(), now);

  it("flags the Disdukcapil of issue #21 red and ranks it first, with every reason and its n", async () => {
    const dashboard = await loadDashboard(db(), { access: { cityWide: true, unitIds: null }, period: period(), risk: { now, ombudsmanScope: { kind: "any" } } });
    // What the tiles had: 100 % from one case, and no index.
    expect(dashboard.totals.sla.firstResponse).toEqual({ value: 1, part: 1, whole: 1 });
    expect(dashboard.units.find((u) => u.unitId === dukcapil)!.metrics.handlingIndex).toBeNull();
    // The index-only rule of ADR 011 stays silent on it...
    expect(dashboard.warnings.map((w) => w.unitId)).not.toContain(dukcapil);
    // ...the extended rule does not.
    const ranked = dashboard.risk!.units;
    expect(dashboard.risk!.lettersCounted).toBe(true);
    expect(ranked[0]).toMatchObject({ unitId: dukcapil, level: "red", index: null, handled: 1 });
    expect(ranked[0]!.reasons).toEqual([
      { kind: "lettersOverdue", severity: "red", count: 1, days: 37 },
      { kind: "lastBand", severity: "amber", year: 2025, zone: "KUNING", grade: "C", score: 69.43 },
      { kind: "sharedGaps", severity: "amber", year: 2025, components: [4] },
      { kind: "unmetComponents", severity: "amber", year: 2025, components: [3, 4, 6, 10] },
    ]);
    // A Zona Kuning unit with an overdue letter ranks above one graded A with none.
    const order = ranked.map((r) => r.unitId);
    expect(order.indexOf(dukcapil)).toBeLessThan(order.indexOf(dinkes));
    expect(ranked.find((r) => r.unitId === dinkes)!.level).toBe("green");
  });

  it("leaves letters out for a reader who may not see them, and says so", async () => {
    const dashboard = await loadDashboard(db(), { access: { cityWide: true, unitIds: null }, period: period(), risk: { now, ombudsmanScope: null } });
    expect(dashboard.risk!.lettersCounted).toBe(false);
    const row = dashboard.risk!.units.find((r) => r.unitId === dukcapil)!;
    expect(row.reasons.map((r) => r.kind)).not.toContain("lettersOverdue");
    // Still not green: its zone and the gaps complaints point at remain.
    expect(row.level).not.toBe("green");
  });

  it("keeps a unit head's ranking to their own units", async () => {
    const dashboard = await loadDashboard(db(), { access: { cityWide: false, unitIds: [dinkes] }, period: period(), risk: { now, ombudsmanScope: { kind: "any" } } });
    expect(dashboard.risk!.units.map((r) => r.unitId)).toEqual([dinkes]);
  });
});
