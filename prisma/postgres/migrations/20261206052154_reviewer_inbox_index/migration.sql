-- DropIndex
DROP INDEX "Case_reviewerId_state_idx";

-- CreateIndex
CREATE INDEX "Case_reviewerId_state_kind_updatedAt_idx" ON "Case"("reviewerId", "state", "kind", "updatedAt");
