-- Issue #21 item 6 (ADR 035): a change of priority re-chooses the SLA policy and recomputes the
-- stored deadlines; the timeline records it as its own event, old and new priority with the reason.

-- AlterEnum
ALTER TYPE "EventType" ADD VALUE 'PRIORITY_CHANGED';
