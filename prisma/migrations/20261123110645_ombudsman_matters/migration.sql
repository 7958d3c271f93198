-- CreateEnum
CREATE TYPE "OmbudsmanMatterKind" AS ENUM ('CLARIFICATION_REQUEST', 'CORRECTIVE_ACTION', 'RECOMMENDATION');

-- CreateEnum
CREATE TYPE "OmbudsmanMatterStatus" AS ENUM ('OPEN', 'ANSWERED', 'CLOSED');

-- CreateTable
CREATE TABLE "ombudsman_matter" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "OmbudsmanMatterKind" NOT NULL,
    "reference" TEXT NOT NULL,
    "summary" TEXT,
    "unit_id" UUID NOT NULL,
    "complaint_id" UUID,
    "received_on" DATE NOT NULL,
    "due_on" DATE NOT NULL,
    "status" "OmbudsmanMatterStatus" NOT NULL DEFAULT 'OPEN',
    "answered_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "evidence_note" TEXT,
    "closing_note" TEXT,
    "recorded_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ombudsman_matter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ombudsman_matter_status_due_on_idx" ON "ombudsman_matter"("status", "due_on");

-- CreateIndex
CREATE INDEX "ombudsman_matter_unit_id_due_on_idx" ON "ombudsman_matter"("unit_id", "due_on");

-- CreateIndex
CREATE INDEX "ombudsman_matter_complaint_id_idx" ON "ombudsman_matter"("complaint_id");

-- CreateIndex
CREATE UNIQUE INDEX "ombudsman_matter_kind_reference_unit_id_key" ON "ombudsman_matter"("kind", "reference", "unit_id");

-- AddForeignKey
ALTER TABLE "ombudsman_matter" ADD CONSTRAINT "ombudsman_matter_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "service_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ombudsman_matter" ADD CONSTRAINT "ombudsman_matter_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ombudsman_matter" ADD CONSTRAINT "ombudsman_matter_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

