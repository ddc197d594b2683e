-- CreateTable
CREATE TABLE "CaseCount" (
    "kind" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "submitted" BOOLEAN NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "CaseCount_pkey" PRIMARY KEY ("kind","state","submitted")
);

-- CreateIndex
CREATE INDEX "Case_kind_updatedAt_id_idx" ON "Case"("kind", "updatedAt", "id");

-- Counts of the cases that exist already.
INSERT INTO "CaseCount" ("kind", "state", "submitted", "count")
SELECT "kind", "state", "submittedAt" IS NOT NULL, COUNT(*) FROM "Case" GROUP BY "kind", "state", "submittedAt" IS NOT NULL;
