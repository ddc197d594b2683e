-- CreateTable
CREATE TABLE "AuthorityProfileRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "validFrom" DATETIME NOT NULL,
    "profile" TEXT NOT NULL,
    "logo" BLOB,
    "logoMediaType" TEXT
);

-- CreateIndex
CREATE INDEX "AuthorityProfileRevision_validFrom_idx" ON "AuthorityProfileRevision"("validFrom");
