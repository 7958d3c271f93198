-- Issue #20 (ADR 029): an escalation is named by the cycle of the stage clock that was missed, not by
-- the deadline, which a holiday, calendar or SLA policy change may move; a settlement says why.

-- AlterEnum
ALTER TYPE "EventType" ADD VALUE 'ESCALATION_REVISED';

-- CreateEnum
CREATE TYPE "EscalationSettlement" AS ENUM ('STAGE_STOPPED', 'DEADLINE_MOVED');

-- AlterTable
ALTER TABLE "escalation" ADD COLUMN "cycle_started_at" TIMESTAMPTZ(3),
ADD COLUMN "settled_reason" "EscalationSettlement";

-- Backfill: the cycle is the last event that (re)started the stage's clock before the escalation was
-- recorded and before its deadline (the events of workflow.ts that start each stage). Only a row
-- whose events are gone falls back to its deadline, which keeps it distinct as before.
UPDATE "escalation" AS e
SET "cycle_started_at" = COALESCE(
  (
    SELECT max(ev."occurred_at")
    FROM "complaint_event" AS ev
    WHERE ev."complaint_id" = e."complaint_id"
      AND ev."occurred_at" <= LEAST(e."breached_due_at", e."escalated_at")
      AND CASE e."stage"
        WHEN 'VERIFICATION' THEN ev."type" = 'SUBMITTED'
        WHEN 'FIRST_RESPONSE' THEN ev."type" IN ('ASSIGNED', 'TRANSFERRED')
        WHEN 'RESOLUTION' THEN ev."type" IN ('ASSIGNED', 'TRANSFERRED', 'RESOLUTION_REJECTED')
          OR (ev."type" = 'APPEAL_DECIDED' AND ev."to_status" = 'REOPENED')
        WHEN 'APPEAL_REVIEW' THEN ev."type" = 'APPEALED'
        ELSE false
      END
  ),
  e."breached_due_at"
);

-- DropIndex (first: merging gives the kept row its duplicate's deadline, which the old key refuses)
DROP INDEX "escalation_complaint_id_stage_level_breached_due_at_key";

-- The old key let a moved deadline record a second escalation of the same breach. Merge each such
-- group into its first row (whose notices went out first), carrying the latest row's deadline,
-- next-level time and state; the ESCALATED events of the others stay on the timeline.
UPDATE "escalation" AS keep
SET "breached_due_at" = latest."breached_due_at", "due_at" = latest."due_at", "settled_at" = latest."settled_at"
FROM "escalation" AS latest
WHERE latest."complaint_id" = keep."complaint_id" AND latest."stage" = keep."stage"
  AND latest."level" = keep."level" AND latest."cycle_started_at" = keep."cycle_started_at"
  AND latest."id" <> keep."id"
  AND NOT EXISTS (
    SELECT 1 FROM "escalation" AS other
    WHERE other."complaint_id" = keep."complaint_id" AND other."stage" = keep."stage"
      AND other."level" = keep."level" AND other."cycle_started_at" = keep."cycle_started_at"
      AND (other."escalated_at", other."id") < (keep."escalated_at", keep."id")
  )
  AND NOT EXISTS (
    SELECT 1 FROM "escalation" AS other
    WHERE other."complaint_id" = latest."complaint_id" AND other."stage" = latest."stage"
      AND other."level" = latest."level" AND other."cycle_started_at" = latest."cycle_started_at"
      AND (other."escalated_at", other."id") > (latest."escalated_at", latest."id")
  );

DELETE FROM "escalation" AS dup
WHERE EXISTS (
  SELECT 1 FROM "escalation" AS other
  WHERE other."complaint_id" = dup."complaint_id" AND other."stage" = dup."stage"
    AND other."level" = dup."level" AND other."cycle_started_at" = dup."cycle_started_at"
    AND (other."escalated_at", other."id") < (dup."escalated_at", dup."id")
);

-- Until now an escalation was settled only when its stage stopped.
UPDATE "escalation" SET "settled_reason" = 'STAGE_STOPPED' WHERE "settled_at" IS NOT NULL;

ALTER TABLE "escalation" ALTER COLUMN "cycle_started_at" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "escalation_complaint_id_stage_cycle_started_at_level_key" ON "escalation"("complaint_id", "stage", "cycle_started_at", "level");
