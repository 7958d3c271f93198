-- Issue #14 items 3 and 6 (ADR 037): the public list of verified reports and the coordinator's
-- moderation of a report's public text. Hiding the text touches nothing of the complaint's workflow:
-- three columns say when, why and by whom, the audit log keeps every hide and show.

-- AlterTable
ALTER TABLE "complaint" ADD COLUMN     "public_text_hidden_at" TIMESTAMPTZ(3),
ADD COLUMN     "public_text_hidden_by_id" UUID,
ADD COLUMN     "public_text_hidden_reason" TEXT;

-- CreateIndex
CREATE INDEX "complaint_submitted_at_id_idx" ON "complaint"("submitted_at", "id");

-- AddForeignKey
ALTER TABLE "complaint" ADD CONSTRAINT "complaint_public_text_hidden_by_id_fkey" FOREIGN KEY ("public_text_hidden_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
