-- DropIndex
DROP INDEX "ActivityEvent_communeId_at_idx";

-- CreateIndex
CREATE INDEX "ActivityEvent_communeId_at_kind_idx" ON "ActivityEvent"("communeId", "at", "kind");

