-- Issue #15: SendGrid's signed Event Webhook reports what became of each message. The message keeps
-- the strongest outcome (never the address or SendGrid's free-text reason); an address that cannot
-- be reached is marked on the complainant, so no more mail goes to it and staff are told, until the
-- citizen changes it on the tracking page.

-- CreateEnum
CREATE TYPE "EmailDeliveryStatus" AS ENUM ('DEFERRED', 'DELIVERED', 'BLOCKED', 'BOUNCED', 'DROPPED', 'UNSUBSCRIBED', 'SPAM_REPORT');

-- AlterEnum
ALTER TYPE "StaffAlertKind" ADD VALUE 'CITIZEN_UNREACHABLE';

-- AlterTable
ALTER TABLE "email_message" ADD COLUMN "delivery_status" "EmailDeliveryStatus",
ADD COLUMN "delivery_updated_at" TIMESTAMPTZ(3),
ADD COLUMN "delivery_reason" TEXT;

-- AlterTable
ALTER TABLE "complainant" ADD COLUMN "email_undeliverable_at" TIMESTAMPTZ(3),
ADD COLUMN "email_undeliverable_reason" "EmailDeliveryStatus",
ADD COLUMN "email_changed_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "email_message_provider_message_id_idx" ON "email_message"("provider_message_id");
