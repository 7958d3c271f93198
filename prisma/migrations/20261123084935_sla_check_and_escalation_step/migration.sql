-- AlterTable
ALTER TABLE "complaint" ADD COLUMN     "sla_check_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "sla_policy" ADD COLUMN     "escalation_step_amount" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "escalation_step_unit" "DurationUnit" NOT NULL DEFAULT 'WORKING_DAYS';

-- CreateIndex
CREATE INDEX "complaint_sla_check_at_idx" ON "complaint"("sla_check_at");

