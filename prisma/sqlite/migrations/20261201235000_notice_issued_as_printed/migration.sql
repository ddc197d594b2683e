-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Notice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "jobId" TEXT NOT NULL,
    "verificationCode" TEXT NOT NULL,
    "replacesId" TEXT,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "authority" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notice_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Notice" ("caseId", "content", "createdAt", "id", "jobId", "kind", "replacesId", "sha256", "verificationCode") SELECT "caseId", "content", "createdAt", "id", "jobId", "kind", "replacesId", "sha256", "verificationCode" FROM "Notice";
DROP TABLE "Notice";
ALTER TABLE "new_Notice" RENAME TO "Notice";
CREATE UNIQUE INDEX "Notice_jobId_key" ON "Notice"("jobId");
CREATE UNIQUE INDEX "Notice_verificationCode_key" ON "Notice"("verificationCode");
CREATE INDEX "Notice_caseId_createdAt_idx" ON "Notice"("caseId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Notices issued before this migration: their date is when they were stored, their authority the
-- profile as it stands (a profile change before this migration cannot be recovered).
UPDATE "Notice" SET "issuedAt" = "createdAt", "authority" = COALESCE((SELECT "name" || ', ' || "department" FROM "AuthorityProfile" LIMIT 1), '');
