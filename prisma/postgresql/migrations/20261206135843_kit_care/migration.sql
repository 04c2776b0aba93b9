-- AlterTable
ALTER TABLE "Kit" ADD COLUMN     "linkChecks" TEXT NOT NULL DEFAULT '{}',
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "KitChange" (
    "id" TEXT NOT NULL,
    "kitId" TEXT NOT NULL,
    "personId" TEXT,
    "action" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "fields" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "KitChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KitChange_kitId_at_idx" ON "KitChange"("kitId", "at");

