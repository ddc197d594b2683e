-- CreateTable
CREATE TABLE "DistrictIndicator" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "districtId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "socialIndex" REAL NOT NULL,
    "inhabitants" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DistrictIndicator_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "committeeStep" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "FundingRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "programmeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "deadline" TEXT NOT NULL,
    "budgetCents" INTEGER NOT NULL,
    "committedCents" INTEGER NOT NULL DEFAULT 0,
    "latePolicy" TEXT NOT NULL DEFAULT 'refuse',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FundingRound_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommitteeResolution" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CommitteeResolution_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FundingRound" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommitteeOutcome" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "resolutionId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "amountCents" INTEGER,
    "note" TEXT,
    CONSTRAINT "CommitteeOutcome_resolutionId_fkey" FOREIGN KEY ("resolutionId") REFERENCES "CommitteeResolution" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommitteeOutcome_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Case" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "machineVersion" INTEGER NOT NULL,
    "context" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL DEFAULT '',
    "districtId" TEXT,
    "roundId" TEXT,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "data" TEXT NOT NULL DEFAULT '{}',
    "totalCostCents" INTEGER NOT NULL DEFAULT 0,
    "requestedCents" INTEGER NOT NULL DEFAULT 0,
    "recommendedCents" INTEGER,
    "approvedCents" INTEGER,
    "reviewerId" TEXT,
    "decidedById" TEXT,
    "dueDate" TEXT,
    "deadline" TEXT,
    "submittedAt" DATETIME,
    "decidedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Case_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Case_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FundingRound" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Case" ("approvedCents", "context", "createdAt", "createdById", "data", "deadline", "decidedAt", "decidedById", "districtId", "dueDate", "id", "kind", "machineVersion", "organisationId", "recommendedCents", "reference", "requestedCents", "reviewerId", "state", "submittedAt", "title", "totalCostCents", "updatedAt", "version") SELECT "approvedCents", "context", "createdAt", "createdById", "data", "deadline", "decidedAt", "decidedById", "districtId", "dueDate", "id", "kind", "machineVersion", "organisationId", "recommendedCents", "reference", "requestedCents", "reviewerId", "state", "submittedAt", "title", "totalCostCents", "updatedAt", "version" FROM "Case";
DROP TABLE "Case";
ALTER TABLE "new_Case" RENAME TO "Case";
CREATE UNIQUE INDEX "Case_reference_key" ON "Case"("reference");
CREATE INDEX "Case_kind_state_updatedAt_idx" ON "Case"("kind", "state", "updatedAt");
CREATE INDEX "Case_organisationId_kind_updatedAt_idx" ON "Case"("organisationId", "kind", "updatedAt");
CREATE INDEX "Case_reviewerId_state_idx" ON "Case"("reviewerId", "state");
CREATE INDEX "Case_kind_state_deadline_idx" ON "Case"("kind", "state", "deadline");
CREATE INDEX "Case_kind_updatedAt_id_idx" ON "Case"("kind", "updatedAt", "id");
CREATE INDEX "Case_roundId_state_idx" ON "Case"("roundId", "state");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
