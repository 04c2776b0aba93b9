-- AlterTable
ALTER TABLE "Initiative" ADD COLUMN "sharedAs" TEXT;

-- CreateTable
CREATE TABLE "JoinRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "communeId" TEXT,
    "role" TEXT NOT NULL,
    "copilKind" TEXT,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "pendingKey" TEXT,
    "reason" TEXT,
    "origin" TEXT NOT NULL DEFAULT 'ask',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" DATETIME,
    CONSTRAINT "JoinRequest_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JoinRequest_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WelcomeStep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "role" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "delayDays" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WelcomeJourney" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "communeId" TEXT,
    "role" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "nextPosition" INTEGER NOT NULL DEFAULT 1,
    "stoppedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "WelcomeJourney_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WelcomeJourney_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecruitCall" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communeId" TEXT NOT NULL,
    "groups" TEXT NOT NULL,
    "network" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RecruitCall_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecruitAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "answeredAt" DATETIME NOT NULL,
    "invitedAt" DATETIME,
    CONSTRAINT "RecruitAnswer_callId_fkey" FOREIGN KEY ("callId") REFERENCES "RecruitCall" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RecruitAnswer_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "JoinRequest_pendingKey_key" ON "JoinRequest"("pendingKey");

-- CreateIndex
CREATE INDEX "JoinRequest_personId_idx" ON "JoinRequest"("personId");

-- CreateIndex
CREATE INDEX "JoinRequest_communeId_state_idx" ON "JoinRequest"("communeId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "WelcomeStep_role_position_key" ON "WelcomeStep"("role", "position");

-- CreateIndex
CREATE INDEX "WelcomeJourney_personId_idx" ON "WelcomeJourney"("personId");

-- CreateIndex
CREATE INDEX "WelcomeJourney_finishedAt_stoppedAt_idx" ON "WelcomeJourney"("finishedAt", "stoppedAt");

-- CreateIndex
CREATE INDEX "RecruitCall_communeId_createdAt_idx" ON "RecruitCall"("communeId", "createdAt");

-- CreateIndex
CREATE INDEX "RecruitAnswer_personId_idx" ON "RecruitAnswer"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "RecruitAnswer_callId_personId_key" ON "RecruitAnswer"("callId", "personId");

