-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "late" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "roundId" TEXT;

-- CreateTable
CREATE TABLE "DistrictIndicator" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "socialIndex" DOUBLE PRECISION NOT NULL,
    "inhabitants" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DistrictIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "committeeStep" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundingRound" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "deadline" TEXT NOT NULL,
    "budgetCents" INTEGER NOT NULL,
    "committedCents" INTEGER NOT NULL DEFAULT 0,
    "latePolicy" TEXT NOT NULL DEFAULT 'refuse',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FundingRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitteeResolution" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommitteeResolution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitteeOutcome" (
    "id" TEXT NOT NULL,
    "resolutionId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "amountCents" INTEGER,
    "note" TEXT,

    CONSTRAINT "CommitteeOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DistrictIndicator_year_idx" ON "DistrictIndicator"("year");

-- CreateIndex
CREATE UNIQUE INDEX "DistrictIndicator_districtId_year_key" ON "DistrictIndicator"("districtId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Programme_name_key" ON "Programme"("name");

-- CreateIndex
CREATE UNIQUE INDEX "FundingRound_programmeId_year_key" ON "FundingRound"("programmeId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "CommitteeResolution_roundId_number_key" ON "CommitteeResolution"("roundId", "number");

-- CreateIndex
CREATE INDEX "CommitteeOutcome_caseId_idx" ON "CommitteeOutcome"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "CommitteeOutcome_resolutionId_caseId_key" ON "CommitteeOutcome"("resolutionId", "caseId");

-- CreateIndex
CREATE INDEX "Case_roundId_state_idx" ON "Case"("roundId", "state");

-- AddForeignKey
ALTER TABLE "DistrictIndicator" ADD CONSTRAINT "DistrictIndicator_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingRound" ADD CONSTRAINT "FundingRound_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeResolution" ADD CONSTRAINT "CommitteeResolution_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FundingRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeOutcome" ADD CONSTRAINT "CommitteeOutcome_resolutionId_fkey" FOREIGN KEY ("resolutionId") REFERENCES "CommitteeResolution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeOutcome" ADD CONSTRAINT "CommitteeOutcome_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FundingRound"("id") ON DELETE SET NULL ON UPDATE CASCADE;
