-- DropIndex
DROP INDEX "Case_kind_updatedAt_id_idx";

-- CreateIndex
CREATE INDEX "Case_kind_updatedAt_id_submittedAt_title_reference_idx" ON "Case"("kind", "updatedAt", "id", "submittedAt", "title", "reference");
