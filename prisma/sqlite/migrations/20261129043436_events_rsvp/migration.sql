-- CreateTable
CREATE TABLE "Event" (
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
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "EventSlot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "capacity" INTEGER NOT NULL,
    "takenCount" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "EventSlot_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Registration" (
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
    CONSTRAINT "Registration_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReminderPreference" (
    "personId" TEXT NOT NULL PRIMARY KEY,
    "offsets" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Event_code_key" ON "Event"("code");

-- CreateIndex
CREATE INDEX "Event_state_startsAt_idx" ON "Event"("state", "startsAt");

-- CreateIndex
CREATE INDEX "Event_communeId_startsAt_idx" ON "Event"("communeId", "startsAt");

-- CreateIndex
CREATE INDEX "Event_seriesId_idx" ON "Event"("seriesId");

-- CreateIndex
CREATE UNIQUE INDEX "EventSlot_eventId_position_key" ON "EventSlot"("eventId", "position");

-- CreateIndex
CREATE INDEX "Registration_personId_status_idx" ON "Registration"("personId", "status");

-- CreateIndex
CREATE INDEX "Registration_eventId_status_requestedAt_idx" ON "Registration"("eventId", "status", "requestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_eventId_slotId_personId_key" ON "Registration"("eventId", "slotId", "personId");

