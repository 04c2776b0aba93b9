-- Registrations, reminder preferences and events now point at Person: rows left behind by a
-- person removed before these keys existed are cleared first, so the keys can hold.
DELETE FROM "Registration" WHERE "personId" NOT IN (SELECT "id" FROM "Person");
DELETE FROM "ReminderPreference" WHERE "personId" NOT IN (SELECT "id" FROM "Person");
UPDATE "Event" SET "createdBy" = NULL WHERE "createdBy" IS NOT NULL AND "createdBy" NOT IN (SELECT "id" FROM "Person");

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "description" TEXT,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Brussels',
    "link" TEXT,
    "place" TEXT,
    "capacity" INTEGER,
    "goingCount" INTEGER NOT NULL DEFAULT 0,
    "language" TEXT NOT NULL,
    "audiences" TEXT NOT NULL,
    "communeId" TEXT,
    "seriesId" TEXT,
    "state" TEXT NOT NULL DEFAULT 'scheduled',
    "campaign" TEXT,
    "sharedAt" DATETIME,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Event_createdBy_fkey" FOREIGN KEY ("createdBy") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Event" ("audiences", "campaign", "capacity", "code", "communeId", "createdAt", "createdBy", "description", "endsAt", "goingCount", "id", "kind", "language", "link", "place", "sequence", "seriesId", "sharedAt", "startsAt", "state", "theme", "timeZone", "title", "updatedAt") SELECT "audiences", "campaign", "capacity", "code", "communeId", "createdAt", "createdBy", "description", "endsAt", "goingCount", "id", "kind", "language", "link", "place", "sequence", "seriesId", "sharedAt", "startsAt", "state", "theme", "timeZone", "title", "updatedAt" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_code_key" ON "Event"("code");
CREATE INDEX "Event_state_startsAt_idx" ON "Event"("state", "startsAt");
CREATE INDEX "Event_communeId_startsAt_idx" ON "Event"("communeId", "startsAt");
CREATE INDEX "Event_seriesId_idx" ON "Event"("seriesId");
CREATE TABLE "new_Registration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "slotId" TEXT NOT NULL DEFAULT '',
    "communeId" TEXT,
    "status" TEXT NOT NULL,
    "requestedAt" DATETIME NOT NULL,
    "attendedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Registration_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Registration_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Registration" ("attendedAt", "communeId", "createdAt", "eventId", "id", "personId", "requestedAt", "slotId", "status", "updatedAt") SELECT "attendedAt", "communeId", "createdAt", "eventId", "id", "personId", "requestedAt", "slotId", "status", "updatedAt" FROM "Registration";
DROP TABLE "Registration";
ALTER TABLE "new_Registration" RENAME TO "Registration";
CREATE INDEX "Registration_personId_status_idx" ON "Registration"("personId", "status");
CREATE INDEX "Registration_eventId_status_requestedAt_idx" ON "Registration"("eventId", "status", "requestedAt");
CREATE UNIQUE INDEX "Registration_eventId_slotId_personId_key" ON "Registration"("eventId", "slotId", "personId");
CREATE TABLE "new_ReminderPreference" (
    "personId" TEXT NOT NULL PRIMARY KEY,
    "offsets" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReminderPreference_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReminderPreference" ("offsets", "personId", "updatedAt") SELECT "offsets", "personId", "updatedAt" FROM "ReminderPreference";
DROP TABLE "ReminderPreference";
ALTER TABLE "new_ReminderPreference" RENAME TO "ReminderPreference";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

