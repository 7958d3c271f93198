// Why a staff member may open a complainant's identity. Plain data, not in identity.server.ts: the
// staff complaint page renders these choices in the browser too, where a `.server` module is empty.
export const IDENTITY_PURPOSES = ["follow-up", "verification", "oversight"] as const;
export type IdentityPurpose = (typeof IDENTITY_PURPOSES)[number];
