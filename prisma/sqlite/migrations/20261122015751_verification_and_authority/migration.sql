-- CreateTable
CREATE TABLE "AuthorityProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "mailPostalCode" TEXT,
    "city" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "website" TEXT,
    "signatoryName" TEXT NOT NULL,
    "signatoryTitle" TEXT NOT NULL,
    "generalConditionsName" TEXT NOT NULL,
    "generalConditionsVersion" TEXT NOT NULL,
    "fundingGuideline" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT
);

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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notice_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Notices issued before verification codes existed get one (they do not print it).
INSERT INTO "new_Notice" ("caseId", "content", "createdAt", "id", "jobId", "kind", "replacesId", "sha256", "verificationCode") SELECT "caseId", "content", "createdAt", "id", "jobId", "kind", "replacesId", "sha256", 'LEGACY-' || "id" FROM "Notice";
DROP TABLE "Notice";
ALTER TABLE "new_Notice" RENAME TO "Notice";
CREATE UNIQUE INDEX "Notice_jobId_key" ON "Notice"("jobId");
CREATE UNIQUE INDEX "Notice_verificationCode_key" ON "Notice"("verificationCode");
CREATE INDEX "Notice_caseId_createdAt_idx" ON "Notice"("caseId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
