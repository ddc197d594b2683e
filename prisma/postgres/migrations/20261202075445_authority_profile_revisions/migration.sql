-- CreateTable
CREATE TABLE "AuthorityProfileRevision" (
    "id" TEXT NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "profile" TEXT NOT NULL,
    "logo" BYTEA,
    "logoMediaType" TEXT,

    CONSTRAINT "AuthorityProfileRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuthorityProfileRevision_validFrom_idx" ON "AuthorityProfileRevision"("validFrom");
