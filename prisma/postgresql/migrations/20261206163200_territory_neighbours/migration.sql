-- CreateTable
CREATE TABLE "EventCommune" (
    "eventId" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EventCommune_pkey" PRIMARY KEY ("eventId","communeId")
);

-- CreateTable
CREATE TABLE "NeighbourAnswer" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NeighbourAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LocalFeast" (
    "id" TEXT NOT NULL,
    "communeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "yearly" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LocalFeast_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EventCommune_communeId_idx" ON "EventCommune"("communeId");

-- CreateIndex
CREATE UNIQUE INDEX "NeighbourAnswer_communeId_item_answer_key" ON "NeighbourAnswer"("communeId", "item", "answer");

-- CreateIndex
CREATE INDEX "LocalFeast_communeId_idx" ON "LocalFeast"("communeId");

