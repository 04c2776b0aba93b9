/**
 * PostgreSQL side of the migration runner, over one dedicated `pg` connection: advisory
 * locks belong to a session, so the lock, the migrations and the unlock must share it.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { MigrationError } from "./errors.js";
import { checksumMismatch, type AppliedMigration, type Migration, type MigrationDriver } from "./migrate.js";
import { quoteIdent } from "./url.js";

/**
 * The advisory lock key Prisma Migrate itself takes (`SELECT pg_advisory_lock(72707369)`,
 * read from its schema engine): our runner and `prisma migrate deploy` exclude each other.
 */
export const MIGRATION_LOCK_KEY = 72707369;

/** The table exactly as Prisma Migrate creates it on PostgreSQL. */
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface Row {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Connects and returns the PostgreSQL {@link MigrationDriver} for `schema`. */
export async function openPostgresMigrationDriver(connectionString: string, schema: string): Promise<MigrationDriver> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  // A connection dropped while idle emits 'error' on the client; unhandled, it would kill
  // the process. The failing query reports the problem anyway.
  client.on("error", () => {});
  await client.connect();
  const ident = quoteIdent(schema);
  let locked = false;

  return {
    async lock() {
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      locked = true;
    },
    async unlock() {
      if (!locked) return;
      locked = false;
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    },
    async ensureTable() {
      // Under the lock: two concurrent `CREATE SCHEMA IF NOT EXISTS` can still collide.
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident}`);
      // Migration scripts name tables without a schema: they land in the first one on the path.
      await client.query(`SET search_path TO ${ident}`);
      await client.query(CREATE_TABLE);
    },
    async applied() {
      const result = await client.query<Row>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
      );
      return result.rows.map(
        (row): AppliedMigration => ({
          name: row.migration_name,
          checksum: row.checksum,
          finishedAt: row.finished_at,
          rolledBackAt: row.rolled_back_at,
        }),
      );
    },
    async apply(migration: Migration) {
      await client.query("BEGIN");
      try {
        const done = await client.query<{ checksum: string }>(
          `SELECT checksum FROM "_prisma_migrations"
           WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
          [migration.name],
        );
        const row = done.rows[0];
        if (row) {
          await client.query("ROLLBACK");
          if (row.checksum !== migration.checksum) throw checksumMismatch(migration, row.checksum);
          return "already";
        }
        const startedAt = new Date();
        // No parameters: pg sends the script with the simple query protocol, which runs
        // several statements; DDL is transactional in PostgreSQL, so all or nothing.
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations"
             (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES ($1, $2, $3, $4, NULL, NULL, $5, 1)`,
          // JS clock for both instants: now() would be the transaction's start, before started_at.
          [randomUUID(), migration.checksum, new Date(), migration.name, startedAt],
        );
        await client.query("COMMIT");
        return "applied";
      } catch (cause) {
        if (cause instanceof MigrationError) throw cause;
        await client.query("ROLLBACK").catch(() => {});
        throw new MigrationError(
          "migration_failed",
          `Migration ${migration.name} failed and was rolled back: ${(cause as Error).message}`,
          migration.name,
          { cause },
        );
      }
    },
    async close() {
      await client.end();
    },
  };
}
