-- AlterTable
ALTER TABLE "Commune" ADD COLUMN     "leftOn" TIMESTAMP(3),
ADD COLUMN     "mergedIntoId" TEXT,
ADD COLUMN     "mergedOn" TIMESTAMP(3),
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'titled';

-- CreateIndex
CREATE INDEX "Commune_status_idx" ON "Commune"("status");

-- AddForeignKey
ALTER TABLE "Commune" ADD CONSTRAINT "Commune_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Commune"("id") ON DELETE SET NULL ON UPDATE CASCADE;

