-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "fieldOfActionId" TEXT;

-- CreateTable
CREATE TABLE "MapLayer" (
    "id" TEXT NOT NULL,
    "geoJson" TEXT NOT NULL,
    "featureCount" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "uploadedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MapLayer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Case_report_idx" ON "Case"("kind", "roundId", "districtId", "fieldOfActionId", "state", "requestedCents", "recommendedCents", "approvedCents");

-- Backfill: existing applications carry their field of action in the form data.
UPDATE "Case" SET "fieldOfActionId" = ("data"::jsonb ->> 'fieldOfActionId') WHERE "kind" = 'application';
