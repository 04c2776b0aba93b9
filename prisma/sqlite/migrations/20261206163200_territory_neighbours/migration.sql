-- CreateTable
CREATE TABLE "EventCommune" (
    "eventId" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "addedAt" DATETIME NOT NULL,

    PRIMARY KEY ("eventId", "communeId")
);

-- CreateTable
CREATE TABLE "NeighbourAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communeId" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "LocalFeast" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "yearly" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "EventCommune_communeId_idx" ON "EventCommune"("communeId");

-- CreateIndex
CREATE UNIQUE INDEX "NeighbourAnswer_communeId_item_answer_key" ON "NeighbourAnswer"("communeId", "item", "answer");

-- CreateIndex
CREATE INDEX "LocalFeast_communeId_idx" ON "LocalFeast"("communeId");

