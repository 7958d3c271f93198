import { describe, expect, it } from "vitest";
import { canAccessComplaint, canSeeIdentity, hasPermission, ROLE_PERMISSIONS, ROLES, unitTreeFrom, reportAccess, reportCoversUnit, reportUnitIds, type Role } from "./permissions";

// Units: CITY ─┬─ OWN ── CHILD ── GRANDCHILD
//              └─ OTHER
// Every user holds their one role in OWN (city-wide roles ignore the unit).
const tree = unitTreeFrom([
  { id: "CITY", parentId: null },
  { id: "OWN", parentId: "CITY" },
  { id: "CHILD", parentId: "OWN" },
  { id: "GRANDCHILD", parentId: "CHILD" },
  { id: "OTHER", parentId: "CITY" },
]);

const PLACES = { own: "OWN", child: "CHILD", other: "OTHER", unassigned: null } as const;
type Place = keyof typeof PLACES;

// The expected table, written out by hand from the rules (not computed from the code).
// Columns: read, act, identity when PUBLIC, identity when RAHASIA, identity when ANONIM.
// "Y" = allowed, "-" = refused.
const EXPECTED: Record<Role, Record<Place, string>> = {
  CITIZEN: { own: "-----", child: "-----", other: "-----", unassigned: "-----" },
  OFFICER: { own: "YYYY-", child: "-----", other: "-----", unassigned: "-----" },
  UNIT_HEAD: { own: "YYYY-", child: "YYYY-", other: "-----", unassigned: "-----" },
  COORDINATOR: { own: "YYYYY", child: "YYYYY", other: "YYYYY", unassigned: "YYYYY" },
  INSPECTORATE: { own: "Y-YYY", child: "Y-YYY", other: "Y-YYY", unassigned: "Y-YYY" },
  LIAISON: { own: "Y-YYY", child: "Y-YYY", other: "Y-YYY", unassigned: "Y-YYY" },
  ADMIN: { own: "-----", child: "-----", other: "-----", unassigned: "-----" },
};

const COLUMNS = ["read", "act", "identity PUBLIC", "identity RAHASIA", "identity ANONIM"] as const;

function actual(role: Role, place: Place): string {
  const user = { memberships: [{ unitId: "OWN", role }] };
  const unitId = PLACES[place];
  const answers = [
    canAccessComplaint(user, { unitId }, tree, "read"),
    canAccessComplaint(user, { unitId }, tree, "act"),
    canSeeIdentity(user, { unitId, visibility: "PUBLIC" }, tree),
    canSeeIdentity(user, { unitId, visibility: "RAHASIA" }, tree),
    canSeeIdentity(user, { unitId, visibility: "ANONIM" }, tree),
  ];
  return answers.map((yes) => (yes ? "Y" : "-")).join("");
}

describe("permission matrix: role × complaint's unit × read / act / identity", () => {
  it("covers every role", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ROLES].sort());
  });

  for (const role of ROLES) {
    for (const place of Object.keys(PLACES) as Place[]) {
      it(`${role} on a complaint of ${place === "unassigned" ? "no unit" : `the ${place} unit`}`, () => {
        const expected = EXPECTED[role][place];
        const got = actual(role, place);
        // Name the differing columns, so a failure reads as a sentence.
        const wrong = COLUMNS.filter((_, index) => got[index] !== expected[index]);
        expect(wrong, `${role}/${place}: expected ${expected}, got ${got}`).toEqual([]);
      });
    }
  }
});

describe("permission rules beyond the matrix", () => {
  it("a unit head reaches every level below their unit, not the levels above", () => {
    const head = { memberships: [{ unitId: "CHILD", role: "UNIT_HEAD" as const }] };
    expect(canAccessComplaint(head, { unitId: "GRANDCHILD" }, tree, "act")).toBe(true);
    expect(canAccessComplaint(head, { unitId: "OWN" }, tree, "read")).toBe(false);
    expect(canAccessComplaint(head, { unitId: "CITY" }, tree, "read")).toBe(false);
  });

  it("without a unit tree only a unit head's own unit counts for identity", () => {
    const head = { memberships: [{ unitId: "OWN", role: "UNIT_HEAD" as const }] };
    expect(canSeeIdentity(head, { unitId: "OWN", visibility: "PUBLIC" })).toBe(true);
    expect(canSeeIdentity(head, { unitId: "CHILD", visibility: "PUBLIC" })).toBe(false);
  });

  it("staff of the reported unit never see an ANONIM identity, even with a city-wide role too", () => {
    const both = { memberships: [{ unitId: "OWN", role: "OFFICER" as const }, { unitId: "CITY", role: "COORDINATOR" as const }] };
    expect(canSeeIdentity(both, { unitId: "OWN", visibility: "ANONIM" }, tree)).toBe(false);
    expect(canSeeIdentity(both, { unitId: "OTHER", visibility: "ANONIM" }, tree)).toBe(true);
    expect(canAccessComplaint(both, { unitId: "OWN" }, tree, "act")).toBe(true);
  });

  it("an officer in two units reaches both", () => {
    const officer = { memberships: [{ unitId: "OWN", role: "OFFICER" as const }, { unitId: "OTHER", role: "OFFICER" as const }] };
    expect(canAccessComplaint(officer, { unitId: "OTHER" }, tree, "act")).toBe(true);
    expect(canAccessComplaint(officer, { unitId: "CHILD" }, tree, "read")).toBe(false);
  });

  it("a user without memberships gets nothing", () => {
    const nobody = { memberships: [] };
    expect(canAccessComplaint(nobody, { unitId: null }, tree, "read")).toBe(false);
    expect(canSeeIdentity(nobody, { unitId: "OWN", visibility: "PUBLIC" }, tree)).toBe(false);
  });

  it("a cycle in the unit data does not loop forever", () => {
    const looped = unitTreeFrom([
      { id: "A", parentId: "B" },
      { id: "B", parentId: "A" },
    ]);
    const head = { memberships: [{ unitId: "OWN", role: "UNIT_HEAD" as const }] };
    expect(canAccessComplaint(head, { unitId: "A" }, looped, "read")).toBe(false);
  });

  it("duties outside complaints: admins manage, the liaison decides appeals, nobody else does", () => {
    const holders = (permission: Parameters<typeof hasPermission>[1]) =>
      ROLES.filter((role) => hasPermission({ memberships: [{ unitId: "OWN", role }] }, permission));
    expect(holders("manage:user:any")).toEqual(["ADMIN"]);
    expect(holders("read:audit:any")).toEqual(["INSPECTORATE", "ADMIN"]);
    expect(holders("decide:appeal:any")).toEqual(["LIAISON"]);
    expect(holders("read:report:any")).toEqual(["INSPECTORATE", "LIAISON"]);
    expect(holders("read:report:subtree")).toEqual(["UNIT_HEAD"]);
    expect(holders("read:escalation:any")).toEqual(["INSPECTORATE"]);
    expect(holders("triage:complaint:any")).toEqual(["COORDINATOR"]);
    expect(holders("assign:complaint:subtree")).toEqual(["UNIT_HEAD"]);
    expect(ROLE_PERMISSIONS.ADMIN).not.toContain("read:identity:any");
  });

  it("Ombudsman matters and assessments: the liaison and the admin manage; oversight and the unit head read", () => {
    const holders = (permission: Parameters<typeof hasPermission>[1]) =>
      ROLES.filter((role) => hasPermission({ memberships: [{ unitId: "OWN", role }] }, permission));
    expect(holders("manage:ombudsman:any")).toEqual(["LIAISON", "ADMIN"]);
    expect(holders("read:ombudsman:any")).toEqual(["INSPECTORATE", "LIAISON", "ADMIN"]);
    expect(holders("read:ombudsman:unit")).toEqual(["UNIT_HEAD"]);
    expect(holders("manage:assessment:any")).toEqual(["LIAISON", "ADMIN"]);
    expect(holders("read:assessment:any")).toEqual(["COORDINATOR", "INSPECTORATE", "LIAISON", "ADMIN"]);
  });
});

describe("report access", () => {
  const units = [
    { id: "CITY", parentId: null },
    { id: "OWN", parentId: "CITY" },
    { id: "CHILD", parentId: "OWN" },
    { id: "OTHER", parentId: "CITY" },
  ];
  it("gives the liaison and the Inspektorat the city, a unit head their subtree, the rest nothing", () => {
    const as = (role: (typeof ROLES)[number]) => reportAccess({ memberships: [{ unitId: "OWN", role }] }, units);
    expect(as("LIAISON")).toEqual({ cityWide: true, unitIds: null });
    expect(as("INSPECTORATE")).toEqual({ cityWide: true, unitIds: null });
    expect(as("UNIT_HEAD")).toEqual({ cityWide: false, unitIds: ["OWN", "CHILD"] });
    for (const role of ["OFFICER", "COORDINATOR", "ADMIN", "CITIZEN"] as const) expect(as(role)).toBeNull();
  });

  it("narrows a report to one unit only inside the access", () => {
    const head = reportAccess({ memberships: [{ unitId: "OWN", role: "UNIT_HEAD" }] }, units)!;
    const city = reportAccess({ memberships: [{ unitId: "OWN", role: "LIAISON" }] }, units)!;
    expect(reportUnitIds(head, null)).toEqual(["OWN", "CHILD"]);
    expect(reportUnitIds(head, "CHILD")).toEqual(["CHILD"]);
    expect(reportUnitIds(head, "OTHER")).toEqual([]);
    expect(reportUnitIds(city, null)).toBeNull();
    expect(reportUnitIds(city, "OTHER")).toEqual(["OTHER"]);
    expect(reportCoversUnit(head, "OTHER")).toBe(false);
  });
});
