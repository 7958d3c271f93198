// Staff permissions: pure and client-safe (no server imports), so routes, loaders and components
// can ask the same questions.
//
// A permission reads `action:entity:scope`. Scopes:
// - `unit`:    the units the user holds the role in;
// - `subtree`: those units and every unit below them (ServiceUnit.parentId);
// - `any`:     the whole city, including complaints no unit has been given yet.
//
// Sources: DESIGN.md "Domain model" (User / Membership roles; visibility PUBLIC / RAHASIA / ANONIM),
// DESIGN.md "Workflow" (coordinator verifies and routes; escalation unit head → Inspektorat → liaison;
// APPEALED → liaison), DOMAIN.md §3.3 (LAPOR! roles: *admin koordinator* reviews, verifies,
// dispatches and monitors; *Anonim* = identity hidden from the reported party and the public;
// *Rahasia* = content not public) and DOMAIN.md §5.3 (the OPD handling an anonymous report sees no
// identity fields; every identity read is logged, ADR 006).

export const ROLES = ["CITIZEN", "OFFICER", "UNIT_HEAD", "COORDINATOR", "INSPECTORATE", "LIAISON", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

/** Roles that work in the staff workspace (a CITIZEN membership grants nothing here). */
export const STAFF_ROLES = ["OFFICER", "UNIT_HEAD", "COORDINATOR", "INSPECTORATE", "LIAISON", "ADMIN"] as const satisfies readonly Role[];

export const PERMISSIONS = [
  // Complaints of the user's own units (officer) or units and their descendants (unit head).
  "read:complaint:unit",
  "act:complaint:unit",
  "read:complaint:subtree",
  "act:complaint:subtree",
  /** Give a complaint of the unit to one of its officers. */
  "assign:complaint:subtree",
  /** Complainant identity of PUBLIC / RAHASIA complaints the unit handles (never ANONIM). */
  "read:identity:unit",
  "read:identity:subtree",
  // City-wide duties.
  "read:complaint:any",
  /** Verify, hold, reject, mark duplicate, route and transfer: the coordinator's desk. */
  "triage:complaint:any",
  /** Complainant identity of any complaint, ANONIM included (follow-up and oversight). */
  "read:identity:any",
  "read:escalation:any",
  "decide:appeal:any",
  /** Aggregated complaint reports (no complaint content, no identity). */
  "read:report:any",
  /** The report card of the user's units and the units below them. */
  "read:report:subtree",
  // Ombudsman-facing work (DOMAIN.md §3.4–3.5, ADR 013): letters to answer and the annual assessment.
  /** Record Ombudsman matters (clarification requests, corrective actions, recommendations) and their answers. */
  "manage:ombudsman:any",
  "read:ombudsman:any",
  /** The matters addressed to the user's own unit (a unit head answers for them). */
  "read:ombudsman:unit",
  /** Enter and import Ombudsman compliance-assessment results. */
  "manage:assessment:any",
  "read:assessment:any",
  // Administration.
  "manage:unit:any",
  "manage:user:any",
  "manage:sla:any",
  "manage:holiday:any",
  "manage:template:any",
  /** Open311 API clients and their keys (ADR 012). */
  "manage:apiclient:any",
  "read:audit:any",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Role → permissions. A user's permissions are the union over their memberships; unit-scoped
 * ones apply to the membership's unit only.
 */
export const ROLE_PERMISSIONS = {
  // A citizen account (later) tracks its own complaints through the citizen pages, not here.
  CITIZEN: [],
  // DOMAIN.md §3.3 *admin penghubung* of an OPD: drafts and posts the unit's answer.
  OFFICER: ["read:complaint:unit", "act:complaint:unit", "read:identity:unit"],
  // DESIGN.md "Workflow": first escalation level; heads a unit and the units under it.
  UNIT_HEAD: ["read:complaint:subtree", "act:complaint:subtree", "assign:complaint:subtree", "read:identity:subtree", "read:report:subtree", "read:ombudsman:unit"],
  // DOMAIN.md §3.3 *admin koordinator*: reviews, verifies, dispatches and monitors every report.
  // Reads the assessment results: the complaint desk feeds the Pengaduan dimension (DOMAIN.md §1.3).
  COORDINATOR: ["read:complaint:any", "triage:complaint:any", "read:identity:any", "read:assessment:any"],
  // DESIGN.md "Workflow": second escalation level (APIP oversight); reads, does not work complaints.
  // Oversight reads Ombudsman matters and assessments; it does not answer the Ombudsman.
  // As APIP it also reviews the audit trails: who opened which identity, what staff changed.
  INSPECTORATE: ["read:complaint:any", "read:escalation:any", "read:identity:any", "read:ombudsman:any", "read:assessment:any", "read:report:any", "read:audit:any"],
  // DESIGN.md "Workflow": APPEALED → liaison; third escalation level; Ombudsman-facing reports.
  LIAISON: [
    "read:complaint:any",
    "decide:appeal:any",
    "read:report:any",
    "read:identity:any",
    "manage:ombudsman:any",
    "read:ombudsman:any",
    "manage:assessment:any",
    "read:assessment:any",
  ],
  // Runs the system, not complaints: no complaint content and no identity (least privilege, UU PDP).
  // Ombudsman matters and assessments hold no complaint content or identity; the admin may stand in
  // for the liaison there (brief of issue #6).
  ADMIN: [
    "manage:unit:any",
    "manage:user:any",
    "manage:sla:any",
    "manage:holiday:any",
    "manage:template:any",
    "manage:apiclient:any",
    "read:audit:any",
    "manage:ombudsman:any",
    "read:ombudsman:any",
    "manage:assessment:any",
    "read:assessment:any",
  ],
} as const satisfies Record<Role, readonly Permission[]>;

export interface MembershipLike {
  unitId: string;
  role: Role;
}

export interface UserLike {
  memberships: readonly MembershipLike[];
}

export interface UnitTree {
  /** The unit's parent, or null at the top (or for an unknown unit). */
  parentOf(unitId: string): string | null;
}

/** A tree without hierarchy: only a user's own units count. */
export const FLAT_UNIT_TREE: UnitTree = { parentOf: () => null };

/** Builds a UnitTree from rows of ServiceUnit { id, parentId }. */
export function unitTreeFrom(units: readonly { id: string; parentId: string | null }[]): UnitTree {
  const parents = new Map(units.map((unit) => [unit.id, unit.parentId]));
  return { parentOf: (unitId) => parents.get(unitId) ?? null };
}

/** Longest parent chain followed; guards against a cycle in bad data. */
const MAX_DEPTH = 32;

/** True when `unitId` is `ancestorId` or lies below it. */
export function isSameOrDescendant(unitId: string, ancestorId: string, tree: UnitTree): boolean {
  let current: string | null = unitId;
  for (let depth = 0; current !== null && depth <= MAX_DEPTH; depth++) {
    if (current === ancestorId) return true;
    current = tree.parentOf(current);
  }
  return false;
}

export function permissionsOf(user: UserLike): Set<Permission> {
  const granted = new Set<Permission>();
  for (const membership of user.memberships) for (const permission of ROLE_PERMISSIONS[membership.role]) granted.add(permission);
  return granted;
}

/** Whether any of the user's roles grants the permission (for unit-scoped ones, in some unit). */
export function hasPermission(user: UserLike, permission: Permission): boolean {
  return user.memberships.some((membership) => (ROLE_PERMISSIONS[membership.role] as readonly Permission[]).includes(permission));
}

/**
 * Whether the user holds `entity` permission `action` over `unitId` through a unit-scoped
 * membership (`unit` or `subtree`); `any` scopes are checked by the callers.
 */
function holdsForUnit(user: UserLike, action: "read" | "act", entity: "complaint" | "identity", unitId: string, tree: UnitTree): boolean {
  return user.memberships.some((membership) => {
    const granted = ROLE_PERMISSIONS[membership.role] as readonly Permission[];
    if (granted.includes(`${action}:${entity}:unit` as Permission) && membership.unitId === unitId) return true;
    return granted.includes(`${action}:${entity}:subtree` as Permission) && isSameOrDescendant(unitId, membership.unitId, tree);
  });
}

export type ComplaintAction = "read" | "act";

/**
 * May the user read, or work on ("act": acknowledge, ask, answer, resolve, and for the
 * coordinator verify / route / transfer), this complaint?
 *
 * - OFFICER: complaints of the units they belong to, nothing else (DOMAIN.md §5.3: units see their
 *   own reports).
 * - UNIT_HEAD: the same plus complaints of every unit below theirs (DESIGN.md "Domain model":
 *   parentId hierarchy used for escalation; the head answers for the units under them).
 * - COORDINATOR: reads and acts on every complaint, including those with no unit yet: triage is
 *   their job (DESIGN.md "Workflow", DOMAIN.md §3.3 *Verifikasi / Tunda / Bukan Wewenang*).
 * - INSPECTORATE, LIAISON: read every complaint (oversight, escalation levels 2 and 3); they do not
 *   work complaints: the liaison's appeal decision is its own permission (`decide:appeal:any`,
 *   ask with hasPermission), not a general right to act.
 * - ADMIN, CITIZEN: nothing. An unassigned complaint (`unitId` null) is for city-wide roles only.
 */
export function canAccessComplaint(user: UserLike, complaint: { unitId: string | null }, unitTree: UnitTree, action: ComplaintAction): boolean {
  if (action === "read" ? hasPermission(user, "read:complaint:any") : hasPermission(user, "triage:complaint:any")) return true;
  if (complaint.unitId === null) return false;
  return holdsForUnit(user, action, "complaint", complaint.unitId, unitTree);
}

export type Visibility = "PUBLIC" | "RAHASIA" | "ANONIM";

/**
 * May the user see the complainant's identity? (Reading it must still go through the audited
 * accessor that writes an IdentityAccess row: ADR 006, DOMAIN.md §5.3.)
 *
 * - Never the public, and never ADMIN: running the system is no reason to know who complained
 *   (UU 27/2022 PDP, data minimisation).
 * - PUBLIC and RAHASIA: the handling unit (its officers; unit heads of it or of a unit above it),
 *   which needs the contact to follow the complaint up. RAHASIA hides the content from the public,
 *   not the identity from the unit (DOMAIN.md §3.3, DESIGN.md "Domain model").
 * - ANONIM: hidden from the reported unit (officer and unit head alike) and the public (DOMAIN.md
 *   §3.3, §5.3; UU 25/2009 and UU 37/2008 Pasal 24(2) on keeping identity secret). Visible to the
 *   COORDINATOR (verification: LAPOR! collects identity for it, DOMAIN.md §5.3), INSPECTORATE
 *   (oversight, retaliation cases) and LIAISON (Ombudsman follow-up).
 * - Conflict of interest: someone who is staff of the reported unit (officer or head over it) never
 *   sees an ANONIM identity, even when they also hold a city-wide role.
 * - A complaint with no unit yet: city-wide identity readers only.
 *
 * `unitTree` lets a unit head see identities of complaints of units below theirs; without it only
 * direct memberships count (the safe default).
 */
export function canSeeIdentity(
  user: UserLike,
  complaint: { unitId: string | null; visibility: Visibility },
  unitTree: UnitTree = FLAT_UNIT_TREE,
): boolean {
  const inReportedUnit =
    complaint.unitId !== null && (holdsForUnit(user, "read", "complaint", complaint.unitId, unitTree) || holdsForUnit(user, "act", "complaint", complaint.unitId, unitTree));
  if (complaint.visibility === "ANONIM") return !inReportedUnit && hasPermission(user, "read:identity:any");
  if (hasPermission(user, "read:identity:any")) return true;
  if (complaint.unitId === null) return false;
  return holdsForUnit(user, "read", "identity", complaint.unitId, unitTree);
}

export type ReportAccess = { cityWide: true; unitIds: null } | { cityWide: false; unitIds: string[] };

/**
 * Which complaint reports the user may see: the whole city (`read:report:any`), the units they
 * head and the units below them (`read:report:subtree`), or none (null).
 */
export function reportAccess(user: UserLike, units: readonly { id: string; parentId: string | null }[]): ReportAccess | null {
  if (hasPermission(user, "read:report:any")) return { cityWide: true, unitIds: null };
  const tree = unitTreeFrom(units);
  const heads = user.memberships.filter((m) => (ROLE_PERMISSIONS[m.role] as readonly Permission[]).includes("read:report:subtree"));
  if (heads.length === 0) return null;
  return { cityWide: false, unitIds: units.filter((unit) => heads.some((m) => isSameOrDescendant(unit.id, m.unitId, tree))).map((unit) => unit.id) };
}

/** Whether the report access covers `unitId`. */
export function reportCoversUnit(access: ReportAccess, unitId: string): boolean {
  return access.cityWide || access.unitIds.includes(unitId);
}

/**
 * The units a report reads: the one asked for when the access covers it (none when it does not),
 * otherwise all the access covers (null: the whole city).
 */
export function reportUnitIds(access: ReportAccess, unitId: string | null): string[] | null {
  if (unitId) return reportCoversUnit(access, unitId) ? [unitId] : [];
  return access.unitIds;
}
