-- CreateTable
CREATE TABLE "CopilMember" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "personId" TEXT,
    "since" TIMESTAMP(3) NOT NULL,
    "until" TIMESTAMP(3),
    "mandateEndsOn" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CopilMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MomentumSnapshot" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "score" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "signals" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    "alert" TEXT,

    CONSTRAINT "MomentumSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommunePrompt" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "answerBy" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommunePrompt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mentorship" (
    "id" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "menteeId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "ranking" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Mentorship_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "CopilMember" ADD CONSTRAINT "CopilMember_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CopilMember" ADD CONSTRAINT "CopilMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MomentumSnapshot" ADD CONSTRAINT "MomentumSnapshot_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunePrompt" ADD CONSTRAINT "CommunePrompt_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mentorship" ADD CONSTRAINT "Mentorship_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "Commune"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mentorship" ADD CONSTRAINT "Mentorship_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "Commune"("id") ON DELETE CASCADE ON UPDATE CASCADE;

