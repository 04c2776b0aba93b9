-- AlterTable
ALTER TABLE "Poll" ADD COLUMN     "isPublic" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Idea" ADD COLUMN     "contactEmail" TEXT,
ADD COLUMN     "eraseToken" TEXT,
ADD COLUMN     "origin" TEXT NOT NULL DEFAULT 'chat';

-- CreateIndex
CREATE UNIQUE INDEX "Idea_eraseToken_key" ON "Idea"("eraseToken");

