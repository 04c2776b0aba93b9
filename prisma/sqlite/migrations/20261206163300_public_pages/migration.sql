-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Poll" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "question" TEXT NOT NULL,
    "choices" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "closesAt" DATETIME,
    "closedAt" DATETIME,
    "authorId" TEXT,
    "communeId" TEXT,
    "templateId" TEXT,
    "language" TEXT NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Poll_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Poll_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Poll" ("anonymous", "authorId", "choices", "closedAt", "closesAt", "communeId", "createdAt", "id", "language", "question", "templateId") SELECT "anonymous", "authorId", "choices", "closedAt", "closesAt", "communeId", "createdAt", "id", "language", "question", "templateId" FROM "Poll";
DROP TABLE "Poll";
ALTER TABLE "new_Poll" RENAME TO "Poll";
CREATE INDEX "Poll_authorId_idx" ON "Poll"("authorId");
CREATE TABLE "new_Idea" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communeId" TEXT NOT NULL,
    "authorId" TEXT,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "note" TEXT,
    "origin" TEXT NOT NULL DEFAULT 'chat',
    "contactEmail" TEXT,
    "eraseToken" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Idea_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Idea_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Idea" ("anonymous", "authorId", "communeId", "createdAt", "id", "note", "status", "text", "updatedAt") SELECT "anonymous", "authorId", "communeId", "createdAt", "id", "note", "status", "text", "updatedAt" FROM "Idea";
DROP TABLE "Idea";
ALTER TABLE "new_Idea" RENAME TO "Idea";
CREATE UNIQUE INDEX "Idea_eraseToken_key" ON "Idea"("eraseToken");
CREATE INDEX "Idea_communeId_status_idx" ON "Idea"("communeId", "status");
CREATE INDEX "Idea_authorId_idx" ON "Idea"("authorId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

