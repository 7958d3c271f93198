// Staff alerts: what the SLA worker owes a staff address (an escalation reached, a reminder), kept
// until the sweep lists it in that address's digest (ADR 009, session 6). Set-based raw SQL like
// the rest of the SLA batch (ADR 019); `db` names the schema, `client` runs the statement.
import type { SlaStage } from "~/generated/prisma/client";
import { qualifiedTable, type Db } from "~/services/db.server";
import type { DbClient } from "~/services/db-types.server";
import type { EscalationRole } from "./sla-types";

/** CITIZEN_UNREACHABLE: a complaint waits on a citizen whose address is undeliverable (issue #15; recorded by app/domain/email-delivery). */
export type StaffAlertKind = "ESCALATION" | "REMINDER" | "CITIZEN_UNREACHABLE";

export interface StaffAlertInsert {
  /** One per address and item: a retried evaluation finds it and adds nothing. */
  dedupeKey: string;
  complaintId: string;
  to: string;
  locale: "id" | "en";
  kind: StaffAlertKind;
  stage: SlaStage;
  level: number | null;
  role: EscalationRole | null;
  dueAt: Date;
  nextLevelAt: Date | null;
}

/** Inserts the alerts, skipping those whose dedupe key exists; returns how many are new. */
export async function recordStaffAlerts(db: Db, client: DbClient, alerts: readonly StaffAlertInsert[]): Promise<number> {
  if (alerts.length === 0) return 0;
  const column = <T>(pick: (a: StaffAlertInsert) => T) => alerts.map(pick);
  return client.$executeRaw`
    INSERT INTO ${qualifiedTable(db, "staff_alert")} (dedupe_key, complaint_id, to_address, locale, kind, stage, level, role, due_at, next_level_at)
    SELECT v.dedupe_key, v.complaint_id, v.to_address, v.locale, v.kind::"StaffAlertKind", v.stage::"SlaStage", v.level, v.role::"Role", v.due_at, v.next_level_at
    FROM unnest(
      ${column((a) => a.dedupeKey)}::text[], ${column((a) => a.complaintId)}::uuid[], ${column((a) => a.to)}::text[], ${column((a) => a.locale)}::text[],
      ${column((a) => a.kind)}::text[], ${column((a) => a.stage)}::text[], ${column((a) => a.level)}::int[], ${column((a) => a.role)}::text[],
      ${column((a) => a.dueAt)}::timestamptz[], ${column((a) => a.nextLevelAt)}::timestamptz[]
    ) AS v(dedupe_key, complaint_id, to_address, locale, kind, stage, level, role, due_at, next_level_at)
    ON CONFLICT (dedupe_key) DO NOTHING`;
}

/** An alert waiting for its digest, with what the digest shows of its complaint (never its text or identity). */
export interface UnmailedStaffAlert {
  id: bigint;
  toAddress: string;
  locale: string;
  kind: StaffAlertKind;
  stage: SlaStage;
  level: number | null;
  role: EscalationRole | null;
  dueAt: Date;
  nextLevelAt: Date | null;
  complaintId: string;
  trackingCode: string;
  productName: string | null;
  productNameEn: string | null;
  unitName: string | null;
}

/**
 * Locks and returns alerts not yet mailed, oldest first. Call inside the transaction that writes
 * their digests and marks them: a second sweep at the same moment waits for these rows, then finds
 * them mailed and skips them (READ COMMITTED re-checks the condition after the wait).
 */
export async function lockUnmailedStaffAlerts(db: Db, tx: DbClient, limit: number): Promise<UnmailedStaffAlert[]> {
  return tx.$queryRaw<UnmailedStaffAlert[]>`
    SELECT a.id, a.to_address AS "toAddress", a.locale, a.kind::text AS kind, a.stage::text AS stage, a.level, a.role::text AS role,
      a.due_at AS "dueAt", a.next_level_at AS "nextLevelAt", a.complaint_id::text AS "complaintId", c.tracking_code AS "trackingCode",
      p.name AS "productName", p.name_en AS "productNameEn", u.name AS "unitName"
    FROM ${qualifiedTable(db, "staff_alert")} a
    JOIN ${qualifiedTable(db, "complaint")} c ON c.id = a.complaint_id
    LEFT JOIN ${qualifiedTable(db, "service_product")} p ON p.id = c.product_id
    LEFT JOIN ${qualifiedTable(db, "service_unit")} u ON u.id = c.unit_id
    WHERE a.email_message_id IS NULL
    ORDER BY a.id
    LIMIT ${limit}
    FOR UPDATE OF a`;
}

/** Records which digest listed each alert. */
export async function markStaffAlertsMailed(db: Db, tx: DbClient, rows: readonly { alertIds: readonly bigint[]; emailMessageId: string }[]): Promise<void> {
  const pairs = rows.flatMap((row) => row.alertIds.map((id) => ({ id, emailMessageId: row.emailMessageId })));
  if (pairs.length === 0) return;
  await tx.$executeRaw`
    UPDATE ${qualifiedTable(db, "staff_alert")} AS a SET email_message_id = v.email_message_id
    FROM unnest(${pairs.map((p) => p.id)}::bigint[], ${pairs.map((p) => p.emailMessageId)}::uuid[]) AS v(id, email_message_id)
    WHERE a.id = v.id`;
}
