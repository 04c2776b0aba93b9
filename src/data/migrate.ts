/**
 * The one migration runner, used for SQLite and PostgreSQL at start-up.
 *
 * Why our own: on this machine Prisma 6.19's JavaScript schema engine cannot run
 * `migrate deploy` against PostgreSQL ("Column type 'name' could not be deserialized"), and
 * the native engine cannot be downloaded. So the service applies the SQL files that
 * `prisma migrate diff` produced (see make-migration.ts) itself:
 * - migrations are the folders `prisma/<provider>/migrations/<timestamp>_<name>/migration.sql`,
 *   applied in name order, each inside its own transaction;
 * - each applied migration is recorded in `_prisma_migrations`, with the same columns and the
 *   same checksum (SHA-256 of the file) as Prisma Migrate, so the Prisma CLI agrees with us;
 * - PostgreSQL: the whole run holds `pg_advisory_lock`, so replicas starting together queue
 *   up and the later ones find nothing left to do;
 * - SQLite: each migration runs under `BEGIN IMMEDIATE` (the write lock) and re-checks inside
 *   it whether another process applied it meanwhile;
 * - an applied migration whose file changed stops the start with a `checksum_mismatch` error.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MigrationError } from "./errors.js";
import type { DatabaseTarget } from "./url.js";

/** One migration folder read from disk. */
export interface Migration {
  /** Folder name, e.g. `20261129040447_init`. */
  name: string;
  sql: string;
  /** SHA-256 (hex) of the file bytes, as Prisma Migrate computes it. */
  checksum: string;
}

/** One row of `_prisma_migrations`. */
export interface AppliedMigration {
  name: string;
  checksum: string;
  finishedAt: Date | null;
  rolledBackAt: Date | null;
}

/** Minimal structured logger (pino's `Logger` fits). */
export interface DataLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/**
 * What a provider must offer the runner. Implemented in migrate-sqlite.ts and
 * migrate-postgres.ts; everything else (order, checks, logging) is shared here.
 */
export interface MigrationDriver {
  /** Exclusive access for the whole run (PostgreSQL advisory lock; no-op on SQLite). */
  lock(): Promise<void>;
  unlock(): Promise<void>;
  /** Creates `_prisma_migrations` (and the PostgreSQL schema) when missing. */
  ensureTable(): Promise<void>;
  applied(): Promise<AppliedMigration[]>;
  /**
   * Applies one migration and records it, in one transaction. Returns `already` when,
   * once inside the transaction, the migration turns out to be applied by someone else.
   */
  apply(migration: Migration): Promise<"applied" | "already">;
  close(): Promise<void>;
}

/** Outcome of {@link runMigrations}. */
export interface MigrationReport {
  provider: DatabaseTarget["provider"];
  /** Names applied by this run, in order. */
  applied: string[];
  /** How many were already applied before this run. */
  alreadyApplied: number;
  durationMs: number;
}

export interface RunMigrationsOptions {
  /** Folder of migration folders; defaults to `prisma/<provider>/migrations` of this project. */
  migrationsDir?: string;
  logger?: DataLogger;
}

/** The project's `prisma/<provider>/migrations` folder, found from this file's location. */
export function defaultMigrationsDir(provider: DatabaseTarget["provider"]): string {
  const here = path.dirname(fileURLToPath(import.meta.url)); // src/data
  return path.resolve(here, "..", "..", "prisma", provider, "migrations");
}

/** SHA-256 hex of a migration file, the checksum Prisma stores in `_prisma_migrations`. */
export function checksumOf(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

/** Reads every `<dir>/<name>/migration.sql`, sorted by folder name. */
export async function readMigrations(dir: string): Promise<Migration[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (cause) {
    throw new MigrationError("no_migrations", `Cannot read the migrations folder ${dir}`, undefined, { cause });
  }
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrations: Migration[] = [];
  for (const name of names) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(dir, name, "migration.sql"));
    } catch {
      continue; // a folder without migration.sql is not a migration (Prisma skips it too)
    }
    migrations.push({ name, sql: bytes.toString("utf8"), checksum: checksumOf(bytes) });
  }
  if (migrations.length === 0) throw new MigrationError("no_migrations", `No migrations found in ${dir}`);
  return migrations;
}

/**
 * Compares disk and database: returns the migrations still to apply and the names recorded
 * in the database but absent from disk (a newer version of the service may have applied
 * them: a warning, not an error). Throws on a changed or half-applied migration.
 */
export function planMigrations(
  onDisk: Migration[],
  inDb: AppliedMigration[],
): { pending: Migration[]; unknown: string[] } {
  const live = inDb.filter((row) => row.rolledBackAt === null);
  for (const row of live) {
    if (row.finishedAt === null) {
      throw new MigrationError(
        "failed_previously",
        `Migration ${row.name} is recorded as started but not finished: repair the database, then mark it ` +
          `rolled back (rolled_back_at) in _prisma_migrations`,
        row.name,
      );
    }
  }
  const finished = new Map(live.map((row) => [row.name, row]));
  const pending: Migration[] = [];
  for (const migration of onDisk) {
    const row = finished.get(migration.name);
    if (!row) pending.push(migration);
    else if (row.checksum !== migration.checksum) throw checksumMismatch(migration, row.checksum);
  }
  const known = new Set(onDisk.map((m) => m.name));
  const unknown = [...finished.keys()].filter((name) => !known.has(name));
  return { pending, unknown };
}

/** The error for an applied migration whose file was edited afterwards. */
export function checksumMismatch(migration: Migration, recorded: string): MigrationError {
  return new MigrationError(
    "checksum_mismatch",
    `Migration ${migration.name} was modified after it was applied (checksum ${recorded.slice(0, 12)}… in the ` +
      `database, ${migration.checksum.slice(0, 12)}… on disk): restore the file and add a new migration instead`,
    migration.name,
  );
}

/**
 * Applies the pending migrations of `target`'s provider. Safe to call from several
 * processes at once. Throws {@link MigrationError} when the service must not start.
 */
export async function runMigrations(
  target: DatabaseTarget,
  options: RunMigrationsOptions = {},
): Promise<MigrationReport> {
  const started = performance.now();
  const migrations = await readMigrations(options.migrationsDir ?? defaultMigrationsDir(target.provider));
  const driver = await openDriver(target);
  const applied: string[] = [];
  let alreadyApplied = 0;
  try {
    await driver.lock();
    try {
      await driver.ensureTable();
      const plan = planMigrations(migrations, await driver.applied());
      alreadyApplied = migrations.length - plan.pending.length;
      if (plan.unknown.length > 0) {
        options.logger?.warn({ migrations: plan.unknown }, "database has migrations this version does not know");
      }
      for (const migration of plan.pending) {
        const t0 = performance.now();
        const outcome = await driver.apply(migration);
        if (outcome === "already") {
          alreadyApplied += 1;
          continue;
        }
        applied.push(migration.name);
        options.logger?.info(
          { migration: migration.name, ms: Math.round(performance.now() - t0) },
          "migration applied",
        );
      }
    } finally {
      await driver.unlock();
    }
  } finally {
    await driver.close();
  }
  return { provider: target.provider, applied, alreadyApplied, durationMs: performance.now() - started };
}

/** Where the database stands against this version's migrations (`npm run doctor`). */
export interface MigrationStatus {
  applied: number;
  pending: string[];
  /** Recorded in the database, absent from disk: a newer version used it. */
  unknown: string[];
}

/**
 * Reads which migrations are applied, without applying any (it creates the empty
 * `_prisma_migrations` table when missing, as the first start would). Throws the
 * {@link MigrationError} of a changed or half-applied migration, as a start would.
 */
export async function migrationStatus(target: DatabaseTarget, options: { migrationsDir?: string } = {}): Promise<MigrationStatus> {
  const migrations = await readMigrations(options.migrationsDir ?? defaultMigrationsDir(target.provider));
  const driver = await openDriver(target);
  try {
    await driver.ensureTable();
    const plan = planMigrations(migrations, await driver.applied());
    return { applied: migrations.length - plan.pending.length, pending: plan.pending.map((m) => m.name), unknown: plan.unknown };
  } finally {
    await driver.close();
  }
}

async function openDriver(target: DatabaseTarget): Promise<MigrationDriver> {
  // Imported on demand: a SQLite deployment never loads `pg`, and the reverse.
  if (target.provider === "sqlite") {
    const { openSqliteMigrationDriver } = await import("./migrate-sqlite.js");
    return openSqliteMigrationDriver(target.file);
  }
  const { openPostgresMigrationDriver } = await import("./migrate-postgres.js");
  return openPostgresMigrationDriver(target.connectionString, target.schema);
}
