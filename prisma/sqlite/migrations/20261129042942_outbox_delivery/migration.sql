-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idempotencyKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'notification',
    "platform" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "userId" TEXT,
    "payload" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "expiresAt" DATETIME,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "lastError" TEXT,
    "claimedBy" TEXT,
    "claimedUntil" DATETIME,
    "attemptedAt" DATETIME,
    "sentAt" DATETIME,
    "externalId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_OutboxMessage" ("attempts", "channelId", "createdAt", "dueAt", "externalId", "id", "idempotencyKey", "lastError", "payload", "platform", "sentAt", "state", "updatedAt", "workspaceId") SELECT "attempts", "channelId", "createdAt", "dueAt", "externalId", "id", "idempotencyKey", "lastError", "payload", "platform", "sentAt", "state", "updatedAt", "workspaceId" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE UNIQUE INDEX "OutboxMessage_idempotencyKey_key" ON "OutboxMessage"("idempotencyKey");
CREATE INDEX "OutboxMessage_state_nextAttemptAt_idx" ON "OutboxMessage"("state", "nextAttemptAt");
CREATE INDEX "OutboxMessage_state_claimedUntil_idx" ON "OutboxMessage"("state", "claimedUntil");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Rows queued before this migration become due at their due time.
UPDATE "OutboxMessage" SET "nextAttemptAt" = "dueAt";
