-- AlterTable
-- Notices issued before verification codes existed get one (they do not print it).
ALTER TABLE "Notice" ADD COLUMN     "verificationCode" TEXT;
UPDATE "Notice" SET "verificationCode" = 'LEGACY-' || "id";
ALTER TABLE "Notice" ALTER COLUMN "verificationCode" SET NOT NULL;

-- CreateTable
CREATE TABLE "AuthorityProfile" (
    "id" TEXT NOT NULL,
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
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "AuthorityProfile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Notice_verificationCode_key" ON "Notice"("verificationCode");
