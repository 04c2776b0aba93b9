-- CreateTable
CREATE TABLE "Initiative" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "authorId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "partnerKinds" TEXT NOT NULL DEFAULT '[]',
    "criteria" TEXT NOT NULL DEFAULT '[]',
    "place" TEXT,
    "links" TEXT NOT NULL DEFAULT '[]',
    "happenedOn" TIMESTAMP(3) NOT NULL,
    "language" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "moderatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Initiative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeFollow" (
    "id" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "personId" TEXT,
    "communeId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InitiativeFollow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExperienceSheet" (
    "id" TEXT NOT NULL,
    "communeId" TEXT,
    "authorId" TEXT,
    "title" TEXT NOT NULL,
    "context" TEXT NOT NULL,
    "worked" TEXT NOT NULL,
    "avoid" TEXT NOT NULL,
    "tips" TEXT NOT NULL,
    "contact" TEXT,
    "kind" TEXT,
    "language" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExperienceSheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Poll" (
    "id" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "choices" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "closesAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "authorId" TEXT,
    "communeId" TEXT,
    "templateId" TEXT,
    "language" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Poll_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollVote" (
    "id" TEXT NOT NULL,
    "pollId" TEXT NOT NULL,
    "voterId" TEXT,
    "choice" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PollVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Idea" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "authorId" TEXT,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Idea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ToolUse" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "note" TEXT,
    "declaredById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ToolUse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkSetting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NetworkSetting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Initiative_communeId_happenedOn_idx" ON "Initiative"("communeId", "happenedOn");

-- CreateIndex
CREATE INDEX "Initiative_status_createdAt_idx" ON "Initiative"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Initiative_happenedOn_idx" ON "Initiative"("happenedOn");

-- CreateIndex
CREATE INDEX "Initiative_authorId_idx" ON "Initiative"("authorId");

-- CreateIndex
CREATE INDEX "InitiativeFollow_personId_idx" ON "InitiativeFollow"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "InitiativeFollow_initiativeId_personId_key" ON "InitiativeFollow"("initiativeId", "personId");

-- CreateIndex
CREATE INDEX "ExperienceSheet_createdAt_idx" ON "ExperienceSheet"("createdAt");

-- CreateIndex
CREATE INDEX "ExperienceSheet_authorId_idx" ON "ExperienceSheet"("authorId");

-- CreateIndex
CREATE INDEX "Poll_authorId_idx" ON "Poll"("authorId");

-- CreateIndex
CREATE INDEX "PollVote_voterId_idx" ON "PollVote"("voterId");

-- CreateIndex
CREATE UNIQUE INDEX "PollVote_pollId_voterId_key" ON "PollVote"("pollId", "voterId");

-- CreateIndex
CREATE INDEX "Idea_communeId_status_idx" ON "Idea"("communeId", "status");

-- CreateIndex
CREATE INDEX "Idea_authorId_idx" ON "Idea"("authorId");

-- CreateIndex
CREATE INDEX "ToolUse_key_idx" ON "ToolUse"("key");

-- CreateIndex
CREATE INDEX "ToolUse_declaredById_idx" ON "ToolUse"("declaredById");

-- CreateIndex
CREATE UNIQUE INDEX "ToolUse_communeId_key_key" ON "ToolUse"("communeId", "key");

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeFollow" ADD CONSTRAINT "InitiativeFollow_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeFollow" ADD CONSTRAINT "InitiativeFollow_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeFollow" ADD CONSTRAINT "InitiativeFollow_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExperienceSheet" ADD CONSTRAINT "ExperienceSheet_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExperienceSheet" ADD CONSTRAINT "ExperienceSheet_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Poll" ADD CONSTRAINT "Poll_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Poll" ADD CONSTRAINT "Poll_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollVote" ADD CONSTRAINT "PollVote_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollVote" ADD CONSTRAINT "PollVote_voterId_fkey" FOREIGN KEY ("voterId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolUse" ADD CONSTRAINT "ToolUse_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolUse" ADD CONSTRAINT "ToolUse_declaredById_fkey" FOREIGN KEY ("declaredById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

