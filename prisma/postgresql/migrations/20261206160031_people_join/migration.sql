-- AlterTable
ALTER TABLE "Initiative" ADD COLUMN     "sharedAs" TEXT;

-- CreateTable
CREATE TABLE "JoinRequest" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "communeId" TEXT,
    "role" TEXT NOT NULL,
    "copilKind" TEXT,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "pendingKey" TEXT,
    "reason" TEXT,
    "origin" TEXT NOT NULL DEFAULT 'ask',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "JoinRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WelcomeStep" (
    "id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "delayDays" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WelcomeStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WelcomeJourney" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "communeId" TEXT,
    "role" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "nextPosition" INTEGER NOT NULL DEFAULT 1,
    "stoppedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "WelcomeJourney_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecruitCall" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "groups" TEXT NOT NULL,
    "network" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecruitCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecruitAnswer" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL,
    "invitedAt" TIMESTAMP(3),

    CONSTRAINT "RecruitAnswer_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "JoinRequest" ADD CONSTRAINT "JoinRequest_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JoinRequest" ADD CONSTRAINT "JoinRequest_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WelcomeJourney" ADD CONSTRAINT "WelcomeJourney_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WelcomeJourney" ADD CONSTRAINT "WelcomeJourney_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecruitCall" ADD CONSTRAINT "RecruitCall_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecruitAnswer" ADD CONSTRAINT "RecruitAnswer_callId_fkey" FOREIGN KEY ("callId") REFERENCES "RecruitCall"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecruitAnswer" ADD CONSTRAINT "RecruitAnswer_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

