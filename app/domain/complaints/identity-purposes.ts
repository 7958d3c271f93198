// Why a staff member may open a complainant's identity. Plain data, not in identity.server.ts: the
// staff complaint page renders these choices in the browser too, where a `.server` module is empty.
import type { MessageKey } from "~/services/i18n";

export const IDENTITY_PURPOSES = ["follow-up", "verification", "oversight"] as const;
export type IdentityPurpose = (typeof IDENTITY_PURPOSES)[number];

/** Each purpose's label in the catalogues (the reveal form, and the audit trail that lists the views). */
export const IDENTITY_PURPOSE_KEYS = {
  "follow-up": "inbox.identity.purpose.followUp",
  verification: "inbox.identity.purpose.verification",
  oversight: "inbox.identity.purpose.oversight",
} as const satisfies Record<IdentityPurpose, MessageKey>;

export const isIdentityPurpose = (value: string): value is IdentityPurpose => (IDENTITY_PURPOSES as readonly string[]).includes(value);

