-- CreateTable
CREATE TABLE "CalendarMirror" (
    "id" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "cancelled" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarMirror_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarMirror_ref_platform_workspaceId_key" ON "CalendarMirror"("ref", "platform", "workspaceId");

