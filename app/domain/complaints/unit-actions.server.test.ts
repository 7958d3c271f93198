import { describe, expect, it } from "vitest";
import { unitTreeFrom } from "~/domain/auth/permissions";
import { decodeCursor, encodeCursor } from "~/models/inbox.server";
import { appealDeciderRole, availableIntents, workflowRoleFor } from "./unit-actions.server";

const CITY = "00000000-0000-4000-8000-000000000001";
const DINAS = "00000000-0000-4000-8000-000000000002";
const PUSKESMAS = "00000000-0000-4000-8000-000000000003";
const OTHER = "00000000-0000-4000-8000-000000000004";
const tree = unitTreeFrom([
  { id: CITY, parentId: null },
  { id: DINAS, parentId: CITY },
  { id: PUSKESMAS, parentId: DINAS },
  { id: OTHER, parentId: CITY },
]);

describe("workflowRoleFor", () => {
  it("prefers the unit head's membership over the officer's, and falls back to city-wide roles", () => {
    const both = { memberships: [{ unitId: PUSKESMAS, role: "OFFICER" as const }, { unitId: DINAS, role: "UNIT_HEAD" as const }] };
    expect(workflowRoleFor(both, PUSKESMAS, tree)).toEqual({ actor: "UNIT_HEAD", unitId: DINAS });
    expect(workflowRoleFor({ memberships: [{ unitId: PUSKESMAS, role: "OFFICER" }] }, PUSKESMAS, tree)).toEqual({ actor: "OFFICER", unitId: PUSKESMAS });
    expect(workflowRoleFor({ memberships: [{ unitId: PUSKESMAS, role: "OFFICER" }] }, DINAS, tree)).toBeNull();
    expect(workflowRoleFor({ memberships: [{ unitId: CITY, role: "COORDINATOR" }] }, null, tree)).toEqual({ actor: "COORDINATOR", unitId: CITY });
  });
});

describe("availableIntents", () => {
  const officer = { memberships: [{ unitId: DINAS, role: "OFFICER" as const }] };
  const head = { memberships: [{ unitId: DINAS, role: "UNIT_HEAD" as const }] };
  it("offers what the workflow allows the role, only where the user may act", () => {
    expect(availableIntents(officer, { unitId: DINAS, status: "ASSIGNED" }, tree)).toEqual(["acknowledge", "note", "transfer"]);
    expect(availableIntents(officer, { unitId: DINAS, status: "IN_PROGRESS" }, tree)).toEqual(["request-info", "respond", "propose-resolution", "note", "transfer"]);
    expect(availableIntents(officer, { unitId: OTHER, status: "IN_PROGRESS" }, tree)).toEqual([]);
    expect(availableIntents(head, { unitId: PUSKESMAS, status: "IN_PROGRESS" }, tree)).toContain("assign");
    expect(availableIntents({ memberships: [{ unitId: CITY, role: "INSPECTORATE" }] }, { unitId: DINAS, status: "IN_PROGRESS" }, tree)).toEqual([]);
    expect(availableIntents(officer, { unitId: DINAS, status: "CLOSED" }, tree)).toEqual(["note"]);
  });
});

describe("appeal decisions", () => {
  const liaison = { memberships: [{ unitId: CITY, role: "LIAISON" as const }] };
  it("are the liaison's, on an appealed complaint only, and never on an appeal against the liaison's own unit", () => {
    expect(availableIntents(liaison, { unitId: DINAS, status: "APPEALED" }, tree)).toEqual(["uphold-appeal", "dismiss-appeal"]);
    expect(availableIntents(liaison, { unitId: DINAS, status: "RESOLVED" }, tree)).toEqual([]);
    expect(availableIntents({ memberships: [{ unitId: DINAS, role: "UNIT_HEAD" }] }, { unitId: DINAS, status: "APPEALED" }, tree)).not.toContain("uphold-appeal");
    expect(availableIntents({ memberships: [{ unitId: CITY, role: "COORDINATOR" }] }, { unitId: DINAS, status: "APPEALED" }, tree)).not.toContain("dismiss-appeal");
    // A liaison who also heads the Dinas does not judge its Puskesmas's handling.
    const conflicted = { memberships: [...liaison.memberships, { unitId: DINAS, role: "UNIT_HEAD" as const }] };
    expect(appealDeciderRole(conflicted, PUSKESMAS, tree)).toBeNull();
    expect(appealDeciderRole(conflicted, OTHER, tree)).toEqual({ actor: "LIAISON", unitId: CITY });
  });
});

describe("inbox cursor", () => {
  it("round-trips with and without a deadline and rejects junk", () => {
    const dated = { nextDueAt: new Date("2026-11-30T02:00:00.123Z"), submittedAt: new Date("2026-11-20T01:00:00Z"), id: DINAS };
    expect(decodeCursor(encodeCursor(dated))).toEqual(dated);
    const undated = { nextDueAt: null, submittedAt: new Date("2026-11-20T01:00:00Z"), id: DINAS };
    expect(decodeCursor(encodeCursor(undated))).toEqual(undated);
    for (const junk of [null, "", "x", "1.2.not-a-uuid", "'; drop table complaint; --"]) expect(decodeCursor(junk)).toBeNull();
  });
});
