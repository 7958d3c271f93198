-- DropIndex
DROP INDEX "complaint_report_fact_period_month_unit_id_idx";

-- CreateIndex
CREATE INDEX "complaint_report_fact_period_month_unit_id_first_response_m_idx" ON "complaint_report_fact"("period_month", "unit_id", "first_response_minutes", "resolution_minutes");

