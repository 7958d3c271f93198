-- CreateTable
CREATE TABLE "complaint_report_fact" (
    "complaint_id" UUID NOT NULL,
    "group_key" TEXT NOT NULL,
    "period_month" DATE NOT NULL,
    "unit_id" UUID,
    "product_id" UUID,
    "maladministration_code" TEXT,
    "channel" "Channel" NOT NULL,
    "status" "ComplaintStatus" NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "rejected" BOOLEAN NOT NULL,
    "handled" BOOLEAN NOT NULL,
    "open" BOOLEAN NOT NULL,
    "closed" BOOLEAN NOT NULL,
    "verification_outcome" TEXT,
    "first_response_outcome" TEXT,
    "resolution_outcome" TEXT,
    "first_response_minutes" INTEGER,
    "resolution_minutes" INTEGER,
    "reopened" BOOLEAN NOT NULL,
    "appealed" BOOLEAN NOT NULL,
    "escalated" BOOLEAN NOT NULL,
    "rating" INTEGER,
    "stale_at" TIMESTAMPTZ(3),
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "complaint_report_fact_pkey" PRIMARY KEY ("complaint_id")
);

-- CreateTable
CREATE TABLE "complaint_report_rollup" (
    "group_key" TEXT NOT NULL,
    "period_month" DATE NOT NULL,
    "unit_id" UUID,
    "product_id" UUID,
    "maladministration_code" TEXT,
    "complaints" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,
    "handled" INTEGER NOT NULL,
    "open" INTEGER NOT NULL,
    "closed" INTEGER NOT NULL,
    "verification_decided" INTEGER NOT NULL,
    "verification_met" INTEGER NOT NULL,
    "first_response_decided" INTEGER NOT NULL,
    "first_response_met" INTEGER NOT NULL,
    "resolution_decided" INTEGER NOT NULL,
    "resolution_met" INTEGER NOT NULL,
    "reopened" INTEGER NOT NULL,
    "appealed" INTEGER NOT NULL,
    "escalated" INTEGER NOT NULL,
    "rating_count" INTEGER NOT NULL,
    "rating_sum" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "complaint_report_rollup_pkey" PRIMARY KEY ("group_key")
);

-- CreateIndex
CREATE INDEX "complaint_report_fact_period_month_unit_id_idx" ON "complaint_report_fact"("period_month", "unit_id");

-- CreateIndex
CREATE INDEX "complaint_report_fact_group_key_idx" ON "complaint_report_fact"("group_key");

-- CreateIndex
CREATE INDEX "complaint_report_fact_stale_at_idx" ON "complaint_report_fact"("stale_at");

-- CreateIndex
CREATE INDEX "complaint_report_rollup_period_month_unit_id_idx" ON "complaint_report_rollup"("period_month", "unit_id");

