-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CaseCount" (
    "kind" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "submitted" BOOLEAN NOT NULL,
    "reviewerId" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("kind", "state", "submitted", "reviewerId")
);
-- The counts split by reviewer are rebuilt from the cases, as the old counts had no reviewer.
INSERT INTO "new_CaseCount" ("kind", "state", "submitted", "reviewerId", "count")
SELECT "kind", "state", "submittedAt" IS NOT NULL, COALESCE("reviewerId", ''), COUNT(*) FROM "Case"
GROUP BY "kind", "state", "submittedAt" IS NOT NULL, COALESCE("reviewerId", '');
DROP TABLE "CaseCount";
ALTER TABLE "new_CaseCount" RENAME TO "CaseCount";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
