-- Issue #14 items 4 and 5 (ADR 038): citizens support a published report ("saya juga mengalami
-- ini") without an account. One row per browser and report, keyed by an HMAC of the browser's
-- cookie id (never the cookie, never an address); the count is kept on the complaint in the same
-- transaction. Supporters who leave an e-mail get the report's status changes until they
-- unsubscribe or 30 days after it closes; only the unsubscribe token's hash is stored.

-- AlterTable
ALTER TABLE "complaint" ADD COLUMN     "support_count" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "complaint_support" (
    "id" BIGSERIAL NOT NULL,
    "complaint_id" UUID NOT NULL,
    "supporter_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "complaint_support_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "support_subscription" (
    "id" BIGSERIAL NOT NULL,
    "complaint_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'id',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "support_subscription_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "complaint_support_complaint_id_supporter_key_key" ON "complaint_support"("complaint_id", "supporter_key");

-- CreateIndex
CREATE UNIQUE INDEX "support_subscription_token_hash_key" ON "support_subscription"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "support_subscription_complaint_id_email_key" ON "support_subscription"("complaint_id", "email");

-- AddForeignKey
ALTER TABLE "complaint_support" ADD CONSTRAINT "complaint_support_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_subscription" ADD CONSTRAINT "support_subscription_complaint_id_fkey" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
