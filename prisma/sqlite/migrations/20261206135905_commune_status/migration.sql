-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Commune" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "province" TEXT,
    "languages" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Brussels',
    "profile" TEXT NOT NULL,
    "populationBand" TEXT NOT NULL,
    "titledOn" TEXT,
    "fomDueOn" DATETIME,
    "latitude" REAL,
    "longitude" REAL,
    "status" TEXT NOT NULL DEFAULT 'titled',
    "mergedIntoId" TEXT,
    "mergedOn" DATETIME,
    "leftOn" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Commune_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Commune" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Commune" ("createdAt", "fomDueOn", "id", "languages", "latitude", "longitude", "name", "nameKey", "populationBand", "profile", "province", "region", "slug", "timeZone", "titledOn", "updatedAt") SELECT "createdAt", "fomDueOn", "id", "languages", "latitude", "longitude", "name", "nameKey", "populationBand", "profile", "province", "region", "slug", "timeZone", "titledOn", "updatedAt" FROM "Commune";
DROP TABLE "Commune";
ALTER TABLE "new_Commune" RENAME TO "Commune";
CREATE UNIQUE INDEX "Commune_slug_key" ON "Commune"("slug");
CREATE INDEX "Commune_nameKey_idx" ON "Commune"("nameKey");
CREATE INDEX "Commune_status_idx" ON "Commune"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

