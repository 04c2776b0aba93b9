/**
 * SQLite side of the migration runner, straight over better-sqlite3 (synchronous, one
 * connection of its own, closed at the end of the run).
 */
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { MigrationError } from "./errors.js";
import { checksumMismatch, type AppliedMigration, type Migration, type MigrationDriver } from "./migrate.js";

/** The table exactly as Prisma Migrate creates it on SQLite. */
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

interface Row {
  migration_name: string;
  checksum: string;
  finished_at: string | null;
  rolled_back_at: string | null;
}

/** Prisma writes RFC 3339 text with an explicit offset (`...712+00:00`); we do the same. */
function prismaTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** Opens the file (creating its folder) and returns the SQLite {@link MigrationDriver}. */
export function openSqliteMigrationDriver(file: string): MigrationDriver {
  mkdirSync(path.dirname(file), { recursive: true });
  // `timeout` is SQLite's busy timeout: a second process waits for the write lock
  // instead of failing with SQLITE_BUSY.
  const db = new Database(file, { timeout: 15_000 });
  // WAL lets the scheduler and the command handlers read while another connection writes;
  // the mode is stored in the file, so setting it here covers the Prisma connection too.
  db.pragma("journal_mode = WAL");

  const toApplied = (row: Row): AppliedMigration => ({
    name: row.migration_name,
    checksum: row.checksum,
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at),
    rolledBackAt: row.rolled_back_at === null ? null : new Date(row.rolled_back_at),
  });

  return {
    async lock() {
      // Nothing to hold for the whole run: each migration takes the write lock (BEGIN IMMEDIATE).
    },
    async unlock() {},
    async ensureTable() {
      db.exec(CREATE_TABLE);
    },
    async applied() {
      const rows = db
        .prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`)
        .all() as Row[];
      return rows.map(toApplied);
    },
    async apply(migration: Migration) {
      // SQLite ignores `PRAGMA foreign_keys` inside a transaction, and Prisma's table
      // redefinitions (DROP + rename) would otherwise cascade deletes into child tables.
      // So, as the SQLite manual prescribes for schema changes: keys off outside the
      // transaction, `foreign_key_check` before commit, keys back on afterwards.
      db.pragma("foreign_keys = OFF");
      try {
        db.exec("BEGIN IMMEDIATE");
        try {
          const done = db
            .prepare(
              `SELECT checksum FROM "_prisma_migrations"
               WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
            )
            .get(migration.name) as { checksum: string } | undefined;
          if (done) {
            db.exec("ROLLBACK");
            if (done.checksum !== migration.checksum) throw checksumMismatch(migration, done.checksum);
            return "already";
          }
          const startedAt = prismaTimestamp(new Date());
          db.exec(migration.sql);
          const violations = db.pragma("foreign_key_check") as unknown[];
          if (violations.length > 0) {
            throw new Error(`foreign_key_check found ${violations.length} violation(s) after the migration`);
          }
          db.prepare(
            `INSERT INTO "_prisma_migrations"
               (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
             VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
          ).run(randomUUID(), migration.checksum, prismaTimestamp(new Date()), migration.name, startedAt);
          db.exec("COMMIT");
          return "applied";
        } catch (cause) {
          if (db.inTransaction) db.exec("ROLLBACK");
          if (cause instanceof MigrationError) throw cause;
          throw new MigrationError(
            "migration_failed",
            `Migration ${migration.name} failed and was rolled back: ${(cause as Error).message}`,
            migration.name,
            { cause },
          );
        }
      } finally {
        db.pragma("foreign_keys = ON");
      }
    },
    async close() {
      db.close();
    },
  };
}
