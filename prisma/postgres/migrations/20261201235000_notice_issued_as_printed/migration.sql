-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "authority" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Notices issued before this migration: their date is when they were stored, their authority the
-- profile as it stands (a profile change before this migration cannot be recovered).
UPDATE "Notice" SET "issuedAt" = "createdAt", "authority" = COALESCE((SELECT "name" || ', ' || "department" FROM "AuthorityProfile" LIMIT 1), '');
