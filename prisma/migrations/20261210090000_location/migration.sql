-- Issue #14 items 1 and 2 (ADR 036): where it happened. A kelurahan's centre is the admin's to set
-- (no source we hold gives it), so both columns stay null until then; the map pin's suggestion
-- falls back to nearby verified pins.

-- AlterTable
ALTER TABLE "region" ADD COLUMN     "latitude" DECIMAL(9,6),
ADD COLUMN     "longitude" DECIMAL(9,6);

-- Pins near a point (similar reports while filing, the kelurahan suggestion): a bounding box on
-- latitude, then longitude.
-- CreateIndex
CREATE INDEX "complaint_latitude_longitude_idx" ON "complaint"("latitude", "longitude");
