-- AlterTable
ALTER TABLE "CaseCount" DROP CONSTRAINT "CaseCount_pkey",
ADD COLUMN     "reviewerId" TEXT NOT NULL DEFAULT '',
ADD CONSTRAINT "CaseCount_pkey" PRIMARY KEY ("kind", "state", "submitted", "reviewerId");

-- The counts split by reviewer are rebuilt from the cases, as the old counts had no reviewer.
DELETE FROM "CaseCount";
INSERT INTO "CaseCount" ("kind", "state", "submitted", "reviewerId", "count")
SELECT "kind", "state", "submittedAt" IS NOT NULL, COALESCE("reviewerId", ''), COUNT(*) FROM "Case"
GROUP BY "kind", "state", "submittedAt" IS NOT NULL, COALESCE("reviewerId", '');
