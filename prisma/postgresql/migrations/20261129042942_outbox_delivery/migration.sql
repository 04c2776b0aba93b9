-- DropIndex
DROP INDEX "OutboxMessage_state_dueAt_idx";

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "attemptedAt" TIMESTAMP(3),
ADD COLUMN     "claimedBy" TEXT,
ADD COLUMN     "claimedUntil" TIMESTAMP(3),
ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'notification',
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "userId" TEXT;

-- CreateIndex
CREATE INDEX "OutboxMessage_state_nextAttemptAt_idx" ON "OutboxMessage"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_state_claimedUntil_idx" ON "OutboxMessage"("state", "claimedUntil");


-- Rows queued before this migration become due at their due time.
UPDATE "OutboxMessage" SET "nextAttemptAt" = "dueAt";
