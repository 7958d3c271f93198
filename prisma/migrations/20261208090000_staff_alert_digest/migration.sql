-- Issue #20 item 4 (ADR 009, session 6): escalations and reminders are no longer one e-mail each.
-- The SLA evaluation records what each staff address is owed; the sweep mails every address one
-- digest of what is not yet mailed and records it on the rows, in one transaction.

-- CreateEnum
CREATE TYPE "StaffAlertKind" AS ENUM ('ESCALATION', 'REMINDER');

-- CreateTable
CREATE TABLE "staff_alert" (
    "id" BIGSERIAL NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "complaint_id" UUID NOT NULL,
    "to_address" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "kind" "StaffAlertKind" NOT NULL,
    "stage" "SlaStage" NOT NULL,
    "level" INTEGER,
    "role" "Role",
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "next_level_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "email_message_id" UUID,

    CONSTRAINT "staff_alert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "staff_alert_dedupe_key_key" ON "staff_alert"("dedupe_key");

-- CreateIndex
CREATE INDEX "staff_alert_email_message_id_idx" ON "staff_alert"("email_message_id");

-- CreateIndex
CREATE INDEX "staff_alert_complaint_id_idx" ON "staff_alert"("complaint_id");

-- AddForeignKey
ALTER TABLE "staff_alert" ADD CONSTRAINT "staff_alert_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_alert" ADD CONSTRAINT "staff_alert_email_message_id_fkey" FOREIGN KEY ("email_message_id") REFERENCES "email_message"("id") ON DELETE SET NULL ON UPDATE CASCADE;
