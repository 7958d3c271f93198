// The one audited accessor for a complainant's identity (ADR 006, DOMAIN.md §5.3): it asks the
// permission module, reads name / email / phone and writes an IdentityAccess row in the same
// transaction, so no identity leaves the database without a record of who saw it and why.
import { canSeeIdentity, unitTreeFrom, type Role } from "~/domain/auth/permissions";
import type { Db } from "~/services/db.server";

import type { IdentityPurpose } from "./identity-purposes";

export { IDENTITY_PURPOSES, type IdentityPurpose } from "./identity-purposes";

export interface RevealedIdentity {
  name: string | null;
  email: string | null;
  phone: string | null;
}

export type RevealOutcome =
  | { ok: true; identity: RevealedIdentity; accessId: string }
  | { ok: false; reason: "not_found" | "forbidden" | "no_identity" };

/**
 * Reveals the complainant's identity to `userId` for `purpose`, or refuses. The check runs inside
 * the transaction against the user's current memberships and the complaint's current unit and
 * visibility (ANONIM is never shown to the reported unit's own staff: canSeeIdentity decides).
 */
export async function revealComplainantIdentity(
  db: Db,
  { complaintId, userId, purpose }: { complaintId: string; userId: string; purpose: string },
): Promise<RevealOutcome> {
  const trimmedPurpose = purpose.trim().slice(0, 200);
  if (!trimmedPurpose) throw new Error("revealComplainantIdentity: purpose is required");
  return db.$transaction(async (tx) => {
    const complaint = await tx.complaint.findUnique({
      where: { id: complaintId },
      select: { id: true, unitId: true, visibility: true, complainantId: true },
    });
    if (!complaint) return { ok: false, reason: "not_found" } as const;
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { isActive: true, memberships: { select: { unitId: true, role: true } } },
    });
    if (!user || !user.isActive) return { ok: false, reason: "forbidden" } as const;
    const units = await tx.serviceUnit.findMany({ select: { id: true, parentId: true } });
    const memberships = user.memberships.map((m) => ({ unitId: m.unitId, role: m.role as Role }));
    if (!canSeeIdentity({ memberships }, complaint, unitTreeFrom(units))) return { ok: false, reason: "forbidden" } as const;
    if (!complaint.complainantId) return { ok: false, reason: "no_identity" } as const;
    const complainant = await tx.complainant.findUniqueOrThrow({
      where: { id: complaint.complainantId },
      select: { name: true, email: true, phone: true },
    });
    const access = await tx.identityAccess.create({
      data: { complaintId: complaint.id, complainantId: complaint.complainantId, userId, purpose: trimmedPurpose },
      select: { id: true },
    });
    return { ok: true, identity: complainant, accessId: access.id } as const;
  });
}
