-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuthorityProfile" (
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
    "legalRemedyText" TEXT,
    "paymentTerms" TEXT,
    "proofOfUseMonths" INTEGER NOT NULL DEFAULT 6,
    "proofOfUseTerms" TEXT,
    "dataProtectionText" TEXT,
    "logo" BLOB,
    "logoMediaType" TEXT,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT
);
INSERT INTO "new_AuthorityProfile" ("city", "department", "email", "fundingGuideline", "generalConditionsName", "generalConditionsVersion", "id", "mailPostalCode", "name", "phone", "postalCode", "signatoryName", "signatoryTitle", "street", "updatedAt", "updatedById", "website") SELECT "city", "department", "email", "fundingGuideline", "generalConditionsName", "generalConditionsVersion", "id", "mailPostalCode", "name", "phone", "postalCode", "signatoryName", "signatoryTitle", "street", "updatedAt", "updatedById", "website" FROM "AuthorityProfile";
DROP TABLE "AuthorityProfile";
ALTER TABLE "new_AuthorityProfile" RENAME TO "AuthorityProfile";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
