-- AlterTable
ALTER TABLE "AuthorityProfile" ADD COLUMN     "dataProtectionText" TEXT,
ADD COLUMN     "legalRemedyText" TEXT,
ADD COLUMN     "logo" BYTEA,
ADD COLUMN     "logoMediaType" TEXT,
ADD COLUMN     "paymentTerms" TEXT,
ADD COLUMN     "proofOfUseMonths" INTEGER NOT NULL DEFAULT 6,
ADD COLUMN     "proofOfUseTerms" TEXT;
