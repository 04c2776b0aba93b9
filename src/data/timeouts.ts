/**
 * How long the bot waits for its database before it gives up and says so. Without limits, a
 * frozen PostgreSQL (a network that drops packets, a server stuck on I/O) held a command for
 * 90 s; with them, a command fails within a few seconds and the person is told the database
 * is unavailable and nothing was saved (src/data/unavailable.ts).
 */
export interface DatabaseTimeouts {
  /** PostgreSQL: opening a connection (TCP + start-up), client side. */
  connectTimeoutMs: number;
  /** PostgreSQL: `statement_timeout`, the server cancels a statement running longer. */
  statementTimeoutMs: number;
  /**
   * PostgreSQL: the client stops waiting for an answer (`query_timeout` of pg). This is what
   * notices a server or network that accepts but no longer answers, where the server-side
   * limit cannot act; longer than `statementTimeoutMs` so that a slow statement is cancelled
   * by the server first and its connection stays usable.
   */
  queryTimeoutMs: number;
  /**
   * PostgreSQL: `idle_in_transaction_session_timeout`, the server ends a session whose
   * transaction was left open (and its locks held). Generous: a command is one transaction
   * and may wait inside it for a platform (a Slack or Discord lookup).
   */
  idleInTransactionTimeoutMs: number;
  /** SQLite: busy timeout, a blocking wait for another process's write lock before a retry (src/data/sqlite-busy.ts). */
  sqliteBusyTimeoutMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  connectTimeoutMs: 3_000,
  statementTimeoutMs: 5_000,
  queryTimeoutMs: 6_000,
  idleInTransactionTimeoutMs: 30_000,
  sqliteBusyTimeoutMs: 250,
};
