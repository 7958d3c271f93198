// The complainant's stored identity, read only so the publication rule (app/domain/publication,
// ADR 026) can blank it out of whatever leaves the staff pages: Open311, the public reports, the
// similar reports shown while filing, the inbox's one-line summaries. One select, so a field added
// to the identity is blanked everywhere at once.
import type { Prisma } from "~/generated/prisma/client";

export const IDENTITY_TO_BLANK_SELECT = { name: true, email: true, phone: true, nik: true, address: true } satisfies Prisma.ComplainantSelect;
