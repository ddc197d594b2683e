-- AlterTable
ALTER TABLE "Case" ADD COLUMN "fieldOfActionId" TEXT;

-- CreateTable
CREATE TABLE "MapLayer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "geoJson" TEXT NOT NULL,
    "featureCount" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "uploadedById" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Case_report_idx" ON "Case"("kind", "roundId", "districtId", "fieldOfActionId", "state", "requestedCents", "recommendedCents", "approvedCents");

-- Backfill: existing applications carry their field of action in the form data.
UPDATE "Case" SET "fieldOfActionId" = json_extract("data", '$.fieldOfActionId') WHERE "kind" = 'application' AND json_valid("data");
