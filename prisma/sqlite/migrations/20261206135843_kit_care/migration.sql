-- CreateTable
CREATE TABLE "KitChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kitId" TEXT NOT NULL,
    "personId" TEXT,
    "action" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "fields" TEXT NOT NULL DEFAULT '[]'
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Kit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "audiences" TEXT NOT NULL,
    "themes" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "languages" TEXT NOT NULL,
    "profiles" TEXT NOT NULL,
    "links" TEXT NOT NULL,
    "keywords" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" DATETIME,
    "linkChecks" TEXT NOT NULL DEFAULT '{}'
);
INSERT INTO "new_Kit" ("audiences", "createdAt", "format", "id", "keywords", "languages", "links", "profiles", "summary", "themes", "title", "updatedAt") SELECT "audiences", "createdAt", "format", "id", "keywords", "languages", "links", "profiles", "summary", "themes", "title", "updatedAt" FROM "Kit";
DROP TABLE "Kit";
ALTER TABLE "new_Kit" RENAME TO "Kit";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "KitChange_kitId_at_idx" ON "KitChange"("kitId", "at");

