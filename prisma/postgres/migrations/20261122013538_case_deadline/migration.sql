-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "deadline" TEXT;

-- CreateIndex
CREATE INDEX "Case_kind_state_deadline_idx" ON "Case"("kind", "state", "deadline");
