-- CreateIndex
CREATE INDEX "escalation_settled_at_escalated_at_idx" ON "escalation"("settled_at", "escalated_at");

