-- CreateTable
CREATE TABLE "CopilMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "personId" TEXT,
    "since" DATETIME NOT NULL,
    "until" DATETIME,
    "mandateEndsOn" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CopilMember_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CopilMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MomentumSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communeId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "score" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "signals" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    "alert" TEXT,
    CONSTRAINT "MomentumSnapshot_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommunePrompt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communeId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL,
    "answerBy" DATETIME NOT NULL,
    CONSTRAINT "CommunePrompt_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Mentorship" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "mentorId" TEXT NOT NULL,
    "menteeId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "outcome" TEXT,
    "ranking" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Mentorship_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "Commune" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mentorship_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "Commune" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CopilMember_communeId_since_idx" ON "CopilMember"("communeId", "since");

-- CreateIndex
CREATE INDEX "CopilMember_personId_idx" ON "CopilMember"("personId");

-- CreateIndex
CREATE INDEX "MomentumSnapshot_communeId_alert_at_idx" ON "MomentumSnapshot"("communeId", "alert", "at");

-- CreateIndex
CREATE UNIQUE INDEX "MomentumSnapshot_communeId_at_key" ON "MomentumSnapshot"("communeId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "CommunePrompt_key_key" ON "CommunePrompt"("key");

-- CreateIndex
CREATE INDEX "CommunePrompt_communeId_sentAt_idx" ON "CommunePrompt"("communeId", "sentAt");

-- CreateIndex
CREATE INDEX "Mentorship_mentorId_state_idx" ON "Mentorship"("mentorId", "state");

-- CreateIndex
CREATE INDEX "Mentorship_menteeId_state_idx" ON "Mentorship"("menteeId", "state");

