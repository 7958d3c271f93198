// The citizen's tracking page in one statement (the page is the busiest on the public site; as
// Prisma relation reads it was six round trips). Only PUBLIC events; no identity columns at all
// (of the complainant only whether mail to them fails, issue #15).
import { Prisma, type ComplaintStatus } from "~/generated/prisma/client";
import { qualifiedTable, type Db } from "~/services/db.server";

export interface CitizenViewRow {
  id: string;
  trackingCode: string;
  status: ComplaintStatus;
  visibility: string;
  submittedAt: Date;
  nextDueAt: Date | null;
  nextDueStage: string | null;
  rating: number | null;
  unitName: string | null;
  productName: string | null;
  productNameEn: string | null;
  /** Mail to the complainant's address fails (issue #15): a yes or no, never the address. */
  emailUndeliverable: boolean;
  events: {
    id: string;
    type: string;
    occurredAt: string;
    actorKind: string;
    message: string | null;
    payload: unknown;
    attachments: { id: string; originalName: string }[];
  }[];
}

/** By id, or by tracking code (the page's own address: one statement instead of a lookup first). */
export async function loadCitizenViewRow(db: Db, key: string | { trackingCode: string }): Promise<CitizenViewRow | null> {
  const where = typeof key === "string" ? Prisma.sql`c.id = ${key}::uuid` : Prisma.sql`c.tracking_code = ${key.trackingCode}`;
  const rows = await db.$queryRaw<CitizenViewRow[]>`
    SELECT c.id::text AS id, c.tracking_code AS "trackingCode", c.status::text AS status, c.visibility::text AS visibility,
      c.submitted_at AS "submittedAt", c.next_due_at AS "nextDueAt", c.next_due_stage::text AS "nextDueStage", c.rating,
      u.name AS "unitName", p.name AS "productName", p.name_en AS "productNameEn",
      (cp.email_undeliverable_at IS NOT NULL) AS "emailUndeliverable",
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', e.id::text, 'type', e.type::text, 'occurredAt', e.occurred_at, 'actorKind', e.actor_kind::text,
          'message', e.message, 'payload', e.payload,
          'attachments', COALESCE((
            SELECT json_agg(json_build_object('id', a.id::text, 'originalName', a.original_name) ORDER BY a.created_at, a.id)
            FROM ${qualifiedTable(db, "attachment")} a
            WHERE a.complaint_id = c.id AND a.event_id = e.id), '[]'::json)
        ) ORDER BY e.id)
        FROM ${qualifiedTable(db, "complaint_event")} e
        WHERE e.complaint_id = c.id AND e.visibility = 'PUBLIC'), '[]'::json) AS events
    FROM ${qualifiedTable(db, "complaint")} c
    LEFT JOIN ${qualifiedTable(db, "service_unit")} u ON u.id = c.unit_id
    LEFT JOIN ${qualifiedTable(db, "service_product")} p ON p.id = c.product_id
    LEFT JOIN ${qualifiedTable(db, "complainant")} cp ON cp.id = c.complainant_id
    WHERE ${where}`;
  return rows[0] ?? null;
}
