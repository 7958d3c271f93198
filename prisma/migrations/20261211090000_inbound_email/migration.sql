-- Issue #15 (ADR 039): citizens answer by replying to our mail. Each citizen message names its
-- complaint in a signed Reply-To address; every mail SendGrid Inbound Parse hands us is recorded
-- once by its Message-ID (SendGrid retries must not add an answer twice), with what was done or
-- why it was refused. No address and no text here: the words go on the timeline, the rest is not kept.

-- AlterEnum
ALTER TYPE "EventType" ADD VALUE 'CITIZEN_MESSAGE';
ALTER TYPE "EventType" ADD VALUE 'EMAIL_UNDELIVERABLE';

-- CreateEnum
CREATE TYPE "InboundEmailOutcome" AS ENUM ('RECEIVED', 'ANSWERED', 'MESSAGE_ADDED', 'REFUSED');

-- AlterTable
ALTER TABLE "email_message" ADD COLUMN "reply_to" TEXT;

-- CreateTable
CREATE TABLE "inbound_email" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "message_key" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "complaint_id" UUID,
    "outcome" "InboundEmailOutcome" NOT NULL,
    "refusal_reason" TEXT,
    "event_id" BIGINT,
    "attachments_kept" INTEGER NOT NULL DEFAULT 0,
    "attachments_refused" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "inbound_email_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "inbound_email_message_key_key" ON "inbound_email"("message_key");

-- CreateIndex
CREATE INDEX "inbound_email_complaint_id_idx" ON "inbound_email"("complaint_id");

-- CreateIndex
CREATE INDEX "inbound_email_received_at_idx" ON "inbound_email"("received_at");

-- AddForeignKey
ALTER TABLE "inbound_email" ADD CONSTRAINT "inbound_email_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE SET NULL ON UPDATE CASCADE;
