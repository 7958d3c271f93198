-- CreateTable
CREATE TABLE "response_template" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "unit_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'id',
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "response_template_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "response_template_unit_id_is_active_idx" ON "response_template"("unit_id", "is_active");

-- AddForeignKey
ALTER TABLE "response_template" ADD CONSTRAINT "response_template_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "service_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

